import { ERROR_CATALOG, ERROR_REASONS, type ErrorReason } from '@tablebook/api';
import { ISSUE_CODE_NAMES, ISSUE_CODES, type Field, type Fields } from '@tablebook/api/shared';
import { REFUSAL_EXAMPLES } from './error-examples.ts';
import type { JsonSchema } from './json-schema.ts';

const REQUEST_ID = '9f1c2b7e-5d4a-4e3b-8c2d-1a0b9c8d7e6f';

export const requestIdHeader = {
  'X-Request-Id': {
    description: 'The request id (an incoming safe one is kept); quote it when reporting a problem.',
    schema: { type: 'string' },
  },
};

const retryAfterHeader = {
  'Retry-After': { description: 'Seconds to wait before trying again.', schema: { type: 'integer', minimum: 1 } },
};

/** A success answer's JSON content: the envelope around `data`, with an example of it. */
export const successContent = (data: JsonSchema, message: string, example: unknown) => ({
  'application/json': {
    schema: {
      type: 'object',
      required: ['status', 'message', 'data'],
      properties: { status: { type: 'string', const: 'success' }, message: { type: 'string' }, data },
    },
    example: { status: 'success', message, data: example },
  },
});

/**
 * A catalog field (packages/api/src/error-details.ts) as JSON Schema; `closed`: its objects admit no
 * key the catalog does not declare (a reason's details, which never hold more than declared).
 */
function fieldSchema(field: Field, closed: boolean): JsonSchema {
  const { description } = field;
  switch (field.kind) {
    case 'text':
      return { type: 'string', ...(field.values ? { enum: [...field.values] } : {}), description };
    case 'integer':
      return { type: 'integer', description };
    case 'number':
      return { type: 'number', description };
    case 'flag':
      return { type: 'boolean', description };
    case 'day':
      return { type: 'string', format: 'date', description };
    case 'clock':
      return { type: 'string', pattern: '^\\d{2}:\\d{2}$', description };
    case 'texts':
      return { type: 'array', items: { type: 'string' }, description };
    case 'values':
      return { type: 'array', items: { type: ['string', 'number', 'boolean', 'null'] }, description };
    case 'list':
      return { type: 'array', items: fieldsSchema(field.items, { closed }), description };
  }
}

const requiredOf = (fields: Fields) => Object.entries(fields).flatMap(([name, field]) => (field.optional ? [] : [name]));

/**
 * The object catalog fields declare, the required ones listed. A reason's details are `closed` (the
 * server sends exactly what the catalog declares: packages/api/src/errors.ts keeps only that); an
 * issue's parameters sit beside its path, message and code, so their object stays open.
 */
function fieldsSchema(fields: Fields, options: { description?: string; closed: boolean }): JsonSchema {
  const required = requiredOf(fields);
  return {
    type: 'object',
    ...(options.description ? { description: options.description } : {}),
    ...(required.length > 0 ? { required } : {}),
    properties: Object.fromEntries(Object.entries(fields).map(([name, field]) => [name, fieldSchema(field, options.closed)])),
    ...(options.closed ? { additionalProperties: false } : {}),
  };
}

/** The component describing `data` for one reason (a response's `data` is one of its reasons'). */
const reasonSchemaName = (reason: ErrorReason) => `ErrorData.${reason}`;
const reasonRef = (reason: ErrorReason) => ({ $ref: `#/components/schemas/${reasonSchemaName(reason)}` });

/**
 * `data` of an error answer with this reason, beside what ErrorEnvelope says of every error: the
 * reason itself and, when the catalog declares any, its details, closed to other keys and required
 * when a field is. One object per reason, so a generator types `details` by the reason it is read under.
 */
function reasonSchema(reason: ErrorReason): JsonSchema {
  const { status, description, details } = ERROR_CATALOG[reason];
  const declaresDetails = Object.keys(details).length > 0;
  return {
    type: 'object',
    description: `${status} ${reason}: ${description}`,
    required: ['reason', ...(requiredOf(details).length > 0 ? ['details'] : [])],
    properties: {
      reason: { type: 'string', const: reason },
      ...(declaresDetails ? { details: fieldsSchema(details, { description: `${reason}'s details.`, closed: true }) } : {}),
    },
  };
}

/** The components for the reasons the document's responses carry, in the catalog's order. */
export const reasonSchemas = (reasons: Iterable<ErrorReason>): Record<string, JsonSchema> => {
  const carried = new Set(reasons);
  return Object.fromEntries(
    ERROR_REASONS.filter((reason) => carried.has(reason)).map((reason) => [reasonSchemaName(reason), reasonSchema(reason)]),
  );
};

/** An issue's parameters beside `path`, `message` and `code`, per code (ISSUE_CODES). */
const issueParameters = ISSUE_CODE_NAMES.filter((code) => Object.keys(ISSUE_CODES[code]).length > 0).map((code) => ({
  if: { properties: { code: { const: code } } },
  // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then, not a thenable.
  then: fieldsSchema(ISSUE_CODES[code], { closed: false }),
}));

/**
 * Every error answer of every operation has this shape; each response narrows `reason` to what it can
 * say and `details` to what each of those reasons declares (the ErrorData.<reason> components).
 */
export const errorEnvelopeSchema: JsonSchema = {
  type: 'object',
  description: 'An error answer: what went wrong for people (message) and for programs (data.reason).',
  required: ['status', 'message', 'data'],
  properties: {
    status: { type: 'string', const: 'error' },
    message: { type: 'string', description: 'What went wrong, naming the table, restaurant and day where it applies.' },
    data: {
      type: 'object',
      required: ['reason', 'requestId'],
      properties: {
        reason: { type: 'string', enum: ERROR_REASONS, description: 'Machine-readable cause; branch on this, not on the message.' },
        requestId: { type: 'string', description: 'Also sent as the X-Request-Id header.' },
        details: {
          type: 'object',
          // Open here: which keys it holds depends on the reason (ErrorData.<reason>, each closed).
          additionalProperties: true,
          description:
            'The refusal’s facts as the error catalog declares them for the reason (table, restaurantName, local date and times, limits...): what a client words the refusal from, in its reader’s language. Local days are YYYY-MM-DD and times HH:MM on the restaurant’s clock; never an id. Absent when the reason names nothing.',
        },
        issues: {
          type: 'array',
          description: 'Present for INVALID_INPUT: one entry per offending field.',
          items: {
            type: 'object',
            required: ['path', 'message', 'code'],
            properties: {
              path: { type: 'string', description: 'Dotted field path; empty for the whole input.' },
              message: { type: 'string', description: 'In English, for people reading the API; clients render the code.' },
              code: {
                type: 'string',
                enum: ISSUE_CODE_NAMES,
                description: 'What is wrong, with its parameters beside it (e.g. too_big with maximum, unknown_city with cityId).',
              },
            },
            allOf: issueParameters,
          },
        },
      },
    },
  },
};

/** A reason's answer as the server sends it: the example's message and details (error-examples.ts). */
const exampleFor = (reason: ErrorReason) => {
  const { message, details } = REFUSAL_EXAMPLES[reason];
  return {
    status: 'error',
    message,
    data: {
      reason,
      requestId: REQUEST_ID,
      ...(details ? { details } : {}),
      ...(reason === 'INVALID_INPUT'
        ? { issues: [{ path: 'date', message: 'date must be a calendar day written YYYY-MM-DD', code: 'invalid_format', format: 'date' }] }
        : {}),
    },
  };
};

/** One example per reason the response can carry, each named by its reason. */
const examplesFor = (group: readonly ErrorReason[]) =>
  Object.fromEntries(group.map((reason) => [reason, { summary: ERROR_CATALOG[reason].description, value: exampleFor(reason) }]));

/**
 * One status's answer: the envelope, with `data` exactly one of the group's ErrorData components (the
 * reason is each one's const). An `allOf` beside the `$ref`, not keywords next to it: generators
 * (openapi-typescript) ignore a `$ref`'s siblings, and would type every error with every reason.
 */
function errorSchema(group: readonly ErrorReason[]): JsonSchema {
  const [first, ...others] = group;
  // A lone reason is its component itself (Redocly: a oneOf of one is no choice).
  const data = first && others.length === 0 ? reasonRef(first) : { oneOf: group.map(reasonRef) };
  return {
    allOf: [{ $ref: '#/components/schemas/ErrorEnvelope' }, { type: 'object', required: ['data'], properties: { data } }],
  };
}

/** The error responses of an operation, one per status, each listing the reasons it can carry and what they mean. */
export function errorResponses(reasons: readonly ErrorReason[]): Record<string, unknown> {
  const byStatus = new Map<number, ErrorReason[]>();
  for (const reason of reasons) {
    const { status } = ERROR_CATALOG[reason];
    byStatus.set(status, [...(byStatus.get(status) ?? []), reason]);
  }
  const responses: Record<string, unknown> = {};
  for (const [status, group] of [...byStatus].sort(([a], [b]) => a - b)) {
    responses[String(status)] = {
      description: group.map((reason) => `${reason}: ${ERROR_CATALOG[reason].description}`).join(' '),
      headers: { ...requestIdHeader, ...(status === 429 ? retryAfterHeader : {}) },
      content: {
        'application/json': {
          schema: errorSchema(group),
          examples: examplesFor(group),
        },
      },
    };
  }
  return responses;
}
