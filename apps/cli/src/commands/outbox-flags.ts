import { parseCount } from '../args/flags.ts';
import { UsageError } from '../errors.ts';

/** The API's page bounds (GET /api/admin/messages and a webhook's deliveries). */
const MAX_PAGE = 200;

export const pageFlags = {
  limit: { type: 'string', valueName: 'N', description: `at most N, newest first (1..${MAX_PAGE}, default 50)` },
  cursor: { type: 'string', valueName: 'CURSOR', description: 'the next page: the cursor the previous page printed' },
} as const;

export function pageInput(flags: { limit?: string | undefined; cursor?: string | undefined }): { limit?: number; cursor?: string } {
  const limit = flags.limit === undefined ? undefined : parseCount('limit', flags.limit);
  if (limit !== undefined && (limit < 1 || limit > MAX_PAGE)) throw new UsageError(`--limit must be 1 to ${MAX_PAGE}, not ${limit}`);
  const cursor = flags.cursor?.trim();
  if (cursor !== undefined && !/^[A-Za-z0-9_-]+$/.test(cursor)) throw new UsageError(`--cursor must be a cursor a previous page printed`);
  return { ...(limit === undefined ? {} : { limit }), ...(cursor === undefined ? {} : { cursor }) };
}

/** One of `allowed`, lower-cased; a usage error naming them otherwise. */
export function oneOfFlag<const T extends string>(flag: string, text: string | undefined, allowed: readonly T[]): T | undefined {
  if (text === undefined) return undefined;
  const value = text.trim().toLowerCase();
  if (!(allowed as readonly string[]).includes(value))
    throw new UsageError(`--${flag} must be one of ${allowed.join(', ')}, not "${text}"`);
  return value as T;
}

/** A line for people after a page that has more. */
export const morePages = (nextCursor: string | null, command: string) =>
  nextCursor === null ? undefined : `More: tablebook ${command} --cursor ${nextCursor}`;
