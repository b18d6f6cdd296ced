import { compareLabels, type TableLayoutEntry } from './tables.ts';

/** A live reservation holding a table over [startsAt, endsAt) (epoch ms). */
export interface HeldTable {
  table: string;
  startsAt: number;
  endsAt: number;
}

const overlaps = (held: { startsAt: number; endsAt: number }, from: number, to: number) => held.startsAt < to && from < held.endsAt;

/** Held spans as PostgreSQL's json_agg gives them (epoch ms as JSON numbers, possibly fractional text). */
export const heldFromJson = (rows: readonly { table: string; startsAt: unknown; endsAt: unknown }[]): HeldTable[] =>
  rows.map((held) => ({ table: held.table, startsAt: Number(held.startsAt), endsAt: Number(held.endsAt) }));

/** The tables that seat the party and are free over [from, to), in label order. */
export function freeTablesFor(
  tables: readonly TableLayoutEntry[],
  held: readonly HeldTable[],
  partySize: number,
  from: number,
  to: number,
) {
  const taken = new Set(held.filter((entry) => overlaps(entry, from, to)).map((entry) => entry.table));
  return tables
    .filter((table) => table.seats >= partySize && !taken.has(table.label))
    .map((table) => table.label)
    .sort(compareLabels);
}

/**
 * The table a party gets when it names none: the smallest free one that seats it, ties by label
 * (so large tables stay free for large parties). Null when none is free.
 */
export function smallestFreeTable(tables: readonly TableLayoutEntry[], takenLabels: ReadonlySet<string>, partySize: number): string | null {
  const fitting = tables
    .filter((table) => table.seats >= partySize && !takenLabels.has(table.label))
    .sort((a, b) => a.seats - b.seats || compareLabels(a.label, b.label));
  return fitting[0]?.label ?? null;
}
