/**
 * Issue 16: "Every refusal rendered from its `reason` (and its fields)". The fields come from the
 * catalog's declaration of each reason's details and each issue code's parameters; these tests keep
 * the declarations complete and the readings of zod's issues faithful.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ERROR_CATALOG, ERROR_REASONS, ISSUE_CODE_NAMES, ISSUE_CODES } from '../src/error-catalog.ts';
import { declaredOnly, matchesFields, undeclaredKeys, type Fields } from '../src/error-details.ts';
import { AppError, describeIssues, issuesFromZod } from '../src/errors.ts';
import { presentError } from '../src/present-error.ts';
import { guestBookingInput, guestCancelByCodeInput } from '../src/schemas/guest.ts';
import { updateSettingsInput } from '../src/schemas/settings.ts';

const everyField = (fields: Fields): [string, Fields[string]][] =>
  Object.entries(fields).flatMap(([name, field]) => [[name, field], ...(field.kind === 'list' ? everyField(field.items) : [])]);

describe("the catalog's details", () => {
  it('describes every field of every reason and every issue code', () => {
    for (const reason of ERROR_REASONS) {
      for (const [name, field] of everyField(ERROR_CATALOG[reason].details)) {
        expect(field.description.length, `${reason}.${name}`).toBeGreaterThan(3);
      }
    }
    for (const code of ISSUE_CODE_NAMES) {
      for (const [name, field] of everyField(ISSUE_CODES[code])) expect(field.description.length, `${code}.${name}`).toBeGreaterThan(3);
    }
  });

  it('never declares an id among the details ("never ... an id")', () => {
    for (const reason of ERROR_REASONS) {
      for (const [name] of everyField(ERROR_CATALOG[reason].details)) expect(name, reason).not.toMatch(/id$/i);
    }
  });

  it('checks what a client receives against the declaration', () => {
    const fields = ERROR_CATALOG.TABLE_ALREADY_BOOKED.details;
    expect(matchesFields(fields, { restaurantName: 'Casa', table: 'A1', date: '2026-12-10', from: '19:00', to: '21:00' })).toBe(true);
    // A newer server's extra field is fine; a missing required one or a wrong kind is not.
    expect(matchesFields(fields, { restaurantName: 'Casa', table: 'A1', date: '2026-12-10', colour: 'red' })).toBe(true);
    expect(matchesFields(fields, { restaurantName: 'Casa', date: '2026-12-10' })).toBe(false);
    expect(matchesFields(fields, { restaurantName: 'Casa', table: 'A1', date: '10/12/2026' })).toBe(false);
    expect(matchesFields(fields, { restaurantName: 'Casa', table: 'A1', date: '2026-12-10', from: '7 pm' })).toBe(false);
    const listed = ERROR_CATALOG.TABLE_HAS_RESERVATIONS.details;
    expect(matchesFields(listed, { restaurantName: 'Casa', reservations: [{ table: '1', date: '2026-12-10', partySize: 4 }] })).toBe(true);
    expect(matchesFields(listed, { restaurantName: 'Casa', reservations: [{ table: '1', date: '2026-12-10' }] })).toBe(false);
    expect(matchesFields(ERROR_CATALOG.NOT_MOVABLE.details, { status: 'lost' })).toBe(false);
    expect(matchesFields(fields, null)).toBe(false);
  });
});

describe('presentError carries the details', () => {
  it('keeps an AppError’s details beside its English message, and names none for an internal failure', () => {
    const details = { restaurantName: 'Casa', date: '2026-12-10', limit: 20 };
    expect(presentError(new AppError({ reason: 'GLOBAL_DAILY_LIMIT', message: 'Cannot book', details }), 'r1')).toMatchObject({
      reason: 'GLOBAL_DAILY_LIMIT',
      message: 'Cannot book',
      details,
    });
    expect(presentError(new AppError({ reason: 'CLOSED', message: 'x' }), 'r2')).not.toHaveProperty('details');
  });
});

describe("tRPC's own refusals, said as REST says them (D3)", () => {
  it('gives an unknown procedure NOT_FOUND with entity route, and an unreadable body one malformed_request issue', async () => {
    const { TRPCError } = await import('@trpc/server');
    const missing = presentError(new TRPCError({ code: 'NOT_FOUND', message: 'No procedure found on path "nope"' }), 'r1');
    expect(missing).toMatchObject({ reason: 'NOT_FOUND', status: 404, details: { entity: 'route' } });
    expect(matchesFields(ERROR_CATALOG.NOT_FOUND.details, missing.details)).toBe(true);
    const unreadable = presentError(new TRPCError({ code: 'PARSE_ERROR', message: 'Unexpected end of JSON input' }), 'r2');
    expect(unreadable).toEqual({
      reason: 'INVALID_INPUT',
      status: 400,
      code: 'BAD_REQUEST',
      message: 'Invalid input: Unexpected end of JSON input',
      issues: [{ path: '', message: 'Unexpected end of JSON input', code: 'malformed_request' }],
    });
    // An AppError keeps its own: a reservation not found is not a route.
    expect(presentError(new AppError({ reason: 'NOT_FOUND', message: 'x', details: { entity: 'reservation' } }), 'r3').details).toEqual({
      entity: 'reservation',
    });
  });
});

describe('only declared details leave the server', () => {
  const restaurantId = 'af847815-91ad-405b-b621-301cbe66b28f';

  it('names every key outside the declaration, inside list items too', () => {
    const limit = ERROR_CATALOG.RESTAURANT_DAILY_LIMIT.details;
    expect(undeclaredKeys(limit, { restaurantName: 'Casa', date: '2027-02-01', table: 'A1', limit: 1 })).toEqual([]);
    expect(undeclaredKeys(limit, { restaurantName: 'Casa', date: '2027-02-01', restaurantId })).toEqual(['restaurantId']);
    const listed = ERROR_CATALOG.TABLE_HAS_RESERVATIONS.details;
    expect(
      undeclaredKeys(listed, {
        restaurantName: 'Casa',
        reservations: [{ table: '1', date: '2026-12-10', partySize: 4, id: restaurantId }],
      }),
    ).toEqual(['reservations.0.id']);
  });

  it('drops what a throw site spreads in beyond the declaration (the daily limits once sent the restaurant’s id)', () => {
    const declared = { restaurantName: 'Casa Dos', date: '2027-02-01', table: 'A1', limit: 1 };
    // A caller's object with more in it, as checkDailyLimits once spread it: TypeScript lets the extra key through.
    const spread: typeof declared = { ...declared, restaurantId } as typeof declared;
    const error = new AppError({ reason: 'RESTAURANT_DAILY_LIMIT', message: 'Cannot book', details: spread });
    expect(error.details).toEqual(declared);
    expect(presentError(error, 'r1').details).toEqual(declared);
    // A refusal stored before the fix and replayed (idempotency) loses the id as well.
    const replayed = new AppError({ reason: 'GLOBAL_DAILY_LIMIT', message: 'x', details: { ...declared, restaurantId } } as never);
    expect(replayed.details).toEqual(declared);
    expect(
      declaredOnly(ERROR_CATALOG.TABLE_HAS_RESERVATIONS.details, {
        restaurantName: 'Casa',
        reservations: [{ table: '1', date: '2026-12-10', partySize: 4, reservationId: restaurantId }],
      }),
    ).toEqual({ restaurantName: 'Casa', reservations: [{ table: '1', date: '2026-12-10', partySize: 4 }] });
    // Nothing declared: nothing sent.
    expect(
      presentError(new AppError({ reason: 'INVALID_CANCELLATION_CODE', message: 'x', details: { restaurantId } } as never), 'r2'),
    ).not.toHaveProperty('details');
  });
});

describe("zod's issues as codes and parameters", () => {
  const issuesOf = (schema: z.ZodType, input: unknown) => issuesFromZod(schema.safeParse(input).error?.issues ?? []);

  it('reads "partySize must be at most 20" as too_big with its maximum', () => {
    const issues = issuesOf(guestBookingInput, {
      restaurantId: '00000000-0000-4000-8000-000000000000',
      date: '2026-12-10',
      partySize: 25,
      guestName: 'Ana',
      guestPhone: '+57 300 000 0000',
    });
    expect(issues).toEqual([
      { path: 'partySize', message: 'partySize must be at most 20', code: 'too_big', origin: 'number', maximum: 20, inclusive: true },
    ]);
  });

  it('reads a bad id, a bad day and a missing contact', () => {
    const issues = issuesOf(guestBookingInput, {
      restaurantId: 'nope',
      date: '2026-02-30',
      guestName: 'Ana',
      guestEmail: 'ana@example.com',
    });
    expect(issues).toEqual([
      { path: 'restaurantId', message: 'restaurantId must be a UUID', code: 'invalid_format', format: 'guid' },
      { path: 'date', message: 'date must be a calendar day written YYYY-MM-DD', code: 'invalid_format', format: 'date' },
    ]);
    const contact = issuesOf(guestBookingInput, {
      restaurantId: '00000000-0000-4000-8000-000000000000',
      date: '2026-12-10',
      guestName: 'Ana',
    });
    expect(contact).toEqual([{ path: 'guestPhone', message: expect.any(String), code: 'contact_required' }]);
  });

  it("names a refinement's own code, and calls one without a code custom", () => {
    expect(issuesOf(updateSettingsInput, {})).toEqual([{ path: '', message: expect.any(String), code: 'limit_required' }]);
    expect(issuesOf(updateSettingsInput, { globalDailyLimit: 0 })).toEqual([
      expect.objectContaining({ path: 'globalDailyLimit', code: 'too_small', minimum: 1 }),
    ]);
    const plain = z.string().refine((value) => value === 'x', 'must be x');
    expect(issuesOf(plain, 'y')).toEqual([{ path: '', message: 'must be x', code: 'custom' }]);
    // A refinement naming a code with the wrong parameters is not trusted either.
    const wrong = z.string().refine((value) => value === 'x', { error: 'must be x', params: { code: 'listed_twice' } });
    expect(issuesOf(wrong, 'y')).toEqual([{ path: '', message: 'must be x', code: 'custom' }]);
  });

  it('says "Invalid input" once for a body that is no object, or a union none matched', () => {
    for (const [body, received] of [
      [[], 'array'],
      ['x', 'string'],
      [null, 'null'],
    ] as const) {
      expect(describeIssues(issuesOf(guestCancelByCodeInput, body))).toBe(`Invalid input: expected object, received ${received}`);
    }
    expect(describeIssues(issuesOf(z.union([z.string(), z.number()]), true))).toBe('Invalid input');
    expect(describeIssues(issuesOf(z.object({ at: z.union([z.string(), z.number()]) }), { at: true }))).toBe('Invalid input: at');
    expect(describeIssues(issuesOf(guestCancelByCodeInput, { cancellationCode: 5 }))).toBe(
      'Invalid input: cancellationCode: cancellationCode must be a string',
    );
  });

  it('keeps every parameter it sends inside what ISSUE_CODES declares for the code', () => {
    const samples = [
      issuesOf(z.object({ a: z.string() }).strict(), { a: 1, b: 2 }),
      issuesOf(z.enum(['x', 'y']), 'z'),
      issuesOf(z.number().multipleOf(5), 7),
      issuesOf(z.string().min(2), 'a'),
    ].flat();
    expect(samples.map((issue) => issue.code)).toEqual([
      'invalid_type',
      'unrecognized_keys',
      'invalid_value',
      'not_multiple_of',
      'too_small',
    ]);
    for (const issue of samples) expect(matchesFields(ISSUE_CODES[issue.code], issue), issue.code).toBe(true);
  });
});
