/**
 * The booking e-mail's cancel link (issue 17): the page takes the token from `?token=`, then from the
 * tab's history once it has moved it there, and puts the address back without it.
 */
import { describe, expect, it } from 'vitest';
import { linkedTokenFrom, tokenFromState, tokenFromText, tokenLocation } from '../src/features/cancel/cancelToken.ts';

/** The shape the server signs: 43 URL-safe base64 characters. */
const TOKEN = 'q0V3bm9yLXRva2VuLW9mLWZvcnR5LXRocmVlLWNoYXJz';

describe('the cancel link token', () => {
  it('is read from the address, trimmed, and an empty or overlong one is no token', () => {
    expect(linkedTokenFrom(new URLSearchParams({ token: TOKEN }), null)).toBe(TOKEN);
    expect(tokenFromText(`  ${TOKEN}\n`)).toBe(TOKEN);
    expect(tokenFromText('   ')).toBeUndefined();
    expect(tokenFromText(null)).toBeUndefined();
    expect(tokenFromText('a'.repeat(257))).toBeUndefined();
    expect(linkedTokenFrom(new URLSearchParams({ token: '' }), null)).toBeUndefined();
  });

  it('is found in the history state after a reload, and the address wins over it', () => {
    expect(linkedTokenFrom(new URLSearchParams(), { cancelToken: TOKEN })).toBe(TOKEN);
    expect(linkedTokenFrom(new URLSearchParams({ token: 'fresh' }), { cancelToken: TOKEN })).toBe('fresh');
    // Whatever else a tab's history may hold is not a token.
    for (const state of [null, undefined, 'token', 42, { cancelToken: 42 }, { cancellationCode: 'ABCD' }, { cancelToken: ' ' }]) {
      expect(tokenFromState(state)).toBeUndefined();
    }
  });

  it('leaves the address without the token, other parameters kept, the token in the state', () => {
    expect(tokenLocation(new URLSearchParams({ token: TOKEN }), TOKEN)).toEqual({ search: '', state: { cancelToken: TOKEN } });
    const kept = tokenLocation(
      new URLSearchParams([
        ['utm_source', 'mail'],
        ['token', TOKEN],
      ]),
      TOKEN,
    );
    expect(kept).toEqual({ search: '?utm_source=mail', state: { cancelToken: TOKEN } });
    // The state it writes is the state it reads.
    expect(linkedTokenFrom(new URLSearchParams(kept.search), kept.state)).toBe(TOKEN);
  });
});
