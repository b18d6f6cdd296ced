/** The seed's floor: tables A0–A3, B0–B3, C0–C3 and D0–D2, fifteen in all (one per daily place). */
export const DEFAULT_TABLE_LABELS: readonly string[] = [
  'A0', 'A1', 'A2', 'A3',
  'B0', 'B1', 'B2', 'B3',
  'C0', 'C1', 'C2', 'C3',
  'D0', 'D1', 'D2',
];
