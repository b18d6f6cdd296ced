/**
 * A lead byte's sequence: its length and the range its second byte must be in (the others are 0x80 to
 * 0xBF), from the Unicode Standard's table of well-formed UTF-8 (its 3-7): overlong forms, surrogates
 * and code points past U+10FFFF are not well formed, as TextDecoder says. Length 0: no sequence starts so.
 */
function sequenceShape(lead: number): [length: number, low: number, high: number] {
  if (lead >= 0xc2 && lead <= 0xdf) return [2, 0x80, 0xbf];
  if (lead === 0xe0) return [3, 0xa0, 0xbf];
  if (lead === 0xed) return [3, 0x80, 0x9f];
  if (lead >= 0xe1 && lead <= 0xef) return [3, 0x80, 0xbf];
  if (lead === 0xf0) return [4, 0x90, 0xbf];
  if (lead >= 0xf1 && lead <= 0xf3) return [4, 0x80, 0xbf];
  if (lead === 0xf4) return [4, 0x80, 0x8f];
  return [0, 0, 0];
}

/** The length of the well-formed UTF-8 sequence starting at `index` (1 for ASCII), or 0 when none starts there. */
function sequenceLength(bytes: Uint8Array, index: number): number {
  const lead = bytes[index] as number;
  if (lead < 0x80) return 1;
  const [length, low, high] = sequenceShape(lead);
  if (length === 0) return 0;
  const second = bytes[index + 1];
  if (second === undefined || second < low || second > high) return 0;
  for (let next = index + 2; next < index + length; next++) {
    const byte = bytes[next];
    if (byte === undefined || byte < 0x80 || byte > 0xbf) return 0;
  }
  return length;
}

export interface Utf8Reading {
  /** Whether the bytes hold at least one well-formed multi-byte sequence (é, ñ… written as UTF-8). */
  hasMultiByte: boolean;
  /** The offset of the first byte that is not part of a well-formed sequence, if any. */
  firstInvalid: number | undefined;
}

/** What the bytes are as UTF-8: whether they hold UTF-8's multi-byte letters, and where they stop being UTF-8. */
export function readUtf8(bytes: Uint8Array): Utf8Reading {
  let hasMultiByte = false;
  let firstInvalid: number | undefined;
  for (let index = 0; index < bytes.length; ) {
    const length = sequenceLength(bytes, index);
    if (length > 1) hasMultiByte = true;
    if (length === 0) firstInvalid ??= index;
    if (hasMultiByte && firstInvalid !== undefined) break;
    index += Math.max(length, 1);
  }
  return { hasMultiByte, firstInvalid };
}

/** The 1-based line the byte at `offset` is on, line ends being CRLF, LF or CR (as parseCsv counts them). */
export function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let index = 0; index < offset; index++) {
    const byte = bytes[index];
    if (byte === 0x0a || (byte === 0x0d && bytes[index + 1] !== 0x0a)) line++;
  }
  return line;
}
