import cors from '@fastify/cors';
import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import helmet from 'helmet';
import { failure } from '../envelope.ts';

export interface SecurityOptions {
  corsOrigins?: string[];
  /** No admin token is configured: the administration answers only requests addressed to loopback. */
  adminOpen: boolean;
  /** True once the server is shutting down. */
  draining: () => boolean;
}

const isLoopbackHost = (host: string | undefined) => {
  const name = (host ?? '')
    .replace(/:\d+$/, '')
    .replace(/^\[|\]$/g, '')
    .toLowerCase();
  return name === 'localhost' || name === '::1' || /^127\.\d+\.\d+\.\d+$/.test(name);
};

// Security headers, built once: @fastify/helmet rebuilt helmet's middleware on every request (a few
// percent of a cheap call's CPU in pnpm bench); helmet's own middleware precomputes them.
const securityHeaders = helmet({
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      // Restaurant photos live anywhere on the web.
      imgSrc: ["'self'", 'data:', 'https:', 'http:'],
      // React and Swagger UI set style attributes.
      styleSrc: ["'self'", "'unsafe-inline'"],
      connectSrc: ["'self'"],
      fontSrc: ["'self'", 'data:'],
      objectSrc: ["'none'"],
      frameAncestors: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      upgradeInsecureRequests: null,
    },
  },
  // The API is called from other origins when CORS_ORIGINS allows it.
  crossOriginResourcePolicy: { policy: 'same-site' },
});

/** Request id and Connection headers, the open administration's host check, security headers, CORS. */
const securityPlugin: FastifyPluginAsync<SecurityOptions> = async (app, options) => {
  if (options.adminOpen) {
    app.log.warn(
      'ADMINISTRATION IS OPEN: no ADMIN_TOKEN is set, so anyone who can reach this server can change restaurants and reservations',
    );
  }

  // First, so every answer carries them, the host check's 403 included.
  app.addHook('onRequest', (request, reply, done) => securityHeaders(request.raw, reply.raw, () => done()));

  app.addHook('onRequest', async (request, reply) => {
    void reply.header('X-Request-Id', String(request.id));
    // Draining: each connection closes after its answer, so shutdown does not wait out keep-alives.
    if (options.draining()) void reply.header('Connection', 'close');
    // An open administration listens on loopback only; a page on another site could still reach it by
    // rebinding its own name to 127.0.0.1, so a request must also name a loopback host.
    if (options.adminOpen && !isLoopbackHost(request.headers.host)) {
      return reply
        .status(403)
        .send(
          failure(
            'The administration is open, so this server answers only requests addressed to localhost',
            'FORBIDDEN_HOST',
            String(request.id),
          ),
        );
    }
  });

  await app.register(cors, {
    origin: options.corsOrigins && options.corsOrigins.length > 0 ? options.corsOrigins : false,
    // Every method the API serves, and the headers a page on another origin needs to read.
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    exposedHeaders: ['X-Request-Id', 'Retry-After'],
  });
};

export const security = fp(securityPlugin, { name: 'tablebook-security' });
