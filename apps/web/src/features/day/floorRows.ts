export interface FloorRow {
  /** The row's letter ("A"); tables whose label starts with no letter share the row "". */
  row: string;
  labels: string[];
}

/**
 * Tables laid out in rows by the letter their label starts with (A0–A3 is the first row), rows and
 * tables in natural order, so any restaurant's list of labels draws as a floor.
 */
export function floorRows(labels: readonly string[]): FloorRow[] {
  const rows = new Map<string, string[]>();
  for (const label of labels) {
    const row = /^\p{L}/u.test(label) ? label[0]!.toLocaleUpperCase() : '';
    const members = rows.get(row);
    if (members) members.push(label);
    else rows.set(row, [label]);
  }
  const natural = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
  return [...rows.entries()]
    .sort(([a], [b]) => natural.compare(a, b))
    .map(([row, members]) => ({ row, labels: members.sort(natural.compare) }));
}
