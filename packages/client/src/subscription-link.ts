import { httpSubscriptionLink, type OperationResultEnvelope, TRPCClientError, type TRPCLink } from '@trpc/client';
import { observable } from '@trpc/server/observable';
import { EventSource, type FetchLike } from 'eventsource';
import { TablebookError } from './errors.ts';
import { httpFailure, networkFailure, streamEndedFailure } from './http-failures.ts';
import type { AppRouter } from './router-types.ts';
import { resumingSubscription } from './stream-resumption.ts';
import { toTablebookError } from './to-tablebook-error.ts';
import { createTransportFetch, type Fetch } from './transport.ts';

export interface SubscriptionLinkOptions {
  /** The tRPC endpoint (`…/trpc`). */
  url: string;
  /** Sent with every connection of every stream: the caller's headers and the token. */
  headers: Record<string, string>;
  fetch: Fetch;
}

/** What the last connection attempt of one subscription saw, when it was no stream at all. */
interface AttemptRecord {
  failure: TablebookError | undefined;
  /** When the next attempt may start (ms since the epoch): the last failure's Retry-After. */
  notBefore: number;
}

/**
 * A failure the next attempt may not meet: a gateway's 502/503/504, the API's 503 or 429 (the
 * catalog's `retryable`). Auth, invalid and unexpected answers would fail the same way every time.
 */
const isPassing = (failure: TablebookError) => failure.retryable && (failure.category === 'unavailable' || failure.category === 'limited');

/** Waits `ms`, or until `signal` aborts (then rejects with its AbortError, which EventSource takes as its own close). */
function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const aborted = () => {
      clearTimeout(timer);
      reject(signal?.reason ?? new DOMException('The stream was closed', 'AbortError'));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', aborted);
      resolve();
    }, ms);
    if (signal?.aborted) aborted();
    else signal?.addEventListener('abort', aborted, { once: true });
  });
}

const isEventStream = (response: Response) => (response.headers.get('content-type') ?? '').startsWith('text/event-stream');

/**
 * The failure an answer that is not an event stream stands for: the API's own error body (a 401 of
 * the API, a 429 with its Retry-After…), else what the transport makes of a proxy's or another server's.
 */
async function answerFailure(url: string, response: Response): Promise<TablebookError> {
  let body: unknown;
  let answer: Response;
  try {
    // The same reading as any call's answer: not JSON, or JSON that is not an API error, is a TablebookError already.
    answer = await createTransportFetch(() => Promise.resolve(response))(url);
    body = await answer.json();
  } catch (error) {
    return toTablebookError(error);
  }
  if (typeof body === 'object' && body !== null && 'error' in body) {
    return toTablebookError(TRPCClientError.from(body, { meta: { response: answer } }));
  }
  return httpFailure({ url, status: response.status, statusText: response.statusText, body: 'a JSON body, not an event stream' });
}

/**
 * The EventSource's fetch: the caller's headers and token on every connection (the stream's own,
 * Accept and Last-Event-ID, win), and a record of why an attempt failed. EventSource treats any
 * answer other than a 200 stream as final, and a thrown fetch as a lost connection it retries after
 * its interval (3 s, or the stream's `retry:`). So a passing failure (an outage, the rate limit) is
 * thrown: the subscription reconnects, reporting it as a `connecting` state, and not before its
 * Retry-After. Any other answer is handed on without its body, and the subscription ends with it.
 */
function streamFetch(options: SubscriptionLinkOptions, attempt: AttemptRecord): FetchLike {
  return async (url, init) => {
    const wait = attempt.notBefore - Date.now();
    if (wait > 0) await pause(wait, init.signal as AbortSignal | undefined);
    attempt.failure = undefined;
    const headers = new Headers(options.headers);
    for (const [name, value] of Object.entries(init.headers)) headers.set(name, value);
    let response: Response;
    try {
      response = await options.fetch(url, { ...init, headers });
    } catch (cause) {
      if (!init.signal?.aborted) attempt.failure = networkFailure(String(url), cause);
      throw cause;
    }
    if (response.status === 200 && isEventStream(response)) return response;
    const failure = await answerFailure(String(url), response);
    attempt.failure = failure;
    if (isPassing(failure)) {
      attempt.notBefore = Date.now() + (failure.retryAfterSeconds ?? 0) * 1000;
      throw failure;
    }
    return new Response(null, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
}

/**
 * A stream's failure as a TablebookError: the answer its connection got instead of a stream, the
 * API's error sent in the stream (serialized with its reason), or, when the stream broke off or fell
 * silent, a NETWORK_ERROR.
 */
function streamFailure(error: unknown, attempt: AttemptRecord, url: string): TablebookError {
  // Already the client's own (the server ended the stream: stream-resumption.ts).
  if (error instanceof TablebookError) return error;
  if (attempt.failure) return attempt.failure;
  if (error instanceof TRPCClientError && error.data == null) return networkFailure(url, error);
  return toTablebookError(error);
}

type Envelope = OperationResultEnvelope<unknown, TRPCClientError<AppRouter>>;

/** A connection state's error (while EventSource reconnects), as a TablebookError too. */
function withTablebookStateError(envelope: Envelope, attempt: AttemptRecord, url: string): Envelope {
  const { result } = envelope;
  if (!('type' in result) || result.type !== 'state' || result.state !== 'connecting' || !result.error) return envelope;
  return { ...envelope, result: { ...result, error: streamFailure(result.error, attempt, url) } };
}

/**
 * Subscriptions (live updates) as server-sent events, read by the `eventsource` package's EventSource:
 * it is built on fetch, so it sends the Authorization header an admin stream needs (a browser's own
 * EventSource cannot), and it runs in Node as in browsers. tRPC's link resumes a stream after a lost
 * connection from the last event's id; a stream the server ended (a drain, a shutdown) is reopened
 * with that id too (stream-resumption.ts), where tRPC alone would end the subscription.
 */
export function subscriptionLink(options: SubscriptionLinkOptions): TRPCLink<AppRouter> {
  return (runtime) =>
    ({ op, next }) =>
      observable<Envelope, TRPCClientError<AppRouter>>((observer) => {
        // One record per subscription, kept across its streams: a Retry-After holds for the next one too.
        const attempt: AttemptRecord = { failure: undefined, notBefore: 0 };
        const link = httpSubscriptionLink<AppRouter, typeof EventSource>({
          url: options.url,
          EventSource,
          eventSourceOptions: () => ({ fetch: streamFetch(options, attempt) }),
        })(runtime);
        const streams = resumingSubscription(op, {
          open: (resumingOp) => link({ op: resumingOp, next }),
          endedByServer: () => streamEndedFailure(options.url),
        });
        return streams.subscribe({
          next: (envelope) => observer.next(withTablebookStateError(envelope, attempt, options.url)),
          error: (error) => observer.error(streamFailure(error, attempt, options.url)),
          complete: () => observer.complete(),
        });
      });
}
