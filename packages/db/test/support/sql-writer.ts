// What the reservation-rule tests share: a database session that takes statements as typed, the outcome
// of one (passed, or the SQLSTATE, constraint and message of its refusal), the trigger's refusal shape,
// restaurants inserted by hand, and days no two tests share.
import { expect } from 'vitest';

/** One database session: statements run one at a time, in order, as typed. */
export interface Session {
  query<Row = Record<string, unknown>>(text: string): Promise<Row[]>;
}

/** What a statement gives back: passed, or the SQLSTATE, the constraint it names and the message. */
export interface Outcome {
  passed?: true;
  code?: string;
  constraint?: string;
  message?: string;
}

export async function attempt(session: Session, text: string): Promise<Outcome> {
  try {
    await session.query(text);
    return { passed: true };
  } catch (error) {
    const { code, constraint, message } = error as { code?: string; constraint?: string; message?: string };
    return { ...(code ? { code } : {}), ...(constraint ? { constraint } : {}), ...(message ? { message } : {}) };
  }
}

/** The trigger's refusals: 23514, the constraint it names, the message starting with the reason code. */
export const triggerRefusal = (reason: string, constraint: string) => ({
  code: '23514',
  constraint,
  message: expect.stringMatching(new RegExp(`^${reason}: `)),
});

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

export interface RestaurantOptions {
  zone?: string;
  /** Opening hours every day; a paced restaurant without them gets 18:00-02:00 (pacing needs hours). */
  hours?: { opens: string; closes: string };
  dailyLimit?: number;
  pacing?: { intervalMinutes: number; maxCovers: number };
}

/** An INSERT of a restaurant, the columns written by hand. */
export async function insertRestaurant(session: Session, name: string, options: RestaurantOptions = {}): Promise<string> {
  const daily = options.hours ?? (options.pacing ? { opens: '18:00', closes: '02:00' } : undefined);
  const hours = daily ? WEEKDAYS.map((day) => ({ day, ...daily })) : [];
  const [row] = await session.query<{ id: string }>(
    `insert into restaurants (name, address, description, photo_url, city_id, time_zone, hours, daily_limit,
                              pacing_interval_minutes, pacing_max_covers)
     values ('${name}', 'Calle 1 # 2-3', 'psql', 'https://example.com/p.jpg', 1, '${options.zone ?? 'America/Bogota'}',
             '${JSON.stringify(hours)}', ${options.dailyLimit ?? 'null'},
             ${options.pacing?.intervalMinutes ?? 'null'}, ${options.pacing?.maxCovers ?? 'null'})
     returning id`,
  );
  return row!.id;
}

/** Distinct far-future days from `start`, three apart (a turn past midnight touches the next day too). */
export function dayGenerator(start: string) {
  let next = Date.parse(`${start}T00:00:00Z`);
  return () => {
    const day = new Date(next).toISOString().slice(0, 10);
    next += 3 * 86_400_000;
    return day;
  };
}

export const plusDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
