import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { describe, expect, it } from 'vitest';
import { ERROR_CATALOG, ERROR_REASONS, reasonForCode, reasonForStatus } from '../src/error-catalog.ts';
import { AppError } from '../src/errors.ts';
import { presentError } from '../src/present-error.ts';
import { restOperations } from '../src/root.ts';

describe('the error catalog', () => {
  it('gives every reason the HTTP status tRPC gives its code, and a description', () => {
    for (const reason of ERROR_REASONS) {
      const error = new AppError({ reason, message: 'x' });
      expect(getHTTPStatusCodeFromError(error), reason).toBe(ERROR_CATALOG[reason].status);
      expect(ERROR_CATALOG[reason].description.length, reason).toBeGreaterThan(10);
    }
  });

  it('maps framework codes and statuses onto its reasons', () => {
    expect(reasonForCode('PARSE_ERROR')).toBe('INVALID_INPUT');
    expect(reasonForCode('TOO_MANY_REQUESTS')).toBe('RATE_LIMITED');
    expect(reasonForCode('TIMEOUT')).toBe('INTERNAL_ERROR');
    expect([413, 415, 404, 400, 503, 500].map(reasonForStatus)).toEqual([
      'PAYLOAD_TOO_LARGE',
      'UNSUPPORTED_MEDIA_TYPE',
      'NOT_FOUND',
      'INVALID_INPUT',
      'SERVICE_UNAVAILABLE',
      'INTERNAL_ERROR',
    ]);
  });

  it('presents any error the same way for every transport, never leaking an internal message', () => {
    expect(presentError(new AppError({ reason: 'RATE_LIMITED', message: 'slow down', retryAfterSeconds: 7 }), 'r1')).toEqual({
      reason: 'RATE_LIMITED',
      status: 429,
      code: 'TOO_MANY_REQUESTS',
      message: 'slow down',
      retryAfterSeconds: 7,
    });
    expect(presentError(new Error('SELECT secret FROM x'), 'r2')).toMatchObject({
      reason: 'INTERNAL_ERROR',
      status: 500,
      message: 'Internal server error (request id r2)',
    });
    const connectionRefused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    expect(presentError(connectionRefused, 'r3')).toMatchObject({ reason: 'SERVICE_UNAVAILABLE', status: 503 });
  });

  it('every reason an operation declares is in the catalog, and every operation answers the common ones', () => {
    for (const operation of restOperations()) {
      for (const reason of operation.reasons) expect(ERROR_REASONS).toContain(reason);
      expect(operation.reasons).toEqual(
        expect.arrayContaining(['INVALID_INPUT', 'RATE_LIMITED', 'INTERNAL_ERROR', 'SERVICE_UNAVAILABLE', 'FORBIDDEN_HOST']),
      );
      if (operation.access === 'admin') expect(operation.reasons).toContain('UNAUTHORIZED');
      else expect(operation.reasons).not.toContain('UNAUTHORIZED');
    }
  });
});

describe('presentError and failed output checks', () => {
  it("keeps a procedure's failed output check a 500 that names no field", async () => {
    const { TRPCError } = await import('@trpc/server');
    const { z } = await import('zod');
    const zodError = z.object({ capacity: z.number() }).safeParse({}).error;
    const presented = presentError(
      new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: 'Output validation failed', cause: zodError }),
      'r4',
    );
    expect(presented).toMatchObject({ reason: 'INTERNAL_ERROR', status: 500, message: 'Internal server error (request id r4)' });
    expect(presented).not.toHaveProperty('issues');
  });
});
