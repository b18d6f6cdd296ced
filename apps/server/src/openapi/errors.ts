import { ERROR_CATALOG, ERROR_REASONS, type ErrorReason } from '@tablebook/api';
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

/** Every error answer of every operation has this shape; each response narrows `reason` to what it can say. */
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
        issues: {
          type: 'array',
          description: 'Present for INVALID_INPUT: one entry per offending field.',
          items: {
            type: 'object',
            required: ['path', 'message'],
            properties: {
              path: { type: 'string', description: 'Dotted field path; empty for the whole input.' },
              message: { type: 'string' },
            },
          },
        },
      },
    },
  },
};

const exampleFor = (reason: ErrorReason) => ({
  status: 'error',
  message:
    reason === 'INVALID_INPUT' ? 'Invalid input: date: date must be a calendar day written YYYY-MM-DD' : ERROR_CATALOG[reason].description,
  data: {
    reason,
    requestId: REQUEST_ID,
    ...(reason === 'INVALID_INPUT' ? { issues: [{ path: 'date', message: 'date must be a calendar day written YYYY-MM-DD' }] } : {}),
  },
});

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
          schema: {
            $ref: '#/components/schemas/ErrorEnvelope',
            properties: { data: { properties: { reason: { enum: group } } } },
          },
          example: exampleFor(group[0] as ErrorReason),
        },
      },
    };
  }
  return responses;
}
