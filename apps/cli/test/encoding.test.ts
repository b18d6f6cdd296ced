import { describe, expect, it } from 'vitest';
import { InputError, UsageError } from '../src/errors.ts';
import { parseCsv } from '../src/import/csv.ts';
import { decodeText, encodingNamed } from '../src/import/encoding.ts';
import { readBookingRows } from '../src/import/rows.ts';
import { runInProcess } from './support/run-cli.ts';

/** "La Cevichería" as Excel on Windows saves it: í is the one byte 0xED, not valid UTF-8. */
const windows1252 = Buffer.from('restaurant;table;date\r\nLa Cevicher\xeda;A1;2030-01-01\r\n', 'latin1');

describe('decodeText', () => {
  it('reads UTF-8, dropping its byte-order mark', () => {
    expect(decodeText(Buffer.from('\uFEFFrestaurant\nLa Cevichería\n'))).toBe('restaurant\nLa Cevichería\n');
  });

  it('reads a file that is not valid UTF-8 as Windows-1252, without being told', () => {
    expect(windows1252.toString('utf8')).toContain('\uFFFD');
    const { rows } = readBookingRows(parseCsv(decodeText(windows1252)));
    expect(rows).toEqual([{ line: 2, restaurant: 'La Cevichería', table: 'A1', date: '2030-01-01' }]);
  });

  it('refuses UTF-8 beside bytes that are not (a file edited in two encodings), naming the line of the first stray byte', () => {
    // "Café " as UTF-8, then é as Windows-1252's one byte 0xE9: read as 1252 the first would be "CafÃ©".
    const mixed = Buffer.concat([
      Buffer.from('restaurant;table;date\r\nCafé ;A1;2030-01-01\r\nLa Mar;A2;2030-01-01\r\n'),
      Buffer.from('Caf\xe9;A3;2030-01-01\r\n', 'latin1'),
    ]);
    expect(() => decodeText(mixed)).toThrow(
      new InputError(
        'line 4 is not valid UTF-8, though the file holds UTF-8 elsewhere: save it as UTF-8, or name its encoding with --encoding (for example --encoding windows-1252)',
      ),
    );
    // The stray byte before the UTF-8, on a line after CR-only and LF line ends.
    expect(() => decodeText(Buffer.concat([Buffer.from('a\rb\n\xe9\n', 'latin1'), Buffer.from('ñ')]))).toThrow(
      /^line 3 is not valid UTF-8/,
    );
    // --encoding says how to read it.
    expect(decodeText(mixed, encodingNamed('windows-1252'))).toContain('CafÃ© ;A1');
  });

  it('still reads ASCII with single stray bytes as Windows-1252, and well-formed UTF-8 as UTF-8', () => {
    expect(decodeText(Buffer.from('Caf\xe9\nLa Mar\nCevicher\xeda\n', 'latin1'))).toBe('Café\nLa Mar\nCevichería\n');
    // Overlong forms and surrogates are not UTF-8's letters: the file is Windows-1252 (Ã€, í\xa0…).
    expect(decodeText(Buffer.from([0xc0, 0x80, 0x20, 0xed, 0xa0, 0x80]))).toBe('À€ í\u00a0€');
    expect(decodeText(Buffer.from('Café 🍤 Ñ'))).toBe('Café 🍤 Ñ');
  });

  it("maps 0x80-0x9F as Windows-1252 does (€, “”, –, œ, Ÿ), not as Node 20's TextDecoder (control characters)", () => {
    const c1 = Buffer.from(Array.from({ length: 32 }, (_, index) => 0x80 + index));
    expect(decodeText(c1)).toBe('€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ');
    expect(decodeText(Buffer.from('\x93Men\xfa\x94 \x96 15 \x80', 'latin1'))).toBe('“Menú” – 15 €');
  });

  it('reads a UTF-16 file by its byte-order mark', () => {
    expect(decodeText(Buffer.from('\uFEFFa;b\nñ;1\n', 'utf16le'))).toBe('a;b\nñ;1\n');
  });

  it('reads the encoding --encoding names instead, refusing bytes that are not valid in it', () => {
    // 0xA4 is ¤ in Windows-1252, € in ISO-8859-15.
    expect(decodeText(Buffer.from([0xa4]))).toBe('¤');
    expect(decodeText(Buffer.from([0xa4]), encodingNamed('ISO-8859-15'))).toBe('€');
    expect(decodeText(Buffer.from('Café'), encodingNamed('latin1'))).toBe('CafÃ©');
    expect(() => decodeText(windows1252, encodingNamed('utf8'))).toThrow(
      new InputError('the file is not valid utf-8 (as --encoding says it is)'),
    );
  });

  it('knows the labels by their canonical names, and refuses an unknown one as a usage error', () => {
    expect(['latin1', 'cp1252', ' UTF8 ', 'utf-16'].map(encodingNamed)).toEqual(['windows-1252', 'windows-1252', 'utf-8', 'utf-16le']);
    expect(() => encodingNamed('klingon')).toThrow(UsageError);
    expect(() => encodingNamed('klingon')).toThrow('--encoding: "klingon" is not an encoding this tool knows');
  });
});

describe('tablebook import --encoding', () => {
  it('is a usage error (exit 2) for an unknown label, before the file is read or a server asked', async () => {
    const run = await runInProcess(['import', '/nonexistent.csv', '--encoding', 'klingon'], {
      env: { TABLEBOOK_URL: 'http://127.0.0.1:9' },
    });
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toMatch(
      /^tablebook: --encoding: "klingon" is not an encoding this tool knows .*\(see 'tablebook import --help'\)\n$/,
    );
  });

  it('refuses a file in two encodings with exit 1 and INVALID_INPUT, before a server is asked', async () => {
    const stdin = Buffer.concat([
      Buffer.from('restaurant,table,date\nCafé,A1,2030-01-01\n'),
      Buffer.from('Caf\xe9,A2,2030-01-01\n', 'latin1'),
    ]);
    const run = await runInProcess(['import', '-', '--json'], { env: { TABLEBOOK_URL: 'http://127.0.0.1:9' }, stdin });
    expect(run).toMatchObject({ code: 1, stdout: '' });
    expect(JSON.parse(run.stderr)).toMatchObject({
      error: { reason: 'INVALID_INPUT', message: expect.stringMatching(/^line 3 is not valid UTF-8.*--encoding/) },
    });
  });

  it('stops on a malformed line before anything is booked, naming the line (the server is never asked)', async () => {
    const stdin = 'restaurant,table,date\nLa Mar,A1,2030-01-01\nLa Mar,"D2"x,2030-01-01\n';
    const run = await runInProcess(['import', '-', '--json'], { env: { TABLEBOOK_URL: 'http://127.0.0.1:9' }, stdin });
    expect(run).toMatchObject({ code: 1, stdout: '' });
    expect(JSON.parse(run.stderr)).toEqual({
      error: {
        reason: 'INVALID_INPUT',
        message: expect.stringMatching(/^line 3, field 2: text follows the closing quote/),
        status: null,
        requestId: null,
      },
    });
  });
});

describe('a header that is not CSV this tool reads as it is', () => {
  const csvText = 'restaurant,table,date\r\nLa Mar,A1,2030-01-01\r\n';

  it('says a UTF-16 file without a byte-order mark looks like one, naming the --encoding to give', async () => {
    const utf16le = Buffer.from(csvText, 'utf16le');
    // Nothing listens on port 9: the file is refused before any request.
    const run = await runInProcess(['import', '-'], { stdin: utf16le, env: { TABLEBOOK_URL: 'http://127.0.0.1:9' } });
    expect(run).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'tablebook: line 1: the file looks like UTF-16LE without a byte-order mark (every other byte of the header is zero): read it with --encoding utf-16le\n',
    });
    const utf16be = Buffer.from(utf16le).swap16();
    expect(() => readBookingRows(parseCsv(decodeText(utf16be)))).toThrow('read it with --encoding utf-16be');
    // As told, it reads.
    expect(readBookingRows(parseCsv(decodeText(utf16le, encodingNamed('utf-16le')))).rows).toEqual([
      { line: 2, restaurant: 'La Mar', table: 'A1', date: '2030-01-01' },
    ]);
  });

  it('reads a tab-separated file (a spreadsheet copy, Excel\'s "Unicode text") as it reads "," and ";"', () => {
    const tabbed = 'restaurant\ttable\tdate\tnotes\nLa Mar\tA1\t2030-01-01\tmesa 2,5 m; ventana\n';
    expect(readBookingRows(parseCsv(tabbed)).rows).toEqual([
      { line: 2, restaurant: 'La Mar', table: 'A1', date: '2030-01-01', notes: 'mesa 2,5 m; ventana' },
    ]);
    // Excel's "Unicode text": UTF-16LE with its byte-order mark, tab-separated.
    const unicodeText = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(tabbed.replaceAll('\n', '\r\n'), 'utf16le')]);
    expect(readBookingRows(parseCsv(decodeText(unicodeText))).rows).toHaveLength(1);
  });
});
