import { parseClockTime } from '../args/clock-time.ts';
import type { FlagSpecs, FlagValues } from '../args/flags.ts';
import { parseCount } from '../args/flags.ts';

/** When a booking starts and how long it holds its table, for book and reservations move. */
export const bookingTimeFlags = {
  time: {
    type: 'string',
    valueName: 'HH:MM',
    description: 'the start, at a restaurant with opening hours (it may be off the slot grid, within the hours)',
  },
  'duration-minutes': {
    type: 'string',
    valueName: 'N',
    description: "how long the table is held (15 to 720), instead of the restaurant's turn time for the party size",
  },
} as const satisfies FlagSpecs;

export interface BookingTime {
  time?: string;
  durationMinutes?: number;
}

/** The start (any "H:MM" written as the API's "HH:MM") and the duration the flags give; neither is required. */
export function bookingTimeFromFlags(flags: FlagValues<typeof bookingTimeFlags>): BookingTime {
  const fields: BookingTime = {};
  if (flags.time !== undefined) fields.time = parseClockTime('time', flags.time);
  if (flags['duration-minutes'] !== undefined) fields.durationMinutes = parseCount('duration-minutes', flags['duration-minutes']);
  return fields;
}
