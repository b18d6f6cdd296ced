import { defineCommand } from '../args/command.ts';
import { ExitCode } from '../exit-codes.ts';
import { importRow, restaurantLookup, startImportRun } from '../import/booking.ts';
import { parseCsv } from '../import/csv.ts';
import { encodingNamed } from '../import/encoding.ts';
import { createProgress, noProgress } from '../import/progress.ts';
import { printImportReport } from '../import/report.ts';
import { hasFailures, summarize, type RowResult } from '../import/results.ts';
import { readBookingRows } from '../import/rows.ts';
import { runGroupedInOrder } from '../import/schedule.ts';
import { readImportText } from '../import/source.ts';

/**
 * Days booked at once. Bookings for one day queue on that day's lock in the database anyway, so
 * rows go one after another per day (in file order: the first rows win a day's last places) and
 * several days go in parallel, their calls batched into shared requests. 1,000 rows over 50 days
 * took 13 s one day at a time, 7 s with 16 (PostgreSQL), and little less with more.
 */
const DAYS_IN_PARALLEL = 16;
/** From this many rows a terminal shows progress without being asked. */
const PROGRESS_FROM_ROWS = 100;

export const importCommand = defineCommand({
  path: ['import'],
  summary: 'Book the reservations listed in a CSV file (safe to run again)',
  usage: 'import <file.csv | -> [--encoding LABEL] [--progress] [--retry-refused]',
  arguments: [
    {
      name: 'file.csv',
      description:
        'the file, or - for standard input; header restaurant,table,date, then optionally time,guestName,guestPhone,guestEmail,partySize,notes (any order; other columns are ignored)',
    },
  ],
  flags: {
    encoding: {
      type: 'string',
      valueName: 'LABEL',
      description: "the file's encoding, e.g. utf-8, windows-1252, iso-8859-15, utf-16le (default: UTF-8, else Windows-1252)",
    },
    progress: { type: 'boolean', description: 'report progress on stderr even when it is not a terminal' },
    'retry-refused': {
      type: 'boolean',
      description: 'try rows refused by an earlier run again, rather than replaying its answer (for 48 hours)',
    },
  },
  notes: [
    'The file ("-": standard input) is CSV as spreadsheets write it: fields separated by "," or ";" (whichever',
    'the header line uses); quoted fields may hold separators, quotes written twice and line breaks. A line that is',
    'not CSV (text after a closing quote: "D2"x) stops the import before anything is booked, naming the line.',
    'It is read as UTF-8 (a byte-order mark is accepted; UTF-16 is known by its mark), or, when it is not valid',
    'UTF-8, as Windows-1252 (what Excel saves as CSV on Windows); --encoding names any other encoding.',
    'A row with a time (HH:MM, or HH:MM:00 as spreadsheets write it) books that time at a restaurant with',
    'opening hours, and may leave its table empty: the API gives the party the smallest free table that',
    'seats it (with a time column the table column may be left out). A row without a time books its table',
    'for the whole day, at a restaurant without hours.',
    'Each row is reported as booked, already booked (a re-run: never booked twice), refused (with the reason)',
    'or invalid (with its line number). Exits with 1 when any row was refused or invalid.',
    'Every row is sent with an idempotency key made from its content, so a re-run replays the first answer,',
    'refusals included; --retry-refused tries those rows again. Identical rows that leave the table to the',
    'API are as many bookings (each its own table). Restaurants are named by id or name.',
  ],
  async run({ client, print, io }, { args, flags }) {
    // The label is checked first: a usage error costs no reading.
    const encoding = flags.encoding === undefined ? undefined : encodingNamed(flags.encoding);
    const text = await readImportText(args['file.csv'], io, encoding);
    const { rows, malformed } = readBookingRows(parseCsv(text));
    const showProgress = flags.progress === true || (io.stderrIsTTY && rows.length >= PROGRESS_FROM_ROWS);
    const progress = showProgress ? createProgress(rows.length, (text) => io.stderr(text), io.stderrIsTTY) : noProgress;
    const findRestaurant = restaurantLookup(client);
    const run = startImportRun({ retryRefused: flags['retry-refused'] === true });
    let booked: RowResult[];
    try {
      booked = await runGroupedInOrder(
        rows,
        (row) => row.date,
        DAYS_IN_PARALLEL,
        async (row) => {
          const result = await importRow(client, run, findRestaurant, row);
          progress.advance();
          return result;
        },
      );
    } finally {
      progress.finish();
    }
    const invalid: RowResult[] = malformed.map(({ row, problem }) => ({ ...row, outcome: 'invalid', message: problem }));
    const results = [...booked, ...invalid].sort((a, b) => a.line - b.line);
    const summary = summarize(results);
    printImportReport(print, results, summary);
    return hasFailures(summary) ? ExitCode.refusedOrInvalid : ExitCode.success;
  },
});
