import { createServer } from 'node:http';

export interface WebhookReceiver {
  /** The endpoint's URL, to register. */
  url: string;
  /** The status every POST is answered with (500: a receiver that is down). */
  status: number;
  /** Each POST received: its webhook-id header and body. */
  received: { id: string; body: string }[];
  close(): Promise<void>;
}

/** An HTTP endpoint on this machine that takes webhook deliveries and answers them with `status`. */
export async function startWebhookReceiver(status: number): Promise<WebhookReceiver> {
  const receiver: WebhookReceiver = { url: '', status, received: [], close: async () => undefined };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      receiver.received.push({ id: String(request.headers['webhook-id'] ?? ''), body: Buffer.concat(chunks).toString() });
      response.writeHead(receiver.status, { 'content-type': 'text/plain' }).end(receiver.status < 300 ? 'ok' : 'down for the test');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  receiver.url = `http://127.0.0.1:${port}/hooks/tablebook`;
  receiver.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return receiver;
}
