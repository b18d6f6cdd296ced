import type { LimitsChangeOutput, StreamNotice, SystemCapacityOutput } from '@tablebook/api/shared';
import { problemOf } from '../api/problems.ts';
import { reconnectDelay, STABLE_STREAM_MS } from './backoff.ts';
import { initialLiveState, liveReducer, type LiveSignal, type LiveState } from './liveState.ts';

/** A tracked item as tRPC's client hands it over: the event id and the item. */
export interface TrackedItem<T> {
  id: string;
  data: T;
}

/** The part of a tRPC subscription observer a live connection listens to. */
export interface StreamObserver<TItem> {
  onData(item: TItem): void;
  onError(error: unknown): void;
  onComplete(): void;
  onConnectionStateChange(state: { state: string; error: unknown }): void;
}

export interface LiveConnectionOptions<TEvent> {
  /** Opens the stream, resuming after `lastEventId` when given (the server replays what followed it). */
  open(lastEventId: string | undefined, observer: StreamObserver<TrackedItem<TEvent | StreamNotice>>): { unsubscribe(): void };
  /** A change, in order, each once. */
  onEvent(event: TEvent): void;
  /** Another restaurant's change moved the system's remaining capacity that day. */
  onCapacity(capacity: SystemCapacityOutput): void;
  /** The stored limits, or a restaurant's own limit or pacing, changed (streams opened with `limits`): read the days afresh. */
  onLimits?(change: LimitsChangeOutput): void;
  /**
   * The stream is open but could not replay everything since: read what is shown afresh. `opened`: the
   * first stream (only what happened since the page's own read is missing); `gap`: a stream reopened
   * after the server lost track of the page's position (another database, or an expired backlog).
   */
  onResync(reason: ResyncReason): void;
  onState(state: LiveState): void;
  /** Refused for good (the connection stops trying). */
  onRefused(error: unknown): void;
  /** For tests: the jitter's source. */
  random?: () => number;
}

export type ResyncReason = 'opened' | 'gap';

/** A stream the server has not confirmed open by then is given up and tried again. */
export const CONFIRM_TIMEOUT_MS = 15_000;

/** A refusal trying again cannot change: the request itself is wrong (400, 401, 403, 404...), not the moment. */
function isFinal(error: unknown): boolean {
  const status = problemOf(error).httpStatus;
  return status !== undefined && status >= 400 && status < 500 && status !== 408 && status !== 429;
}

/**
 * One live stream that tells the truth: it reopens whatever ended it (a server shutting down ends its
 * streams with a clean "return", which tRPC's client takes as the subscription being over; a network
 * drop; an outage's 503), after 0.5 s, 1 s, 2 s, 4 s, then every 5 s (with jitter), resuming after the
 * last event id it saw. It is live only once the server's `ready` shows the stream subscribed; when
 * the server could not replay everything missed, `onResync` asks the page to read afresh.
 */
export class LiveConnection<TEvent> {
  private state: LiveState = initialLiveState;
  private lastEventId: string | undefined;
  private stream: { unsubscribe(): void } | undefined;
  /** Bumped whenever a stream is left: callbacks from an older one are ignored. */
  private generation = 0;
  private attempt = 0;
  private confirmedAt: number | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;
  /** A stream was confirmed before: the next one that cannot resume left a gap. */
  private wasConfirmed = false;

  constructor(private readonly options: LiveConnectionOptions<TEvent>) {}

  start(): void {
    this.options.onState(this.state);
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    this.leave();
  }

  private connect(): void {
    if (this.stopped) return;
    const generation = ++this.generation;
    const current = () => generation === this.generation && !this.stopped;
    const stream = this.options.open(this.lastEventId, {
      onData: (item) => current() && this.receive(item),
      onError: (error) => current() && (isFinal(error) ? this.refuse(error) : this.drop()),
      // The server ended the stream (it is shutting down, or this reader fell too far behind).
      onComplete: () => current() && this.drop(),
      // tRPC's client would wait for the EventSource's own retry (3 s, given up on a 503): this one decides.
      onConnectionStateChange: ({ state, error }) => current() && state === 'connecting' && error && this.drop(),
    });
    // A stream that failed while being opened was left already.
    if (!current()) {
      stream.unsubscribe();
      return;
    }
    this.stream = stream;
    this.timer = setTimeout(() => current() && this.confirmedAt === undefined && this.drop(), CONFIRM_TIMEOUT_MS);
  }

  private receive({ id, data }: TrackedItem<TEvent | StreamNotice>): void {
    this.lastEventId = id;
    if (isNotice(data, 'ready')) {
      clearTimeout(this.timer);
      this.confirmedAt = Date.now();
      this.signal('confirmed');
      if (!data.resumed) this.options.onResync(this.wasConfirmed ? 'gap' : 'opened');
      this.wasConfirmed = true;
    } else if (isNotice(data, 'capacity')) {
      this.options.onCapacity(data);
    } else if (isNotice(data, 'limits')) {
      this.options.onLimits?.(data);
    } else {
      this.options.onEvent(data as TEvent);
    }
  }

  private drop(): void {
    // A stream that was healthy for a while starts the backoff over; one that keeps failing does not.
    if (this.confirmedAt !== undefined && Date.now() - this.confirmedAt >= STABLE_STREAM_MS) this.attempt = 0;
    this.leave();
    this.signal('dropped');
    this.timer = setTimeout(() => this.connect(), reconnectDelay(this.attempt++, this.options.random));
  }

  private refuse(error: unknown): void {
    this.leave();
    this.signal('refused');
    this.options.onRefused(error);
  }

  private leave(): void {
    this.generation++;
    this.confirmedAt = undefined;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.stream?.unsubscribe();
    this.stream = undefined;
  }

  private signal(signal: LiveSignal): void {
    const next = liveReducer(this.state, signal);
    if (next === this.state) return;
    this.state = next;
    this.options.onState(next);
  }
}

function isNotice<K extends StreamNotice['type']>(data: unknown, type: K): data is Extract<StreamNotice, { type: K }> {
  return typeof data === 'object' && data !== null && (data as { type?: unknown }).type === type;
}
