// What the sender hands to the outside world: the server provides the transports (nodemailer over
// SMTP, fetch), the sender decides what to send, when, and what an answer means.

/** One e-mail, ready to send. `messageId` is the same on every attempt of one outbox row. */
export interface OutgoingEmail {
  messageId: string;
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** The outbox row's language, as the message's Content-Language. */
  language: string;
}

export interface EmailTransport {
  /** Resolves when the SMTP server accepted the message; rejects otherwise (an error may carry `responseCode`). */
  send(email: OutgoingEmail): Promise<{ responseCode?: number }>;
  /** How many sends it can start at once (the SMTP pool's connections): the sender's e-mail slots. */
  readonly concurrency?: number;
  close?(): void | Promise<void>;
}

/** One webhook delivery, ready to POST. */
export interface WebhookRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
  /**
   * The addresses the URL's host was judged by just before (checkWebhookAddress): the transport
   * connects to one of these and no other, so a name that resolves elsewhere a moment later (DNS
   * rebinding) cannot turn the delivery towards a private address.
   */
  addresses?: readonly string[];
}

export interface WebhookTransport {
  /** POSTs the request (no redirects followed, bounded by a timeout) and reports the answer's status; rejects when there is no answer. */
  post(request: WebhookRequest): Promise<{ status: number }>;
  /** How many deliveries it can have in flight at once: the sender's webhook slots. */
  readonly concurrency?: number;
  close?(): void | Promise<void>;
}

/** The SMTP reply code or HTTP status an error carries, if any (nodemailer sets `responseCode`). */
export function responseCodeOf(error: unknown): number | null {
  if (typeof error !== 'object' || error === null) return null;
  const code = (error as { responseCode?: unknown; status?: unknown }).responseCode ?? (error as { status?: unknown }).status;
  return typeof code === 'number' && Number.isInteger(code) ? code : null;
}
