import { isKnownTimeZone } from '@tablebook/api';
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
  RESTAURANT_DAILY_LIMIT: integerSetting('RESTAURANT_DAILY_LIMIT', 1, 100_000, 15),
  GLOBAL_DAILY_LIMIT: integerSetting('GLOBAL_DAILY_LIMIT', 1, 1_000_000, 20),
  APP_TIMEZONE: z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .default('America/Bogota')
      .refine(isKnownTimeZone, 'APP_TIMEZONE must be an IANA time zone such as America/Bogota'),
  ),
  LOG_LEVEL: z.preprocess(
    unsetIfEmpty,
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ),
  NODE_ENV: z.preprocess(unsetIfEmpty, z.string().default('development')),
});

export type Settings = z.infer<typeof settingsSchema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads every runtime setting once; a bad value is one clear line naming the variable. */
export function loadSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  const result = settingsSchema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const variable = String(issue.path[0] ?? 'environment');
      return issue.message.startsWith(variable) ? issue.message : `${variable}: ${issue.message}`;
    });
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
  }
  return result.data;
}
