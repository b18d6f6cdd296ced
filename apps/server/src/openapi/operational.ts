import type { ErrorReason } from '@tablebook/api';
import { errorResponses, requestIdHeader, successContent } from './errors.ts';

const HEALTH_REASONS: ErrorReason[] = ['FORBIDDEN_HOST'];
const READY_REASONS: ErrorReason[] = ['FORBIDDEN_HOST', 'SERVICE_UNAVAILABLE'];
/** Every reason the operational routes answer with: the document describes each (errors.ts, reasonSchemas). */
export const operationalReasons: ErrorReason[] = [...HEALTH_REASONS, ...READY_REASONS];

/** The operational routes (served by the server itself, not by a procedure). */
export const operationalPaths = {
  '/health': {
    get: {
      operationId: 'health',
      tags: ['operations'],
      summary: 'Liveness: 200 while the process is up, with the database state',
      description:
        "Answers 200 as long as the process runs; data.database says whether the database answers, data.adminOpen whether the administration needs no token, data.timeZone the server's zone (APP_TIMEZONE: a new restaurant's, and today's where no restaurant is named, as on the web app's Find page).",
      security: [],
      responses: {
        200: {
          description: 'Up',
          headers: requestIdHeader,
          content: successContent(
            {
              type: 'object',
              required: ['status', 'database', 'adminOpen', 'timeZone'],
              properties: {
                status: { type: 'string', const: 'ok' },
                database: { type: 'string', enum: ['up', 'down'] },
                adminOpen: { type: 'boolean' },
                timeZone: {
                  type: 'string',
                  description: "The server's IANA time zone (APP_TIMEZONE): a new restaurant's, and today's where no restaurant is named.",
                  example: 'America/Bogota',
                },
              },
            },
            'OK',
            { status: 'ok', database: 'up', adminOpen: false, timeZone: 'America/Bogota' },
          ),
        },
        ...errorResponses(HEALTH_REASONS),
      },
    },
  },
  '/ready': {
    get: {
      operationId: 'ready',
      tags: ['operations'],
      summary: 'Readiness for a load balancer',
      description:
        '200 when the database answers with every migration applied; 503 SERVICE_UNAVAILABLE (saying why) otherwise, and while the server shuts down.',
      security: [],
      responses: {
        200: {
          description: 'Ready',
          headers: requestIdHeader,
          content: successContent(
            {
              type: 'object',
              required: ['status', 'database', 'migrations'],
              properties: {
                status: { type: 'string', const: 'ready' },
                database: { type: 'string', const: 'up' },
                migrations: { type: 'string', const: 'current' },
              },
            },
            'Ready',
            { status: 'ready', database: 'up', migrations: 'current' },
          ),
        },
        ...errorResponses(READY_REASONS),
      },
    },
  },
};
