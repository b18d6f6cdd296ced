import type { ReservationOutput, RestaurantOutput } from '@tablebook/api/shared';

/**
 * Which tables a host may give a party at a start: the ones that seat it and that no other live
 * reservation holds during its turn. Pure, so the new-reservation and move dialogs (timeline and list)
 * decide it the same way; the server judges again under its lock.
 */

type Table = RestaurantOutput['tables'][number];
type Held = Pick<ReservationOutput, 'id' | 'table' | 'status' | 'startsAt' | 'endsAt'>;

/** The turn asked about, in epoch ms; `wholeDay`: the date's list holds every conflict, so any reservation in it counts. */
export type Turn = { startsAt: number; endsAt: number } | 'wholeDay';

export interface FreeTableQuery {
  tables: readonly Table[];
  partySize: number;
  turn: Turn;
  /**
   * The slots procedure's `freeTables` at that start for the party: the server's view, which also sees
   * a turn of the day before that runs past midnight, and counts the reservation being moved as taking
   * its own table. Undefined when there is no slot there (off the grid, past closing, whole days).
   */
  slotFree: readonly string[] | undefined;
  /** The live reservations of the date, to judge the moved one's own table and starts off the grid. */
  reservations: readonly Held[];
  /** The reservation being moved: its own table is not taken by itself. */
  moving?: { id: string; table: string } | undefined;
}

const overlaps = (held: Held, turn: Turn) =>
  turn === 'wholeDay' || (Date.parse(held.startsAt) < turn.endsAt && turn.startsAt < Date.parse(held.endsAt));

/** Smallest first (large tables stay free for large parties, as the server's own choice does), then by label. */
const bySeatsThenLabel = (a: Table, b: Table) => a.seats - b.seats || a.label.localeCompare(b.label, 'en', { numeric: true });

/** The tables free for the party's turn that seat it, smallest first. */
export function freeTables(query: FreeTableQuery): Table[] {
  const { tables, partySize, turn, slotFree, reservations, moving } = query;
  const busy = new Set(
    reservations.filter((held) => held.id !== moving?.id && held.status !== 'cancelled' && overlaps(held, turn)).map((held) => held.table),
  );
  return tables
    .filter(
      (table) =>
        table.seats >= partySize &&
        !busy.has(table.label) &&
        (slotFree === undefined || slotFree.includes(table.label) || table.label === moving?.table),
    )
    .sort(bySeatsThenLabel);
}

/** A table the select offers: a free one, or the one chosen before that is no longer free (kept, and marked why). */
export interface TableOption extends Table {
  note?: 'taken' | 'tooSmall';
}

/**
 * What the table select lists: the free tables and, when the host's own choice is not among them (the
 * time or the party changed, or someone took it meanwhile), that choice too, marked, so what was chosen
 * is never silently swapped for another table.
 */
export function tableOptions(
  free: readonly Table[],
  tables: readonly Table[],
  chosen: string | undefined,
  partySize: number,
): TableOption[] {
  const options: TableOption[] = [...free];
  const kept =
    chosen === undefined || free.some((table) => table.label === chosen) ? undefined : tables.find((table) => table.label === chosen);
  if (kept) options.push({ ...kept, note: kept.seats < partySize ? 'tooSmall' : 'taken' });
  return options.sort(bySeatsThenLabel);
}

/** The table a form holds: the host's own choice, else the smallest free one (none when nothing is free). */
export const chosenTable = (free: readonly Table[], chosen: string | undefined): string | undefined => chosen ?? free[0]?.label;
