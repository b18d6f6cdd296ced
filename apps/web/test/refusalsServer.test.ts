/**
 * Issue 16's examples of refusals "shown in the server's English under Spanish titles, with UUIDs and
 * ISO dates", produced by the real server (PGlite in memory) through the app's own tRPC client, and
 * rendered the way the page renders them: "in the page's language, with dates and times formatted
 * for the reader and the restaurant's names, never a server sentence, an id or an ISO date".
 */
import { createDb, migrate } from '@tablebook/db';
import { migratedPgliteImage } from '@tablebook/testing';
import { updateStoredLimits } from '@tablebook/api';
import { ERROR_CATALOG, isErrorReason, undeclaredKeys } from '@tablebook/api/shared';
import { createServer } from '@tablebook/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient, type ApiClient } from '../src/api/client.ts';
import { problemOf, type ApiProblem } from '../src/api/problems.ts';
import { LANGUAGES, LOCALE_OF, type Language } from '../src/i18n/language.ts';
import { describeIssue, describeProblem } from '../src/i18n/refusals.ts';
import { addDays, formatDay, localDay } from '../src/lib/days.ts';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const ISO_DATE = /\d{4}-\d{2}-\d{2}/;
const EVERY_DAY = (['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const).map((day) => ({ day, opens: '12:00', closes: '23:00' }));

interface Running {
  api: ApiClient;
  stop(): Promise<void>;
}

/** The real server over PGlite; `rateLimits` turns the limiter on (the app's test server runs without one). */
async function start(options: { guestBookingsPerMinute?: number } = {}): Promise<Running> {
  // From the run's migrated image (tooling/testing's pglite-image.ts); migrate() then finds nothing to do.
  const image = await migratedPgliteImage();
  const database = createDb('memory://', image ? { pgliteImage: image } : {});
  await migrate(database);
  await updateStoredLimits(database.db, { restaurantDailyLimit: 10, globalDailyLimit: 20 });
  const server = createServer({
    database,
    settings: { timeZone: 'America/Bogota' },
    port: 0,
    logLevel: 'silent',
    ...(options.guestBookingsPerMinute
      ? { rateLimits: { guestBooking: options.guestBookingsPerMinute, failedAdminAuth: 20, public: 600 } }
      : {}),
  });
  const url = await server.start();
  return {
    api: createApiClient({ url: `${url}/trpc` }),
    async stop() {
      await server.stop();
      await database.close();
    },
  };
}

const failureOf = async (call: Promise<unknown>): Promise<ApiProblem & { message?: never }> => {
  try {
    await call;
  } catch (error) {
    // The server's English, kept aside to prove the words do not use it.
    return Object.assign(problemOf(error), { serverMessage: error instanceof Error ? error.message : '' }) as never;
  }
  throw new Error('the call succeeded');
};

const serverMessageOf = (problem: ApiProblem) => (problem as ApiProblem & { serverMessage: string }).serverMessage;

/** The words in both languages, each free of ids, ISO dates and the server's sentence. */
function wordsOf(problem: ApiProblem): Record<Language, string> {
  // The server sends exactly what the catalog declares: nothing beyond it (the daily limits once sent an id).
  if (isErrorReason(problem.reason)) expect(undeclaredKeys(ERROR_CATALOG[problem.reason].details, problem.details)).toEqual([]);
  const words = {} as Record<Language, string>;
  for (const language of LANGUAGES) {
    const { detail, issues } = describeProblem(problem, language);
    const text = [detail, ...issues].join('\n');
    expect(text, language).not.toMatch(UUID);
    expect(text, language).not.toMatch(ISO_DATE);
    expect(text, language).not.toContain(serverMessageOf(problem));
    words[language] = text;
  }
  expect(words.es).not.toBe(words.en);
  return words;
}

const restaurantBody = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  address: 'Calle 39 # 3-56',
  description: 'Ceviches',
  photoUrl: 'https://example.com/c.jpg',
  cityId: 1,
  ...extra,
});
const guest = { guestName: 'Ana', guestPhone: '+57 300 000 0000' };

let server: Running;
beforeAll(async () => {
  server = await start();
});
afterAll(async () => {
  await server?.stop();
});

describe("the issue's refusals, from the real server, in the page's language", () => {
  const day = addDays(localDay(), 20);
  const esDay = formatDay(day, LOCALE_OF.es);
  const enDay = formatDay(day, LOCALE_OF.en);

  it('a wrong cancellation code', async () => {
    const created = await server.api.restaurant.create.mutate(restaurantBody('La Cevichería'));
    const booking = await server.api.guest.book.mutate({ restaurantId: created.id, table: 'A0', date: day, ...guest });
    const problem = await failureOf(
      server.api.guest.cancel.mutate({ restaurantId: created.id, reservationId: booking.id, cancellationCode: 'WRONGCODE123' }),
    );
    expect(problem.reason).toBe('INVALID_CANCELLATION_CODE');
    const words = wordsOf(problem);
    expect(words.es).toBe('Ese código no cancela esta reserva. Revise el código de su confirmación y escríbalo de nuevo.');
  });

  it('"restaurantId must be a UUID" on the cancel page', async () => {
    const problem = await failureOf(
      server.api.guest.cancel.mutate({ restaurantId: 'not-a-uuid', reservationId: 'bd2f', cancellationCode: 'WRONGCODE123' }),
    );
    expect(problem.reason).toBe('INVALID_INPUT');
    expect(problem.issues.map((issue) => [issue.path, issue.code])).toEqual([
      ['restaurantId', 'invalid_format'],
      ['reservationId', 'invalid_format'],
    ]);
    const words = wordsOf(problem);
    expect(words.es).toContain('Restaurante: no es una referencia válida: revise que el enlace se haya copiado completo');
    expect(words.en).toContain('Restaurant: not a valid reference: check that the link was copied whole');
  });

  it('"partySize must be at most 20"', async () => {
    const created = await server.api.restaurant.create.mutate(restaurantBody('Casa Grande', { hours: EVERY_DAY }));
    const problem = await failureOf(
      server.api.guest.book.mutate({ restaurantId: created.id, date: day, time: '19:00', partySize: 25, ...guest }),
    );
    expect(problem.issues).toEqual([expect.objectContaining({ path: 'partySize', code: 'too_big', maximum: 20 })]);
    const words = wordsOf(problem);
    expect(words.es).toBe('Hay datos por corregir.\nPersonas: como máximo 20');
    // Beside the party size input, only what is wrong.
    expect(describeIssue(problem.issues[0]!, 'es', { withField: false })).toBe('Como máximo 20');
  });

  it('a full system day', async () => {
    const other = await start();
    try {
      await other.api.settings.update.mutate({ globalDailyLimit: 1 });
      const first = await other.api.restaurant.create.mutate(restaurantBody('Primera'));
      const second = await other.api.restaurant.create.mutate(restaurantBody('Segunda'));
      await other.api.guest.book.mutate({ restaurantId: first.id, table: 'A0', date: day, ...guest });
      const problem = await failureOf(other.api.guest.book.mutate({ restaurantId: second.id, table: 'A0', date: day, ...guest }));
      expect(problem).toMatchObject({ reason: 'GLOBAL_DAILY_LIMIT', details: { restaurantName: 'Segunda', date: day, limit: 1 } });
      const words = wordsOf(problem);
      expect(words.es).toBe(
        `El ${esDay} ya no se reciben más reservas, ni en Segunda ni en ningún otro restaurante: Tablebook llegó a su límite diario de 1 reserva. Pruebe otro día.`,
      );
      expect(words.en).toContain(`No more bookings can be taken on ${enDay}`);
    } finally {
      await other.stop();
    }
  });

  it('a move onto a taken table, at a restaurant that books times', async () => {
    const created = await server.api.restaurant.create.mutate(restaurantBody('El Fogón', { hours: EVERY_DAY }));
    await server.api.reservation.create.mutate({ restaurantId: created.id, table: 'B1', date: day, time: '19:00', partySize: 2 });
    const moving = await server.api.reservation.create.mutate({
      restaurantId: created.id,
      table: 'A1',
      date: day,
      time: '19:30',
      partySize: 2,
    });
    const problem = await failureOf(
      server.api.reservation.update.mutate({ restaurantId: created.id, reservationId: moving.id, table: 'B1' }),
    );
    expect(problem).toMatchObject({
      reason: 'TABLE_ALREADY_BOOKED',
      details: { restaurantName: 'El Fogón', table: 'B1', date: day, from: '19:00', to: '20:30' },
    });
    const words = wordsOf(problem);
    expect(words.es).toMatch(
      new RegExp(
        `^La mesa B1 de El Fogón ya está reservada el ${esDay}, de 7:00\\sp\\.\\sm\\. a 8:30\\sp\\.\\sm\\.: elija otra mesa u otra hora\\.$`,
      ),
    );
    expect(words.en).toMatch(new RegExp(`^Table B1 at El Fogón is already booked on ${enDay} from 7:00\\sPM to 8:30\\sPM`));
  });

  it('a move into the past: a day before today, and a time already gone', async () => {
    const created = await server.api.restaurant.create.mutate(restaurantBody('La Terraza', { hours: EVERY_DAY }));
    const wholeDay = await server.api.restaurant.create.mutate(restaurantBody('El Patio'));
    const booked = await server.api.reservation.create.mutate({ restaurantId: wholeDay.id, table: 'A0', date: day });
    const yesterday = addDays(localDay(), -2);
    const pastDay = await failureOf(
      server.api.reservation.update.mutate({ restaurantId: wholeDay.id, reservationId: booked.id, date: yesterday }),
    );
    expect(pastDay).toMatchObject({ reason: 'PAST_DATE', details: { restaurantName: 'El Patio', date: yesterday } });
    expect(wordsOf(pastDay).es).toContain(`El Patio ya no recibe reservas para el ${formatDay(yesterday, LOCALE_OF.es)}`);

    const timed = await server.api.reservation.create.mutate({
      restaurantId: created.id,
      table: 'A1',
      date: day,
      time: '19:00',
      partySize: 2,
    });
    // Today at 12:00 in Bogotá has passed by the time this runs only after noon; the day before yesterday always has.
    const gone = await failureOf(
      server.api.reservation.update.mutate({
        restaurantId: created.id,
        reservationId: timed.id,
        date: addDays(localDay(), -1),
        time: '00:30',
      }),
    );
    expect(['OUTSIDE_BOOKING_WINDOW', 'CLOSED', 'PAST_DATE']).toContain(gone.reason);
    wordsOf(gone);
  });

  it('the layout editor: "1 is booked on 2026-12-10 by reservation bd2f..."', async () => {
    const created = await server.api.restaurant.create.mutate(
      restaurantBody('La Barra', {
        tables: [
          { label: '1', seats: 4 },
          { label: '2', seats: 4 },
        ],
      }),
    );
    await server.api.reservation.create.mutate({ restaurantId: created.id, table: '1', date: day, partySize: 4 });
    const problem = await failureOf(
      server.api.restaurant.update.mutate({ id: created.id, ...restaurantBody('La Barra'), tables: [{ label: '2', seats: 4 }] }),
    );
    expect(problem).toMatchObject({
      reason: 'TABLE_HAS_RESERVATIONS',
      details: { restaurantName: 'La Barra', reservations: [{ table: '1', date: day, partySize: 4 }] },
    });
    expect(serverMessageOf(problem)).toMatch(UUID);
    expect(problem.issues).toEqual([
      expect.objectContaining({ path: 'tables', code: 'table_booked', table: '1', date: day, partySize: 4 }),
    ]);
    const words = wordsOf(problem);
    expect(words.es).toBe(
      `Hay reservas futuras en La Barra que necesitan esta mesa: la mesa 1 el ${esDay} (un grupo de 4). Consérvela, o mueva esas reservas primero.`,
    );
    // Beside the layout editor (the form places the issue on its tables field).
    expect(describeIssue(problem.issues[0]!, 'es', { withField: false })).toBe(`La mesa 1 está reservada el ${esDay} para 4 personas`);
    expect(describeIssue(problem.issues[0]!, 'en', { withField: false })).toBe(`Table 1 is booked on ${enDay} for 4 people`);
  });

  it('the rate limit, with how long to wait', async () => {
    const limited = await start({ guestBookingsPerMinute: 2 });
    try {
      const created = await limited.api.restaurant.create.mutate(restaurantBody('La Esquina'));
      const book = (table: string) => limited.api.guest.book.mutate({ restaurantId: created.id, table, date: day, ...guest });
      await book('A0');
      await book('A1');
      const problem = await failureOf(book('A2'));
      expect(problem).toMatchObject({ reason: 'RATE_LIMITED', details: { what: 'requests', retryAfterSeconds: expect.any(Number) } });
      const words = wordsOf(problem);
      expect(words.es).toMatch(/^Demasiadas solicitudes desde esta conexión: espere \d+ segundos? e intente de nuevo\.$/);
      expect(words.en).toMatch(/^Too many requests from this connection: wait \d+ seconds? and try again\.$/);
    } finally {
      await limited.stop();
    }
  });
});
