import { restOperations } from '@tablebook/api';
import { errorEnvelopeSchema, reasonSchemas } from './errors.ts';
import { operationalPaths, operationalReasons } from './operational.ts';
import { operationObject } from './operation.ts';

export type OpenApiDocument = Record<string, unknown> & { paths: Record<string, Record<string, unknown>> };

const TAGS = [
  { name: 'cities', description: 'The cities of Colombia, to place restaurants and filter searches.' },
  {
    name: 'guests',
    description:
      'What anyone may do without a token: find a restaurant, see its free tables, book, cancel with the code, follow a day live.',
  },
  { name: 'restaurants', description: 'The administration of restaurants and their table layouts (admin token).' },
  {
    name: 'reservations',
    description: "The administration of a restaurant's reservations: book, move, change status, cancel, follow live (admin token).",
  },
  {
    name: 'settings',
    description: 'The daily limits stored in the database, which every server process and the database itself enforce (admin token).',
  },
  {
    name: 'webhooks',
    description:
      'Endpoints told of every reservation change: a signed POST per event (Standard Webhooks), retried, with the attempts visible (admin token).',
  },
  {
    name: 'messages',
    description:
      'The outbox: guest e-mail and webhook deliveries with their status, attempts and last error; a dead one can be retried (admin token).',
  },
  { name: 'operations', description: 'Liveness and readiness, for load balancers and monitoring.' },
];

/**
 * The OpenAPI 3.1 document, generated from the same declared contracts, zod schemas and error catalog
 * that the REST adapter serves: nothing is rewritten after the fact.
 */
export function buildOpenApiDocument(): OpenApiDocument {
  const paths: Record<string, Record<string, unknown>> = {};
  const operations = restOperations();
  for (const operation of operations) {
    let pathItem = paths[operation.contract.path];
    if (!pathItem) {
      pathItem = {};
      paths[operation.contract.path] = pathItem;
    }
    pathItem[operation.contract.method.toLowerCase()] = operationObject(operation);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Tablebook API',
      version: '1.0.0',
      summary: 'Restaurant reservations for Colombia',
      description:
        'Every response is an envelope {status, message, data}; errors carry data.reason (one of the reasons listed per response) and data.requestId. The same procedures are served over tRPC at /trpc. Administration calls need Authorization: Bearer <admin token> unless the server runs with an open administration (loopback only).',
      license: { name: 'Proprietary', identifier: 'LicenseRef-Tablebook' },
      contact: { name: 'Tablebook' },
    },
    servers: [{ url: '/api', description: 'This server' }],
    tags: TAGS,
    paths: { ...paths, ...operationalPaths },
    components: {
      securitySchemes: {
        Authorization: { type: 'http', scheme: 'bearer', description: 'One of the server’s ADMIN_TOKEN values.' },
      },
      schemas: {
        ErrorEnvelope: errorEnvelopeSchema,
        ...reasonSchemas([...operations.flatMap((operation) => operation.reasons), ...operationalReasons]),
      },
    },
  };
}
