import type { RouterInputs } from '@tablebook/client';
import type { FlagSpecs, FlagValues } from '../args/flags.ts';
import { parseCount } from '../args/flags.ts';
import { parseHours } from '../args/hours.ts';
import { parseSpecialDates } from '../args/special-dates.ts';
import { meansNone } from '../args/time-ranges.ts';
import { parseTurnTimes } from '../args/turn-times.ts';
import { UsageError } from '../errors.ts';

/** When and how a restaurant takes bookings at a time of day; optional for create and update alike. */
export const calendarFlags = {
  'time-zone': {
    type: 'string',
    valueName: 'ZONE',
    description: "an IANA time zone, e.g. America/Bogota (a new restaurant gets the server's APP_TIMEZONE)",
  },
  hours: {
    type: 'string',
    valueName: 'HOURS',
    description: 'opening hours, e.g. "mon-fri 12:00-15:00 19:00-23:00; sat,sun 12:00-23:00"; "none" books whole days',
  },
  'special-dates': {
    type: 'string',
    valueName: 'DATES',
    description: 'dates with hours of their own, e.g. "2027-12-24 12:00-16:00; 2027-12-25 closed"; "none" clears them',
  },
  'slot-minutes': { type: 'string', valueName: 'N', description: 'the grid guests book on: 15, 30 or 60 minutes (default 30)' },
  'turn-times': {
    type: 'string',
    valueName: 'TURNS',
    description: 'how long a party holds its table, MAX_PARTY_SIZE:MINUTES pairs (default "2:90,4:120,20:150")',
  },
  'min-advance-minutes': {
    type: 'string',
    valueName: 'N',
    description: "the least notice a guest's booking needs, in minutes (default 0)",
  },
  'max-advance-days': {
    type: 'string',
    valueName: 'N',
    description: 'how many days ahead a guest may book; "none" for no limit (the default)',
  },
} as const satisfies FlagSpecs;

/** The help's explanation of the time-of-day flags, shared by restaurants create and update. */
export const calendarNotes = [
  '',
  '--hours: groups separated by ";", each the days (mon, a range mon-fri or fri-mon, a list sat,sun) and',
  'one or more HH:MM-HH:MM ranges; a range that closes at or before it opens ends after midnight',
  '(18:00-02:00). Days not listed are closed. With no hours ("none", the default) the restaurant books',
  'whole days, as before; with hours, bookings are for a time (tablebook book --time, tablebook slots).',
  '--special-dates replace a date\'s weekday hours ("closed" for none); --slot-minutes is the grid guests',
  'book on; --turn-times "2:90,4:120,20:150" holds tables of up to 2 people for 90 minutes, and so on.',
];

type CalendarField = 'timeZone' | 'hours' | 'specialDates' | 'slotMinutes' | 'turnTimes' | 'minAdvanceMinutes' | 'maxAdvanceDays';
export type CalendarFields = Partial<Pick<RouterInputs['restaurant']['create'], CalendarField>>;
type SlotMinutes = NonNullable<CalendarFields['slotMinutes']>;

/** The API's slot sizes; its type is their union, so the number is checked here rather than cast. */
const SLOT_MINUTES = [15, 30, 60] as const satisfies readonly SlotMinutes[];

function parseSlotMinutes(text: string): SlotMinutes {
  const minutes = parseCount('slot-minutes', text);
  const size = SLOT_MINUTES.find((candidate) => candidate === minutes);
  if (size === undefined) throw new UsageError(`--slot-minutes must be one of ${SLOT_MINUTES.join(', ')}, not "${text}"`);
  return size;
}

/**
 * The settings the flags give, in the API's shape; those not given are left out, so a create gets the
 * API's defaults and an update keeps what the restaurant has. The numbers' ranges (slot sizes, days
 * ahead) are the API's to check, as is the time zone's name.
 */
export function calendarFieldsFromFlags(flags: FlagValues<typeof calendarFlags>): CalendarFields {
  const fields: CalendarFields = {};
  if (flags['time-zone'] !== undefined) fields.timeZone = flags['time-zone'];
  if (flags.hours !== undefined) fields.hours = parseHours(flags.hours);
  if (flags['special-dates'] !== undefined) fields.specialDates = parseSpecialDates(flags['special-dates']);
  if (flags['slot-minutes'] !== undefined) fields.slotMinutes = parseSlotMinutes(flags['slot-minutes']);
  if (flags['turn-times'] !== undefined) fields.turnTimes = parseTurnTimes(flags['turn-times']);
  if (flags['min-advance-minutes'] !== undefined) {
    fields.minAdvanceMinutes = parseCount('min-advance-minutes', flags['min-advance-minutes']);
  }
  const maxAdvanceDays = flags['max-advance-days'];
  if (maxAdvanceDays !== undefined)
    fields.maxAdvanceDays = meansNone(maxAdvanceDays) ? null : parseCount('max-advance-days', maxAdvanceDays);
  return fields;
}
