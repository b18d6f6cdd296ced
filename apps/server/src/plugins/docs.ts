import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyPluginAsync } from 'fastify';
import { buildOpenApiDocument } from '../openapi/document.ts';

/** The OpenAPI document at /api/openapi.json and Swagger UI over it at /api/docs. */
export const docsRoutes: FastifyPluginAsync = async (app) => {
  const document = buildOpenApiDocument();
  await app.register(swagger, { mode: 'static', specification: { document: document as never } });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', async () => document);
};
