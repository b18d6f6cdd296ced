import { ERROR_CATALOG, ERROR_REASONS } from '@tablebook/api/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { statusMeaning, TablebookError, type TablebookErrorReason } from '../src/errors.ts';
import { createClient } from '../src/index.ts';
import { retryDelayFor } from '../src/retry.ts';
import { failureOf } from './support/fixtures.ts';
import { startLocalServer, type LocalServer } from './support/local-http.ts';

const failure = (reason: TablebookErrorReason, status: number, retryAfterSeconds?: number) =>
  new TablebookError({ message: 'x', status, code: reason, reason, retryAfterSeconds });

// The client knows the api only by its types, so its reading of the catalog is checked here.
describe("TablebookError and the API's error catalog", () => {
  it('keeps the category and retryable an API answer gives, and reads them by status from an answer that gives none', () => {
    for (const reason of ERROR_REASONS) {
      const { status, code, category, retryable } = ERROR_CATALOG[reason];
      const answered = new TablebookError({ message: 'x', status, code, reason, category, retryable });
      expect({ category: answered.category, retryable: answered.retryable }, reason).toEqual({ category, retryable });
    }
    // A proxy's or an older server's answer carries no traits: read by status, which must agree with the
    // catalog wherever all of a status's reasons agree (a 403 may be an auth failure or a refusal).
    const statuses = new Set(ERROR_REASONS.map((reason) => ERROR_CATALOG[reason].status));
    for (const status of statuses) {
      const traits = new Set(
        ERROR_REASONS.filter((reason) => ERROR_CATALOG[reason].status === status).map(
          (reason) => `${ERROR_CATALOG[reason].category}/${ERROR_CATALOG[reason].retryable}`,
        ),
      );
      if (traits.size !== 1) continue;
      const byStatus = new TablebookError({ message: 'x', status, code: 'X', reason: 'SOMETHING_NEW' as TablebookErrorReason });
      expect(`${byStatus.category}/${byStatus.retryable}`, String(status)).toBe([...traits][0]);
    }
  });

  it('names every status the catalog uses with the catalog’s code', () => {
    for (const reason of ERROR_REASONS) expect(statusMeaning(ERROR_CATALOG[reason].status)?.code, reason).toBe(ERROR_CATALOG[reason].code);
  });

  it('gives its own reasons a category and retryable: only no answer at all may pass by itself', () => {
    expect(failure('NETWORK_ERROR', 0)).toMatchObject({ category: 'unavailable', retryable: true });
    expect(failure('ABORTED', 0)).toMatchObject({ category: 'aborted', retryable: false });
    expect(failure('UNEXPECTED_RESPONSE', 404)).toMatchObject({ category: 'unexpected', retryable: false });
    expect(failure('FORBIDDEN', 403)).toMatchObject({ category: 'auth', retryable: false });
    expect(failure('UNAUTHORIZED', 401)).toMatchObject({ category: 'auth', retryable: false });
    for (const status of [502, 503, 504])
      expect(failure('SERVICE_UNAVAILABLE', status)).toMatchObject({ category: 'unavailable', retryable: true });
  });

  it('reads a reason of a newer server by its status', () => {
    const newer = (status: number) => failure('SOMETHING_NEW' as TablebookErrorReason, status);
    expect(newer(409)).toMatchObject({ category: 'refused', retryable: false });
    expect(newer(503)).toMatchObject({ category: 'unavailable', retryable: true });
    expect(newer(418)).toMatchObject({ category: 'invalid', retryable: false });
    expect(newer(599)).toMatchObject({ category: 'internal', retryable: false });
  });
});

describe('which failed queries are retried, and when', () => {
  const options = { retries: 3, baseDelayMs: 100, maxDelayMs: 3000 };
  const highest = () => 1;

  it('retries what the catalog calls retryable, after the backoff', () => {
    for (const reason of ERROR_REASONS) {
      const { status, retryable } = ERROR_CATALOG[reason];
      expect(retryDelayFor(failure(reason, status), 1, options, highest), reason).toBe(retryable ? 100 : undefined);
    }
    expect(retryDelayFor(failure('NETWORK_ERROR', 0), 2, options, highest)).toBe(200);
    expect(retryDelayFor(failure('ABORTED', 0), 1, options)).toBeUndefined();
    expect(retryDelayFor(new Error('boom'), 1, options)).toBeUndefined();
  });

  it('never retries sooner than Retry-After, and does not wait out one longer than the ceiling', () => {
    expect(retryDelayFor(failure('RATE_LIMITED', 429, 2), 1, options, highest)).toBe(2000);
    expect(retryDelayFor(failure('RATE_LIMITED', 429, 0), 2, options, highest)).toBe(200);
    expect(retryDelayFor(failure('RATE_LIMITED', 429, 4), 1, options, highest)).toBeUndefined();
    expect(retryDelayFor(failure('SERVICE_UNAVAILABLE', 503, 1), 1, options, highest)).toBe(1000);
  });
});

describe('a rate-limited query, through a real loopback server', () => {
  const started: LocalServer[] = [];
  afterEach(async () => {
    await Promise.all(started.splice(0).map((local) => local.close()));
  });

  /** Answers the first `limited` requests as the API's 429 with `retryAfter`, then an empty list. */
  async function limitedServer(limited: number, retryAfter: string): Promise<LocalServer> {
    const server = await startLocalServer((_request, response, index) => {
      if (index > limited) {
        response.writeHead(200, { 'content-type': 'application/json' }).end('[{"result":{"data":[]}}]');
        return;
      }
      const data = { code: 'TOO_MANY_REQUESTS', httpStatus: 429, reason: 'RATE_LIMITED', requestId: `limited-${index}` };
      response
        .writeHead(429, { 'content-type': 'application/json', 'retry-after': retryAfter })
        .end(JSON.stringify([{ error: { message: 'Too many requests; try again in 1 s', code: -32029, data } }]));
    });
    started.push(server);
    return server;
  }

  it('waits its Retry-After before the retry', async () => {
    const server = await limitedServer(1, '1');
    const started = Date.now();
    const cities = await createClient({ url: server.url, retry: { retries: 2, baseDelayMs: 10, maxDelayMs: 1500 } }).city.list.query();
    expect(cities).toEqual([]);
    expect(server.received).toHaveLength(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(990);
  });

  it('gives up at once, with the Retry-After, when it is longer than the ceiling for one delay', async () => {
    const server = await limitedServer(1, '30');
    const error = await failureOf(
      createClient({ url: server.url, retry: { retries: 2, baseDelayMs: 10, maxDelayMs: 50 } }).city.list.query(),
    );
    expect(error).toMatchObject({ status: 429, reason: 'RATE_LIMITED', category: 'limited', retryable: true, retryAfterSeconds: 30 });
    expect(server.received).toHaveLength(1);
  });
});
