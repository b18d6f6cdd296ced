import { assertAdmin } from '@tablebook/api';
import { ping, readiness, type DatabaseHandle } from '@tablebook/db';
import type { FastifyPluginAsync } from 'fastify';
import type { ContextFor } from '../context.ts';
import { failure, sendError, success } from '../envelope.ts';
import { metricsText } from '../metrics.ts';

export interface OperationsOptions {
  database: DatabaseHandle;
  adminOpen: boolean;
  /** APP_TIMEZONE: the zone of a new restaurant and of "today" where no restaurant is named (the Find page's). */
  timeZone: string;
  /** True once the server is shutting down. */
  draining: () => boolean;
  contextFor: ContextFor;
}

/** Liveness, readiness and the Prometheus metrics. */
export const operationsRoutes: FastifyPluginAsync<OperationsOptions> = async (app, options) => {
  app.get('/api/health', async () => {
    const databaseUp = await ping(options.database);
    return success('OK', { status: 'ok', database: databaseUp ? 'up' : 'down', adminOpen: options.adminOpen, timeZone: options.timeZone });
  });

  // For a load balancer: ready when the database answers with every migration applied, and not draining.
  app.get('/api/ready', async (request, reply) => {
    const state = await readiness(options.database);
    const problem = options.draining()
      ? 'this server is shutting down'
      : state.database === 'down'
        ? 'the database cannot be reached'
        : state.migrations !== 'current'
          ? 'the database has migrations pending'
          : undefined;
    if (problem) return reply.status(503).send(failure(`Not ready: ${problem}`, 'SERVICE_UNAVAILABLE', String(request.id)));
    return success('Ready', { status: 'ready', database: state.database, migrations: state.migrations });
  });

  // Prometheus metrics, aggregated across a cluster's workers, for holders of the admin token: the
  // same gate as every administration call (401, and 429 after too many failed tries).
  app.get('/metrics', async (request, reply) => {
    try {
      await assertAdmin(options.contextFor(request));
    } catch (error) {
      return sendError(request, reply, error);
    }
    const { contentType, body } = await metricsText();
    return reply.type(contentType).send(body);
  });
};
