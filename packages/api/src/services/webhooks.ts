/**
 * Webhook endpoints (issue 17): where the admin asked to be told of reservation changes. Each has a
 * Standard Webhooks secret, shown once when it is made or rotated; after a rotation the previous one
 * keeps signing for a day (the sender signs with both), so a receiver can switch without a gap.
 */
import { asc, eq, sql } from 'drizzle-orm';
import { webhookEndpoints, type WebhookEndpoint } from '@tablebook/db';
import { invalidInput, notFound, type IssueDetail } from '../errors.ts';
import { newWebhookSecret } from '../rules/webhook-signature.ts';
import type { WebhookUrlRefusal } from '../rules/webhook-url.ts';
import type { CreateWebhookInput, WebhookOutput, WebhookWithSecretOutput } from '../schemas/webhook.ts';
import { attemptsOf, listMessageRows, type MessagePage } from './messages.ts';
import type { Queryable } from './transactions.ts';
import { checkWebhookAddress, type HostLookup } from './webhook-address.ts';

/** How long the previous secret keeps signing after a rotation. */
const PREVIOUS_SECRET_HOURS = 24;

function webhookOf(row: WebhookEndpoint): WebhookOutput {
  return {
    id: row.id,
    url: row.url,
    events: row.events,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    previousSecretUntil: row.previousSecretUntil ? row.previousSecretUntil.toISOString() : null,
  };
}

/** The issue on `url` for a refused address: its refusal is the catalog's issue code (webhook_url_scheme, ...). */
const webhookUrlIssue = (why: WebhookUrlRefusal, message: string): IssueDetail => ({ path: 'url', message, code: why });

export interface WebhookAddressPolicy {
  allowPrivate: boolean;
  /** The resolver (default: node:dns lookup). */
  lookup?: HostLookup;
}

/** Registers an endpoint after judging its URL (form, then every address its host resolves to). */
export async function createWebhook(
  db: Queryable,
  input: CreateWebhookInput,
  policy: WebhookAddressPolicy,
): Promise<WebhookWithSecretOutput> {
  const check = await checkWebhookAddress(input.url, policy);
  // A host that does not resolve now (no DNS here, a name not yet published) is no sign of a private
  // address: it is registered, and every delivery judges its addresses again before connecting (an
  // unresolvable one is a failed attempt, retried, then dead, in the admin's view).
  if (!check.ok && check.why !== 'webhook_url_unresolved') throw invalidInput([webhookUrlIssue(check.why, check.message)]);
  const accepted = check.ok ? check.url : new URL(input.url);
  const secret = newWebhookSecret();
  // The URL as parsed (http://0x7f.1/ is stored as http://127.0.0.1/): what was judged is what is called.
  const [row] = await db.insert(webhookEndpoints).values({ url: accepted.href, events: input.events, secret }).returning();
  if (!row) throw new Error('the webhook endpoint was not stored');
  return { ...webhookOf(row), secret };
}

/** Every endpoint, oldest first, without secrets. */
export async function listWebhooks(db: Queryable): Promise<WebhookOutput[]> {
  const rows = await db.select().from(webhookEndpoints).orderBy(asc(webhookEndpoints.createdAt), asc(webhookEndpoints.id));
  return rows.map(webhookOf);
}

/** Deletes an endpoint; its deliveries (sent or not) go with it (the outbox's foreign key cascades). */
export async function deleteWebhook(db: Queryable, id: string): Promise<{ id: string }> {
  const [row] = await db.delete(webhookEndpoints).where(eq(webhookEndpoints.id, id)).returning({ id: webhookEndpoints.id });
  if (!row) throw notFound(`Webhook endpoint ${id} does not exist`, 'webhook');
  return row;
}

/**
 * A new secret; the one it replaces keeps signing for PREVIOUS_SECRET_HOURS (one previous secret: a
 * second rotation within the day retires the first secret at once).
 */
export async function rotateWebhookSecret(db: Queryable, id: string, now: Date): Promise<WebhookWithSecretOutput> {
  const secret = newWebhookSecret();
  const until = new Date(now.getTime() + PREVIOUS_SECRET_HOURS * 3_600_000);
  const [row] = await db
    .update(webhookEndpoints)
    .set({
      // The right side of SET reads the row as it was: the secret being replaced.
      previousSecret: sql`${webhookEndpoints.secret}`,
      previousSecretUntil: until,
      secret,
      updatedAt: now,
    })
    .where(eq(webhookEndpoints.id, id))
    .returning();
  if (!row) throw notFound(`Webhook endpoint ${id} does not exist`, 'webhook');
  return { ...webhookOf(row), secret };
}

/** An endpoint's deliveries, newest first, each with its attempts. */
export async function listWebhookDeliveries(db: Queryable, id: string, page: MessagePage) {
  const [endpoint] = await db.select({ id: webhookEndpoints.id }).from(webhookEndpoints).where(eq(webhookEndpoints.id, id));
  if (!endpoint) throw notFound(`Webhook endpoint ${id} does not exist`, 'webhook');
  const { rows, nextCursor } = await listMessageRows(db, { endpointId: id, channel: 'webhook' }, page);
  const attempts = await attemptsOf(
    db,
    rows.map((row) => row.id),
  );
  return { items: rows.map((row) => ({ ...row, attemptLog: attempts.get(row.id) ?? [] })), nextCursor };
}
