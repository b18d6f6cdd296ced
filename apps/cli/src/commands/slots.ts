import type { Restaurant } from '@tablebook/client';
import { parseDate } from '../args/calendar-date.ts';
import { defineCommand } from '../args/command.ts';
import { formatTimeRanges } from '../args/time-ranges.ts';
import { ExitCode } from '../exit-codes.ts';
import { slotColumns } from '../output/views.ts';
import { resolveRestaurant } from '../resolve/restaurant.ts';
import { guestFlags, partySizeFrom } from './guest-flags.ts';

const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
/** The API's party size when none is given. */
const DEFAULT_PARTY_SIZE = 2;

/** The opening ranges of `date` the restaurant's settings give: a special date's own, else its weekday's. */
function rangesOn(restaurant: Restaurant, date: string): readonly { opens: string; closes: string }[] {
  const special = restaurant.specialDates.find((entry) => entry.date === date);
  if (special) return special.hours;
  const weekday = WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()];
  return restaurant.hours.filter((range) => range.day === weekday);
}

/** As the API reckons it: the first turn time that seats the party, the last one past them all. */
function turnMinutes(restaurant: Restaurant, partySize: number): number | undefined {
  const turns = [...restaurant.turnTimes].sort((a, b) => a.maxPartySize - b.maxPartySize);
  return (turns.find((turn) => turn.maxPartySize >= partySize) ?? turns.at(-1))?.minutes;
}

/** Why a day has no slots: the restaurant books whole days, is closed that day, or no turn fits its hours. */
function noSlotsMessage(restaurant: Restaurant, date: string, partySize: number): string {
  if (restaurant.hours.length === 0) return `"${restaurant.name}" books whole days, not times: see 'tablebook availability'.`;
  const ranges = rangesOn(restaurant, date);
  if (ranges.length === 0) return `"${restaurant.name}" has no slots on ${date}: it is closed that day.`;
  const minutes = turnMinutes(restaurant, partySize);
  const turn = minutes === undefined ? 'a turn' : `a turn of ${minutes} minutes`;
  return `"${restaurant.name}" has no slots on ${date}: no start time in its hours (${formatTimeRanges(ranges)}) leaves room for ${turn}.`;
}

export const slotsCommand = defineCommand({
  path: ['slots'],
  summary: 'The times a party can book at a restaurant on a day, with the tables free for each',
  usage: 'slots <restaurant> --date YYYY-MM-DD [--party-size N]',
  arguments: [{ name: 'restaurant', description: 'its id, or the start of its name' }],
  flags: {
    date: { type: 'string', valueName: 'YYYY-MM-DD', description: 'the day', required: true },
    'party-size': guestFlags['party-size'],
  },
  notes: [
    "Every slot of the day on the restaurant's grid, in its own time zone: TIME to UNTIL is the turn for the",
    'party ("(+1)": on the day after the date), FREE TABLES the tables that seat the party and are free',
    'all that time.',
    'A slot that cannot be booked says why: NO_TABLE_AVAILABLE, OUTSIDE_BOOKING_WINDOW, RESTAURANT_DAILY_LIMIT,',
    "GLOBAL_DAILY_LIMIT or PACING_LIMIT (the party does not fit the covers left in its start's pacing",
    'interval). --json prints the array of slots. A closed day, a day whose hours leave no room',
    "for the party's turn, or a restaurant without hours (it books whole days: see availability), has none.",
  ],
  async run({ client, print }, { args, flags }) {
    const date = parseDate('date', flags.date);
    const partySize = partySizeFrom(flags['party-size']);
    const restaurant = await resolveRestaurant(client, args.restaurant);
    const answer = await client.reservation.slots.query({ restaurantId: restaurant.id, date, partySize });
    const empty = noSlotsMessage(restaurant, answer.date, partySize ?? DEFAULT_PARTY_SIZE);
    if (answer.slots.length > 0) {
      const party = partySize === undefined ? '' : ` for ${partySize === 1 ? '1 person' : `${partySize} people`}`;
      print.note(`"${restaurant.name}" on ${answer.date}${party} (${answer.timeZone})`);
    }
    print.list(answer.slots, slotColumns(answer.date), empty);
    return ExitCode.success;
  },
});
