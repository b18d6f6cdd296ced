/**
 * Cancellation codes are written in Crockford's base32: digits and letters without I, L, O and U, so
 * a code read out on the phone or copied by hand survives. Crockford's decoding rules say how a code
 * as typed is read back: case does not matter, O is 0, I and L are 1, and the separators people put in
 * (spaces, hyphens, and the en or em dash a phone turns a hyphen into) are ignored.
 */

/** The 32 symbols a code is drawn from. */
export const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

const LOOK_ALIKES: Readonly<Record<string, string>> = { O: '0', I: '1', L: '1' };

/**
 * A code as typed, in its canonical form (what is hashed, at booking and at every lookup). Anything
 * that is not a symbol or a look-alike is kept, so a wrong code stays wrong.
 */
export function canonicalCancellationCode(typed: string): string {
  return typed
    .toUpperCase()
    .replace(/[\s\p{Dash_Punctuation}\u2212]/gu, '')
    .replace(/[OIL]/g, (letter) => LOOK_ALIKES[letter] ?? letter);
}
