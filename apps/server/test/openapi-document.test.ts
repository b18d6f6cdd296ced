import { ERROR_CATALOG, restOperations, type ErrorReason } from '@tablebook/api';
import { matchesFields, undeclaredKeys } from '@tablebook/api/shared';
import { RESERVATION_STATUSES } from '@tablebook/db/statuses';
import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from '../src/openapi/document.ts';
import { OpenApiMismatchError, validateResponse } from './support/openapi-validator.ts';

const document = buildOpenApiDocument();
type Operation = Record<string, any>;
const operationOf = (path: string, method: string): Operation => document.paths[path]?.[method] as Operation;
const componentOf = (ref: string): Operation => (document.components as Operation)['schemas'][ref.replace('#/components/schemas/', '')];
/**
 * The ErrorData components an error response's `data` is one of: the part of its schema beside the
 * `$ref` to ErrorEnvelope (the second of its allOf), a oneOf of them or, for a lone reason, its $ref.
 */
const reasonBranchesAt = (operation: Operation, status: number): Operation[] => {
  const data = operation['responses'][String(status)]?.content['application/json'].schema.allOf?.[1]?.properties.data;
  if (!data) return [];
  return ((data['oneOf'] ?? [data]) as Operation[]).map((entry) => componentOf(entry['$ref']));
};
const reasonsAt = (operation: Operation, status: number): string[] =>
  reasonBranchesAt(operation, status).map((branch) => branch['properties'].reason.const);

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

  it('shows every refusal with its details, requires them when declared, and admits no undeclared key (D4)', () => {
    let seen = 0;
    for (const [path, item] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(item as Record<string, Operation>)) {
        for (const [status, response] of Object.entries(operation['responses'] as Record<string, Operation>)) {
          if (Number(status) < 400) continue;
          const media = response['content']['application/json'];
          const branches = reasonBranchesAt(operation, Number(status));
          expect(branches.length, `${method} ${path} ${status}`).toBeGreaterThan(0);
          for (const reason of reasonsAt(operation, Number(status)) as ErrorReason[]) {
            const branch = branches.find((entry) => entry['properties'].reason.const === reason);
            const fields = ERROR_CATALOG[reason].details;
            const example = media.examples[reason]?.value;
            expect(example?.data.reason, `${method} ${path} ${status} ${reason}`).toBe(reason);
            if (Object.keys(fields).length === 0) {
              expect(example.data).not.toHaveProperty('details');
              expect(branch?.['properties']).not.toHaveProperty('details');
              continue;
            }
            seen += 1;
            // The example's details are the catalog's declaration, exactly.
            expect(matchesFields(fields, example.data.details), `${reason} example`).toBe(true);
            expect(undeclaredKeys(fields, example.data.details), `${reason} example`).toEqual([]);
            expect(branch?.['properties'].details.additionalProperties, `${method} ${path} ${reason}`).toBe(false);
            const detailsRequired = Object.values(fields).some((field) => !field.optional);
            expect(branch?.['required']).toEqual(detailsRequired ? ['reason', 'details'] : ['reason']);
          }
        }
      }
    }
    expect(seen).toBeGreaterThan(100);
  });

  it('writes each error schema as an allOf beside the $ref, never as keywords next to it (generators drop those)', () => {
    const withSiblings: string[] = [];
    const visit = (value: unknown, at: string): void => {
      if (!value || typeof value !== 'object') return;
      if (!Array.isArray(value) && '$ref' in value && Object.keys(value).length > 1) withSiblings.push(at);
      for (const [key, inner] of Object.entries(value)) visit(inner, `${at}/${key}`);
    };
    visit(document, '#');
    expect(withSiblings).toEqual([]);
    const booking = operationOf('/admin/restaurant/{restaurantId}/reservations', 'post');
    expect(booking['responses']['409'].content['application/json'].schema.allOf[0]).toEqual({ $ref: '#/components/schemas/ErrorEnvelope' });
    // Every reason a response names has its component, and every component is named by some response.
    const named = new Set<string>();
    for (const item of Object.values(document.paths))
      for (const operation of Object.values(item as Record<string, Operation>))
        for (const status of Object.keys(operation['responses']).filter((code) => Number(code) >= 400))
          for (const reason of reasonsAt(operation, Number(status))) named.add(`ErrorData.${reason}`);
    const components = Object.keys((document.components as Operation)['schemas']).filter((name) => name !== 'ErrorEnvelope');
    expect(components.sort()).toEqual([...named].sort());
  });

  it("describes a guest's booking as it is: no durationMinutes can be sent, and its status is a reservation status", () => {
    const book = operationOf('/restaurants/{restaurantId}/reservations', 'post');
    // JSON Schema's false (no value is valid), which generators type `never`; not `{not: {}}`, typed `unknown`.
    expect(book['requestBody'].content['application/json'].schema.properties.durationMinutes).toBe(false);
    expect(JSON.stringify(document)).not.toContain('"not":{}');
    const answered = book['responses']['201'].content['application/json'].schema.properties.data.properties.status;
    expect(answered).toEqual({ type: 'string', enum: [...RESERVATION_STATUSES] });
    const adminBook = operationOf('/admin/restaurant/{restaurantId}/reservations', 'post');
    expect(adminBook['responses']['201'].content['application/json'].schema.properties.data.properties.status).toEqual(answered);
  });

  it('refuses, as the document describes it, an answer whose details hold an undeclared id or lack a declared field (D1, D4)', () => {
    const url = 'http://127.0.0.1:1/api/restaurants/0b5f6c1e-3d2a-4c8e-9f7a-2e1d4b6a8c90/reservations';
    const answer = (details: unknown) =>
      JSON.stringify({ status: 'error', message: 'Cannot book', data: { reason: 'GLOBAL_DAILY_LIMIT', requestId: 'r1', details } });
    const headers = { 'content-type': 'application/json; charset=utf-8', 'x-request-id': 'r1' };
    const declared = { restaurantName: 'Casa Dos', date: '2027-02-01', table: 'A1', limit: 1 };
    expect(() => validateResponse('POST', url, 409, headers, answer(declared))).not.toThrow();
    const leaked = { ...declared, restaurantId: 'af847815-91ad-405b-b621-301cbe66b28f' };
    expect(() => validateResponse('POST', url, 409, headers, answer(leaked))).toThrow(OpenApiMismatchError);
    expect(() => validateResponse('POST', url, 409, headers, answer(undefined))).toThrow(OpenApiMismatchError);
  });
});
