import { and, asc, count, desc, eq, sql } from 'drizzle-orm';
import { findPgError, PgErrorCode, reservations, restaurants, type Database, type Reservation } from '@tablebook/db';
import type { BookingSettings } from '../context.ts';
import { AppError, notFound } from '../errors.ts';
import { describeRefusal, firstBrokenRule, type BookingRefusal } from '../rules/booking.ts';
import { dayNumber, isBefore, todayIn } from '../rules/calendar.ts';
import type { ReservationOutput } from '../schemas/reservation.ts';

/** First key of the two-key advisory locks that guard one calendar day ("tb" in ASCII). */
const DAY_LOCK_NAMESPACE = 0x7462;

function toOutput(row: Reservation): ReservationOutput {
  return {
    id: row.id,
    table: row.tableLabel,
    date: row.date,
    restaurantId: row.restaurantId,
    createdAt: row.createdAt.toISOString(),
  };
}

async function findRestaurantName(db: Database, id: string): Promise<string> {
  const [row] = await db.select({ name: restaurants.name }).from(restaurants).where(eq(restaurants.id, id));
  if (!row) throw notFound(`Restaurant ${id} does not exist`);
  return row.name;
}

export async function listReservations(
  db: Database,
  restaurantId: string,
  date: string | undefined,
): Promise<ReservationOutput[]> {
  await findRestaurantName(db, restaurantId);
  const rows = await db
    .select()
    .from(reservations)
    .where(and(eq(reservations.restaurantId, restaurantId), date ? eq(reservations.date, date) : undefined))
    .orderBy(desc(reservations.date), asc(reservations.tableLabel));
  return rows.map(toOutput);
}

export interface BookingRequest {
  restaurantId: string;
  table: string;
  date: string;
}

const refusal = (reason: BookingRefusal, message: string) =>
  new AppError({ code: 'CONFLICT', reason, message });

/**
 * Books a table. The daily limits span restaurants, so every booking for a day first takes that day's
 * transaction-scoped advisory lock: count-and-insert runs one at a time per day in every process that
 * shares the database, and the unique index guards the table rule on its own.
 */
export async function createReservation(
  db: Database,
  settings: BookingSettings,
  now: Date,
  request: BookingRequest,
): Promise<ReservationOutput> {
  const today = todayIn(settings.timeZone, now);
  if (isBefore(request.date, today)) {
    throw new AppError({
      code: 'BAD_REQUEST',
      reason: 'PAST_DATE',
      message: `Cannot book ${request.date}: it is before today (${today} in ${settings.timeZone})`,
      issues: [{ path: 'date', message: `date must be today (${today}) or later` }],
    });
  }
  const restaurantName = await findRestaurantName(db, request.restaurantId);
  const details = { table: request.table, date: request.date, restaurantName, limits: settings };

  try {
    return await db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${DAY_LOCK_NAMESPACE}, ${dayNumber(request.date)})`);
      const [load] = await tx
        .select({
          globalCount: count(),
          restaurantCount: sql<number>`(count(*) filter (where ${reservations.restaurantId} = ${request.restaurantId}))::int`,
          tableTaken: sql<boolean>`coalesce(bool_or(${reservations.restaurantId} = ${request.restaurantId} and ${reservations.tableLabel} = ${request.table}), false)`,
        })
        .from(reservations)
        .where(eq(reservations.date, request.date));
      const broken = firstBrokenRule(
        { globalCount: load?.globalCount ?? 0, restaurantCount: load?.restaurantCount ?? 0, tableTaken: load?.tableTaken ?? false },
        settings,
      );
      if (broken) throw refusal(broken, describeRefusal(broken, details));
      const [row] = await tx
        .insert(reservations)
        .values({ restaurantId: request.restaurantId, tableLabel: request.table, date: request.date })
        .returning();
      if (!row) throw new Error('insert returned no row');
      return toOutput(row);
    });
  } catch (error) {
    const pgError = findPgError(error);
    // The unique index is the last word on the table rule, whatever the lock did.
    if (pgError?.code === PgErrorCode.uniqueViolation) {
      throw refusal('TABLE_ALREADY_BOOKED', describeRefusal('TABLE_ALREADY_BOOKED', details));
    }
    // The restaurant was deleted while we booked.
    if (pgError?.code === PgErrorCode.foreignKeyViolation) {
      throw notFound(`Restaurant ${request.restaurantId} does not exist`);
    }
    throw error;
  }
}
