import { abortedFailure, httpFailure, networkFailure } from './http-failures.ts';

export type Fetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

const isJsonContentType = (contentType: string | null) => contentType !== null && /^application\/([\w.+-]*\+)?json\b/i.test(contentType);

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** The body tRPC answers a failed call with: `{error}`, or for a batch an array of `{error}` / `{result}`. */
function isTrpcErrorBody(text: string): boolean {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return false;
  }
  const items = Array.isArray(json) ? json : [json];
  return items.length > 0 && items.every((item) => isObject(item) && (isObject(item['error']) || 'result' in item));
}

/**
 * Wraps fetch so that every failure of the transport becomes a TablebookError with a status.
 * tRPC's own link loses the HTTP status when a body is not JSON, cannot tell a refused connection
 * from any other exception, and gives no reason for a 401 from a proxy. The body is read inside the
 * same try, so a connection cut while the answer streams in is a network failure too; the answer is
 * handed on already buffered.
 */
export function createTransportFetch(baseFetch: Fetch): Fetch {
  return async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    let response: Response;
    let body: string;
    try {
      response = await baseFetch(input, init);
      body = await response.text();
    } catch (cause) {
      throw init?.signal?.aborted ? abortedFailure(cause) : networkFailure(url, cause);
    }
    const contentType = response.headers.get('content-type');
    const answer = { url, status: response.status, statusText: response.statusText };
    if (!isJsonContentType(contentType)) {
      throw httpFailure({ ...answer, body: contentType ?? 'no content type' });
    }
    if (!response.ok && !isTrpcErrorBody(body)) {
      throw httpFailure({ ...answer, body: 'a JSON body that is not an API error' });
    }
    return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
}
