import { ERROR_CATALOG, restOperations } from '@tablebook/api';
import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from '../src/openapi/document.ts';

const document = buildOpenApiDocument();
type Operation = Record<string, any>;
const operationOf = (path: string, method: string): Operation => document.paths[path]?.[method] as Operation;
const reasonsAt = (operation: Operation, status: number): string[] =>
  operation['responses'][String(status)]?.content['application/json'].schema.properties.data.properties.reason.enum ?? [];

describe('the OpenAPI document', () => {
  it('describes every REST operation with a tag, a description, an example and its security', () => {
    for (const { contract, access } of restOperations()) {
      const operation = operationOf(contract.path, contract.method.toLowerCase());
      expect(operation, `${contract.method} ${contract.path}`).toBeDefined();
      expect(operation['tags']).toEqual([contract.tag]);
      expect(operation['description'].length).toBeGreaterThan(0);
      expect(operation['security']).toEqual(access === 'admin' ? [{ Authorization: [] }] : []);
      const success = operation['responses'][String(contract.successStatus ?? 200)];
      const media = success.content['application/json'] ?? success.content['text/event-stream'];
      expect(media.example, `${contract.method} ${contract.path}`).toBeDefined();
    }
  });

  it('lists every status an operation can answer, with the reasons of each from the catalog', () => {
    const book = operationOf('/restaurants/{restaurantId}/reservations', 'post');
    expect(reasonsAt(book, 409)).toEqual([
      'TABLE_ALREADY_BOOKED',
      'GLOBAL_DAILY_LIMIT',
      'RESTAURANT_DAILY_LIMIT',
      'CLOSED',
      'OUTSIDE_BOOKING_WINDOW',
      'NO_TABLE_AVAILABLE',
      'PACING_LIMIT',
    ]);
    expect(reasonsAt(book, 422)).toEqual(['IDEMPOTENCY_KEY_REUSED']);
    expect(reasonsAt(book, 400)).toEqual([
      'INVALID_INPUT',
      'PAST_DATE',
      'UNKNOWN_TABLE',
      'PARTY_TOO_LARGE',
      'TIME_NOT_OFFERED',
      'OFF_SLOT',
    ]);
    expect(book['parameters'].find((parameter: Operation) => parameter['name'] === 'Idempotency-Key')).toMatchObject({ in: 'header' });
    const cancel = operationOf('/restaurants/{restaurantId}/reservations/{reservationId}/cancel', 'post');
    expect(reasonsAt(cancel, 403)).toEqual(['INVALID_CANCELLATION_CODE', 'FORBIDDEN_HOST']);
    expect(reasonsAt(cancel, 409)).toEqual(['ALREADY_CANCELLED', 'ILLEGAL_STATUS_CHANGE', 'ALREADY_OVER']);
    for (const [path, item] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(item as Record<string, Operation>)) {
        const statuses = Object.keys(operation['responses']);
        // Liveness answers 200 whatever the database does.
        expect(statuses, `${method} ${path}`).toEqual(expect.arrayContaining(path === '/health' ? ['403'] : ['403', '503']));
        if (path.startsWith('/admin')) expect(reasonsAt(operation, 401)).toEqual(['UNAUTHORIZED']);
        if (path !== '/health' && path !== '/ready') {
          expect(operation['responses']['429'].headers).toHaveProperty('Retry-After');
          expect(reasonsAt(operation, 429)).toEqual(['RATE_LIMITED']);
        }
        for (const status of statuses.filter((code) => Number(code) >= 400)) {
          for (const reason of reasonsAt(operation, Number(status)))
            expect(ERROR_CATALOG[reason as keyof typeof ERROR_CATALOG].status).toBe(Number(status));
        }
      }
    }
  });

  it('makes optional bodies optional and bounds every query parameter', () => {
    const adminCancel = operationOf('/admin/restaurant/{restaurantId}/reservations/{reservationId}/cancel', 'post');
    expect(adminCancel['requestBody'].required).toBe(false);
    expect(operationOf('/admin/restaurant', 'post')['requestBody'].required).toBe(true);
    const list = operationOf('/restaurants', 'get');
    const limit = list['parameters'].find((parameter: Operation) => parameter['name'] === 'limit');
    expect(limit.schema).toEqual({ type: 'integer', minimum: 1, maximum: 500 });
    expect(JSON.stringify(document)).not.toContain('x-query-schema');
  });

  it('describes the live streams with a real example of the stream', () => {
    const stream = operationOf('/restaurants/{id}/events', 'get');
    const example: string = stream['responses']['200'].content['text/event-stream'].example;
    expect(example).toMatch(/^retry: 2000\n/);
    const data = JSON.parse(/data: (.*)\n/.exec(example)?.[1] ?? 'null');
    expect(data).toMatchObject({ type: 'created', capacity: { restaurantRemaining: expect.any(Number) } });
    expect(stream['parameters'].map((parameter: Operation) => parameter['name'])).toEqual([
      'id',
      'date',
      'ready',
      'systemCapacity',
      'limits',
      'Last-Event-ID',
    ]);
  });
});
