// A local HTTP receiver of webhooks that checks each delivery's signature with the Standard Webhooks
// reference library (`standardwebhooks`), as an integrator would, and can answer 500 to the first
// attempts of each message.
import { createServer, type IncomingMessage } from 'node:http';
import { Webhook } from 'standardwebhooks';

interface Delivery {
  id: string;
  timestamp: string;
  signature: string;
  contentType: string | undefined;
  body: string;
  /** The body as the library returned it after verifying, or null when verification failed. */
  verified: unknown;
  verifyError: string | null;
  answered: number;
  receivedAt: number;
}

export interface WebhookReceiver {
  url: string;
  deliveries: Delivery[];
  /** The secret(s) the receiver holds (a delivery is valid when any verifies it). */
  secrets: string[];
  /** How many of each webhook-id's first deliveries are answered 500. */
  failFirst: number;
  waitFor(match: (delivery: Delivery) => boolean, count?: number, timeoutMs?: number): Promise<Delivery[]>;
  close(): Promise<void>;
}

const readBody = (request: IncomingMessage) =>
  new Promise<string>((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });

export async function startWebhookReceiver(secrets: string[] = []): Promise<WebhookReceiver> {
  const seen = new Map<string, number>();
  const receiver: WebhookReceiver = {
    url: '',
    deliveries: [],
    secrets,
    failFirst: 0,
    async waitFor(match, count = 1, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = receiver.deliveries.filter(match);
        if (found.length >= count) return found;
        if (Date.now() > deadline) throw new Error(`expected ${count} matching deliveries within ${timeoutMs} ms, got ${found.length}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  const server = createServer((request, response) => {
    void readBody(request).then((body) => {
      const header = (name: string) => String(request.headers[name] ?? '');
      const headers = {
        'webhook-id': header('webhook-id'),
        'webhook-timestamp': header('webhook-timestamp'),
        'webhook-signature': header('webhook-signature'),
      };
      let verified: unknown = null;
      let verifyError: string | null = 'no secret verified it';
      for (const secret of receiver.secrets) {
        try {
          verified = new Webhook(secret).verify(body, headers);
          verifyError = null;
          break;
        } catch (error) {
          verifyError = error instanceof Error ? error.message : String(error);
        }
      }
      const count = (seen.get(headers['webhook-id']) ?? 0) + 1;
      seen.set(headers['webhook-id'], count);
      const answered = verifyError !== null ? 400 : count <= receiver.failFirst ? 500 : 204;
      receiver.deliveries.push({
        id: headers['webhook-id'],
        timestamp: headers['webhook-timestamp'],
        signature: headers['webhook-signature'],
        contentType: request.headers['content-type'],
        body,
        verified,
        verifyError,
        answered,
        receivedAt: Date.now(),
      });
      response.writeHead(answered).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  receiver.url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/hooks/tablebook`;
  return receiver;
}
