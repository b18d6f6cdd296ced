import { CsvError, parse } from 'csv-parse/sync';
import { InputError } from '../errors.ts';

export interface CsvRecord {
  /** The file line the record starts on (1-based), for messages. */
  line: number;
  fields: string[];
}

type Separator = ',' | ';' | '\t';

/**
 * The header line's separator: the one of ",", ";" and tab it has most of outside quotes: ";" is what
 * Excel writes where the comma is the decimal mark (as in Spanish), tab what it writes as "Unicode text"
 * and what a copy from a spreadsheet gives. A tie is ",". Only the header is looked at: data may hold
 * any of them in its text. The header is the first line that is not empty (after a BOM), as the parser
 * skips blank lines before it too.
 */
export function detectSeparator(text: string): Separator {
  let quoted = false;
  const counts: Record<Separator, number> = { ',': 0, ';': 0, '\t': 0 };
  for (const char of text.replace(/^\uFEFF?[\r\n]*/, '')) {
    if (char === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (char === '\n' || char === '\r') break;
    else if (char === ',' || char === ';' || char === '\t') counts[char]++;
  }
  if (counts['\t'] > counts[','] && counts['\t'] > counts[';']) return '\t';
  return counts[';'] > counts[','] ? ';' : ',';
}

const lineBreaks = (fields: readonly string[]) => fields.reduce((count, field) => count + (field.split('\n').length - 1), 0);

/**
 * The first line of the record that follows the one ending on `lastLine`: blank lines between records
 * are skipped, as the parser skips them.
 */
function nextRecordLine(text: string, lastLine: number): number {
  const lines = text.split('\n');
  let line = lastLine + 1;
  while (line < lines.length && lines[line - 1] === '') line++;
  return line;
}

/** Longer fields are not quoted back in a message: the line would no longer be one a person reads. */
const QUOTED_BACK_MAX = 60;

/**
 * The field with a stray quote as it should have been written (`mesa 3" grande` → `"mesa 3"" grande"`),
 * from the parser's text of the field up to the quote and the file's line it is on; undefined when it
 * cannot be found there or is too long to quote.
 */
function fieldRewritten(lineText: string, before: string, separator: Separator): string | undefined {
  const opening = `${before}"`;
  const start = lineText.startsWith(opening) ? 0 : lineText.indexOf(`${separator}${opening}`) + 1;
  if (start === 0 && !lineText.startsWith(opening)) return undefined;
  const end = lineText.indexOf(separator, start + before.length);
  const field = lineText.slice(start, end === -1 ? undefined : end);
  return field.length > QUOTED_BACK_MAX ? undefined : `"${field.replaceAll('"', '""')}"`;
}

/** A parser's complaint as a person can act on it, with the line (and field) it is on. */
function malformedLine(error: CsvError, text: string, lastLine: number, separator: Separator): InputError {
  const line = typeof error['lines'] === 'number' ? error['lines'] : nextRecordLine(text, lastLine);
  const field = typeof error['index'] === 'number' ? `, field ${error['index'] + 1}` : '';
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      // The parser names the file's last line; the record (and so its open quote) starts after the last one read.
      return new InputError(`line ${nextRecordLine(text, lastLine)}: a quoted field is never closed`);
    case 'CSV_INVALID_CLOSING_QUOTE':
      return new InputError(
        `line ${line}${field}: text follows the closing quote of a quoted field (a quote inside a quoted field is written twice: "")`,
      );
    case 'INVALID_OPENING_QUOTE': {
      const rewritten = fieldRewritten(text.split('\n')[line - 1] ?? '', String(error['field'] ?? ''), separator);
      return new InputError(
        `line ${line}${field}: a quote in a field that does not start with one (quote the whole field and write each quote in it twice${rewritten === undefined ? '' : `: ${rewritten}`})`,
      );
    }
    default:
      return new InputError(`line ${line}: ${error.message}`);
  }
}

/**
 * CSV as RFC 4180 and spreadsheets write it, read by csv-parse: fields separated by ",", ";" or tab
 * (which the header line uses), double-quoted fields (which may hold separators, quotes written twice, and
 * line breaks), CRLF, LF or CR line ends, a byte-order mark. Blank lines are skipped; a record may have
 * fewer or more fields than the header. A line the parser cannot read (text after a closing quote, a
 * quote inside an unquoted field, a quote never closed) is an error naming its line: the file is read
 * whole before anything is booked, so nothing is booked from a file that is not what it seems.
 */
export function parseCsv(text: string): CsvRecord[] {
  // One line end everywhere, so lines are counted one way (a quoted field's line breaks become "\n" too).
  const source = text.replace(/\r\n?/g, '\n');
  const records: CsvRecord[] = [];
  const separator = detectSeparator(source);
  let lastLine = 0;
  try {
    parse(source, {
      bom: true,
      delimiter: separator,
      record_delimiter: '\n',
      relax_column_count: true,
      skip_empty_lines: true,
      on_record: (fields, context) => {
        // The parser counts the line a record ends on; a quoted field's line breaks put its start earlier.
        records.push({ line: context.lines - lineBreaks(fields), fields });
        lastLine = context.lines;
        return null;
      },
    });
  } catch (error) {
    if (error instanceof CsvError) throw malformedLine(error, source, lastLine, separator);
    throw error;
  }
  return records;
}
