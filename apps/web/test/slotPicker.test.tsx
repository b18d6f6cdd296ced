// @vitest-environment jsdom
import type { SlotOutput } from '@tablebook/api/shared';
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { SlotPicker } from '../src/features/day/SlotPicker.tsx';
import type { BookingWindow } from '../src/features/day/slotTimes.ts';
import { I18nProvider } from '../src/i18n/I18nProvider.tsx';
import { namedBy } from './support/names.ts';

afterEach(cleanup);

/** Friday 4 December 2026 at a Madrid restaurant open 19:00-02:00: its last starts are Saturday's. */
const slot = (time: string, day: string, changes: Partial<SlotOutput> = {}): SlotOutput => ({
  time,
  startsAt: `${day}T${time}:00+01:00`,
  endsAt: `${day}T${time}:00+01:00`,
  freeTables: ['A0', 'A1'],
  bookable: true,
  ...changes,
});
const night = [slot('23:30', '2026-12-04'), slot('00:00', '2026-12-05'), slot('00:30', '2026-12-05')];
const early: BookingWindow = { now: Date.parse('2026-11-01T12:00:00+01:00'), minAdvanceMinutes: 0, maxAdvanceDays: null };

function renderPicker(language: 'en' | 'es', slots: readonly SlotOutput[], bookingWindow = early) {
  return render(
    <I18nProvider initial={language}>
      <SlotPicker
        slots={slots}
        date="2026-12-04"
        bookingWindow={bookingWindow}
        wanted="00:30"
        selected={undefined}
        busy={false}
        onSelect={() => undefined}
        onWantedChange={() => undefined}
      />
    </I18nProvider>,
  );
}

describe('the start times', () => {
  it('say "after midnight" on the night’s next day, and are named by their visible text', () => {
    renderPicker('en', night);
    const list = screen.getByRole('list', { name: 'Start times' });
    // The visible words, with the separators only a screen reader hears.
    expect(
      within(list)
        .getAllByRole('button')
        .map((button) => button.textContent),
    ).toEqual(['11:30 PM: 2 tables', '12:00 AM, after midnight: 2 tables', '12:30 AM, after midnight: 2 tables']);
    const late = within(list).getByRole('button', { name: namedBy('12:30 AM', 'after midnight', '2 tables') });
    expect(late.hasAttribute('aria-label')).toBe(false);
  });

  it('say so in Spanish too', () => {
    renderPicker('es', night);
    expect(screen.getByRole('button', { name: namedBy('12:30 a. m.', 'después de medianoche', '2 mesas') })).toBeTruthy();
  });

  it('tell a day not yet open for booking from a start no longer bookable', () => {
    const refused = (time: string, day: string) => slot(time, day, { bookable: false, reason: 'OUTSIDE_BOOKING_WINDOW', freeTables: [] });
    renderPicker('en', [refused('23:30', '2026-12-04')], { ...early, maxAdvanceDays: 7 });
    expect(screen.getByRole('button', { name: namedBy('11:30 PM', 'Not yet open') }).getAttribute('aria-disabled')).toBe('true');
    cleanup();
    renderPicker('es', [refused('23:30', '2026-12-04')], { ...early, now: Date.parse('2026-12-04T23:45:00+01:00'), maxAdvanceDays: 7 });
    expect(screen.getByRole('button', { name: /Ya no$/ })).toBeTruthy();
  });
});
