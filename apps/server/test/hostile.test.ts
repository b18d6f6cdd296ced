import { queryRows } from '@tablebook/db';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectSuccessEnvelope, request, restaurantBody, useServer } from './helpers.ts';
import { validateResponse } from './support/openapi-validator.ts';

const running = useServer({ adminTokens: ['fuzz-token'] });
const admin = { authorization: 'Bearer fuzz-token' };
const RUNS = Number(process.env['HOSTILE_RUNS'] ?? 2200);

let restaurantId = '';
let reservationId = '';

/** One hash over every business table: equal before and after means nothing changed. */
async function snapshot(): Promise<string> {
  const [row] = await queryRows<{ digest: string }>(
    running().database.db,
    sql`select md5(
      coalesce((select string_agg(t::text, '|' order by t.id) from restaurants t), '') ||
      coalesce((select string_agg(t::text, '|' order by t.id) from reservations t), '') ||
      coalesce((select string_agg(t::text, '|' order by t.restaurant_id, t.label) from restaurant_tables t), '')
    ) as digest`,
  );
  return row!.digest;
}

/**
 * fast-check's `unit: 'binary'` (every code point but the surrogates), drawn the same way, value for
 * value: the same nat over the 1,112,064 code points, mapped past the surrogates. fast-check's own
 * reads a string back into units through a map of every code point, which it builds when the string
 * arbitrary is made: 5-7 s of CPU, a quarter of this file's. Here a code point is read back by arithmetic.
 */
const SURROGATES = 0xe000 - 0xd800;
const anyCodePoint = fc.nat({ max: 0x10ffff - SURROGATES }).map(
  (index) => String.fromCodePoint(index < 0xd800 ? index : index + SURROGATES),
  (value) => {
    const codePoint = typeof value === 'string' ? value.codePointAt(0) : undefined;
    if (codePoint === undefined || String.fromCodePoint(codePoint) !== value || (codePoint >= 0xd800 && codePoint < 0xe000))
      throw new Error('not one code point outside the surrogates');
    return codePoint < 0xd800 ? codePoint : codePoint - SURROGATES;
  },
);

const hostileString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: anyCodePoint, maxLength: 40 }),
  fc.string({ minLength: 240, maxLength: 300 }),
  fc.constantFrom(
    "' OR 1=1 --",
    "'; DROP TABLE restaurants; --",
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '\u0000',
    'nul\u0000inside',
    '\ud800',
    'lone \udc00 low',
    '../../etc/passwd',
    '%00',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the Log4Shell lookup string, sent as literal text
    '${jndi:ldap://127.0.0.1/a}',
    '{{7*7}}',
    'مطعم السلام',
    '🍣🍣🍣',
    'A0',
    ' a0 ',
    '2030-02-30',
    '2030-01-01',
    '0000-01-01',
    '9999-12-31',
    '2030-1-1',
    '-1',
    '1e309',
    'NaN',
    'true',
    '',
    '   ',
    '00000000-0000-0000-0000-000000000000',
  ),
);
const hostileNumber = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(2_147_483_647, 2_147_483_648, -2_147_483_649, Number.MAX_SAFE_INTEGER, 1e308, -1, 0, 1.5),
);
const leaf = fc.oneof(hostileString, hostileNumber, fc.boolean(), fc.constant(null));
const hostileValue = fc.oneof(
  { weight: 6, arbitrary: leaf },
  { weight: 1, arbitrary: fc.array(leaf, { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 8 }), leaf, { maxKeys: 4 }) },
);

const validFor: Record<string, fc.Arbitrary<unknown>> = {
  name: fc.constantFrom('Fuzz Bistro', 'La Fuzz'),
  address: fc.constant('Calle 1'),
  description: fc.constant('Probando'),
  photoUrl: fc.constant('https://example.com/f.jpg'),
  cityId: fc.integer({ min: 1, max: 1103 }),
  table: fc.constantFrom('A0', 'B1', 'C2', 'D2'),
  date: fc.constantFrom('2038-01-01', '2038-01-02'),
  partySize: fc.integer({ min: 1, max: 4 }),
  guestName: fc.constant('Fuzzy'),
  guestPhone: fc.constant('+57 300 000 0000'),
  guestEmail: fc.constant('fuzz@example.com'),
  status: fc.constantFrom('seated', 'cancelled', 'no_show'),
  cancellationCode: fc.constant('ABCDEFGHJKMN'),
  reason: fc.constant('fuzz'),
  tables: fc.constant([{ label: 'A0', seats: 4 }]),
};

/** A body with the route's fields, each valid, hostile or missing, plus stray keys. */
const bodyWith = (fields: string[]) =>
  fc.oneof(
    {
      weight: 5,
      arbitrary: fc.record(Object.fromEntries(fields.map((field) => [field, fc.oneof(validFor[field] ?? hostileValue, hostileValue)])), {
        requiredKeys: [],
      }),
    },
    { weight: 1, arbitrary: hostileValue },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 3000 }).map((depth) => ({ raw: `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}` })) },
    { weight: 1, arbitrary: fc.string({ maxLength: 60 }).map((text) => ({ raw: text })) },
  );

const queryWith = (fields: string[]) =>
  fc.dictionary(fc.constantFrom(...fields, 'extra'), fc.oneof(hostileString, hostileNumber.map(String)), { maxKeys: 4 });

const segment = fc.oneof(
  { weight: 3, arbitrary: fc.constant('RESTAURANT') },
  { weight: 2, arbitrary: fc.uuid() },
  { weight: 2, arbitrary: hostileString },
);
const reservationSegment = fc.oneof(
  { weight: 3, arbitrary: fc.constant('RESERVATION') },
  { weight: 1, arbitrary: fc.uuid() },
  { weight: 2, arbitrary: hostileString },
);

interface HostileRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body?: unknown;
  contentType: string;
  headers: Record<string, string>;
}

const restaurantFields = ['name', 'address', 'description', 'photoUrl', 'cityId', 'tables'];
const route = (method: string, template: (id: string, rid: string) => string, query: string[], body?: string[]) =>
  fc
    .record({
      method: fc.constant(method),
      id: segment,
      rid: reservationSegment,
      query: queryWith(query),
      body: body ? bodyWith(body) : fc.constant(undefined),
      contentType: fc.oneof(
        { weight: 8, arbitrary: fc.constant('application/json') },
        { weight: 1, arbitrary: fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=latin1') },
      ),
      admin: fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
      idempotencyKey: fc.option(hostileString, { nil: undefined }),
    })
    .map(({ id, rid, admin: withToken, idempotencyKey, ...rest }) => ({ ...rest, template, id, rid, withToken, idempotencyKey }));

const requests = fc.oneof(
  route('GET', () => '/api/cities', ['search']),
  route('GET', () => '/api/admin/restaurant', ['startWith', 'cityId', 'date', 'aviability', 'minAvailable', 'limit', 'offset']),
  route('POST', () => '/api/admin/restaurant', [], restaurantFields),
  route('GET', (id) => `/api/admin/restaurant/${id}`, []),
  route('PUT', (id) => `/api/admin/restaurant/${id}`, [], restaurantFields),
  route('DELETE', (id) => `/api/admin/restaurant/${id}`, []),
  route('GET', (id) => `/api/admin/restaurant/${id}/reservations`, ['date', 'status']),
  route(
    'POST',
    (id) => `/api/admin/restaurant/${id}/reservations`,
    [],
    ['table', 'date', 'partySize', 'guestName', 'guestPhone', 'guestEmail', 'notes'],
  ),
  route('GET', (id, rid) => `/api/admin/restaurant/${id}/reservations/${rid}`, []),
  route(
    'PATCH',
    (id, rid) => `/api/admin/restaurant/${id}/reservations/${rid}`,
    [],
    ['table', 'date', 'partySize', 'status', 'notes', 'guestName'],
  ),
  route('POST', (id, rid) => `/api/admin/restaurant/${id}/reservations/${rid}/cancel`, [], ['reason']),
  route('GET', (id) => `/api/admin/restaurant/${id}/availability`, ['date', 'from', 'to']),
  route('GET', () => '/api/restaurants', ['startWith', 'cityId', 'date', 'minAvailable']),
  route('GET', (id) => `/api/restaurants/${id}`, []),
  route('GET', (id) => `/api/restaurants/${id}/availability`, ['date', 'from', 'to']),
  route(
    'POST',
    (id) => `/api/restaurants/${id}/reservations`,
    [],
    ['table', 'date', 'partySize', 'guestName', 'guestPhone', 'guestEmail', 'notes'],
  ),
  route('POST', (id, rid) => `/api/restaurants/${id}/reservations/${rid}/cancel`, [], ['cancellationCode']),
  route('POST', () => '/api/reservations/cancel', [], ['cancellationCode']),
);

/** Percent-encodes the UTF-8 bytes of any string, lone surrogates included (encodeURIComponent throws on those). */
const encodeSegment = (text: string) =>
  Array.from(Buffer.from(text, 'utf8'), (byte) =>
    /[A-Za-z0-9_.~-]/.test(String.fromCharCode(byte)) ? String.fromCharCode(byte) : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`,
  ).join('');

type GeneratedRequest = typeof requests extends fc.Arbitrary<infer T> ? T : never;

function toHttp(generated: GeneratedRequest): HostileRequest {
  const id = generated.id === 'RESTAURANT' ? restaurantId : encodeSegment(String(generated.id));
  const rid = generated.rid === 'RESERVATION' ? reservationId : encodeSegment(String(generated.rid));
  const headers: Record<string, string> = {};
  if (generated.withToken) Object.assign(headers, admin);
  if (generated.idempotencyKey !== undefined && /^[\x20-\x7E]*$/.test(generated.idempotencyKey))
    headers['idempotency-key'] = generated.idempotencyKey;
  return {
    method: generated.method,
    path: generated.template(id, rid),
    query: generated.query,
    body: generated.body,
    contentType: generated.contentType,
    headers,
  };
}

/** A bound, not a measurement: the storm takes 25-45 s beside another suite on two cores, longer on a busy machine. */
const STORM_TIMEOUT_MS = 180_000;

describe('hostile requests across every REST route', () => {
  beforeAll(async () => {
    restaurantId = expectSuccessEnvelope(
      await request(running().url, 'POST', '/api/admin/restaurant', { json: restaurantBody({ name: 'Fuzz Target' }), headers: admin }),
      201,
    ).id;
    reservationId = expectSuccessEnvelope(
      await request(running().url, 'POST', `/api/admin/restaurant/${restaurantId}/reservations`, {
        json: { table: 'A1', date: '2038-01-01' },
        headers: admin,
      }),
      201,
    ).id;
  });

  it(
    `never answers 5xx, always the envelope, and a refused request changes nothing (${RUNS} requests)`,
    async () => {
      const statuses = new Map<number, number>();
      // The digest after the last refused request: nothing else writes meanwhile (requests go one at a
      // time, and this server runs no background writer), so it is the next request's "before" and one
      // snapshot a request is enough. After a success, or a run that failed, the next run takes its own.
      let known: string | undefined;
      await fc.assert(
        fc.asyncProperty(requests, async (generated) => {
          const hostile = toHttp(generated);
          const search = new URLSearchParams(hostile.query).toString();
          const url = `${running().url}${hostile.path}${search ? `?${search}` : ''}`;
          const body =
            hostile.body === undefined
              ? undefined
              : typeof hostile.body === 'object' && hostile.body !== null && 'raw' in hostile.body
                ? String((hostile.body as { raw: unknown }).raw)
                : JSON.stringify(hostile.body);
          const before = known ?? (await snapshot());
          known = undefined;
          const response = await fetch(url, {
            method: hostile.method,
            headers: { ...hostile.headers, ...(body !== undefined ? { 'content-type': hostile.contentType } : {}) },
            ...(body !== undefined ? { body } : {}),
          });
          const text = await response.text();
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          const where = `${hostile.method} ${url} ${body?.slice(0, 200) ?? ''} -> ${response.status} ${text.slice(0, 300)}`;
          expect(response.status, where).toBeLessThan(500);
          const envelope = JSON.parse(text) as { status: string; message: unknown; data: { reason?: unknown; requestId?: unknown } };
          expect(['success', 'error'], where).toContain(envelope.status);
          expect(typeof envelope.message, where).toBe('string');
          expect(text, where).not.toMatch(/"stack"|node_modules|\.ts:\d|\(\/[^)]*:\d+:\d+\)|Failed query|syntax error at/);
          if (response.status >= 400) {
            expect(envelope.status, where).toBe('error');
            expect(typeof envelope.data.reason, where).toBe('string');
            expect(envelope.data.requestId, where).toBe(response.headers.get('x-request-id'));
            const after = await snapshot();
            expect(after, `database changed by a refused request: ${where}`).toBe(before);
            known = after;
          }
          validateResponse(hostile.method, url, response.status, response.headers, text);
        }),
        // A fixed seed keeps CI repeatable; set HOSTILE_SEED to explore other inputs.
        { numRuns: RUNS, seed: Number(process.env['HOSTILE_SEED'] ?? 20261125) },
      );
      const total = [...statuses.values()].reduce((sum, count) => sum + count, 0);
      console.info(`[hostile] ${total} requests; statuses: ${JSON.stringify(Object.fromEntries([...statuses].sort(([a], [b]) => a - b)))}`);
      expect(total).toBeGreaterThanOrEqual(RUNS);
    },
    STORM_TIMEOUT_MS,
  );
});
