import { sql } from 'drizzle-orm';
import { queryRows } from '@tablebook/db';
import { invalidInput } from '../errors.ts';
import { utcOffsetMinutes } from '../rules/zoned-time.ts';
import type { Queryable } from './transactions.ts';

const HOUR_MS = 3_600_000;
/** How far ahead the two clocks must agree: further than any booking window. */
const HOURS_AHEAD = 2 * 366 * 24;

interface Transition {
  hour: number;
  offset: number;
}

/** Each hour where the offset changes (and the first), from the database's zone data. */
async function databaseTransitions(db: Queryable, zone: string, fromHour: number): Promise<Transition[]> {
  const rows = await queryRows<{ hour: number; offset: number }>(
    db,
    sql`select hour::float8 as hour, "offset" from (
          select hour, "offset", lag("offset") over (order by hour) as previous from (
            select hour, (extract(epoch from (to_timestamp(hour * 3600) at time zone ${zone}) - (to_timestamp(hour * 3600) at time zone 'UTC')) / 60)::int as "offset"
              from generate_series(${fromHour}::bigint, ${fromHour + HOURS_AHEAD}::bigint) as hour) as hourly) as marked
         where previous is null or previous <> "offset"
         order by hour`,
  );
  return rows.map((row) => ({ hour: Number(row.hour), offset: row.offset }));
}

/** The same, from this process's (Node's) zone data. */
function processTransitions(zone: string, fromHour: number): Transition[] {
  const transitions: Transition[] = [];
  for (let hour = fromHour; hour <= fromHour + HOURS_AHEAD; hour += 1) {
    const offset = utcOffsetMinutes(hour * HOUR_MS, zone);
    if (transitions.at(-1)?.offset !== offset) transitions.push({ hour, offset });
  }
  return transitions;
}

const formatOffset = (minutes: number) =>
  `UTC${minutes < 0 ? '-' : '+'}${String(Math.floor(Math.abs(minutes) / 60)).padStart(2, '0')}:${String(Math.abs(minutes) % 60).padStart(2, '0')}`;

/** Zones already compared in this process: zone data does not change while it runs. */
const verdicts = new Map<string, string | null>();

/**
 * Local times are computed in two places, the api (Node's zone data) and the database (slots, whole
 * days, the trigger's pacing): a zone whose rules the two disagree about for the next two years would
 * make them disagree about the same booking. Such a zone is refused (400, `timeZone`) rather than stored.
 * The embedded PGlite ships its own zone data, which lags Node's for a few zones.
 */
export async function requireAgreeingZone(db: Queryable, zone: string, now: Date): Promise<void> {
  let verdict = verdicts.get(zone);
  if (verdict === undefined) {
    const fromHour = Math.floor(now.getTime() / HOUR_MS);
    const inDatabase = await databaseTransitions(db, zone, fromHour);
    const inProcess = processTransitions(zone, fromHour);
    const differing =
      inProcess.find((transition, index) => {
        const other = inDatabase[index];
        return !other || other.hour !== transition.hour || other.offset !== transition.offset;
      }) ?? (inDatabase.length > inProcess.length ? inDatabase[inProcess.length] : undefined);
    verdict = null;
    if (differing) {
      const at = differing.hour * HOUR_MS;
      verdict = `the database's time zone data and this server's disagree about ${zone} from ${new Date(at).toISOString().slice(0, 16)}Z (database ${formatOffset(dbOffsetAt(inDatabase, differing.hour))}, server ${formatOffset(utcOffsetMinutes(at, zone))}): use a PostgreSQL whose tzdata matches Node's, or another zone`;
    }
    verdicts.set(zone, verdict);
  }
  if (verdict) throw invalidInput([{ path: 'timeZone', message: verdict, code: 'zone_disagrees', timeZone: zone }]);
}

/** The database's offset at `hour`, from its transitions. */
function dbOffsetAt(transitions: readonly Transition[], hour: number): number {
  let offset = transitions[0]?.offset ?? 0;
  for (const transition of transitions) {
    if (transition.hour > hour) break;
    offset = transition.offset;
  }
  return offset;
}
