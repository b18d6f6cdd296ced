/**
 * The live connection's logic, with fake timers and a stream the test drives: what the pill says,
 * when it reopens (the backoff), where it resumes, and when the page must read afresh. The real
 * server's side of the same story is in liveRestart.test.ts.
 */
import { TRPCClientError } from '@trpc/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CONFIRM_TIMEOUT_MS, LiveConnection, type StreamObserver, type TrackedItem } from '../src/live/liveConnection.ts';
import type { LiveState } from '../src/live/liveState.ts';

type Event = { id: number; type: 'created'; table: string };
type Item = TrackedItem<
  Event | { id: number; type: 'ready'; resumed: boolean } | { id: number; type: 'capacity'; date: string; globalRemaining: number }
>;

/** A connection over a fake stream: each open is recorded with its resume id and its observer. */
function harness() {
  const opened: { lastEventId: string | undefined; observer: StreamObserver<Item>; closed: boolean }[] = [];
  const events: Event[] = [];
  const capacities: number[] = [];
  const states: (LiveState['phase'] | 'live again')[] = [];
  const refusals: unknown[] = [];
  const resyncs: string[] = [];
  const connection = new LiveConnection<Event>({
    open: (lastEventId, observer) => {
      const stream = { lastEventId, observer, closed: false };
      opened.push(stream);
      return {
        unsubscribe: () => {
          stream.closed = true;
        },
      };
    },
    onEvent: (event) => events.push(event),
    onCapacity: (capacity) => capacities.push(capacity.globalRemaining),
    onResync: (reason) => resyncs.push(reason),
    onState: (state) => states.push(state.recovered ? 'live again' : state.phase),
    onRefused: (error) => refusals.push(error),
    random: () => 0,
  });
  const stream = () => opened.at(-1)!;
  return {
    connection,
    opened,
    events,
    capacities,
    states,
    refusals,
    resyncs,
    stream,
    ready: (id: number, resumed: boolean) => stream().observer.onData({ id: String(id), data: { id, type: 'ready', resumed } }),
    event: (id: number, table: string) => stream().observer.onData({ id: String(id), data: { id, type: 'created', table } }),
    /** The EventSource lost its connection (tRPC reports it as connecting again, with the error). */
    networkDrop: () => stream().observer.onConnectionStateChange({ state: 'connecting', error: new TypeError('fetch failed') }),
  };
}

const refusal = (httpStatus: number, reason: string) =>
  TRPCClientError.from({ error: { message: reason, code: -32000, data: { httpStatus, reason, code: reason } } });

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('a live connection', () => {
  it('is connecting until the server confirms the stream, then live, and reads afresh when nothing could be replayed', () => {
    const live = harness();
    live.connection.start();
    expect(live.states).toEqual(['connecting']);
    expect(live.opened.map((stream) => stream.lastEventId)).toEqual([undefined]);
    // tRPC's own "started" and pending state say nothing: the server answers before it checks anything.
    live.stream().observer.onConnectionStateChange({ state: 'pending', error: null });
    expect(live.states).toEqual(['connecting']);
    live.ready(0, false);
    expect(live.states).toEqual(['connecting', 'live']);
    expect(live.resyncs).toEqual(['opened']);
  });

  it('reopens a stream the server ended (a shutdown) after 0.5 s, resuming from the last event id, and is Live only once confirmed', () => {
    const live = harness();
    live.connection.start();
    live.ready(3, false);
    live.event(4, 'A0');
    live.event(5, 'A1');
    expect(live.events.map((event) => event.table)).toEqual(['A0', 'A1']);
    // The server's clean end of the stream, as it shuts down: not an end for the page.
    live.stream().observer.onComplete();
    expect(live.stream().closed).toBe(true);
    expect(live.states.at(-1)).toBe('reconnecting');
    vi.advanceTimersByTime(499);
    expect(live.opened).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(live.opened.map((stream) => stream.lastEventId)).toEqual([undefined, '5']);
    // Open, but not confirmed yet: still reconnecting.
    live.stream().observer.onConnectionStateChange({ state: 'pending', error: null });
    expect(live.states.at(-1)).toBe('reconnecting');
    live.ready(5, true);
    expect(live.states).toEqual(['connecting', 'live', 'reconnecting', 'live again']);
    // Resumed: the replayed events follow and nothing needs reading afresh.
    live.event(6, 'B0');
    expect(live.events.map((event) => event.table)).toEqual(['A0', 'A1', 'B0']);
    expect(live.resyncs).toEqual(['opened']);
  });

  it('reads afresh after a reconnection the server could not resume (it lost the position: another database, an expired backlog)', () => {
    const live = harness();
    live.connection.start();
    live.ready(8, false);
    live.event(9, 'A0');
    live.stream().observer.onComplete();
    vi.advanceTimersByTime(500);
    expect(live.stream().lastEventId).toBe('9');
    live.ready(2, false);
    expect(live.resyncs).toEqual(['opened', 'gap']);
    expect(live.states.at(-1)).toBe('live again');
  });

  it('waits 0.5 s, 1 s, 2 s, 4 s, then 5 s between attempts while the server is away, and keeps trying', () => {
    const live = harness();
    live.connection.start();
    live.ready(1, false);
    live.networkDrop();
    const waits: number[] = [];
    for (let attempt = 0; attempt < 8; attempt++) {
      const before = live.opened.length;
      let waited = 0;
      while (live.opened.length === before) {
        vi.advanceTimersByTime(100);
        waited += 100;
      }
      waits.push(waited);
      // The server is still down: the attempt fails at once.
      live.networkDrop();
    }
    expect(waits).toEqual([500, 1000, 2000, 4000, 5000, 5000, 5000, 5000]);
    expect(live.states.at(-1)).toBe('reconnecting');
    // Every attempt resumes from the same last event.
    expect(new Set(live.opened.slice(1).map((stream) => stream.lastEventId))).toEqual(new Set(['1']));
    // Each failed attempt was closed before the next: waiting, none is open; then only the newest.
    expect(live.opened.filter((stream) => !stream.closed)).toHaveLength(0);
    vi.advanceTimersByTime(5000);
    expect(live.opened.filter((stream) => !stream.closed)).toHaveLength(1);
  });

  it('starts the backoff over after a stream that stayed live for a while, not after one that dropped at once', () => {
    const live = harness();
    live.connection.start();
    live.ready(1, false);
    live.networkDrop();
    vi.advanceTimersByTime(500);
    // Confirmed, then dropped at once: the next wait is longer.
    live.ready(1, true);
    live.networkDrop();
    vi.advanceTimersByTime(999);
    expect(live.opened).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(live.opened).toHaveLength(3);
    live.ready(1, true);
    vi.advanceTimersByTime(10_000);
    live.networkDrop();
    vi.advanceTimersByTime(500);
    expect(live.opened).toHaveLength(4);
  });

  it('retries an outage (503) and a stream cap (429), and stops for good on a refusal trying again cannot change', () => {
    const live = harness();
    live.connection.start();
    live.stream().observer.onError(refusal(503, 'SERVICE_UNAVAILABLE'));
    vi.advanceTimersByTime(500);
    live.stream().observer.onError(refusal(429, 'RATE_LIMITED'));
    vi.advanceTimersByTime(1000);
    expect(live.opened).toHaveLength(3);
    expect(live.states).toEqual(['connecting', 'reconnecting']);

    const error = refusal(404, 'NOT_FOUND');
    live.stream().observer.onError(error);
    expect(live.states.at(-1)).toBe('down');
    expect(live.refusals).toEqual([error]);
    vi.advanceTimersByTime(60_000);
    expect(live.opened).toHaveLength(3);
  });

  it('gives up on a stream the server never confirms and tries again', () => {
    const live = harness();
    live.connection.start();
    vi.advanceTimersByTime(CONFIRM_TIMEOUT_MS - 1);
    expect(live.opened).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(live.stream().closed).toBe(true);
    expect(live.states.at(-1)).toBe('reconnecting');
    vi.advanceTimersByTime(500);
    expect(live.opened).toHaveLength(2);
  });

  it('hands the system capacity notices over apart from the events', () => {
    const live = harness();
    live.connection.start();
    live.ready(0, false);
    live.stream().observer.onData({ id: '7', data: { id: 7, type: 'capacity', date: '2030-01-01', globalRemaining: 3 } });
    live.stream().observer.onComplete();
    vi.advanceTimersByTime(500);
    expect(live.capacities).toEqual([3]);
    expect(live.events).toEqual([]);
    // A notice's id is a position too.
    expect(live.stream().lastEventId).toBe('7');
  });

  it('stops for good: the stream is closed, no attempt follows, and a late callback of an old stream is ignored', () => {
    const live = harness();
    live.connection.start();
    live.ready(1, false);
    const first = live.stream();
    live.networkDrop();
    vi.advanceTimersByTime(500);
    // The first stream's late news changes nothing.
    first.observer.onData({ id: '9', data: { id: 9, type: 'created', table: 'Z9' } });
    first.observer.onComplete();
    expect(live.events).toEqual([]);
    expect(live.opened).toHaveLength(2);
    live.connection.stop();
    expect(live.stream().closed).toBe(true);
    live.stream().observer.onComplete();
    vi.advanceTimersByTime(60_000);
    expect(live.opened).toHaveLength(2);
  });
});
