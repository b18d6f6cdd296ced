import { TablebookError, type Reservation, type Restaurant, type TablebookClient } from '@tablebook/client';
import { InputError } from '../errors.ts';
import { exitCodeFor, ExitCode } from '../exit-codes.ts';
import { normalizeName } from '../resolve/names.ts';
import { resolveRestaurant } from '../resolve/restaurant.ts';
import { findMatchingBooking } from './matching-booking.ts';
import { importKey } from './keys.ts';
import type { RowResult } from './results.ts';
import type { BookingRow } from './rows.ts';

/** What one run of an import knows beyond each row: when it began, and what it has booked so far. */
export interface ImportRun {
  /**
   * When the run began (this machine's clock, read before the first booking). A reservation the API
   * answers with that was created before it was booked by an earlier run: the answer is a replay.
   */
  startedAt: number;
  /** The reservations this run reported, by id, with the line that booked them. */
  booked: Map<string, number>;
  /** Every reservation a row of this run was reported with (booked, replayed or found): one row each. */
  claimed: Set<string>;
  /** How many rows leaving their table to the API have had each key so far, for the next one's occurrence. */
  occurrences: Map<string, number>;
  /**
   * Appended to every key with --retry-refused, so the server has no answer to replay: rows refused
   * before are tried again, and rows booked before are recognised by the table they hold (or, for a
   * row that leaves its table to the API, by the day's reservations, read before booking it).
   */
  keySuffix: string;
}

export function startImportRun(options: { retryRefused?: boolean } = {}, now = Date.now()): ImportRun {
  return {
    startedAt: now,
    booked: new Map(),
    claimed: new Set(),
    occurrences: new Map(),
    keySuffix: options.retryRefused ? `:retry-${now.toString(36)}` : '',
  };
}

/** A row ready to send: its restaurant found, and the key that names this booking across runs. */
interface PlannedBooking {
  row: BookingRow;
  restaurant: Restaurant;
  key: string;
}

/**
 * The row's key. A row that leaves its table to the API is numbered among the identical rows before
 * it (rows of one day go in file order, so the Nth identical row is the Nth in every run).
 */
function planBooking(run: ImportRun, row: BookingRow, restaurant: Restaurant): PlannedBooking {
  let occurrence = 1;
  if (row.table === '') {
    const sameRows = importKey(row, restaurant.id);
    occurrence = (run.occurrences.get(sameRows) ?? 0) + 1;
    run.occurrences.set(sameRows, occurrence);
  }
  return { row, restaurant, key: importKey(row, restaurant.id, occurrence) + run.keySuffix };
}

/** Finds each restaurant named in the file once, however many rows name it (errors included). */
export function restaurantLookup(client: TablebookClient): (name: string) => Promise<Restaurant> {
  const found = new Map<string, Promise<Restaurant>>();
  return (name) => {
    const key = normalizeName(name);
    let restaurant = found.get(key);
    if (!restaurant) {
      restaurant = resolveRestaurant(client, name);
      // Rejections are read per row; mark this one handled so an unread one does not crash the process.
      restaurant.catch(() => undefined);
      found.set(key, restaurant);
    }
    return restaurant;
  };
}

/** Errors that would fail every further row the same way. */
const stopsTheImport = (error: TablebookError) => exitCodeFor(error) !== ExitCode.refusedOrInvalid || error.reason === 'RATE_LIMITED';

/**
 * The row's outcome for an error the API or the lookup gave. An error that would fail every further
 * row too (server unreachable, not authorised, rate limited) is thrown on: the import stops there,
 * and since a re-run is safe, the person fixes the cause and runs it again.
 */
function failedRow(row: BookingRow, error: unknown): RowResult {
  if (error instanceof InputError) return { ...row, outcome: 'invalid', message: error.message };
  if (!(error instanceof TablebookError) || stopsTheImport(error)) throw error;
  const outcome = error.reason === 'INVALID_INPUT' || error.reason === 'NOT_FOUND' ? 'invalid' : 'refused';
  return { ...row, outcome, reason: error.reason, message: error.message };
}

/**
 * A reservation the API answered with: booked now, or a replay of an earlier answer to the same key
 * (created before this run began: an earlier run booked it; already reported by this run: the file
 * lists the same booking twice).
 */
function answeredRow(run: ImportRun, row: BookingRow, reservation: Reservation): RowResult {
  run.claimed.add(reservation.id);
  const sameAsLine = run.booked.get(reservation.id);
  if (sameAsLine !== undefined) {
    return { ...row, outcome: 'already-booked', reservation, message: `the same booking as line ${sameAsLine}` };
  }
  if (Date.parse(reservation.createdAt) < run.startedAt) {
    return { ...row, outcome: 'already-booked', reservation, message: 'booked by an earlier run' };
  }
  run.booked.set(reservation.id, row.line);
  return { ...row, outcome: 'booked', reservation };
}

/**
 * The live reservation of the row's day that is the booking the row describes, leaving out those in
 * `skip`, reported as the row's: "already booked".
 */
async function foundEarlier(
  client: TablebookClient,
  run: ImportRun,
  { row, restaurant }: PlannedBooking,
  skip: ReadonlySet<string>,
): Promise<RowResult | undefined> {
  const earlier = await findMatchingBooking(client, restaurant.id, row, skip);
  if (!earlier) return undefined;
  run.claimed.add(earlier.id);
  return { ...row, outcome: 'already-booked', reservation: earlier, message: 'booked before this run' };
}

/**
 * A conflict (409: the table or every table taken, a daily limit reached). Either this row's key is new
 * to the server (a key it no longer keeps after 48 hours, --retry-refused, or a table booked without
 * the key), or the server replays a refusal it gave this key before, although the booking may have been
 * made since. Either way the day's reservations decide: already booked if one of them is the booking
 * the row describes, refused (with the API's reason) if none is. A row that leaves its table to the API
 * is one of possibly several identical bookings: a reservation another row of this run already stands
 * for is not its own.
 */
async function conflictRow(client: TablebookClient, run: ImportRun, booking: PlannedBooking, error: TablebookError): Promise<RowResult> {
  const skip = booking.row.table === '' ? run.claimed : new Set<string>();
  return (await foundEarlier(client, run, booking, skip)) ?? failedRow(booking.row, error);
}

/**
 * Whether to read the day's reservations before booking: a row that leaves its table to the API meets
 * no taken table when it was booked before, so only its key tells, and with --retry-refused the server
 * knows none of the run's keys.
 */
const looksBeforeBooking = (run: ImportRun, row: BookingRow) => run.keySuffix !== '' && row.table === '';

async function sendBooking(client: TablebookClient, run: ImportRun, booking: PlannedBooking): Promise<RowResult> {
  const { row, restaurant } = booking;
  try {
    const earlier = looksBeforeBooking(run, row) ? await foundEarlier(client, run, booking, run.claimed) : undefined;
    if (earlier) return earlier;
    const reservation = await client.reservation.create.mutate({
      restaurantId: restaurant.id,
      // An empty table (a row with a time) is left to the API: the smallest free table that seats the party.
      table: row.table === '' ? undefined : row.table,
      date: row.date,
      time: row.time,
      partySize: row.partySize,
      guestName: row.guestName,
      guestPhone: row.guestPhone,
      guestEmail: row.guestEmail,
      notes: row.notes,
      idempotencyKey: booking.key,
    });
    return answeredRow(run, row, reservation);
  } catch (error) {
    if (error instanceof TablebookError && error.status === 409) {
      try {
        return await conflictRow(client, run, booking, error);
      } catch (lookupError) {
        return failedRow(row, lookupError);
      }
    }
    return failedRow(row, error);
  }
}

export async function importRow(
  client: TablebookClient,
  run: ImportRun,
  findRestaurant: (name: string) => Promise<Restaurant>,
  row: BookingRow,
): Promise<RowResult> {
  let restaurant: Restaurant;
  try {
    restaurant = await findRestaurant(row.restaurant);
  } catch (error) {
    return failedRow(row, error);
  }
  return sendBooking(client, run, planBooking(run, row, restaurant));
}
