/** The seed's floor: tables A0–A3, B0–B3, C0–C3 and D0–D2, fifteen in all (one per daily place). */
export const DEFAULT_TABLE_LABELS: readonly string[] = [
  'A0',
  'A1',
  'A2',
  'A3',
  'B0',
  'B1',
  'B2',
  'B3',
  'C0',
  'C1',
  'C2',
  'C3',
  'D0',
  'D1',
  'D2',
];

const DEFAULT_TABLE_SEATS = 4;

export interface TableLayoutEntry {
  label: string;
  seats: number;
}

/** The layout a restaurant gets when its request gives none. */
export const defaultLayout = (): TableLayoutEntry[] => DEFAULT_TABLE_LABELS.map((label) => ({ label, seats: DEFAULT_TABLE_SEATS }));

/** Natural order for labels: A0, A1, …, A10, B0. */
// One collator for every comparison: `localeCompare` with options builds a new one per call, which
// the benchmark showed as the top cost of listing restaurants (15 labels sorted per restaurant).
const labelCollator = new Intl.Collator('en', { numeric: true });
export const compareLabels = (a: string, b: string) => labelCollator.compare(a, b);

/** What turns one layout into another: labels to delete, tables to add, tables whose seats change. */
export function layoutChange(current: readonly TableLayoutEntry[], next: readonly TableLayoutEntry[]) {
  const before = new Map(current.map((table) => [table.label, table.seats]));
  const after = new Set(next.map((table) => table.label));
  const resized = next.filter((table) => before.has(table.label) && before.get(table.label) !== table.seats);
  return {
    removed: current.filter((table) => !after.has(table.label)).map((table) => table.label),
    added: next.filter((table) => !before.has(table.label)),
    resized,
    shrunk: resized.some((table) => table.seats < (before.get(table.label) ?? 0)),
  };
}
