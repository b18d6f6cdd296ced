/**
 * Live streams across a server restart, against the real server (PGlite in memory, kept across the
 * restart) through the app's own tRPC client, as the pages use it. First why the pages went deaf
 * (issue 16: "the restarted server never received their streams again"), then the live connection
 * that reopens them, resumes from the last event id, and hears of other restaurants' bookings.
 */
import type { PublicEventOutput } from '@tablebook/api/shared';
import { reservationEvents } from '@tablebook/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, localDay } from '../src/lib/days.ts';
import { LiveConnection } from '../src/live/liveConnection.ts';
import type { LiveState } from '../src/live/liveState.ts';
import { startAppServer, type AppServer } from './support/appServer.ts';

const ADMIN_TOKEN = 'live-restart-token';
const day = addDays(localDay(), 25);
let server: AppServer;
let casaId = '';
let otraId = '';

const restaurant = (name: string) => ({
  name,
  address: 'Calle 10 # 5-51',
  description: 'Cocina de mercado',
  photoUrl: 'https://example.com/photo.jpg',
  cityId: 1,
});

/** Resolves when `check` holds, polling; fails after `timeoutMs` showing `seen` (a record that grows as things happen). */
async function eventually(check: () => boolean, timeoutMs: number, seen: unknown): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms: ${JSON.stringify(seen)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** A live connection to `guest.onChange` for Casa's day, recording what a page would see. */
function watchDay(options: { systemCapacity?: boolean } = {}) {
  const phases: string[] = [];
  const events: PublicEventOutput[] = [];
  const capacities: number[] = [];
  let resyncs = 0;
  let offline = false;
  const connection = new LiveConnection<PublicEventOutput>({
    open: (lastEventId, observer) => {
      // The page's network is down: the attempt fails, as a fetch that cannot connect does.
      if (offline) {
        const failing = setTimeout(() => observer.onConnectionStateChange({ state: 'connecting', error: new TypeError('offline') }), 0);
        return { unsubscribe: () => clearTimeout(failing) };
      }
      return server.api.guest.onChange.subscribe(
        { restaurantId: casaId, date: day, ready: true, ...options, ...(lastEventId ? { lastEventId } : {}) },
        observer,
      );
    },
    onEvent: (event) => events.push(event),
    onCapacity: (capacity) => capacities.push(capacity.globalRemaining),
    onResync: () => resyncs++,
    onState: (state: LiveState) => phases.push(state.recovered ? 'live again' : state.phase),
    onRefused: (error) => phases.push(`refused: ${String(error)}`),
  });
  connection.start();
  const setOffline = (value: boolean) => {
    offline = value;
  };
  return { connection, phases, events, capacities, resyncs: () => resyncs, phase: () => phases.at(-1), setOffline };
}

beforeAll(async () => {
  server = await startAppServer({ webApp: false, adminTokens: [ADMIN_TOKEN] });
  casaId = (await server.api.restaurant.create.mutate(restaurant('Casa del Río'))).id;
  otraId = (await server.api.restaurant.create.mutate(restaurant('Otra Cocina'))).id;
});
afterAll(async () => {
  await server?.stop();
});

describe('live streams and a server restart', () => {
  it("shows why pages went deaf: the server ends its streams on shutdown, and tRPC's client takes that as the end", async () => {
    const seen: string[] = [];
    const subscription = server.api.guest.onChange.subscribe(
      { restaurantId: casaId, date: day },
      {
        onStarted: () => seen.push('started'),
        onData: () => seen.push('data'),
        onComplete: () => seen.push('complete'),
        onError: () => seen.push('error'),
      },
    );
    try {
      await eventually(() => seen.includes('started'), 5_000, seen);
      await server.stopServer();
      // A clean end ("return" on the wire), not an error: the client's subscription is over.
      await eventually(() => seen.includes('complete'), 5_000, seen);
      await server.startServer();
      await server.api.reservation.create.mutate({ restaurantId: casaId, table: 'D0', date: day, guestName: 'Unheard' });
      // The EventSource would have retried after 3 s; nothing reopens a completed subscription.
      await new Promise((resolve) => setTimeout(resolve, 4_000));
      expect(seen).toEqual(['started', 'complete']);
    } finally {
      subscription.unsubscribe();
    }
  });

  it('reconnects after a restart on the same port and database, resumes from the last event id, and is Live only when events flow again', async () => {
    const page = watchDay();
    try {
      await eventually(() => page.phase() === 'live', 5_000, page.phases);
      // The first stream starts with nothing to resume from: the page reads its day once.
      expect(page.resyncs()).toBe(1);
      await server.api.reservation.create.mutate({ restaurantId: casaId, table: 'A0', date: day, guestName: 'Before' });
      await eventually(() => page.events.length === 1, 5_000, page.events);

      await server.stopServer();
      await eventually(() => page.phase() === 'reconnecting', 5_000, page.phases);
      // Away for a while: every attempt fails, the pill keeps saying so.
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      expect(page.phase()).toBe('reconnecting');
      const stoppedAt = Date.now();
      await server.startServer();
      // Booked over REST before the page is back: it gets them from the backlog, after its last event id.
      for (const table of ['A1', 'A2']) {
        const response = await fetch(`${server.url}/api/admin/restaurant/${casaId}/reservations`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
          body: JSON.stringify({ table, date: day, guestName: `After ${table}` }),
        });
        expect(response.status).toBe(201);
      }
      await eventually(() => page.events.length === 3, 8_000, page.events);
      // Back within the backoff's cap (5 s) and a margin for a slow machine.
      expect(Date.now() - stoppedAt).toBeLessThan(8_000);
      expect(page.events.map((event) => event.table)).toEqual(['A0', 'A1', 'A2']);
      expect(page.phases).toEqual(['connecting', 'live', 'reconnecting', 'live again']);
      // Everything missed was replayed: no second read of the day.
      expect(page.resyncs()).toBe(1);
    } finally {
      page.connection.stop();
    }
  });

  it('asks for a fresh read when the server cannot replay what was missed (the backlog expired)', async () => {
    const page = watchDay();
    try {
      await eventually(() => page.phase() === 'live', 5_000, page.phases);
      await server.api.reservation.create.mutate({ restaurantId: casaId, table: 'B0', date: day, guestName: 'Kept' });
      await eventually(() => page.events.length === 1, 5_000, page.events);
      // The page loses its network, and while it is away a booking is made and the backlog expires.
      page.setOffline(true);
      await server.stopServer();
      await eventually(() => page.phase() === 'reconnecting', 5_000, page.phases);
      await server.startServer();
      await server.api.reservation.create.mutate({ restaurantId: casaId, table: 'B1', date: day, guestName: 'Expired' });
      // As the hourly sweep does to events older than a day: those after the page's last are gone.
      await server.database.db.delete(reservationEvents);
      page.setOffline(false);
      await eventually(() => page.phase() === 'live again', 8_000, page.phases);
      expect(page.resyncs()).toBe(2);
    } finally {
      page.connection.stop();
    }
  });

  it("tells a restaurant's day of another restaurant's bookings that day as the system's remaining capacity, and nothing else of them", async () => {
    const page = watchDay({ systemCapacity: true });
    const plain = watchDay();
    try {
      await eventually(() => page.phase() === 'live' && plain.phase() === 'live', 5_000, [page.phases, plain.phases]);
      const before = await server.api.guest.availability.query({ restaurantId: casaId, date: day });
      if (!('globalRemaining' in before)) throw new Error('expected one day');
      const booked = await server.api.reservation.create.mutate({ restaurantId: otraId, table: 'A0', date: day, guestName: 'Elsewhere' });
      await eventually(() => page.capacities.length === 1, 5_000, page.capacities);
      expect(page.capacities).toEqual([before.globalRemaining - 1]);
      // Another day, and a change that moves no capacity (notes), say nothing.
      await server.api.reservation.create.mutate({ restaurantId: otraId, table: 'A0', date: addDays(day, 1), guestName: 'Other day' });
      await server.api.reservation.update.mutate({ restaurantId: otraId, reservationId: booked.id, notes: 'Ventana' });
      await server.api.reservation.cancel.mutate({ restaurantId: otraId, reservationId: booked.id });
      await eventually(() => page.capacities.length === 2, 5_000, page.capacities);
      expect(page.capacities).toEqual([before.globalRemaining - 1, before.globalRemaining]);
      expect(page.events).toEqual([]);
      // A stream that did not ask hears nothing of Otra Cocina.
      expect(plain.capacities).toEqual([]);
      expect(plain.events).toEqual([]);
    } finally {
      page.connection.stop();
      plain.connection.stop();
    }
  });

  it('offers the same over REST: a ready event first, then the system capacity', async () => {
    const abort = new AbortController();
    const response = await fetch(`${server.url}/api/restaurants/${casaId}/events?date=${day}&ready=true&systemCapacity=true`, {
      signal: abort.signal,
    });
    try {
      expect(response.status).toBe(200);
      const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
      let text = '';
      const readUntil = async (pattern: RegExp) => {
        while (!pattern.test(text)) {
          const { value, done } = await reader.read();
          if (done) throw new Error(`the stream ended: ${text}`);
          text += value;
        }
      };
      await readUntil(/"type":"ready"/);
      expect(text).toMatch(/event: reservation\nid: \d+\ndata: \{"id":\d+,"type":"ready","resumed":false\}/);
      await server.api.reservation.create.mutate({ restaurantId: otraId, table: 'B0', date: day, guestName: 'Over REST' });
      await readUntil(/"type":"capacity"/);
      expect(text).toMatch(new RegExp(`data: \\{"id":\\d+,"type":"capacity","date":"${day}","globalRemaining":\\d+\\}`));
    } finally {
      abort.abort();
    }
  });
});
