import type { RouterInputs } from '@tablebook/client';
import type { FlagSpecs, FlagValues } from '../args/flags.ts';
import { parseDailyLimit, parsePacing } from '../args/pacing.ts';

/** A restaurant's own limits; optional for create and update alike (an update without them keeps them). */
export const limitFlags = {
  'daily-limit': {
    type: 'string',
    valueName: 'N',
    description: 'its own daily limit of reservations (1 to 1000000); "default" for the stored restaurant daily limit',
  },
  pacing: {
    type: 'string',
    valueName: 'PACING',
    description: 'at most MAX_COVERS guests start per interval, INTERVAL_MINUTES:MAX_COVERS, e.g. "30:20"; "none" clears it',
  },
} as const satisfies FlagSpecs;

/** The help's explanation of the limit flags, shared by restaurants create and update. */
export const limitNotes = [
  '',
  '--daily-limit N caps the reservations this restaurant takes a day ("default": the stored limit, see',
  'tablebook settings). --pacing INTERVAL_MINUTES:MAX_COVERS, e.g. 30:20, lets at most 20 guests (the',
  'party sizes of timed reservations) start in each 30-minute interval from midnight (15, 30 or 60).',
  'Pacing needs --hours. A new limit or pacing cancels no booking; later ones past it are refused.',
];

type LimitField = 'dailyLimit' | 'pacing';
export type LimitFields = Partial<Pick<RouterInputs['restaurant']['create'], LimitField>>;

/** The limits the flags give, in the API's shape; those not given are left out (a create gets none, an update keeps them). */
export function limitFieldsFromFlags(flags: FlagValues<typeof limitFlags>): LimitFields {
  const fields: LimitFields = {};
  if (flags['daily-limit'] !== undefined) fields.dailyLimit = parseDailyLimit(flags['daily-limit']);
  if (flags.pacing !== undefined) fields.pacing = parsePacing(flags.pacing);
  return fields;
}
