import { InputError, UsageError } from '../errors.ts';
import { lineOfByte, readUtf8 } from './utf8-bytes.ts';

/**
 * What a file that is not valid UTF-8 (and holds none of UTF-8's letters) is read as: the code page
 * Excel and most Windows programs in Western locales (Spanish included) write "CSV" in. Every byte means
 * something in it, so reading never fails; a file in another encoding needs --encoding.
 */
const FALLBACK_ENCODING = 'windows-1252';

/** Byte-order marks that name their encoding, as a browser reads them (they win over any guess). */
const BYTE_ORDER_MARKS: readonly [encoding: string, mark: readonly number[]][] = [
  ['utf-8', [0xef, 0xbb, 0xbf]],
  ['utf-16le', [0xff, 0xfe]],
  ['utf-16be', [0xfe, 0xff]],
];

/**
 * The encoding an --encoding label names, by its canonical name ("latin1" and "cp1252" are
 * "windows-1252"): any label the WHATWG Encoding standard knows, as TextDecoder takes them. An unknown
 * label is a usage error, found before the file is read or any server asked.
 */
export function encodingNamed(label: string): string {
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    throw new UsageError(
      `--encoding: "${label}" is not an encoding this tool knows (for example utf-8, windows-1252, iso-8859-1, iso-8859-15, utf-16le)`,
    );
  }
}

const startsWith = (bytes: Uint8Array, mark: readonly number[]) => mark.every((byte, index) => bytes[index] === byte);

/**
 * What Windows-1252 makes of the bytes 0x80 to 0x9F (the WHATWG Encoding standard's table; the five it
 * leaves undefined stand for the same code point, as in ISO-8859-1). The other bytes are ISO-8859-1's.
 */
const WINDOWS_1252_C1 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

/**
 * Windows-1252 decoded here rather than by TextDecoder: Node 20's TextDecoder('windows-1252') takes a
 * Latin-1 fast path that turns 0x80-0x9F (€, “”, –, œ) into control characters (nodejs/node#56542).
 */
function decodeWindows1252(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .toString('latin1')
    .replace(/[\u0080-\u009F]/g, (char) => WINDOWS_1252_C1[char.charCodeAt(0) - 0x80] as string);
}

function decodeStrictly(bytes: Uint8Array, encoding: string): string | undefined {
  // Every byte means something in Windows-1252: nothing to refuse.
  if (encoding === FALLBACK_ENCODING) return decodeWindows1252(bytes);
  try {
    // The decoder drops the encoding's own byte-order mark.
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * The text of a file's bytes. With `encoding` (a name from encodingNamed), in that encoding: bytes it
 * cannot mean are an error rather than replacement characters in a restaurant's name. Without: the
 * encoding a byte-order mark names, else UTF-8 when the bytes are valid UTF-8, else Windows-1252 when
 * they hold no UTF-8 at all (decodeUnmarked).
 */
export function decodeText(bytes: Uint8Array, encoding?: string): string {
  if (encoding !== undefined) {
    const text = decodeStrictly(bytes, encoding);
    if (text === undefined) throw new InputError(`the file is not valid ${encoding} (as --encoding says it is)`);
    return text;
  }
  const marked = BYTE_ORDER_MARKS.find(([, mark]) => startsWith(bytes, mark));
  if (marked) {
    const text = decodeStrictly(bytes, marked[0]);
    if (text === undefined)
      throw new InputError(`the file starts as ${marked[0]} but is not valid ${marked[0]}; name its encoding with --encoding`);
    return text;
  }
  return decodeStrictly(bytes, 'utf-8') ?? decodeUnmarked(bytes);
}

/**
 * Bytes that are not valid UTF-8: Windows-1252 when nothing in them is UTF-8's (ASCII and single bytes
 * such as 0xED for í, what Excel writes). UTF-8's multi-byte letters beside invalid bytes are a file
 * edited in two encodings: read either way some names would be garbled ("CafÃ©"), so it is refused,
 * naming the line to look at.
 */
function decodeUnmarked(bytes: Uint8Array): string {
  const { hasMultiByte, firstInvalid } = readUtf8(bytes);
  if (hasMultiByte && firstInvalid !== undefined) {
    throw new InputError(
      `line ${lineOfByte(bytes, firstInvalid)} is not valid UTF-8, though the file holds UTF-8 elsewhere: ` +
        'save it as UTF-8, or name its encoding with --encoding (for example --encoding windows-1252)',
    );
  }
  return decodeWindows1252(bytes);
}
