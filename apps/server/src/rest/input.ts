import { AppError, takesBody, type RestOperation } from '@tablebook/api';
import type { FastifyRequest } from 'fastify';

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A REST call's procedure input: the body (or, without one, the query string), the honoured headers
 * and the path parameters, which win over anything else of the same name: `/restaurants/{id}` names
 * the restaurant, whatever the body says.
 */
export function procedureInput(operation: RestOperation, request: FastifyRequest): Record<string, unknown> {
  const { contract } = operation;
  const source = takesBody(contract) ? request.body : request.query;
  if (source !== undefined && !isPlainObject(source)) {
    throw new AppError({
      reason: 'INVALID_INPUT',
      message: 'Invalid input: the body must be a JSON object',
      issues: [{ path: '', message: 'the body must be a JSON object' }],
    });
  }
  const input: Record<string, unknown> = { ...source };
  for (const [header, field] of Object.entries(contract.headers ?? {})) {
    const value = request.headers[header.toLowerCase()];
    if (typeof value === 'string') input[field] = value;
  }
  for (const [name, value] of Object.entries(request.params as Record<string, string>)) {
    input[contract.pathFields?.[name] ?? name] = value;
  }
  return input;
}

/** Fastify's route pattern for a contract path: `/restaurants/{id}` -> `/api/restaurants/:id`. */
export const routeUrl = (operation: RestOperation) => `/api${operation.contract.path.replace(/\{(\w+)\}/g, ':$1')}`;
