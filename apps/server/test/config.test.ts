import { describe, expect, it } from 'vitest';
import { ConfigError, loadSettings } from '../src/config.ts';
import { outboxNotices } from '../src/outbox/start.ts';

describe('loadSettings', () => {
  it('gives the documented defaults, empty values counting as unset', () => {
    const settings = loadSettings({ PORT: '', CORS_ORIGINS: '', DATABASE_URL: '' });
    expect(settings.DATABASE_URL).toBeUndefined();
    expect(settings).toMatchObject({
      PORT: 5000,
      HOST: '127.0.0.1',
      DATA_DIR: '.data/pglite',
      CORS_ORIGINS: [],
      RESTAURANT_DAILY_LIMIT: 15,
      GLOBAL_DAILY_LIMIT: 20,
      APP_TIMEZONE: 'America/Bogota',
      LOG_LEVEL: 'info',
    });
  });

  it('reads every setting', () => {
    expect(
      loadSettings({
        PORT: '8080',
        HOST: '0.0.0.0',
        DATABASE_URL: 'postgres://u@db:5432/tb',
        CORS_ORIGINS: 'https://a.example, https://b.example',
        RESTAURANT_DAILY_LIMIT: '3',
        GLOBAL_DAILY_LIMIT: '4',
        APP_TIMEZONE: 'Europe/Madrid',
      }),
    ).toMatchObject({
      PORT: 8080,
      HOST: '0.0.0.0',
      DATABASE_URL: 'postgres://u@db:5432/tb',
      CORS_ORIGINS: ['https://a.example', 'https://b.example'],
      RESTAURANT_DAILY_LIMIT: 3,
      GLOBAL_DAILY_LIMIT: 4,
      APP_TIMEZONE: 'Europe/Madrid',
    });
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT must be a whole number/],
    [{ PORT: '70000' }, /PORT must be at most 65535/],
    [{ RESTAURANT_DAILY_LIMIT: '0' }, /RESTAURANT_DAILY_LIMIT must be at least 1/],
    [{ GLOBAL_DAILY_LIMIT: '-3' }, /GLOBAL_DAILY_LIMIT must be a whole number/],
    [{ APP_TIMEZONE: 'Mars/Olympus' }, /APP_TIMEZONE must be an IANA time zone/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL must be/],
    [{ CORS_ORIGINS: 'not a url' }, /CORS_ORIGINS/],
    [{ SMTP_URL: 'http://mail.example.com' }, /SMTP_URL must be an smtp:\/\/… or smtps:\/\/… URL/],
    [{ MAIL_FROM: 'Tablebook' }, /MAIL_FROM must be an address/],
    [{ PUBLIC_URL: 'mesa.example.com' }, /PUBLIC_URL must be an http/],
    [{ OUTBOX_POLL_MS: '0' }, /OUTBOX_POLL_MS must be at least 50/],
    [{ OUTBOX_MAX_ATTEMPTS: '0' }, /OUTBOX_MAX_ATTEMPTS must be at least 1/],
    [{ OUTBOX_LEASE_SECONDS: 'long' }, /OUTBOX_LEASE_SECONDS must be a whole number/],
  ])('refuses %j with one clear line', (env, message) => {
    let caught: unknown;
    try {
      loadSettings(env);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    expect((caught as Error).message).toMatch(message);
    expect((caught as Error).message).not.toContain('\n');
  });

  it('gives the outbox its defaults: no SMTP (nothing sent), PUBLIC_URL from HOST and PORT', () => {
    expect(loadSettings({ SMTP_URL: '', MAIL_FROM: '', PUBLIC_URL: '' })).toMatchObject({
      SMTP_URL: undefined,
      MAIL_FROM: 'Tablebook <no-reply@tablebook.invalid>',
      PUBLIC_URL: 'http://127.0.0.1:5000',
      OUTBOX_POLL_MS: 1000,
      OUTBOX_MAX_ATTEMPTS: 18,
      OUTBOX_LEASE_SECONDS: 60,
      OUTBOX_RETRY_BASE_MS: 5000,
      WEBHOOKS_ALLOW_PRIVATE: false,
    });
    expect(loadSettings({ HOST: '::1', PORT: '8080' }).PUBLIC_URL).toBe('http://[::1]:8080');
    // A wildcard bind address is no link for a guest: localhost, and the start log asks for PUBLIC_URL.
    expect(loadSettings({ HOST: '0.0.0.0', PORT: '8080' }).PUBLIC_URL).toBe('http://localhost:8080');
    expect(loadSettings({ HOST: '::', PORT: '8080' }).PUBLIC_URL).toBe('http://localhost:8080');
    const notices = outboxNotices(loadSettings({ HOST: '0.0.0.0', ADMIN_TOKEN: 't' }));
    expect(notices).toHaveLength(2);
    expect(notices[0]).toMatch(/^SMTP_URL is not set/);
    expect(notices[1]).toMatch(/^PUBLIC_URL is not set: the cancel links in guests' e-mail use http:\/\/localhost:5000; set PUBLIC_URL/);
    // Set, or on loopback: nothing to say about it.
    expect(
      outboxNotices(loadSettings({ HOST: '0.0.0.0', PUBLIC_URL: 'https://mesa.example.com', SMTP_URL: 'smtp://mail.example.com' })),
    ).toEqual([]);
    expect(outboxNotices(loadSettings({ SMTP_URL: 'smtp://mail.example.com' }))).toEqual([]);
    expect(outboxNotices(loadSettings({ SMTP_URL: 'smtp://mail.example.com', OUTBOX_LEASE_SECONDS: '5' }))).toEqual([
      expect.stringContaining('OUTBOX_LEASE_SECONDS=5 is shorter than a send may take'),
    ]);
    expect(
      loadSettings({
        SMTP_URL: 'smtps://user:secret@mail.example.com:465',
        MAIL_FROM: 'reservas@mesa.example.com',
        PUBLIC_URL: 'https://mesa.example.com/',
        OUTBOX_POLL_MS: '250',
        WEBHOOKS_ALLOW_PRIVATE: 'true',
      }),
    ).toMatchObject({
      SMTP_URL: 'smtps://user:secret@mail.example.com:465',
      MAIL_FROM: 'reservas@mesa.example.com',
      PUBLIC_URL: 'https://mesa.example.com',
      OUTBOX_POLL_MS: 250,
      WEBHOOKS_ALLOW_PRIVATE: true,
    });
  });
});
