/**
 * Whether a webhook URL may be called: its form (rules/webhook-url.ts), then its host: an address is
 * judged as it is, a name is resolved (every address it has) and refused when any of them is loopback,
 * private or otherwise not public, unless private addresses are allowed (WEBHOOKS_ALLOW_PRIVATE, for
 * tests and for a receiver on the same network on purpose). Checked when an endpoint is registered and
 * again by the sender before each delivery (a name can resolve elsewhere later); `addresses` are what
 * was judged, so a caller can connect to exactly those.
 */
import { lookup as dnsLookup } from 'node:dns/promises';
import { isPrivateAddress, judgeWebhookUrl, WEBHOOK_URL_REFUSAL_MESSAGES, type WebhookUrlRefusal } from '../rules/webhook-url.ts';

/** Resolves a host name to all its addresses (node:dns's lookup, as the HTTP client would). */
export type HostLookup = (host: string) => Promise<readonly string[]>;

/** A name that does not resolve within this long is refused as unresolved (a request does not wait on a silent resolver). */
const LOOKUP_TIMEOUT_MS = 5000;

const systemLookup: HostLookup = async (host) => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer for ${host} within ${LOOKUP_TIMEOUT_MS} ms`)), LOOKUP_TIMEOUT_MS);
  });
  try {
    const entries = await Promise.race([dnsLookup(host, { all: true, verbatim: true }), timeout]);
    return entries.map((entry) => entry.address);
  } finally {
    clearTimeout(timer);
  }
};

export type WebhookAddressCheck =
  | { ok: true; url: URL; host: string; addresses: readonly string[] }
  | { ok: false; why: WebhookUrlRefusal; message: string };

function refuse(why: WebhookUrlRefusal): WebhookAddressCheck {
  return { ok: false, why, message: WEBHOOK_URL_REFUSAL_MESSAGES[why] };
}

export async function checkWebhookAddress(url: string, opts: { allowPrivate: boolean; lookup?: HostLookup }): Promise<WebhookAddressCheck> {
  const judged = judgeWebhookUrl(url, opts);
  if (!judged.ok) return refuse(judged.why);
  const { host } = judged;
  if (!judged.needsLookup) return { ok: true, url: judged.url, host, addresses: [host] };
  let addresses: readonly string[];
  try {
    addresses = await (opts.lookup ?? systemLookup)(host);
  } catch {
    return refuse('webhook_url_unresolved');
  }
  if (addresses.length === 0) return refuse('webhook_url_unresolved');
  if (!opts.allowPrivate && addresses.some((address) => isPrivateAddress(address))) return refuse('webhook_url_private');
  return { ok: true, url: judged.url, host, addresses };
}
