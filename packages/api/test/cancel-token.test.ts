/** The cancel link's signed token (issue 17): it names one reservation and verifies only under its key. */
import { randomBytes, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signCancelToken, verifyCancelToken } from '../src/rules/cancel-token.ts';

const key = randomBytes(32);
const id = '3f2a9c4e-8b1d-4e6f-9a7b-0c1d2e3f4a5b';

/** The same token with one character changed at `index` (to another in the URL-safe alphabet). */
function flip(token: string, index: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const next = alphabet[(alphabet.indexOf(token[index] as string) + 1) % 64] as string;
  return token.slice(0, index) + next + token.slice(index + 1);
}

describe('a cancel token', () => {
  it('round-trips: it verifies as the reservation id it was signed for', () => {
    const token = signCancelToken(id, key);
    expect(verifyCancelToken(token, key)).toBe(id);
    for (let i = 0; i < 50; i += 1) {
      const other = randomUUID();
      expect(verifyCancelToken(signCancelToken(other, key), key)).toBe(other);
    }
  });

  it('is short, URL-safe base64 without padding, and the same for the same id and key', () => {
    const token = signCancelToken(id, key);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(encodeURIComponent(token)).toBe(token);
    expect(signCancelToken(id, key)).toBe(token);
    expect(signCancelToken(id.toUpperCase(), key)).toBe(token);
    expect(verifyCancelToken(signCancelToken(id.toUpperCase(), key), key)).toBe(id);
    expect(signCancelToken(randomUUID(), key)).not.toBe(token);
  });

  it('is refused when any character of the id or the MAC is changed', () => {
    const token = signCancelToken(id, key);
    // Characters 0..20 carry the id's bytes; 22..42 the MAC's (21 straddles both).
    for (let index = 0; index < token.length; index += 1) {
      expect(verifyCancelToken(flip(token, index), key), `changed at ${index}`).toBeNull();
    }
  });

  it("is refused with another reservation's MAC", () => {
    const mine = signCancelToken(id, key);
    const other = signCancelToken(randomUUID(), key);
    expect(verifyCancelToken(other.slice(0, 21) + mine.slice(21), key)).toBeNull();
    expect(verifyCancelToken(mine.slice(0, 21) + other.slice(21), key)).toBeNull();
  });

  it('is refused under another key', () => {
    const token = signCancelToken(id, key);
    expect(verifyCancelToken(token, randomBytes(32))).toBeNull();
    expect(verifyCancelToken(token, Uint8Array.from(key))).toBe(id);
  });

  it('truncated, extended or padded, is refused', () => {
    const token = signCancelToken(id, key);
    for (let length = 0; length < token.length; length += 1) {
      expect(verifyCancelToken(token.slice(0, length), key), `first ${length}`).toBeNull();
    }
    expect(verifyCancelToken(`${token}A`, key)).toBeNull();
    expect(verifyCancelToken(`${token}=`, key)).toBeNull();
    expect(verifyCancelToken(` ${token}`, key)).toBeNull();
  });

  it('as garbage, gives null and never throws', () => {
    const token = signCancelToken(id, key);
    const garbage: unknown[] = [
      '',
      'not a token',
      id,
      '%'.repeat(43),
      token.replaceAll('-', '+').replaceAll('_', '/'),
      'A'.repeat(43),
      '\u0000'.repeat(43),
      'é'.repeat(43),
      'A'.repeat(10_000),
      undefined,
      null,
      42,
      {},
    ];
    for (const value of garbage) {
      expect(() => verifyCancelToken(value as string, key)).not.toThrow();
      expect(verifyCancelToken(value as string, key)).toBeNull();
    }
  });

  it('has one spelling: the spare bits of the last character must be zero', () => {
    const token = signCancelToken(id, key);
    const last = token.at(-1) as string;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const value = alphabet.indexOf(last);
    for (let spare = 1; spare < 4; spare += 1) {
      const variant = token.slice(0, -1) + alphabet[value | spare];
      if (variant !== token) expect(verifyCancelToken(variant, key)).toBeNull();
    }
  });

  it('is not signed for what is no UUID, nor under a short key', () => {
    expect(() => signCancelToken('42', key)).toThrow(TypeError);
    expect(() => signCancelToken(id, randomBytes(8))).toThrow(TypeError);
  });
});
