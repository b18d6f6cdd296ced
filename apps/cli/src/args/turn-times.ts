import type { RouterInputs } from '@tablebook/client';
import { UsageError } from '../errors.ts';

type TurnTime = NonNullable<RouterInputs['restaurant']['create']['turnTimes']>[number];

/**
 * How long each size of party holds its table, written "2:90,4:120,20:150": parties of up to 2 for 90
 * minutes, up to 4 for 120, up to 20 for 150. In ascending party size, as the API requires (a list out
 * of order is more likely a slip than a wish, so it is refused, not sorted); the API checks the ranges
 * (1 to 20 people, 15 to 720 minutes) and that no size is listed twice.
 */
export function parseTurnTimes(text: string): TurnTime[] {
  const entries = text.split(/[\s,]+/).filter((entry) => entry !== '');
  if (entries.length === 0) throw new UsageError('--turn-times needs at least one MAX_PARTY_SIZE:MINUTES pair, like "2:90,4:120,20:150"');
  const turns = entries.map((entry) => {
    const match = /^(\d{1,4}):(\d{1,4})$/.exec(entry);
    if (!match) {
      throw new UsageError(`--turn-times takes MAX_PARTY_SIZE:MINUTES pairs separated by commas, like "2:90,4:120,20:150", not "${entry}"`);
    }
    return { maxPartySize: Number(match[1]), minutes: Number(match[2]) };
  });
  turns.forEach((turn, index) => {
    const before = turns[index - 1];
    if (before && turn.maxPartySize < before.maxPartySize) {
      throw new UsageError(
        `--turn-times lists party sizes in ascending order: ${before.maxPartySize}:${before.minutes} comes after ${turn.maxPartySize}:${turn.minutes}, not before`,
      );
    }
  });
  return turns;
}

/** The same notation back: what --turn-times takes. */
export const formatTurnTimes = (turnTimes: readonly TurnTime[]) =>
  turnTimes.map((turn) => `${turn.maxPartySize}:${turn.minutes}`).join(',');
