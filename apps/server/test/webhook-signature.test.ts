/**
 * Tablebook's webhook signatures, checked by the Standard Webhooks reference library (`standardwebhooks`
 * on npm), as a receiver would: it accepts them, refuses a changed body, and during a rotation accepts a
 * delivery with either the new or the previous secret.
 */
import { newWebhookSecret, signWebhook } from '@tablebook/api';
import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';

function headers(id: string, timestamp: number, signature: string): Record<string, string> {
  return { 'webhook-id': id, 'webhook-timestamp': String(timestamp), 'webhook-signature': signature };
}

const body = JSON.stringify({
  type: 'reservation.created',
  timestamp: '2026-03-01T15:00:00.000Z',
  data: { reservation: { id: 'r1', guestName: 'José Pérez' }, restaurantId: 'x' },
});

describe('the Standard Webhooks library on our signatures', () => {
  it('accepts a signed delivery and reads its body', () => {
    const secret = newWebhookSecret();
    const now = Math.floor(Date.now() / 1000);
    const signature = signWebhook({ id: 'msg_abc', timestamp: now, body, secrets: [secret] });
    expect(new Webhook(secret).verify(body, headers('msg_abc', now, signature))).toEqual(JSON.parse(body));
  });

  it('refuses a changed body, another id, another timestamp and another secret', () => {
    const secret = newWebhookSecret();
    const now = Math.floor(Date.now() / 1000);
    const signature = signWebhook({ id: 'msg_abc', timestamp: now, body, secrets: [secret] });
    const receiver = new Webhook(secret);
    expect(() => receiver.verify(body.replace('José', 'Jose'), headers('msg_abc', now, signature))).toThrow();
    expect(() => receiver.verify(body, headers('msg_abd', now, signature))).toThrow();
    expect(() => receiver.verify(body, headers('msg_abc', now + 1, signature))).toThrow();
    expect(() => new Webhook(newWebhookSecret()).verify(body, headers('msg_abc', now, signature))).toThrow();
  });

  it('accepts with either secret while both sign (a rotation)', () => {
    const current = newWebhookSecret();
    const previous = newWebhookSecret();
    const now = Math.floor(Date.now() / 1000);
    const signature = signWebhook({ id: 'msg_rot', timestamp: now, body, secrets: [current, previous] });
    expect(signature.split(' ')).toHaveLength(2);
    expect(new Webhook(current).verify(body, headers('msg_rot', now, signature))).toEqual(JSON.parse(body));
    expect(new Webhook(previous).verify(body, headers('msg_rot', now, signature))).toEqual(JSON.parse(body));
    expect(() => new Webhook(newWebhookSecret()).verify(body, headers('msg_rot', now, signature))).toThrow();
  });

  it('agrees with the library signing the same content', () => {
    const secret = newWebhookSecret();
    const now = Math.floor(Date.now() / 1000);
    expect(signWebhook({ id: 'msg_x', timestamp: now, body, secrets: [secret] })).toBe(
      new Webhook(secret).sign('msg_x', new Date(now * 1000), body),
    );
  });
});
