/**
 * Webhook signatures in the Standard Webhooks form, on their own: the secret's shape, the spec's own
 * example, one `v1,` signature per secret. apps/server/test/webhook-signature.test.ts checks them with
 * the `standardwebhooks` library itself (a devDependency of the server only).
 */
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { newWebhookSecret, signWebhook, webhookSecretKey } from '../src/rules/webhook-signature.ts';

describe('a webhook secret', () => {
  it("is 'whsec_' and the base64 of 24 random bytes, a new one each time", () => {
    const secrets = new Set(Array.from({ length: 50 }, () => newWebhookSecret()));
    expect(secrets.size).toBe(50);
    for (const secret of secrets) {
      expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
      expect(webhookSecretKey(secret)).toHaveLength(24);
    }
  });
});

describe('a webhook signature', () => {
  it("matches the Standard Webhooks specification's example", () => {
    expect(
      signWebhook({
        id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
        timestamp: 1614265330,
        body: '{"test": 2432232314}',
        secrets: ['whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'],
      }),
    ).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  });

  it('is the HMAC-SHA256 of id.timestamp.body keyed by the decoded secret, one per secret, space-separated', () => {
    const current = newWebhookSecret();
    const previous = newWebhookSecret();
    const body = JSON.stringify({ type: 'reservation.created', data: { name: 'Ñandú café' } });
    const header = signWebhook({ id: 'msg_1', timestamp: 1700000000, body, secrets: [current, previous] });
    const expected = [current, previous].map(
      (secret) =>
        `v1,${createHmac('sha256', Buffer.from(secret.slice(6), 'base64'))
          .update(`msg_1.1700000000.${body}`)
          .digest('base64')}`,
    );
    expect(header).toBe(expected.join(' '));
    expect(header.split(' ')).toHaveLength(2);
  });

  it('changes with the body, the id and the timestamp', () => {
    const secrets = [newWebhookSecret()];
    const base = signWebhook({ id: 'msg_1', timestamp: 1700000000, body: '{}', secrets });
    expect(signWebhook({ id: 'msg_1', timestamp: 1700000000, body: '{ }', secrets })).not.toBe(base);
    expect(signWebhook({ id: 'msg_2', timestamp: 1700000000, body: '{}', secrets })).not.toBe(base);
    expect(signWebhook({ id: 'msg_1', timestamp: 1700000001, body: '{}', secrets })).not.toBe(base);
  });

  it('needs a secret and a whole-second timestamp', () => {
    expect(() => signWebhook({ id: 'msg_1', timestamp: 1700000000, body: '{}', secrets: [] })).toThrow();
    expect(() => signWebhook({ id: 'msg_1', timestamp: 1700000000.5, body: '{}', secrets: [newWebhookSecret()] })).toThrow();
    expect(() => signWebhook({ id: 'msg_1', timestamp: 1700000000, body: '{}', secrets: ['whsec_'] })).toThrow();
  });
});
