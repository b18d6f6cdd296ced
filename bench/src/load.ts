// One timed load run with autocannon: N connections, each sending its next request when the last
// one is answered, for a fixed time.
import autocannon from 'autocannon';

export interface LoadRequest {
  method: 'GET' | 'POST';
  path: string;
  body?: string;
}

export interface LoadRun {
  /** Answered requests per second (2xx and otherwise). */
  throughput: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  /** Answers outside 2xx, and connection errors or timeouts: a healthy run has none. */
  non2xx: number;
  errors: number;
}

export interface LoadOptions {
  baseUrl: string;
  connections: number;
  durationSeconds: number;
  headers?: Record<string, string>;
  /** Called for every request sent: the scenario's next request. */
  next: () => LoadRequest;
}

export async function runLoad(options: LoadOptions): Promise<LoadRun> {
  const result = await autocannon({
    url: options.baseUrl,
    connections: options.connections,
    duration: options.durationSeconds,
    pipelining: 1,
    timeout: 10,
    headers: { 'content-type': 'application/json', ...options.headers },
    requests: [
      {
        setupRequest: (request) => {
          const next = options.next();
          return { ...request, method: next.method, path: next.path, ...(next.body === undefined ? {} : { body: next.body }) };
        },
      },
    ],
  });
  return {
    throughput: result.requests.total / options.durationSeconds,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}
