import { takesBody, type RestOperation } from '@tablebook/api';
import type { FastifyRequest } from 'fastify';

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A REST call's procedure input: the body (or, without one, the query string), the honoured headers
 * and the path parameters, which win over anything else of the same name: `/restaurants/{id}` names
 * the restaurant, whatever the body says.
 */
export function procedureInput(operation: RestOperation, request: FastifyRequest): unknown {
  const { contract } = operation;
  const source = takesBody(contract) ? request.body : request.query;
  // Not an object (`[]`, `"x"`): handed on as it is, so the procedure refuses it with its own schema's
  // message, after its access checks and rate limits, as any other invalid input.
  if (source !== undefined && !isPlainObject(source)) return source;
  const input: Record<string, unknown> = { ...source };
  for (const [header, field] of Object.entries(contract.headers ?? {})) {
    const value = request.headers[header.toLowerCase()];
    // An empty header is not given, as an empty query value is not.
    if (typeof value === 'string' && value !== '') input[field] = value;
  }
  for (const [name, value] of Object.entries(request.params as Record<string, string>)) {
    input[contract.pathFields?.[name] ?? name] = value;
  }
  return input;
}

/** Fastify's route pattern for a contract path: `/restaurants/{id}` -> `/api/restaurants/:id`. */
export const routeUrl = (operation: RestOperation) => `/api${operation.contract.path.replace(/\{(\w+)\}/g, ':$1')}`;
