// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { RestaurantLimitsEditor } from '../src/features/manage/RestaurantLimitsEditor.tsx';
import { newLimitsValues, type LimitsFormValues } from '../src/features/manage/restaurantLimits.ts';
import { I18nProvider } from '../src/i18n/I18nProvider.tsx';

afterEach(cleanup);

interface Options {
  booksTimes?: boolean;
  hasStoredPacing?: boolean;
  defaultDailyLimit?: number | undefined;
  errors?: { dailyLimit?: string; pacing?: string };
}

/** The editor as the form holds it: its values change as the manager types. */
function Editor({ booksTimes = true, hasStoredPacing = false, defaultDailyLimit, errors = {} }: Options) {
  const [values, setValues] = useState<LimitsFormValues>(newLimitsValues);
  return (
    <RestaurantLimitsEditor
      values={values}
      errors={errors}
      booksTimes={booksTimes}
      hasStoredPacing={hasStoredPacing}
      defaultDailyLimit={defaultDailyLimit}
      onChange={setValues}
    />
  );
}

const renderEditor = (options: Options = {}, language: 'en' | 'es' = 'en') =>
  render(
    <I18nProvider initial={language}>
      <Editor {...options} />
    </I18nProvider>,
  );

describe("the restaurant form's limits", () => {
  it('shows the stored default where the daily limit is left empty, and says nothing of a number it could not read', () => {
    renderEditor({ defaultDailyLimit: 1_000_000 });
    const limit = screen.getByRole('spinbutton', { name: 'Daily limit' });
    expect(limit.getAttribute('placeholder')).toBe('Default: 1,000,000');
    expect(screen.getByText(/Empty: the default for every restaurant, now 1,000,000/)).toBeTruthy();
    cleanup();
    renderEditor({ defaultDailyLimit: 12 }, 'es');
    expect(screen.getByRole('spinbutton', { name: 'Límite diario' }).getAttribute('placeholder')).toBe('Predeterminado: 12');
    cleanup();
    renderEditor();
    expect(screen.getByRole('spinbutton', { name: 'Daily limit' }).getAttribute('placeholder')).toBeNull();
    expect(screen.queryByText(/, now/)).toBeNull();
  });

  it('asks for the covers only once an interval is chosen', () => {
    renderEditor();
    expect(screen.queryByRole('spinbutton', { name: 'Most guests starting per interval' })).toBeNull();
    const interval = screen.getByRole('combobox', { name: 'Interval' });
    expect([...interval.querySelectorAll('option')].map((option) => option.textContent)).toEqual([
      'Off',
      '15-minute intervals',
      '30-minute intervals',
      '60-minute intervals',
    ]);
    fireEvent.change(interval, { target: { value: '15' } });
    expect(screen.getByRole('spinbutton', { name: 'Most guests starting per interval' })).toBeTruthy();
  });

  it('offers no pacing without opening hours, and says when saving turns the stored one off', () => {
    renderEditor({ booksTimes: false });
    expect(screen.queryByRole('combobox', { name: 'Interval' })).toBeNull();
    expect(screen.getByText(/^Pacing needs opening hours/)).toBeTruthy();
    expect(screen.queryByText(/pacing is turned off/)).toBeNull();
    cleanup();
    renderEditor({ booksTimes: false, hasStoredPacing: true });
    expect(screen.getByText(/Saved like this, the restaurant’s pacing is turned off\.$/)).toBeTruthy();
  });

  it("marks the field an error is about and reads the error with it (the server's pacing refusal too)", () => {
    renderEditor({ errors: { dailyLimit: 'Too big', pacing: 'pacing needs opening hours: give hours, or send pacing null' } });
    const limit = screen.getByRole('spinbutton', { name: 'Daily limit' });
    expect(limit.getAttribute('aria-invalid')).toBe('true');
    expect(
      limit
        .getAttribute('aria-describedby')
        ?.split(' ')
        .map((id) => document.getElementById(id)?.textContent),
    ).toContain('Too big');
    // With pacing off, the refusal marks the interval's choice.
    const interval = screen.getByRole('combobox', { name: 'Interval' });
    expect(interval.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(interval.getAttribute('aria-describedby') ?? '')?.textContent).toMatch(/needs opening hours/);
  });
});
