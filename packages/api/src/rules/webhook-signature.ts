/**
 * Webhook signatures in the Standard Webhooks form (https://www.standardwebhooks.com): a secret is
 * `whsec_` followed by the base64 of its key bytes; a delivery is signed by HMAC-SHA256, keyed by those
 * bytes, over `${webhook-id}.${webhook-timestamp}.${body}`, and its `webhook-signature` header is
 * `v1,<base64 signature>`, one per secret, separated by spaces (during a rotation both the new and the
 * previous secret sign, so a receiver holding either accepts the delivery).
 */
import { createHmac, randomBytes } from 'node:crypto';

const SECRET_PREFIX = 'whsec_';

/** A new endpoint secret: `whsec_` + the base64 of 24 random bytes. */
export function newWebhookSecret(): string {
  return SECRET_PREFIX + randomBytes(24).toString('base64');
}

/** The key bytes of a secret (the base64 after `whsec_`; a secret without the prefix is read as base64 too, as the libraries do). */
export function webhookSecretKey(secret: string): Buffer {
  const encoded = secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret;
  const key = Buffer.from(encoded, 'base64');
  if (key.length === 0) throw new Error('A webhook secret has no key bytes');
  return key;
}

export interface WebhookSignatureInput {
  /** The `webhook-id` header: stable across retries of one message. */
  id: string;
  /** The `webhook-timestamp` header, in whole seconds since the epoch. */
  timestamp: number;
  /** The exact body sent. */
  body: string;
  /** Every secret that signs (the current one first); at least one. */
  secrets: readonly string[];
}

/** The `webhook-signature` header's value: `v1,<base64>` for each secret, space-separated. */
export function signWebhook({ id, timestamp, body, secrets }: WebhookSignatureInput): string {
  if (secrets.length === 0) throw new Error('A webhook is signed by at least one secret');
  if (!Number.isInteger(timestamp) || timestamp < 0) throw new Error('A webhook timestamp is whole seconds since the epoch');
  const content = `${id}.${timestamp}.${body}`;
  return secrets.map((secret) => `v1,${createHmac('sha256', webhookSecretKey(secret)).update(content, 'utf8').digest('base64')}`).join(' ');
}
