import { defaultRateLimits, isKnownTimeZone, parseAdminTokens } from '@tablebook/api';
import { isIP } from 'node:net';
import { z } from 'zod';

/** Unset and empty mean the same: use the default. */
const unsetIfEmpty = (value: unknown) => (value === '' ? undefined : value);

const integerSetting = (name: string, min: number, max: number, fallback: number) =>
  z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .regex(/^\d+$/, `${name} must be a whole number`)
      .transform(Number)
      .pipe(z.number().int().min(min, `${name} must be at least ${min}`).max(max, `${name} must be at most ${max}`))
      .optional()
      .transform((value) => value ?? fallback),
  );

const settingsSchema = z.object({
  PORT: integerSetting('PORT', 0, 65_535, 5000),
  HOST: z.preprocess(unsetIfEmpty, z.string().default('127.0.0.1')),
  DATABASE_URL: z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .refine(
        (url) => /^(memory:\/\/|memory:|file:|postgres:\/\/|postgresql:\/\/)/.test(url),
        'DATABASE_URL must be memory://, file:PATH, postgres://… or postgresql://… (or unset for the embedded database under ./.data)',
      )
      .optional(),
  ),
  /** A session-capable URL to the same database (bypassing a transaction-mode PgBouncer) for LISTEN and migrations. */
  DIRECT_DATABASE_URL: z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .refine((url) => /^postgres(ql)?:\/\//.test(url), 'DIRECT_DATABASE_URL must be a postgres://… URL')
      .optional(),
  ),
  DATABASE_POOL_SIZE: integerSetting('DATABASE_POOL_SIZE', 1, 1000, 10),
  /** How long opening a database connection may take before the request answers 503 (under 2 s). */
  DATABASE_CONNECT_TIMEOUT_MS: integerSetting('DATABASE_CONNECT_TIMEOUT_MS', 100, 60_000, 1500),
  /** How long a request may wait for a free pooled connection when all are busy, before a 503. */
  DATABASE_QUEUE_TIMEOUT_MS: integerSetting('DATABASE_QUEUE_TIMEOUT_MS', 100, 600_000, 10_000),
  /**
   * Statements with parameters are prepared once per connection under a name (on), or sent unnamed and
   * planned every time (off: for a transaction-mode PgBouncer older than 1.21, or without its
   * max_prepared_statements).
   */
  DATABASE_PREPARED_STATEMENTS: z.preprocess(unsetIfEmpty, z.enum(['on', 'off']).default('on')),
  /** The server cancels a statement running longer (0 = no limit). */
  DATABASE_STATEMENT_TIMEOUT_MS: integerSetting('DATABASE_STATEMENT_TIMEOUT_MS', 0, 3_600_000, 10_000),
  /** Server processes on one port (Node's cluster module); above 1 needs a postgres:// DATABASE_URL. */
  WORKERS: integerSetting('WORKERS', 1, 256, 1),
  /** On SIGTERM, how long requests in flight may take to finish before the process exits anyway. */
  SHUTDOWN_GRACE_MS: integerSetting('SHUTDOWN_GRACE_MS', 0, 600_000, 10_000),
  /** Requests slower than this are logged at warn with their request id. */
  SLOW_REQUEST_MS: integerSetting('SLOW_REQUEST_MS', 1, 600_000, 1000),
  DATA_DIR: z.preprocess(unsetIfEmpty, z.string().default('.data/pglite')),
  WEB_ROOT: z.preprocess(unsetIfEmpty, z.string().optional()),
  CORS_ORIGINS: z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .optional()
      .transform((value) =>
        (value ?? '')
          .split(',')
          .map((origin) => origin.trim())
          .filter(Boolean),
      )
      .pipe(z.array(z.url({ error: 'CORS_ORIGINS must be a comma-separated list of origins like https://example.com' }))),
  ),
  RESTAURANT_DAILY_LIMIT: integerSetting('RESTAURANT_DAILY_LIMIT', 1, 1_000_000, 15),
  GLOBAL_DAILY_LIMIT: integerSetting('GLOBAL_DAILY_LIMIT', 1, 1_000_000, 20),
  APP_TIMEZONE: z.preprocess(
    unsetIfEmpty,
    z.string().default('America/Bogota').refine(isKnownTimeZone, 'APP_TIMEZONE must be an IANA time zone such as America/Bogota'),
  ),
  LOG_LEVEL: z.preprocess(unsetIfEmpty, z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info')),
  NODE_ENV: z.preprocess(unsetIfEmpty, z.string().default('development')),
  /** Comma-separated admin tokens (several, to rotate one without downtime); unset or empty = open administration. */
  ADMIN_TOKEN: z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .optional()
      .transform((value) => parseAdminTokens(value)),
  ),
  RATE_LIMIT: z.preprocess(unsetIfEmpty, z.enum(['on', 'off'], { error: 'RATE_LIMIT must be on or off' }).default('on')),
  RATE_LIMIT_GUEST_BOOKINGS: integerSetting('RATE_LIMIT_GUEST_BOOKINGS', 1, 1_000_000, defaultRateLimits.guestBooking),
  RATE_LIMIT_FAILED_AUTH: integerSetting('RATE_LIMIT_FAILED_AUTH', 1, 1_000_000, defaultRateLimits.failedAdminAuth),
  RATE_LIMIT_PUBLIC: integerSetting('RATE_LIMIT_PUBLIC', 1, 1_000_000, defaultRateLimits.public),
  STREAMS_PER_CLIENT: integerSetting('STREAMS_PER_CLIENT', 1, 10_000, 20),
  /** Webhook endpoints may be loopback or private addresses (tests, a receiver on the same network on purpose). */
  WEBHOOKS_ALLOW_PRIVATE: z.preprocess(
    unsetIfEmpty,
    z
      .enum(['true', 'false'], { error: 'WEBHOOKS_ALLOW_PRIVATE must be true or false' })
      .default('false')
      .transform((value) => value === 'true'),
  ),
  /** The SMTP server e-mail goes through (smtp://user:pass@host:587, smtps://...); unset: e-mail is kept in the outbox, not sent. */
  SMTP_URL: z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .refine((url) => /^smtps?:\/\/[^/?#]/.test(url) && URL.canParse(url), 'SMTP_URL must be an smtp://… or smtps://… URL')
      .optional(),
  ),
  /** The From of every e-mail; its domain also names the Message-IDs. */
  MAIL_FROM: z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .default('Tablebook <no-reply@tablebook.invalid>')
      .refine((value) => /^[^\r\n<>@]*<[^\s<>@]+@[^\s<>@]+>$|^[^\s<>@]+@[^\s<>@]+$/.test(value.trim()), {
        message: 'MAIL_FROM must be an address (reservas@example.com) or a name and address (Tablebook <reservas@example.com>)',
      })
      .transform((value) => value.trim()),
  ),
  /**
   * Where guests reach this server (the cancel link in e-mail): default http://HOST:PORT (localhost when
   * HOST is 0.0.0.0 or ::), with a warning at start to set it.
   */
  PUBLIC_URL: z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .refine((url) => /^https?:\/\//.test(url) && URL.canParse(url), 'PUBLIC_URL must be an http://… or https://… URL')
      .transform((url) => url.replace(/\/+$/, ''))
      .optional(),
  ),
  /** How often each process looks for outbox messages that are due. */
  OUTBOX_POLL_MS: integerSetting('OUTBOX_POLL_MS', 50, 60_000, 1000),
  /**
   * A message that failed this many times is dead (shown to the admin, retried by hand). With the default
   * 18 and the default backoff (5 s doubling, capped at an hour, jitter x0.5..1) its retries span about
   * 4 to 8.4 hours (6.3 h on average): an SMTP server or receiver down for a few hours loses nothing.
   * An SMTP 5xx refusal (550 unknown recipient) is dead at once, whatever this says.
   */
  OUTBOX_MAX_ATTEMPTS: integerSetting('OUTBOX_MAX_ATTEMPTS', 1, 100, 18),
  /** How long a claimed message is held by its process; one that died mid-send is retried after it. */
  OUTBOX_LEASE_SECONDS: integerSetting('OUTBOX_LEASE_SECONDS', 1, 3600, 60),
  /** The first retry's delay; each further failure doubles it (up to an hour), with jitter. */
  OUTBOX_RETRY_BASE_MS: integerSetting('OUTBOX_RETRY_BASE_MS', 10, 3_600_000, 5000),
  /** Behind a load balancer: true, a number of hops, or a comma-separated list of trusted addresses. */
  TRUST_PROXY: z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .optional()
      .transform((value): boolean | number | string => {
        if (value === undefined || value === 'false') return false;
        if (value === 'true') return true;
        return /^\d+$/.test(value) ? Number(value) : value;
      }),
  ),
});

/** An IPv6 host in a URL is bracketed. */
const urlHost = (host: string) => (isIP(host) === 6 ? `[${host}]` : host);

/** A wildcard bind address is no address to give a guest: the default link names localhost instead. */
const linkHost = (host: string) => (host === '0.0.0.0' || host === '::' || host === '[::]' ? 'localhost' : urlHost(host));

/**
 * The settings as read, with the defaults that depend on others filled in: PUBLIC_URL from HOST and
 * PORT (localhost for a wildcard HOST such as 0.0.0.0), PUBLIC_URL_DEFAULTED saying it was not set
 * (the start log then asks for it).
 */
const resolvedSettingsSchema = settingsSchema.transform((settings) => ({
  ...settings,
  PUBLIC_URL: settings.PUBLIC_URL ?? `http://${linkHost(settings.HOST)}:${settings.PORT}`,
  PUBLIC_URL_DEFAULTED: settings.PUBLIC_URL === undefined,
}));

export type Settings = z.infer<typeof resolvedSettingsSchema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads every runtime setting once; a bad value is one clear line naming the variable. */
export function loadSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  const result = resolvedSettingsSchema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const variable = String(issue.path[0] ?? 'environment');
      return issue.message.startsWith(variable) ? issue.message : `${variable}: ${issue.message}`;
    });
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
  }
  return result.data;
}

export const isLoopback = (host: string) => host === 'localhost' || host === '::1' || (isIP(host) === 4 && host.startsWith('127.'));

const isPostgresUrl = (url: string | undefined) => url !== undefined && /^postgres(ql)?:\/\//.test(url);

/** Several processes need a database server: the embedded database's files take one process. */
export function workersProblem(settings: Settings): string | undefined {
  if (settings.WORKERS > 1 && !isPostgresUrl(settings.DATABASE_URL)) {
    return `Refusing to start: WORKERS=${settings.WORKERS} needs a PostgreSQL server (DATABASE_URL=postgres://…); the embedded database (PGlite) can only be opened by one process`;
  }
  return undefined;
}

/**
 * Without ADMIN_TOKEN the administration is open to every caller, which is only acceptable on a
 * developer's own machine: a loopback address, outside production. Returns the one-line reason to
 * refuse to start, or undefined.
 */
export function openAdministrationProblem(settings: Settings): string | undefined {
  if (settings.ADMIN_TOKEN.length > 0) return undefined;
  if (settings.NODE_ENV === 'production') {
    return 'Refusing to start: ADMIN_TOKEN is not set and NODE_ENV=production (set ADMIN_TOKEN to one or more comma-separated tokens)';
  }
  if (!isLoopback(settings.HOST)) {
    return `Refusing to start: ADMIN_TOKEN is not set and HOST=${settings.HOST} is not a loopback address (set ADMIN_TOKEN, or bind to 127.0.0.1)`;
  }
  return undefined;
}
