export interface Column<T> {
  header: string;
  value: (row: T) => string | number | undefined;
  align?: 'left' | 'right';
}

/** One line whatever the data holds, so a row never breaks the table. */
export const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Characters as a terminal shows them: "é" written as e + accent counts once. */
const displayWidth = (text: string) => [...text.normalize('NFC')].length;

function pad(text: string, width: number, align: 'left' | 'right'): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return align === 'right' ? fill + text : text + fill;
}

/** Columns padded to their widest cell and two spaces apart; `header: false` for a label/value block. */
export function formatTable<T>(rows: readonly T[], columns: readonly Column<T>[], options: { header?: boolean } = {}): string[] {
  const cells = rows.map((row) => columns.map((column) => oneLine(String(column.value(row) ?? ''))));
  const lines = options.header === false ? cells : [columns.map((column) => column.header), ...cells];
  const widths = columns.map((_, index) => Math.max(...lines.map((line) => displayWidth(line[index] ?? ''))));
  return lines.map((line) =>
    line
      .map((cell, index) => pad(cell, widths[index] ?? 0, columns[index]?.align ?? 'left'))
      .join('  ')
      .trimEnd(),
  );
}
