// Live updates across two Tablebook processes on one database: a restaurant's admin stream is open on
// one process, bookings are made one after another on the other, and each is timed from sending the
// POST to receiving its event on the stream (through PostgreSQL: the writer commits, the watcher's
// listener learns of it and reads the event). A day's stream takes that day's bookings (15 tables);
// the next day opens a new stream, which counts for nothing: the clock starts at the POST.
import { openSse, type SseConnection } from '@tablebook/testing';
import { addDays, TABLE_LABELS } from './dataset.ts';
import { median, percentile, round } from './stats.ts';

export interface LiveUpdatesResult {
  bookings: number;
  /** Request-to-event, in booking order (ms). */
  delaysMs: number[];
  medianMs: number;
  p99Ms: number;
  maxMs: number;
}

interface LiveUpdatesOptions {
  /** The process the stream is open on, and the one that takes the bookings. */
  watcherUrl: string;
  writerUrl: string;
  restaurantId: string;
  /** The first of the days booked, one after another (no other phase may book them). */
  firstDay: string;
  bookings: number;
  headers: Record<string, string>;
}

/** How long one event may take before the phase gives up (a lost event is a failure, not a slow sample). */
const EVENT_TIMEOUT_MS = 5000;

/** Opens the day's stream and waits for its 'ready' event: from then on every change is delivered. */
async function openDayStream(options: LiveUpdatesOptions, day: string): Promise<SseConnection> {
  const url = `${options.watcherUrl}/api/admin/restaurant/${options.restaurantId}/events?date=${day}&ready=true`;
  const stream = await openSse(url, options.headers);
  if (stream.status !== 200) throw new Error(`GET ${url} answered ${stream.status} ${JSON.stringify(stream.errorBody)}`);
  const first = JSON.parse((await stream.next(EVENT_TIMEOUT_MS)).data) as { type: string };
  if (first.type !== 'ready') throw new Error(`the stream began with ${first.type}, not ready`);
  return stream;
}

/** The event of the booking `reservationId`, skipping any other. */
async function eventOf(stream: SseConnection, reservationId: string) {
  for (;;) {
    const event = await stream.next(EVENT_TIMEOUT_MS);
    const data = JSON.parse(event.data) as { type: string; reservation?: { id: string } };
    if (data.type === 'created' && data.reservation?.id === reservationId) return event;
  }
}

export async function measureLiveUpdates(options: LiveUpdatesOptions): Promise<LiveUpdatesResult> {
  const delaysMs: number[] = [];
  for (let dayIndex = 0; delaysMs.length < options.bookings; dayIndex += 1) {
    const day = addDays(options.firstDay, dayIndex);
    const stream = await openDayStream(options, day);
    try {
      for (const table of TABLE_LABELS) {
        if (delaysMs.length === options.bookings) break;
        const sent = performance.now();
        const response = await fetch(`${options.writerUrl}/api/admin/restaurant/${options.restaurantId}/reservations`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...options.headers },
          body: JSON.stringify({ table, date: day }),
        });
        const body = (await response.json()) as { data?: { id?: string } };
        if (response.status !== 201 || !body.data?.id)
          throw new Error(`booking ${table} on ${day} answered ${response.status} ${JSON.stringify(body)}`);
        const event = await eventOf(stream, body.data.id);
        delaysMs.push(round(event.receivedAt - sent, 2));
      }
    } finally {
      stream.close();
    }
  }
  return {
    bookings: delaysMs.length,
    delaysMs,
    medianMs: round(median(delaysMs), 1),
    p99Ms: round(percentile(delaysMs, 99), 1),
    maxMs: round(Math.max(...delaysMs), 1),
  };
}
