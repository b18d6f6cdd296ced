import { DAILY_LIMIT_MAX, DAILY_LIMIT_MIN, updateSettingsInput, type IssueDetail } from '@tablebook/api/shared';
import type { Messages } from '../../i18n/dictionary.ts';

/**
 * The stored daily limits as the settings page edits them: typed text in, the API's
 * `settings.update` input out, with only the limits that changed (a limit left out is kept, so a
 * save does not undo another administrator's change of the other one).
 */

const SETTINGS_FIELDS = ['globalDailyLimit', 'restaurantDailyLimit'] as const;
export type SettingsField = (typeof SETTINGS_FIELDS)[number];
const isSettingsField = (field: string): field is SettingsField => (SETTINGS_FIELDS as readonly string[]).includes(field);

export type StoredDailyLimits = Record<SettingsField, number>;
export type DailyLimitsValues = Record<SettingsField, string>;
export type DailyLimitsErrors = Partial<Record<SettingsField, string>>;
/** What `settings.update` takes: the schema's parsed output. */
type DailyLimitsInput = ReturnType<typeof updateSettingsInput.parse>;

export const dailyLimitsValuesOf = (stored: StoredDailyLimits): DailyLimitsValues => ({
  globalDailyLimit: String(stored.globalDailyLimit),
  restaurantDailyLimit: String(stored.restaurantDailyLimit),
});

/** A whole number as typed, or NaN for the schema to refuse ("", "2.5" and "1e3" are not limits). */
const wholeNumber = (text: string) => (/^\s*\d{1,9}\s*$/.test(text) ? Number(text) : Number.NaN);

export type DailyLimitsResult =
  | { ok: true /** Only the limits that changed; null when none did. */; input: DailyLimitsInput | null }
  | { ok: false; errors: DailyLimitsErrors };

/** Checks both inputs with the API's own schema, then keeps only the limits that differ from the stored ones. */
export function validateDailyLimits(
  values: DailyLimitsValues,
  stored: StoredDailyLimits,
  messages: Pick<Messages['settings'], 'range'>,
): DailyLimitsResult {
  const parsed = updateSettingsInput.safeParse({
    globalDailyLimit: wholeNumber(values.globalDailyLimit),
    restaurantDailyLimit: wholeNumber(values.restaurantDailyLimit),
  });
  if (!parsed.success) {
    const errors: DailyLimitsErrors = {};
    // Every rule a limit can break is its range: a whole number within the bounds.
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? '');
      if (isSettingsField(field)) errors[field] ??= messages.range(DAILY_LIMIT_MIN, DAILY_LIMIT_MAX);
    }
    return { ok: false, errors };
  }
  const changed: Partial<StoredDailyLimits> = {};
  for (const field of SETTINGS_FIELDS) {
    const value = parsed.data[field];
    if (value !== undefined && value !== stored[field]) changed[field] = value;
  }
  return { ok: true, input: Object.keys(changed).length > 0 ? changed : null };
}

/**
 * The server's issues next to their inputs, the rest for the top, worded by `describe` from each
 * issue's code and parameters (i18n/refusals.ts), not from the server's English.
 */
export function dailyLimitsErrorsFromServer(
  issues: readonly IssueDetail[],
  describe: (issue: IssueDetail, withField: boolean) => string,
): { fields: DailyLimitsErrors; general: string[] } {
  const fields: DailyLimitsErrors = {};
  const general: string[] = [];
  for (const issue of issues) {
    const field = issue.path.split('.')[0] ?? '';
    if (isSettingsField(field)) {
      const text = describe(issue, false);
      fields[field] = fields[field] ? `${fields[field]}; ${text}` : text;
    } else general.push(describe(issue, true));
  }
  return { fields, general };
}
