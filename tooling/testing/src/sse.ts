export interface ServerSentEvent {
  event: string;
  id?: string;
  data: string;
  /** performance.now() when the event was parsed. */
  receivedAt: number;
}

export interface SseConnection {
  status: number;
  headers: Headers;
  /** The body, when the server answered with JSON instead of a stream. */
  errorBody?: unknown;
  /** The next event (pings skipped), or an error after `timeoutMs`. */
  next(timeoutMs?: number): Promise<ServerSentEvent>;
  /** Every event received so far and not yet taken by next(). */
  pending(): ServerSentEvent[];
  close(): void;
}

/** A minimal EventSource over fetch, for tests: sends headers, parses `event:`/`id:`/`data:` blocks. */
export async function openSse(url: string, headers: Record<string, string> = {}): Promise<SseConnection> {
  const abort = new AbortController();
  const response = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: abort.signal });
  const queue: ServerSentEvent[] = [];
  const waiters: ((event: ServerSentEvent) => void)[] = [];
  if (!response.headers.get('content-type')?.startsWith('text/event-stream')) {
    const errorBody = await response.json().catch(() => undefined);
    return {
      status: response.status,
      headers: response.headers,
      errorBody,
      next: () => Promise.reject(new Error(`not a stream: ${response.status}`)),
      pending: () => [],
      close: () => abort.abort(),
    };
  }
  const deliver = (event: ServerSentEvent) => {
    const waiter = waiters.shift();
    if (waiter) waiter(event);
    else queue.push(event);
  };
  void (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        for (let boundary = buffer.indexOf('\n\n'); boundary >= 0; boundary = buffer.indexOf('\n\n')) {
          const block = buffer.slice(0, boundary);
          buffer = buffer.slice(boundary + 2);
          const fields: Record<string, string> = {};
          const data: string[] = [];
          for (const line of block.split('\n')) {
            if (!line || line.startsWith(':')) continue;
            const colon = line.indexOf(':');
            const name = colon < 0 ? line : line.slice(0, colon);
            const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
            if (name === 'data') data.push(value);
            else fields[name] = value;
          }
          if (data.length === 0) continue;
          deliver({
            event: fields['event'] ?? 'message',
            ...(fields['id'] ? { id: fields['id'] } : {}),
            data: data.join('\n'),
            receivedAt: performance.now(),
          });
        }
      }
    } catch {
      // aborted
    }
  })();
  return {
    status: response.status,
    headers: response.headers,
    next: (timeoutMs = 5000) =>
      new Promise((resolve, reject) => {
        const queued = queue.shift();
        if (queued) return resolve(queued);
        const timer = setTimeout(() => {
          const index = waiters.indexOf(resolver);
          if (index >= 0) waiters.splice(index, 1);
          reject(new Error(`no event within ${timeoutMs} ms`));
        }, timeoutMs);
        const resolver = (event: ServerSentEvent) => {
          clearTimeout(timer);
          resolve(event);
        };
        waiters.push(resolver);
      }),
    pending: () => queue.splice(0),
    close: () => abort.abort(),
  };
}
