import { formatTable, type Column } from './table.ts';

/**
 * Every command prints through this, so the two audiences get consistent output: people get aligned
 * tables and sentences, `--json` gets exactly one JSON document, the API's data (an array for lists).
 */
export interface Printer {
  readonly json: boolean;
  /** Rows as a table, or `empty` when there are none. */
  list<T>(rows: readonly T[], columns: readonly Column<T>[], empty: string): void;
  /** One object as aligned "label  value" lines under a title. */
  record<T>(title: string, value: T, fields: readonly Column<T>[]): void;
  /** A sentence for people; scripts get `data` instead. */
  done(message: string, data: unknown): void;
  /** A line for people only (a summary); nothing in JSON mode. */
  note(message: string): void;
}

export function createPrinter(write: (text: string) => void, json: boolean): Printer {
  const lines = (text: readonly string[]) => write(text.map((line) => `${line}\n`).join(''));
  const emitJson = (data: unknown) => write(`${JSON.stringify(data, null, 2)}\n`);
  return {
    json,
    list(rows, columns, empty) {
      if (json) return emitJson(rows);
      lines(rows.length === 0 ? [empty] : formatTable(rows, columns));
    },
    record(title, value, fields) {
      if (json) return emitJson(value);
      const rows = fields.map((field) => ({ label: field.header, value: field.value(value) }));
      const block = formatTable(
        rows,
        [
          { header: '', value: (row) => row.label },
          { header: '', value: (row) => row.value },
        ],
        { header: false },
      );
      lines([title, ...block.map((line) => `  ${line}`)]);
    },
    done(message, data) {
      if (json) return emitJson(data);
      lines([message]);
    },
    note(message) {
      if (!json) lines([message]);
    },
  };
}
