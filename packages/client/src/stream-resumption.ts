import type { Operation, OperationResultEnvelope, TRPCClientError } from '@trpc/client';
import { type Observable, observable, type Unsubscribable } from '@trpc/server/observable';
import type { TablebookError } from './errors.ts';
import { backoffDelay, DEFAULT_RETRY_OPTIONS } from './retry.ts';
import type { AppRouter } from './router-types.ts';

type Envelope = OperationResultEnvelope<unknown, TRPCClientError<AppRouter>>;
type Stream = Observable<Envelope, TRPCClientError<AppRouter>>;

interface ResumptionOptions {
  /** Opens one stream of the subscription: a fresh EventSource for the operation given. */
  open(op: Operation): Stream;
  /** What a `connecting` state reports while the subscription reconnects after the server ended its stream. */
  endedByServer(): TablebookError;
}

/** A stream that stayed open this long was healthy: the next end starts the backoff over. */
const STABLE_STREAM_MS = 10_000;

/**
 * The wait before reopening after the `attempt`-th server end in a row (1 for the first): the queries'
 * backoff with jitter (100-200 ms at first, up to 3 s), so streams a drain ended together do not all
 * come back at once.
 */
const reopenDelayMs = (attempt: number) => backoffDelay(attempt, DEFAULT_RETRY_OPTIONS);

/** The subscription's input resuming after `lastEventId`, as tRPC's own link sends it (its `inputWithTrackedEventId`). */
function resumingInput(input: unknown, lastEventId: string | undefined): unknown {
  if (lastEventId === undefined || (input != null && typeof input !== 'object')) return input;
  return { ...(input ?? {}), lastEventId };
}

const isServerEndNotice = (result: Envelope['result']) =>
  'type' in result && (result.type === 'stopped' || (result.type === 'state' && result.state === 'idle'));

/**
 * A subscription that outlives its streams. The Tablebook streams never end by themselves: the server
 * ends one only when it goes away (a drain or a shutdown sends tRPC's clean `return`), or when a reader
 * fell too far behind, and it sends the same `return` either way. tRPC's client takes that `return` as
 * the end of the subscription (onStopped, idle, onComplete), so a client would go deaf after a restart.
 * Here any end the caller did not ask for (by unsubscribing or aborting its signal) reopens the stream
 * after a short backoff, with the last event's id as `lastEventId`, so the server replays what was
 * missed, each event once; in between, a `connecting` state carries `endedByServer()`. Errors (a
 * refusal, an answer that is not a stream) still end the subscription.
 */
export function resumingSubscription(op: Operation, options: ResumptionOptions): Stream {
  return observable<Envelope, TRPCClientError<AppRouter>>((observer) => {
    let lastEventId: string | undefined;
    let endsInARow = 0;
    let openedAt: number | undefined;
    let lastState: string | undefined;
    let current: Unsubscribable | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let left = false;
    const callerEnded = () => left || op.signal?.aborted === true;

    const forward = (envelope: Envelope) => {
      const { result } = envelope;
      if ('type' in result && result.type === 'started') openedAt = Date.now();
      if ('type' in result && result.type === 'state') {
        // The reopened stream starts as `connecting` again: already told, with the reason.
        if (result.state === 'connecting' && !result.error && lastState === 'connecting') return;
        lastState = result.state;
      }
      if (!('type' in result) || result.type === 'data') {
        if ('id' in result && result.id !== undefined) lastEventId = String(result.id);
      }
      observer.next(envelope);
    };

    const reopenLater = () => {
      // A stream that kept going for a while was healthy; one ending at once, again and again, backs off.
      if (openedAt !== undefined && Date.now() - openedAt >= STABLE_STREAM_MS) endsInARow = 0;
      openedAt = undefined;
      endsInARow++;
      lastState = 'connecting';
      observer.next({ result: { type: 'state', state: 'connecting', error: options.endedByServer() } });
      timer = setTimeout(open, reopenDelayMs(endsInARow));
    };

    const open = () => {
      timer = undefined;
      if (callerEnded()) return;
      current = options.open({ ...op, input: resumingInput(op.input, lastEventId) }).subscribe({
        // Unsubscribed: nothing more is told (tRPC's link would still report its stream's end).
        next: (envelope) => {
          if (left) return;
          // The server's end is not the subscription's: it reopens below, unless the caller aborted.
          if (isServerEndNotice(envelope.result) && !callerEnded()) return;
          forward(envelope);
        },
        error: (error) => !left && observer.error(error),
        complete: () => {
          if (left) return;
          if (callerEnded()) observer.complete();
          else reopenLater();
        },
      });
    };

    // Aborted between two streams: the subscription ends as tRPC's own link ends it.
    const abortedBetweenStreams = () => {
      if (timer === undefined) return;
      clearTimeout(timer);
      timer = undefined;
      observer.next({ result: { type: 'stopped' } });
      observer.next({ result: { type: 'state', state: 'idle', error: null } });
      observer.complete();
    };
    op.signal?.addEventListener('abort', abortedBetweenStreams, { once: true });

    open();
    return () => {
      left = true;
      op.signal?.removeEventListener('abort', abortedBetweenStreams);
      clearTimeout(timer);
      current?.unsubscribe();
    };
  });
}
