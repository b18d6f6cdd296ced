/**
 * Checks real HTTP answers against the OpenAPI document: every REST response a test receives must be
 * one the document describes.
 *
 * For a response to `/api/...` it finds the operation (method + path template), then checks that
 *   (a) the status is documented for it (the exact code, else an `NXX` range, else `default`);
 *   (b) the JSON body validates against that response's schema (ajv, JSON Schema 2020-12, formats);
 *   (c) the content type is one the response documents (and a response documented without content
 *       has no body).
 * Event streams (`text/event-stream`) get (a) and (c) only. Paths outside `/api` (tRPC, the web app,
 * /metrics) are not described by the document and are skipped. An `/api/...` path that matches no
 * operation is reported as undocumented, except the unknown-route answers: 404 NOT_FOUND and
 * 405 METHOD_NOT_ALLOWED.
 *
 * A mismatch throws an OpenApiMismatchError (the test fails with the operation, the status, what is
 * wrong and the body). OPENAPI_VALIDATION=warn logs it instead, OPENAPI_VALIDATION=off skips the
 * checks; OPENAPI_VALIDATION_REPORT=<file> also appends each mismatch to <file> as one JSON line.
 */
import { appendFileSync } from 'node:fs';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { expect } from 'vitest';
import { openApiDocument, type OpenApiDocument } from './openapi-document.ts';

/** The server serves its REST API under this prefix; everything else is not the document's business. */
const REST_PREFIX = '/api';
/** The id the document is added to ajv under, so `#/components/...` refs resolve inside it. */
const DOCUMENT_ID = 'https://tablebook.invalid/openapi.json';
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
/** The server's answers to a route it does not have. */
const UNKNOWN_ROUTE: Record<number, string> = { 404: 'NOT_FOUND', 405: 'METHOD_NOT_ALLOWED' };
const BODY_PREVIEW = 2000;

type JsonObject = Record<string, unknown>;

interface Operation {
  method: string;
  template: string;
  operationId: string | undefined;
  pattern: RegExp;
  /** Path parameters in the template; fewer means more specific (a literal segment wins). */
  parameterCount: number;
  responses: Record<string, JsonObject>;
}

interface DocumentIndex {
  document: OpenApiDocument;
  /** Server URL paths (`/api`), each a prefix the document's paths are relative to; '' for none. */
  bases: string[];
  operations: Operation[];
  ajv: Ajv2020;
  validators: Map<string, ValidateFunction>;
}

type MismatchKind = 'undocumented-operation' | 'undocumented-status' | 'undocumented-content-type' | 'invalid-body';

export interface Mismatch {
  kind: MismatchKind;
  method: string;
  /** The concrete path, without the query. */
  path: string;
  status: number;
  /** `GET /admin/restaurant/{id}` (the document's template), when an operation matched. */
  operation?: string;
  operationId?: string;
  /** The responses key that matched (`200`, `4XX`, `default`). */
  responseKey?: string;
  contentType: string | null;
  /** What is wrong, one line. */
  detail: string;
  errors?: { instancePath: string; keyword: string; message: string; params: unknown }[];
  body: string | undefined;
}

export class OpenApiMismatchError extends Error {
  /** The mismatch, its body cut to a preview (vitest prints it after the message). */
  readonly mismatch: Mismatch;
  constructor(mismatch: Mismatch) {
    super(describeMismatch(mismatch));
    this.name = 'OpenApiMismatchError';
    this.mismatch = { ...mismatch, body: mismatch.body?.slice(0, BODY_PREVIEW) };
  }
}

let index: DocumentIndex | undefined;
const warned = new Set<string>();

/** Built once per process, on first use. */
function documentIndex(): DocumentIndex {
  if (index) return index;
  const document = openApiDocument();
  const servers = Array.isArray(document.servers) && document.servers.length > 0 ? document.servers : [{ url: '/' }];
  const bases = [...new Set(servers.map((server) => new URL(server.url, 'http://server.invalid').pathname.replace(/\/+$/, '')))];
  const operations: Operation[] = [];
  for (const [template, pathItem] of Object.entries(document.paths ?? {})) {
    for (const method of HTTP_METHODS) {
      const operation = pathItem[method] as JsonObject | undefined;
      if (!operation || typeof operation !== 'object') continue;
      // A parameter is one non-empty path segment: the server answers /admin/restaurant//reservations
      // (an empty id) as no route, 404 NOT_FOUND, and anything else there is undocumented.
      const pieces = template.split(/(\{[^}/]+\})/);
      const pattern = new RegExp(
        `^${pieces.map((piece) => (/^\{[^}/]+\}$/.test(piece) ? '([^/]+)' : piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('')}$`,
      );
      operations.push({
        method: method.toUpperCase(),
        template,
        operationId: typeof operation['operationId'] === 'string' ? operation['operationId'] : undefined,
        pattern,
        parameterCount: pieces.filter((piece) => /^\{[^}/]+\}$/.test(piece)).length,
        responses: (operation['responses'] ?? {}) as Record<string, JsonObject>,
      });
    }
  }
  operations.sort((a, b) => a.parameterCount - b.parameterCount);
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
  // ajv-formats has JSON Schema's formats and OpenAPI's (int32, int64, float, double, byte, binary, password).
  addFormats.default(ajv);
  ajv.addSchema({ ...document, $id: DOCUMENT_ID });
  index = { document, bases, operations, ajv, validators: new Map() };
  return index;
}

/** The document's path for a concrete request path, one per server base it falls under. */
function relativePaths(pathname: string, bases: string[]): string[] {
  const candidates: string[] = [];
  for (const base of bases) {
    if (base === '') candidates.push(pathname);
    else if (pathname === base) candidates.push('/');
    else if (pathname.startsWith(`${base}/`)) candidates.push(pathname.slice(base.length));
  }
  return candidates;
}

const escapePointer = (segment: string) => encodeURIComponent(segment.replace(/~/g, '~0').replace(/\//g, '~1'));

function schemaValidator(ref: string): ValidateFunction {
  const { ajv, validators } = documentIndex();
  let validate = validators.get(ref);
  if (!validate) {
    validate = ajv.compile({ $ref: ref });
    validators.set(ref, validate);
  }
  return validate;
}

function headerValue(headers: HeadersLike, name: string): string | null {
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name);
  const raw =
    (headers as Record<string, string | string[] | undefined>)[name] ??
    (headers as Record<string, string | string[] | undefined>)[name.toLowerCase()];
  if (raw === undefined) return null;
  return Array.isArray(raw) ? raw.join(', ') : String(raw);
}

/** `Headers` from fetch, or node:http's `IncomingHttpHeaders`. */
export type HeadersLike = Headers | Record<string, string | string[] | undefined>;

/** A documented `content` key for a media type: exact, then `type/*`, then `*\/*`. */
function contentKeyFor(content: Record<string, unknown>, mediaType: string): string | undefined {
  const keys = Object.keys(content);
  const lower = (key: string) => key.toLowerCase().split(';')[0]!.trim();
  return (
    keys.find((key) => lower(key) === mediaType) ??
    keys.find((key) => lower(key) === `${mediaType.split('/')[0]}/*`) ??
    keys.find((key) => lower(key) === '*/*')
  );
}

const isJsonMediaType = (mediaType: string) => mediaType === 'application/json' || /^application\/[^;]+\+json$/.test(mediaType);

/** The response key for a status: `201`, else `2XX`, else `default`. */
function responseKeyFor(responses: Record<string, unknown>, status: number): string | undefined {
  const keys = Object.keys(responses);
  return (
    keys.find((key) => key === String(status)) ??
    keys.find((key) => key.toUpperCase() === `${Math.floor(status / 100)}XX`) ??
    keys.find((key) => key === 'default')
  );
}

function parseJson(text: string | undefined): { ok: true; value: unknown } | { ok: false } {
  if (text === undefined || text === '') return { ok: false };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/**
 * The mismatches of one answer (empty when it is what the document says, or not the document's).
 * `body` is the response text; undefined when it was not read (an event stream).
 */
function checkResponse(method: string, url: string, status: number, headers: HeadersLike, body: string | undefined): Mismatch[] {
  const { pathname } = new URL(url, 'http://server.invalid');
  if (pathname !== REST_PREFIX && !pathname.startsWith(`${REST_PREFIX}/`)) return [];
  // The document itself and its interactive docs are not operations of the API.
  if (pathname === `${REST_PREFIX}/openapi.json` || pathname.startsWith(`${REST_PREFIX}/docs`)) return [];
  const upper = method.toUpperCase();
  const contentTypeHeader = headerValue(headers, 'content-type');
  const mediaType = (contentTypeHeader ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const base = { method: upper, path: pathname, status, contentType: contentTypeHeader, body };
  const { bases, operations } = documentIndex();
  // The server ignores one trailing slash (/api/cities/ is /api/cities); the document has none.
  const lookup = pathname.length > 1 && pathname.endsWith('/') ? pathname.slice(0, -1) : pathname;
  const candidates = relativePaths(lookup, bases);
  const onPath = operations.filter((operation) => candidates.some((candidate) => operation.pattern.test(candidate)));
  const operation = onPath.find((candidate) => candidate.method === upper);
  if (!operation) {
    if (UNKNOWN_ROUTE[status] !== undefined) {
      const parsed = parseJson(body);
      const reason = parsed.ok ? ((parsed.value as { data?: { reason?: unknown } } | null)?.data?.reason ?? undefined) : undefined;
      if (reason === UNKNOWN_ROUTE[status]) return [];
    }
    const detail = onPath.length
      ? `no ${upper} operation on ${onPath[0]!.template} (the document has ${[...new Set(onPath.map((candidate) => candidate.method))].join(', ')}), and the answer is not an unknown-route 404/405`
      : `no operation in the document matches ${upper} ${pathname}, and the answer is not an unknown-route 404 NOT_FOUND / 405 METHOD_NOT_ALLOWED`;
    return [{ ...base, kind: 'undocumented-operation', detail }];
  }
  const described = {
    ...base,
    operation: `${operation.method} ${operation.template}`,
    ...(operation.operationId ? { operationId: operation.operationId } : {}),
  };
  const responseKey = responseKeyFor(operation.responses, status);
  if (!responseKey) {
    return [
      {
        ...described,
        kind: 'undocumented-status',
        detail: `status ${status} is not documented (documented: ${Object.keys(operation.responses).join(', ')})`,
      },
    ];
  }
  const response = operation.responses[responseKey]!;
  const content = (response['content'] ?? undefined) as Record<string, JsonObject> | undefined;
  const withKey = { ...described, responseKey };
  if (!content || Object.keys(content).length === 0) {
    if (body !== undefined && body !== '') {
      return [
        {
          ...withKey,
          kind: 'undocumented-content-type',
          detail: `response ${responseKey} is documented without a body, but one came (${contentTypeHeader ?? 'no content type'})`,
        },
      ];
    }
    return [];
  }
  const contentKey = mediaType ? contentKeyFor(content, mediaType) : undefined;
  if (!contentKey) {
    return [
      {
        ...withKey,
        kind: 'undocumented-content-type',
        detail: `content type ${contentTypeHeader ?? '(none)'} is not documented for ${responseKey} (documented: ${Object.keys(content).join(', ')})`,
      },
    ];
  }
  if (mediaType === 'text/event-stream' || !isJsonMediaType(mediaType)) return [];
  const media = content[contentKey]!;
  if (media['schema'] === undefined) return [];
  const parsed = parseJson(body);
  if (!parsed.ok) {
    const detail = body
      ? `the body is not JSON, though the content type is ${contentTypeHeader}`
      : `the body is empty; ${responseKey} documents a ${contentKey} body`;
    return [{ ...withKey, kind: 'invalid-body', detail }];
  }
  const ref = `${DOCUMENT_ID}#/paths/${escapePointer(operation.template)}/${operation.method.toLowerCase()}/responses/${escapePointer(responseKey)}/content/${escapePointer(contentKey)}/schema`;
  const validate = schemaValidator(ref);
  if (validate(parsed.value)) return [];
  const errors = (validate.errors ?? []).map((error: ErrorObject) => ({
    instancePath: error.instancePath,
    keyword: error.keyword,
    message: error.message ?? error.keyword,
    params: error.params,
  }));
  return [
    {
      ...withKey,
      kind: 'invalid-body',
      detail: `the body does not match the ${responseKey} schema: ${errors.map((error) => `${error.instancePath || '(root)'} ${error.message}${paramsNote(error)}`).join('; ')}`,
      errors,
    },
  ];
}

function paramsNote(error: { keyword: string; params: unknown }): string {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'enum' && Array.isArray(params['allowedValues'])) return ` (${(params['allowedValues'] as unknown[]).join(', ')})`;
  if (error.keyword === 'const') return ` (${JSON.stringify(params['allowedValue'])})`;
  if (error.keyword === 'additionalProperties') return ` (${String(params['additionalProperty'])})`;
  return '';
}

function describeMismatch(mismatch: Mismatch): string {
  const lines = [
    `OpenAPI mismatch: ${mismatch.method} ${mismatch.path} answered ${mismatch.status}` +
      (mismatch.operation
        ? ` — operation ${mismatch.operationId ?? '?'} (${mismatch.operation}${mismatch.responseKey ? `, response ${mismatch.responseKey}` : ''})`
        : ''),
    `  ${mismatch.kind}: ${mismatch.detail}`,
  ];
  for (const error of mismatch.errors ?? []) {
    lines.push(`  ajv: ${error.instancePath || '(root)'} ${error.keyword}: ${error.message} ${JSON.stringify(error.params)}`);
  }
  lines.push(`  content-type: ${mismatch.contentType ?? '(none)'}`);
  if (mismatch.body !== undefined) {
    lines.push(
      `  body: ${mismatch.body.length > BODY_PREVIEW ? `${mismatch.body.slice(0, BODY_PREVIEW)}… (${mismatch.body.length} characters)` : mismatch.body}`,
    );
  }
  return lines.join('\n');
}

type Mode = 'fail' | 'warn' | 'off';
function mode(): Mode {
  const value = (process.env['OPENAPI_VALIDATION'] ?? '').trim().toLowerCase();
  if (value === 'warn' || value === 'off') return value;
  if (value === '' || value === 'fail' || value === 'on') return 'fail';
  throw new Error(`OPENAPI_VALIDATION must be fail (the default), warn or off, not ${JSON.stringify(process.env['OPENAPI_VALIDATION'])}`);
}

/**
 * Checks one answer against the document and, on a mismatch, throws an OpenApiMismatchError
 * (OPENAPI_VALIDATION=warn: logs it). `body` is the response text; undefined for an unread stream.
 */
export function validateResponse(method: string, url: string, status: number, headers: HeadersLike, body: string | undefined): void {
  const current = mode();
  if (current === 'off') return;
  const mismatches = checkResponse(method, url, status, headers, body);
  if (mismatches.length === 0) return;
  const reportFile = process.env['OPENAPI_VALIDATION_REPORT'];
  if (reportFile) {
    for (const mismatch of mismatches) {
      appendFileSync(
        reportFile,
        `${JSON.stringify({ ...mismatch, body: mismatch.body?.slice(0, BODY_PREVIEW), test: currentTestName() })}\n`,
      );
    }
  }
  if (current === 'warn') {
    // Each distinct mismatch once per process; OPENAPI_VALIDATION_REPORT has every occurrence.
    for (const mismatch of mismatches) {
      const signature = `${mismatch.operation ?? `${mismatch.method} ${mismatch.path}`} ${mismatch.status} ${mismatch.kind} ${mismatch.detail}`;
      if (warned.has(signature)) continue;
      warned.add(signature);
      console.warn(describeMismatch(mismatch));
    }
    return;
  }
  throw new OpenApiMismatchError(mismatches[0]!);
}

function currentTestName(): string | undefined {
  const state = expect.getState();
  return `${state.testPath?.split('/').pop() ?? ''} > ${state.currentTestName ?? ''}`;
}

const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/**
 * fetch, with the answer checked by validateResponse when it is a REST one. The body is read here
 * and handed back in an equivalent Response; an event stream is checked on its status and content
 * type only and returned unread.
 */
export async function fetchValidated(input: string | URL, init?: RequestInit): Promise<Response> {
  const response = await fetch(input, init);
  const url = String(input);
  const method = init?.method ?? 'GET';
  const { pathname } = new URL(url, 'http://server.invalid');
  if (mode() === 'off' || (pathname !== REST_PREFIX && !pathname.startsWith(`${REST_PREFIX}/`))) return response;
  if (response.headers.get('content-type')?.toLowerCase().startsWith('text/event-stream')) {
    validateResponse(method, url, response.status, response.headers, undefined);
    return response;
  }
  const text = await response.text();
  validateResponse(method, url, response.status, response.headers, text);
  return new Response(NULL_BODY_STATUSES.has(response.status) ? null : text, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}

/**
 * An SSE connection from @tablebook/testing's openSse, checked by validateResponse: a stream on its
 * status and content type, a refusal (JSON instead of a stream) on its body too. Closed if it fails.
 */
export function validatedSse<T extends { status: number; headers: Headers; errorBody?: unknown; close(): void }>(
  url: string,
  connection: T,
): T {
  const isStream = connection.headers.get('content-type')?.toLowerCase().startsWith('text/event-stream') ?? false;
  const body = isStream ? undefined : connection.errorBody === undefined ? '' : JSON.stringify(connection.errorBody);
  try {
    validateResponse('GET', url, connection.status, connection.headers, body);
  } catch (error) {
    connection.close();
    throw error;
  }
  return connection;
}
