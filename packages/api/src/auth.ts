import { createHash, timingSafeEqual } from 'node:crypto';

/** Whether the caller may use the administration, and if not, why. */
export type AdminAccess =
  | { granted: true /** No ADMIN_TOKEN is configured: the administration is open to every caller. */; open: boolean }
  | { granted: false; problem: 'missing' | 'invalid' };

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/** The configured tokens' digests, computed once per token list (the list is fixed at startup). */
const digestsByTokens = new WeakMap<readonly string[], Buffer[]>();
function tokenDigests(tokens: readonly string[]): Buffer[] {
  let digests = digestsByTokens.get(tokens);
  if (!digests) {
    digests = tokens.map(digest);
    digestsByTokens.set(tokens, digests);
  }
  return digests;
}

/**
 * Checks `Authorization: Bearer <token>` against every configured token, in constant time: both sides
 * are hashed to equal length and every token is compared, so neither the length nor the position of a
 * match shows in the timing. Several tokens let one be rotated without downtime.
 */
export function checkAdminAccess(authorization: string | undefined, tokens: readonly string[]): AdminAccess {
  if (tokens.length === 0) return { granted: true, open: true };
  const match = /^Bearer\s+(.+)$/i.exec(authorization?.trim() ?? '');
  if (!match?.[1]) return { granted: false, problem: 'missing' };
  const given = digest(match[1].trim());
  let matched = false;
  for (const expected of tokenDigests(tokens)) {
    if (timingSafeEqual(given, expected)) matched = true;
  }
  return matched ? { granted: true, open: false } : { granted: false, problem: 'invalid' };
}

/** Splits the ADMIN_TOKEN setting: comma-separated, blanks ignored. */
export const parseAdminTokens = (setting: string | undefined): string[] =>
  (setting ?? '')
    .split(',')
    .map((token) => token.trim())
    .filter(Boolean);
