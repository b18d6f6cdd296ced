import { describe, expect, it } from 'vitest';
import { dictionaries } from '../src/i18n/dictionary.ts';
import { describeSlotsTooSoon } from '../src/i18n/refusals.ts';

/** Review D13: a day's times inside the restaurant's notice say "too soon", and the page says how much notice it needs. */
describe('times inside the minimum notice, in words', () => {
  it('names the notice in the unit people say it in, in both languages', () => {
    expect(describeSlotsTooSoon('Mar Caribe', 1440, 'en')).toBe(
      'Mar Caribe takes bookings at least 24 hours ahead, so the times that start sooner can no longer be booked.',
    );
    expect(describeSlotsTooSoon('Mar Caribe', 1440, 'es')).toBe(
      'Mar Caribe recibe reservas con al menos 24 horas de anticipación, así que las horas que empiezan antes ya no se pueden reservar.',
    );
    expect(describeSlotsTooSoon('Mar Caribe', 60, 'es')).toContain('al menos 1 hora de anticipación');
    expect(describeSlotsTooSoon('Mar Caribe', 90, 'en')).toContain('at least 90 minutes ahead');
    expect(describeSlotsTooSoon('Mar Caribe', 1, 'en')).toContain('at least 1 minute ahead');
    expect(describeSlotsTooSoon('Mar Caribe', 2880, 'es')).toContain('al menos 2 días de anticipación');
    expect(describeSlotsTooSoon('Mar Caribe', 1500, 'en')).toContain('at least 25 hours ahead');
    expect(describeSlotsTooSoon('Mar Caribe', 10_080 + 30, 'es')).toContain('al menos 10.110 minutos');
  });

  it('labels such a time "too soon", not "no longer"', () => {
    expect([dictionaries.en.day.timed.slotState.tooSoon, dictionaries.es.day.timed.slotState.tooSoon]).toEqual(['Too soon', 'Muy pronto']);
  });
});
