import { appRouter, procedureMeta } from '@tablebook/api';
import { generateOpenApiDocument, type OpenAPIObject } from 'trpc-to-openapi';

type JsonObject = Record<string, unknown>;

const errorEnvelopeSchema = {
  type: 'object',
  required: ['status', 'message', 'data'],
  properties: {
    status: { type: 'string', const: 'error' },
    message: { type: 'string', description: 'What went wrong, for people.' },
    data: {
      type: 'object',
      required: ['reason', 'requestId'],
      properties: {
        reason: {
          type: 'string',
          description:
            'Machine-readable cause: INVALID_INPUT, NOT_FOUND, PAST_DATE, UNKNOWN_TABLE, PARTY_TOO_LARGE, TABLE_ALREADY_BOOKED, GLOBAL_DAILY_LIMIT, RESTAURANT_DAILY_LIMIT, TABLE_HAS_RESERVATIONS, ALREADY_CANCELLED, ILLEGAL_STATUS_CHANGE, NOT_MOVABLE, IDEMPOTENCY_KEY_REUSED, UNAUTHORIZED, INVALID_CANCELLATION_CODE, RATE_LIMITED, FORBIDDEN_HOST, UNSUPPORTED_MEDIA_TYPE, PAYLOAD_TOO_LARGE, SERVICE_UNAVAILABLE, INTERNAL_ERROR.',
        },
        requestId: { type: 'string', description: 'Also sent as the X-Request-Id header; quote it when reporting a problem.' },
        issues: {
          type: 'array',
          description: 'Present for INVALID_INPUT: one entry per offending field.',
          items: {
            type: 'object',
            required: ['path', 'message'],
            properties: { path: { type: 'string' }, message: { type: 'string' } },
          },
        },
      },
    },
  },
} as const;

const successEnvelope = (dataSchema: unknown) => ({
  type: 'object',
  required: ['status', 'message', 'data'],
  properties: {
    status: { type: 'string', const: 'success' },
    message: { type: 'string' },
    data: dataSchema,
  },
});

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorEnvelope' } } },
});

const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

const RULES = 'TABLE_ALREADY_BOOKED, GLOBAL_DAILY_LIMIT or RESTAURANT_DAILY_LIMIT';
/** The 409 reasons each operation can answer. */
const CONFLICTS: Record<string, string> = {
  'reservation-create': `A booking rule is broken: ${RULES}`,
  'reservation-update': `A move breaks a booking rule (${RULES}), ILLEGAL_STATUS_CHANGE, ALREADY_CANCELLED or NOT_MOVABLE`,
  'reservation-cancel': 'ALREADY_CANCELLED, or ILLEGAL_STATUS_CHANGE for a seated, completed or no-show reservation',
  'restaurant-update': 'TABLE_HAS_RESERVATIONS: the new layout drops (or shrinks) a table that future reservations need',
};
/** Other 400 reasons besides INVALID_INPUT. */
const EXTRA_400: Record<string, string> = {
  'reservation-create': ', PAST_DATE, UNKNOWN_TABLE or PARTY_TOO_LARGE',
  'reservation-update': ', PAST_DATE, UNKNOWN_TABLE or PARTY_TOO_LARGE',
};

/** Successful status per REST operation, from the procedures' metadata. */
function successStatusByOperation(): Map<string, number> {
  const statuses = new Map<string, number>();
  for (const path of Object.keys(appRouter._def.procedures)) {
    const meta = procedureMeta(path);
    if (meta?.openapi) statuses.set(path.replace(/\./g, '-'), meta.successStatus ?? 200);
  }
  return statuses;
}

/**
 * The generator describes the bridge's raw bodies; the server wraps every body in the seed's
 * envelope, so the document is rewritten to say what is really sent.
 */
export function buildOpenApiDocument(): OpenAPIObject {
  const document = generateOpenApiDocument(appRouter, {
    title: 'Tablebook API',
    version: '1.0.0',
    description:
      'Restaurant reservations for Colombia. Every response is an envelope {status, message, data}; errors carry data.reason and data.requestId. The same procedures are served over tRPC at /trpc.',
    baseUrl: '/api',
  });
  const statuses = successStatusByOperation();
  for (const [path, pathItem] of Object.entries(document.paths ?? {}) as [string, JsonObject][]) {
    for (const method of HTTP_METHODS) {
      const operation = pathItem[method] as JsonObject | undefined;
      if (!operation) continue;
      const responses = operation['responses'] as Record<string, JsonObject>;
      const ok = responses['200'];
      const successStatus = statuses.get(String(operation['operationId'])) ?? 200;
      const rewritten: Record<string, unknown> = {};
      if (ok) {
        const content = ok['content'] as Record<string, { schema: unknown }>;
        rewritten[String(successStatus)] = {
          description: successStatus === 201 ? 'Created' : 'Success',
          headers: { 'X-Request-Id': { schema: { type: 'string' } } },
          content: { 'application/json': { schema: successEnvelope(content['application/json']?.schema ?? {}) } },
        };
      }
      const hasBody = method !== 'get' && method !== 'delete';
      const operationId = String(operation['operationId']);
      rewritten['400'] = errorResponse('Invalid input (reason INVALID_INPUT, with issues)' + (EXTRA_400[operationId] ?? ''));
      if (path.includes('{')) rewritten['404'] = errorResponse('Unknown restaurant or reservation (reason NOT_FOUND)');
      const conflict = CONFLICTS[operationId];
      if (conflict) rewritten['409'] = errorResponse(conflict);
      if (operationId === 'reservation-create') {
        rewritten['422'] = errorResponse('The Idempotency-Key was already used for a different request (IDEMPOTENCY_KEY_REUSED)');
        operation['parameters'] = [
          ...((operation['parameters'] as unknown[]) ?? []),
          {
            name: 'Idempotency-Key',
            in: 'header',
            required: false,
            description: 'Makes a retry safe: the same key and request replay the first answer (kept at least 24 hours).',
            schema: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[\\x20-\\x7E]+$' },
          },
        ];
      }
      if (hasBody) {
        rewritten['413'] = errorResponse('Body too large (PAYLOAD_TOO_LARGE)');
        rewritten['415'] = errorResponse('Body is not JSON (UNSUPPORTED_MEDIA_TYPE)');
      }
      rewritten['500'] = errorResponse('Unexpected failure (INTERNAL_ERROR); the body carries the request id');
      rewritten['503'] = errorResponse('The database is unreachable (SERVICE_UNAVAILABLE)');
      operation['responses'] = rewritten;
    }
  }
  document.paths = {
    ...document.paths,
    '/health': {
      get: {
        operationId: 'health',
        summary: 'Liveness: 200 while the process is up, with the database state',
        tags: ['health'],
        responses: {
          200: {
            description: 'Up',
            content: {
              'application/json': {
                schema: successEnvelope({
                  type: 'object',
                  properties: { status: { type: 'string' }, database: { type: 'string', enum: ['up', 'down'] } },
                }),
              },
            },
          },
        },
      },
    },
    '/ready': {
      get: {
        operationId: 'ready',
        summary: 'Readiness for a load balancer: 200 when the database answers with every migration applied; 503 otherwise and while shutting down',
        tags: ['health'],
        responses: {
          200: {
            description: 'Ready',
            content: {
              'application/json': {
                schema: successEnvelope({
                  type: 'object',
                  properties: {
                    status: { type: 'string', enum: ['ready'] },
                    database: { type: 'string', enum: ['up'] },
                    migrations: { type: 'string', enum: ['current'] },
                  },
                }),
              },
            },
          },
          503: errorResponse('Not ready: the database is unreachable, migrations are pending, or the server is shutting down (SERVICE_UNAVAILABLE)'),
        },
      },
    },
  };
  document.paths = { ...document.paths, ...(eventStreamPaths() as NonNullable<OpenAPIObject["paths"]>) };
  document.components = {
    ...document.components,
    schemas: { ...(document.components?.schemas ?? {}), ErrorEnvelope: errorEnvelopeSchema as JsonObject },
  };
  return document;
}

/** The SSE routes are hand-written (the bridge carries no subscriptions), so they are described by hand. */
function eventStreamPaths(): Record<string, unknown> {
  const parameters = [
    { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' }, description: 'The restaurant' },
    { name: 'date', in: 'query', required: false, schema: { type: 'string', format: 'date' }, description: 'Only changes touching this day (a move counts for both days)' },
    {
      name: 'Last-Event-ID',
      in: 'header',
      required: false,
      schema: { type: 'string' },
      description: 'Resume: every stored event after this id (kept 24 hours) is sent first, once. EventSource sends it on reconnect.',
    },
  ];
  const capacity = {
    type: 'object',
    properties: { date: { type: 'string' }, restaurantRemaining: { type: 'integer' }, globalRemaining: { type: 'integer' } },
  };
  const stream = (summary: string, description: string, data: unknown, secured: boolean) => ({
    get: {
      operationId: secured ? 'reservation-events' : 'guest-events',
      summary,
      description: `${description} Server-sent events: each change is \`event: reservation\`, \`id: <event id>\`, \`data: <JSON>\`; a \`: ping\` comment every 15 s keeps the stream open. At most 20 streams per client address (429 past it).`,
      tags: [secured ? 'reservations' : 'guests'],
      ...(secured ? { security: [{ Authorization: [] }] } : {}),
      parameters,
      responses: {
        200: { description: 'The stream', content: { 'text/event-stream': { schema: { type: 'string', description: 'data: is JSON', example: data } } } },
        400: errorResponse('Invalid restaurant id or date (INVALID_INPUT)'),
        ...(secured ? { 401: errorResponse('Missing or wrong admin token (UNAUTHORIZED)') } : {}),
        404: errorResponse('Unknown restaurant (NOT_FOUND)'),
        429: errorResponse('Too many open streams from this address (RATE_LIMITED), with Retry-After'),
      },
      'x-event-schema': data,
    },
  });
  return {
    '/admin/restaurant/{id}/events': stream(
      "A restaurant's reservation changes, live",
      'Each event: {id, type: created|updated|moved|cancelled, reservation, capacity, previousCapacity (moves)}.',
      {
        type: 'object',
        properties: {
          id: { type: 'integer' },
          type: { type: 'string', enum: ['created', 'updated', 'moved', 'cancelled'] },
          reservation: { type: 'object' },
          capacity,
          previousCapacity: capacity,
        },
      },
      true,
    ),
    '/restaurants/{id}/events': stream(
      "A restaurant's day as it changes, for guests",
      'No personal data: each event is {id, type, date, capacity, takenTables, previous: {capacity, takenTables} (moves)}.',
      {
        type: 'object',
        properties: {
          id: { type: 'integer' },
          type: { type: 'string' },
          date: { type: 'string' },
          capacity,
          takenTables: { type: 'array', items: { type: 'string' } },
        },
      },
      false,
    ),
  };
}
