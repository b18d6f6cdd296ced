import { describe, expect, it } from 'vitest';
import { dailyLimitsErrorsFromServer, dailyLimitsValuesOf, validateDailyLimits } from '../src/features/settings/dailyLimitsForm.ts';
import { dictionaries } from '../src/i18n/dictionary.ts';
import { describeIssue } from '../src/i18n/refusals.ts';

const stored = { globalDailyLimit: 20, restaurantDailyLimit: 10 };
const values = dailyLimitsValuesOf(stored);
const { en, es } = dictionaries;

describe('the stored daily limits form', () => {
  it('starts from the stored limits', () => {
    expect(values).toEqual({ globalDailyLimit: '20', restaurantDailyLimit: '10' });
  });

  it('sends only the limits that changed, and nothing when none did', () => {
    expect(validateDailyLimits({ ...values, restaurantDailyLimit: ' 12 ' }, stored, en.settings)).toEqual({
      ok: true,
      input: { restaurantDailyLimit: 12 },
    });
    expect(validateDailyLimits({ globalDailyLimit: '1000000', restaurantDailyLimit: '1' }, stored, en.settings)).toEqual({
      ok: true,
      input: { globalDailyLimit: 1_000_000, restaurantDailyLimit: 1 },
    });
    expect(validateDailyLimits(values, stored, en.settings)).toEqual({ ok: true, input: null });
  });

  it('says the range of a limit out of bounds or not a whole number, in the chosen language', () => {
    expect(validateDailyLimits({ globalDailyLimit: '0', restaurantDailyLimit: '1000001' }, stored, en.settings)).toEqual({
      ok: false,
      errors: {
        globalDailyLimit: 'A whole number from 1 to 1,000,000',
        restaurantDailyLimit: 'A whole number from 1 to 1,000,000',
      },
    });
    for (const typed of ['', '2.5', 'diez', '-3']) {
      expect(validateDailyLimits({ ...values, globalDailyLimit: typed }, stored, es.settings), typed).toEqual({
        ok: false,
        errors: { globalDailyLimit: 'Un número entero de 1 a 1.000.000' },
      });
    }
  });

  it("places the server's issues on their inputs and keeps the rest for the top, in the page's words", () => {
    const issues = [
      {
        path: 'globalDailyLimit',
        message: 'globalDailyLimit must be at most 1000000',
        code: 'too_big',
        origin: 'number',
        maximum: 1_000_000,
      },
      { path: '', message: 'give globalDailyLimit, restaurantDailyLimit or both', code: 'limit_required' },
    ] as const;
    expect(dailyLimitsErrorsFromServer([...issues], (issue, withField) => describeIssue(issue, 'es', { withField }))).toEqual({
      fields: { globalDailyLimit: 'Como máximo 1.000.000' },
      general: ['Indique un límite diario'],
    });
  });
});
