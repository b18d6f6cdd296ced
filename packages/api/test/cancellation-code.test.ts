/**
 * The hostile review of issue 16 (D9): a code typed as read aloud (O for 0, I or L for 1) or with a
 * phone's en dash was an unknown code. Crockford's decoding, on its own.
 */
import { describe, expect, it } from 'vitest';
import { CODE_ALPHABET, canonicalCancellationCode } from '../src/rules/cancellation-code.ts';

describe('a cancellation code as typed', () => {
  it('is read without regard to case, spaces, hyphens and dashes', () => {
    for (const typed of [
      'YD35EBJFJV9Y',
      'yd35ebjfjv9y',
      ' yd35-ebjf jv9y ',
      'YD35–EBJF–JV9Y',
      'YD35—EBJF—JV9Y',
      'YD35\u2212EBJF\u00a0JV9Y',
      'yd35\tebjf\njv9y',
    ]) {
      expect(canonicalCancellationCode(typed), typed).toBe('YD35EBJFJV9Y');
    }
  });

  it('reads the letters that look like digits as those digits (O is 0; I and L are 1)', () => {
    expect(canonicalCancellationCode('1O0A-iIlL-Oo9Z')).toBe('100A1111009Z');
    expect(canonicalCancellationCode('QRSTVWXYZ0I2')).toBe('QRSTVWXYZ012');
  });

  it('leaves every symbol of the alphabet as it is, and keeps what is no symbol (a wrong code stays wrong)', () => {
    expect(canonicalCancellationCode(CODE_ALPHABET)).toBe(CODE_ALPHABET);
    expect(canonicalCancellationCode(CODE_ALPHABET.toLowerCase())).toBe(CODE_ALPHABET);
    expect(canonicalCancellationCode('ABCU*ÑØ')).toBe('ABCU*ÑØ');
  });
});
