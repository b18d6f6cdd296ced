import { restaurantFields, type RestaurantOutput } from '@tablebook/api/shared';
import type { Messages } from '../../i18n/dictionary.ts';

/**
 * A restaurant's own limits as the form edits them: its daily limit (empty = the stored default for
 * every restaurant) and its pacing (off, or an interval and the most guests starting in each). Kept
 * as typed; `limitsInputOf` gives the API's shape and the API's schema judges it.
 */

const dailyLimitSchema = restaurantFields.shape.dailyLimit.unwrap().unwrap();
const pacingSchema = restaurantFields.shape.pacing.unwrap().unwrap();

/** The interval lengths the API takes (15, 30, 60), read from its schema so the choices cannot drift. */
export const PACING_CHOICES = pacingSchema.shape.intervalMinutes.options.map((option) => option.value);
type PacingMinutes = (typeof PACING_CHOICES)[number];

/** The schema's own bounds, for the inputs and their messages. */
const boundsOf = (schema: { minValue: number | null; maxValue: number | null }) => ({
  min: schema.minValue ?? 0,
  max: schema.maxValue ?? 0,
});
export const DAILY_LIMIT_BOUNDS = boundsOf(dailyLimitSchema);
export const MAX_COVERS_BOUNDS = boundsOf(pacingSchema.shape.maxCovers);

export interface LimitsFormValues {
  /** As typed; '' = none of its own (the stored default applies). */
  dailyLimit: string;
  /** 'off', or the interval's length in minutes. */
  pacingInterval: 'off' | PacingMinutes;
  /** As typed; kept while pacing is off, so turning it back on finds it again. */
  pacingMaxCovers: string;
}

/** The limits part of the API's input. */
export interface LimitsInput {
  dailyLimit: number | null;
  pacing: { intervalMinutes: PacingMinutes; maxCovers: number } | null;
}

type StoredLimits = Pick<RestaurantOutput, 'dailyLimit' | 'pacing'>;

/** What a new restaurant has, and what a create leaves out (the API gives the same). */
const NO_OWN_LIMITS: StoredLimits = { dailyLimit: null, pacing: null };

export const newLimitsValues = (): LimitsFormValues => ({ dailyLimit: '', pacingInterval: 'off', pacingMaxCovers: '' });

const isPacingMinutes = (value: number): value is PacingMinutes => (PACING_CHOICES as readonly number[]).includes(value);

export function limitsValuesOf(restaurant: StoredLimits): LimitsFormValues {
  const { pacing } = restaurant;
  return {
    dailyLimit: restaurant.dailyLimit === null ? '' : String(restaurant.dailyLimit),
    pacingInterval: pacing && isPacingMinutes(pacing.intervalMinutes) ? pacing.intervalMinutes : 'off',
    pacingMaxCovers: pacing ? String(pacing.maxCovers) : '',
  };
}

/** A whole number as typed, or NaN for the schema to refuse ("2.5", "1e3" and "12 guests" are not limits). */
const wholeNumber = (text: string) => (/^\s*\d{1,9}\s*$/.test(text) ? Number(text) : Number.NaN);

/**
 * What the API takes. Pacing needs opening hours: a restaurant that books whole days (`booksTimes`
 * false) sends none, so switching it to whole days turns its pacing off rather than being refused.
 */
export function limitsInputOf(values: LimitsFormValues, booksTimes: boolean): LimitsInput {
  const dailyLimit = values.dailyLimit.trim();
  return {
    dailyLimit: dailyLimit === '' ? null : wholeNumber(dailyLimit),
    pacing:
      booksTimes && values.pacingInterval !== 'off'
        ? { intervalMinutes: values.pacingInterval, maxCovers: wholeNumber(values.pacingMaxCovers) }
        : null,
  };
}

const samePacing = (input: LimitsInput['pacing'], stored: StoredLimits['pacing']) =>
  input === null || stored === null
    ? input === stored
    : input.intervalMinutes === stored.intervalMinutes && input.maxCovers === stored.maxCovers;

/**
 * An input without the limits that mean what is stored (none, for a new restaurant): a PUT without
 * them keeps them, so a save that did not touch them cannot undo a change made meanwhile elsewhere.
 */
export function withoutUnchangedLimits<Input extends Partial<LimitsInput>>(input: Input, stored: StoredLimits = NO_OWN_LIMITS): Input {
  const kept: Input = { ...input };
  if (input.dailyLimit !== undefined && input.dailyLimit === stored.dailyLimit) delete kept.dailyLimit;
  if (input.pacing !== undefined && samePacing(input.pacing, stored.pacing)) delete kept.pacing;
  return kept;
}

export const LIMIT_FIELDS = ['dailyLimit', 'pacing'] as const;
export type LimitField = (typeof LIMIT_FIELDS)[number];
export const isLimitField = (field: string): field is LimitField => (LIMIT_FIELDS as readonly string[]).includes(field);

type LimitMessages = Messages['manage']['validation']['limits'];

/** The part of a zod issue this needs: where. Every rule broken on one of these inputs is its range. */
interface LimitIssue {
  path: readonly PropertyKey[];
}

/** The schema's issue about a limit, in the reader's language. */
export function describeLimitIssue(field: LimitField, issue: LimitIssue, messages: LimitMessages): string {
  if (field === 'dailyLimit') return messages.dailyLimitRange(DAILY_LIMIT_BOUNDS.min, DAILY_LIMIT_BOUNDS.max);
  return issue.path[1] === 'intervalMinutes' ? messages.interval : messages.coversRange(MAX_COVERS_BOUNDS.min, MAX_COVERS_BOUNDS.max);
}
