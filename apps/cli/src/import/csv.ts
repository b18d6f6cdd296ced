import { InputError } from '../errors.ts';

export interface CsvRecord {
  /** The file line the record starts on (1-based), for messages. */
  line: number;
  fields: string[];
}

/**
 * RFC 4180 CSV: commas, double-quoted fields (which may hold commas, quotes written twice, and line
 * breaks), CRLF or LF line ends, an optional UTF-8 byte-order mark. Blank lines are skipped.
 */
export function parseCsv(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  let quoteLine = 0;
  let fieldStarted = false;

  const endRecord = () => {
    fields.push(field);
    // A line with nothing on it is not a record; a line of only commas is (with empty fields).
    if (fields.length > 1 || fieldStarted || fields[0] !== '') records.push({ line: recordLine, fields });
    fields = [];
    field = '';
    fieldStarted = false;
  };

  for (let index = 0; index < source.length; index++) {
    const char = source[index];
    if (quoted) {
      if (char === '"' && source[index + 1] === '"') {
        field += '"';
        index++;
      } else if (char === '"') {
        quoted = false;
      } else {
        if (char === '\n') line++;
        field += char;
      }
    } else if (char === '"' && field === '') {
      quoted = true;
      quoteLine = line;
      fieldStarted = true;
    } else if (char === ',') {
      fields.push(field);
      field = '';
      fieldStarted = true;
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && source[index + 1] === '\n') index++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      field += char;
    }
  }
  if (quoted) throw new InputError(`line ${quoteLine}: a quoted field is never closed`);
  endRecord();
  return records;
}
