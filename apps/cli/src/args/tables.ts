import { UsageError } from '../errors.ts';

export interface TableSpec {
  label: string;
  seats: number;
}

/**
 * A floor written as "A0:4,A1:2,T:8": label and seats per table, comma-separated. Only the shape is
 * checked here; the API checks the rest (label length, 1..20 seats, no label twice).
 */
export function parseTables(text: string): TableSpec[] {
  const entries = text.split(',').map((entry) => entry.trim());
  return entries.map((entry) => {
    const match = /^([^:\s]+)\s*:\s*(\d{1,4})$/.exec(entry);
    if (!match) throw new UsageError(`--tables takes LABEL:SEATS pairs separated by commas, like "A0:4,A1:2", not "${entry}"`);
    return { label: (match[1] as string).toUpperCase(), seats: Number(match[2]) };
  });
}

/** The same notation back: what `--tables` takes, so a layout can be copied from one restaurant to another. */
export const formatTables = (tables: readonly TableSpec[]) => tables.map((table) => `${table.label}:${table.seats}`).join(',');
