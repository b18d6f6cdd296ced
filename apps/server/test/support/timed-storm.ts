// Issue 14's concurrency check, the parts that need no server: the restaurant, the storm of timed
// requests, and an oracle of the booking rules written independently of the product (the turn time,
// the smallest free table that seats the party, overlap of [start, end)) to replay what was accepted.

/** The floor: 20 tables of 2, 4, 6 and 8 seats. */
export const STORM_TABLES: readonly { label: string; seats: number }[] = [
  ...['A1', 'A2', 'A3', 'A4', 'A5', 'A6'].map((label) => ({ label, seats: 2 })),
  ...['B1', 'B2', 'B3', 'B4', 'B5', 'B6'].map((label) => ({ label, seats: 4 })),
  ...['C1', 'C2', 'C3', 'C4', 'C5'].map((label) => ({ label, seats: 6 })),
  ...['D1', 'D2', 'D3'].map((label) => ({ label, seats: 8 })),
];

const STORM_TURN_TIMES = [
  { maxPartySize: 2, minutes: 90 },
  { maxPartySize: 4, minutes: 120 },
  { maxPartySize: 20, minutes: 150 },
] as const;

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** Open 19:00-23:00 every day on a 15-minute grid: a 22:00 start of 150 minutes runs past midnight (two day locks). */
export const timedRestaurantBody = (name: string) => ({
  name,
  address: 'Carrera 7 # 12-34',
  description: 'Cenas por turnos',
  photoUrl: 'https://example.com/turnos.jpg',
  cityId: 1,
  timeZone: 'America/Bogota',
  hours: WEEKDAYS.map((day) => ({ day, opens: '19:00', closes: '23:00' })),
  slotMinutes: 15,
  turnTimes: STORM_TURN_TIMES,
  tables: STORM_TABLES,
});

/** The 15-minute grid from 19:00 to 22:00 (13 starts). */
const STORM_TIMES = Array.from({ length: 13 }, (_, index) => {
  const minutes = 19 * 60 + index * 15;
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
});

/** Party sizes, weighted towards couples and fours, as a dinner service is. */
const PARTY_SIZES = [1, 2, 2, 2, 2, 3, 3, 4, 4, 4, 5, 6, 6, 7, 8];

export interface TimedAttempt {
  time: string;
  partySize: number;
  /** Absent: the server picks the smallest free table that seats the party. */
  table?: string;
}

/** A small seeded generator (mulberry32), so a round's requests can be generated again from its seed. */
export function seededRandom(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * `count` requests over the grid with mixed party sizes; half name a table (one that seats the party,
 * so every refusal is about time), half leave the choice to the server.
 */
export function stormAttempts(count: number, seed: number): TimedAttempt[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)] as T;
  return Array.from({ length: count }, () => {
    const time = pick(STORM_TIMES);
    const partySize = pick(PARTY_SIZES);
    if (random() < 0.5) return { time, partySize };
    const seating = STORM_TABLES.filter((table) => table.seats >= partySize);
    return { time, partySize, table: pick(seating).label };
  });
}

/** The turn for a party: the first entry that takes it (the largest entry above every party here). */
export const turnMinutes = (partySize: number) =>
  STORM_TURN_TIMES.find((turn) => turn.maxPartySize >= partySize)?.minutes ?? STORM_TURN_TIMES[2].minutes;

/** A table held over [start, end), in minutes from the booked date's local midnight (end may pass 24:00). */
export interface HeldSpan {
  table: string;
  start: number;
  end: number;
}

export const clockMinutes = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));

export const spanOf = (attempt: Pick<TimedAttempt, 'time' | 'partySize'>) => {
  const start = clockMinutes(attempt.time);
  return { start, end: start + turnMinutes(attempt.partySize) };
};

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

const seatsOf = (label: string) => STORM_TABLES.find((table) => table.label === label)?.seats ?? 0;
const labelOrder = new Intl.Collator('en', { numeric: true });

/** The tables that seat the party and hold nothing overlapping `span`, smallest first, ties by label. */
export function freeSeatingTables(held: readonly HeldSpan[], partySize: number, span: { start: number; end: number }): string[] {
  const taken = new Set(held.filter((entry) => overlaps(entry, span)).map((entry) => entry.table));
  return STORM_TABLES.filter((table) => table.seats >= partySize && !taken.has(table.label))
    .sort((a, b) => a.seats - b.seats || labelOrder.compare(a.label, b.label))
    .map((table) => table.label);
}

/**
 * Replays accepted bookings one by one in the order they were committed, by the rules alone: a named
 * table must be free then, an unnamed request must get the smallest free table that seats it, which
 * must be the one the server gave. Returns what the replay disagrees with (empty when the accepted set
 * is exactly what a serial run of those requests gives).
 */
export function replaySerially(accepted: readonly { attempt: TimedAttempt; table: string }[]): string[] {
  const held: HeldSpan[] = [];
  const problems: string[] = [];
  for (const [position, { attempt, table }] of accepted.entries()) {
    const span = spanOf(attempt);
    const free = freeSeatingTables(held, attempt.partySize, span);
    const describe = `#${position} ${attempt.time} party ${attempt.partySize} ${attempt.table ? `table ${attempt.table}` : 'any table'} -> ${table}`;
    if (attempt.table !== undefined && attempt.table !== table) problems.push(`${describe}: not the table asked for`);
    if (seatsOf(table) < attempt.partySize) problems.push(`${describe}: the table seats ${seatsOf(table)}`);
    if (!free.includes(table)) problems.push(`${describe}: the table is not free after the ${position} bookings before it`);
    else if (attempt.table === undefined && free[0] !== table) problems.push(`${describe}: the smallest free table was ${free[0]}`);
    held.push({ table, ...span });
  }
  return problems;
}
