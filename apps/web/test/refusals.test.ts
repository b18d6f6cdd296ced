/**
 * Issue 16: "Every refusal rendered from its `reason` (and its fields) in the page's language, with
 * dates and times formatted for the reader and the restaurant's names, never a server sentence, an id
 * or an ISO date. A test walks every reason of the catalog and fails when one has no translation in
 * either language." This is that walk, over the catalog's own declarations (packages/api/src/
 * error-catalog.ts): every reason and every issue code, each variant of their fields, in es and en.
 */
import { appRouter } from '@tablebook/api';
import {
  ERROR_CATALOG,
  ERROR_REASONS,
  ISSUE_CODE_NAMES,
  ISSUE_CODES,
  matchesFields,
  type ErrorReason,
  type Field,
  type Fields,
  type IssueDetail,
} from '@tablebook/api/shared';
import { describe, expect, it } from 'vitest';
import type { ApiProblem } from '../src/api/problems.ts';
import { LANGUAGES, LOCALE_OF, type Language } from '../src/i18n/language.ts';
import { FIELD_NAMES } from '../src/i18n/refusalWords.ts';
import { describeIssue, describeProblem, issueField, refusalWords } from '../src/i18n/refusals.ts';
import { formatDay } from '../src/lib/days.ts';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const ISO_DATE = /\d{4}-\d{2}-\d{2}/;
/** What a rendering must never show: an id, an ISO date, a hole in a template, the server's sentence. */
const SERVER_SENTENCE = 'SERVER-ENGLISH-SENTENCE';
const HOLES = /undefined|NaN|\[object|null/;

/** Realistic values for a field, by its name and kind: what a real refusal carries. */
function sampleOf(name: string, field: Field): unknown {
  switch (field.kind) {
    case 'text':
      if (field.values) return field.values[0];
      return (
        ({ restaurantName: 'La Cevichería', table: 'A1', timeZone: 'America/Bogota', value: 'B2', with: 'time' } as Record<string, string>)[
          name
        ] ?? 'Casa Uno'
      );
    case 'integer':
    case 'number':
      return (
        (
          {
            partySize: 4,
            seats: 2,
            limit: 20,
            slotMinutes: 30,
            coversLeft: 1,
            maxCovers: 6,
            retryAfterSeconds: 30,
            minAdvanceMinutes: 60,
            maxAdvanceDays: 30,
            durationMinutes: 120,
            cityId: 999_999,
            maximum: 20,
            minimum: 1,
            divisor: 5,
          } as Record<string, number>
        )[name] ?? 3
      );
    case 'flag':
      return true;
    case 'day':
      return ({ today: '2026-12-09', lastDay: '2027-01-08' } as Record<string, string>)[name] ?? '2026-12-10';
    case 'clock':
      return (
        (
          { from: '19:00', to: '21:00', opens: '12:00', closes: '23:00', startsAt: '20:00', seatableFrom: '19:00' } as Record<
            string,
            string
          >
        )[name] ?? '19:30'
      );
    case 'texts':
      return name === 'allowed' ? ['seated', 'cancelled'] : ['colour'];
    case 'values':
      return [15, 30, 60];
    case 'list':
      return [fullSample(field.items), { ...fullSample(field.items), table: 'C3', date: '2026-12-11' }];
  }
}

const fullSample = (fields: Fields) => Object.fromEntries(Object.entries(fields).map(([name, field]) => [name, sampleOf(name, field)]));
const requiredSample = (fields: Fields) =>
  Object.fromEntries(Object.entries(fields).flatMap(([name, field]) => (field.optional ? [] : [[name, sampleOf(name, field)]])));

/** Every variant worth saying: all fields, only the required ones, and each value of each choice. */
function variantsOf(fields: Fields): Record<string, unknown>[] {
  const variants = [fullSample(fields), requiredSample(fields)];
  for (const [name, field] of Object.entries(fields)) {
    if (field.kind !== 'text' || !field.values) continue;
    for (const value of field.values.slice(1))
      variants.push({ ...fullSample(fields), [name]: value }, { ...requiredSample(fields), [name]: value });
  }
  for (const variant of variants) expect(matchesFields(fields, variant), JSON.stringify(variant)).toBe(true);
  return variants;
}

const problemOf = (reason: string, details: Record<string, unknown> | undefined, issues: IssueDetail[] = []): ApiProblem =>
  ({
    reason,
    details,
    issues,
    httpStatus: 409,
    requestId: '9f1c2b7e-5d4a-4e3b-8c2d-1a0b9c8d7e6f',
    retryAfterSeconds: undefined,
    // Not part of ApiProblem: a renderer reading the server's message anyway would show it.
    message: SERVER_SENTENCE,
  }) as ApiProblem;

function expectClean(text: string, where: string) {
  expect(text.trim().length, where).toBeGreaterThan(0);
  expect(text, where).not.toMatch(UUID);
  expect(text, where).not.toMatch(ISO_DATE);
  expect(text, where).not.toMatch(HOLES);
  expect(text, where).not.toContain(SERVER_SENTENCE);
}

/**
 * The days and names a rendering of `details` must show, formatted for the reader: every required one
 * (an optional field belongs to one variant only, e.g. the last bookable day of a day too far ahead).
 */
function expectNamed(text: string, details: Record<string, unknown>, fields: Fields, language: Language, where: string) {
  for (const [name, field] of Object.entries(fields)) {
    const value = details[name];
    if (value === undefined || field.optional) continue;
    if (name === 'restaurantName' || name === 'table') expect(text, where).toContain(String(value));
    if (field.kind === 'day' && name !== 'today') expect(text, where).toContain(formatDay(String(value), LOCALE_OF[language]));
  }
}

describe('every reason of the catalog, in both languages', () => {
  it('has words in es and en: plain ones, and a sentence from its details when it declares any', () => {
    for (const language of LANGUAGES) {
      const { reasons } = refusalWords[language];
      expect(Object.keys(reasons).sort(), language).toEqual([...ERROR_REASONS].sort());
      for (const reason of ERROR_REASONS) {
        const words = reasons[reason] as { plain: string; detail?: unknown };
        expect(words.plain.trim(), `${language}:${reason}`).not.toBe('');
        expect(typeof words.detail === 'function', `${language}:${reason} has a sentence for its details`).toBe(
          Object.keys(ERROR_CATALOG[reason].details).length > 0,
        );
      }
    }
  });

  it.each(LANGUAGES)(
    'renders each reason in %s from realistic details: the names and days, no id, no ISO date, no server text',
    (language) => {
      for (const reason of ERROR_REASONS) {
        const fields = ERROR_CATALOG[reason].details;
        const plain = describeProblem(problemOf(reason, undefined), language).detail;
        expectClean(plain, `${language}:${reason}:plain`);
        for (const details of Object.keys(fields).length > 0 ? variantsOf(fields) : []) {
          const where = `${language}:${reason}:${JSON.stringify(details)}`;
          const { detail } = describeProblem(problemOf(reason, details), language);
          expectClean(detail, where);
          expectNamed(detail, details, fields, language, where);
          // The other language says it in other words.
          const other = language === 'es' ? 'en' : 'es';
          expect(describeProblem(problemOf(reason, details), other).detail, where).not.toBe(detail);
        }
      }
    },
  );

  it('says the issue examples in words: a full system day, a move onto a taken table, a move into the past', () => {
    const day = problemOf('GLOBAL_DAILY_LIMIT', { restaurantName: 'La Cevichería', date: '2026-12-10', table: 'A1', limit: 20 });
    expect(describeProblem(day, 'es').detail).toBe(
      'El jueves, 10 de diciembre de 2026 ya no se reciben más reservas, ni en La Cevichería ni en ningún otro restaurante: Tablebook llegó a su límite diario de 20 reservas. Pruebe otro día.',
    );
    expect(describeProblem(day, 'en').detail).toBe(
      'No more bookings can be taken on Thursday, December 10, 2026, at La Cevichería or anywhere else: Tablebook has reached its daily limit of 20 bookings. Try another day.',
    );
    const taken = problemOf('TABLE_ALREADY_BOOKED', { restaurantName: 'Casa', table: '4', date: '2026-12-10', from: '19:00', to: '21:00' });
    expect(describeProblem(taken, 'es').detail).toMatch(
      /^La mesa 4 de Casa ya está reservada el jueves, 10 de diciembre de 2026, de 7:00\s?p\.\s?m\. a 9:00\s?p\.\s?m\.: elija otra mesa u otra hora\.$/,
    );
    const past = problemOf('OUTSIDE_BOOKING_WINDOW', { restaurantName: 'Casa', date: '2026-12-10', time: '13:00', why: 'started' });
    expect(describeProblem(past, 'es').detail).toMatch(
      /^Esa hora ya pasó: el jueves, 10 de diciembre de 2026 a la 1:00\s?p\.\s?m\. en Casa\./,
    );
    expect(describeProblem(past, 'en').detail).toMatch(/^That time has already passed: Thursday, December 10, 2026 at 1:00\sPM at Casa\./);
  });

  it('shows a reference only for a fault, and honest words for no answer and for a reason of a newer server', () => {
    expect(describeProblem(problemOf('NETWORK', undefined), 'es').detail).toBe('Revise su conexión e intente de nuevo.');
    expect(describeProblem(problemOf('SOMETHING_NEW', undefined), 'en').detail).toMatch(/did not accept the request/);
    expectClean(describeProblem(problemOf('SOMETHING_NEW', undefined), 'es').detail, 'es:unknown');
  });

  it('words a rate limit without details from its Retry-After', () => {
    const limited = { ...problemOf('RATE_LIMITED', undefined), retryAfterSeconds: 42 };
    expect(describeProblem(limited, 'es').detail).toBe(
      'Demasiadas solicitudes desde esta conexión: espere 42 segundos e intente de nuevo.',
    );
  });
});

describe('every issue code of the catalog, in both languages', () => {
  const issueSample = (code: (typeof ISSUE_CODE_NAMES)[number], path: string) =>
    ({ path, message: SERVER_SENTENCE, code, ...fullSample(ISSUE_CODES[code]) }) as IssueDetail;

  it.each(LANGUAGES)(
    'says what is wrong in %s, beside its field and with its field named, from the code and its parameters',
    (language) => {
      expect(Object.keys(refusalWords[language].issues).sort()).toEqual([...ISSUE_CODE_NAMES].sort());
      for (const code of ISSUE_CODE_NAMES) {
        for (const path of ['partySize', 'tables.3.seats', '']) {
          const issue = issueSample(code, path);
          const alone = describeIssue(issue, language, { withField: false });
          const named = describeIssue(issue, language, { withField: true });
          expectClean(alone, `${language}:${code}:${path}`);
          expectClean(named, `${language}:${code}:${path}`);
          if (path) expect(named.startsWith(issueField(path, language)), `${language}:${code}`).toBe(true);
          expect(alone.charAt(0), `${language}:${code}`).toBe(alone.charAt(0).toLocaleUpperCase());
        }
      }
    },
  );

  it('says "partySize must be at most 20" and "restaurantId must be a UUID" in the page’s words', () => {
    const tooMany = { path: 'partySize', message: 'partySize must be at most 20', code: 'too_big', origin: 'number', maximum: 20 } as const;
    expect(describeIssue(tooMany, 'es', { withField: true })).toBe('Personas: como máximo 20');
    expect(describeIssue(tooMany, 'en', { withField: false })).toBe('At most 20');
    const badLink = { path: 'restaurantId', message: 'restaurantId must be a UUID', code: 'invalid_format', format: 'guid' } as const;
    expect(describeIssue(badLink, 'es', { withField: true })).toBe(
      'Restaurante: no es una referencia válida: revise que el enlace se haya copiado completo',
    );
    const booked = {
      path: 'tables',
      message: '1 is booked on 2026-12-10 by reservation bd2f0c3e-8a51-4f0e-9a55-9f4c1f3e2d10',
      code: 'table_booked',
      table: '1',
      date: '2026-12-10',
      partySize: 4,
    } as const;
    expect(describeIssue(booked, 'es', { withField: false })).toBe(
      'La mesa 1 está reservada el jueves, 10 de diciembre de 2026 para 4 personas',
    );
  });

  it('names every field a procedure takes, in both languages', () => {
    const names = new Set<string>();
    const seen = new Set<unknown>();
    // Through zod's own definitions: an object's shape names its fields; wrappers (optional, pipe, union...) hold the rest.
    const collect = (schema: unknown): void => {
      if (!schema || typeof schema !== 'object' || seen.has(schema)) return;
      seen.add(schema);
      const def = (schema as { _zod?: { def?: Record<string, unknown> } })._zod?.def;
      if (!def) return;
      if (def['type'] === 'object') for (const name of Object.keys(def['shape'] as object)) names.add(name);
      for (const value of Object.values(def)) {
        if (Array.isArray(value)) value.forEach(collect);
        else if (value && typeof value === 'object' && !('_zod' in value)) Object.values(value).forEach(collect);
        else collect(value);
      }
    };
    const procedures = (appRouter as unknown as { _def: { procedures: Record<string, { _def: { inputs: unknown[] } }> } })._def.procedures;
    for (const procedure of Object.values(procedures)) procedure._def.inputs.forEach(collect);
    expect(names.size).toBeGreaterThan(30);
    expect([...names].filter((name) => !(FIELD_NAMES as readonly string[]).includes(name))).toEqual([]);
    for (const language of LANGUAGES) for (const name of FIELD_NAMES) expect(refusalWords[language].fields[name].trim(), name).not.toBe('');
  });
});

describe('reasons the issue lists, with no details at all (an older server)', () => {
  it.each(['INVALID_CANCELLATION_CODE', 'GLOBAL_DAILY_LIMIT', 'TABLE_ALREADY_BOOKED', 'RATE_LIMITED'] as ErrorReason[])(
    '%s still has words in both languages',
    (reason) => {
      const [es, en] = (['es', 'en'] as const).map((language) => describeProblem(problemOf(reason, undefined), language).detail);
      expect(es).not.toBe(en);
      expectClean(es ?? '', reason);
    },
  );
});
