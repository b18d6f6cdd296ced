// A real SMTP server for the tests (smtp-server), that keeps what it receives parsed (mailparser) and
// can be told to refuse (a 4xx/5xx reply to DATA) or to hold DATA unanswered, as a struggling mail
// server would.
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

interface ReceivedEmail {
  messageId: string;
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  headers: Map<string, unknown>;
  receivedAt: number;
}

type SinkMode = 'accept' | 'refuse' | 'hold';

export interface SmtpSink {
  url: string;
  port: number;
  received: ReceivedEmail[];
  /** accept: 250; refuse: `refusalCode` (451 by default) on DATA; hold: DATA is never answered. */
  mode: SinkMode;
  refusalCode: number;
  /** A recipient for which this returns a code is refused with it on DATA, whatever the mode. */
  refuseRecipient: (to: string) => number | null;
  /** Each accepted message is answered this long after its DATA ends (a slow but healthy server); 0: at once. */
  answerDelayMs: number;
  /** DATA replies refused so far, and DATA being held now. */
  refused: number;
  readonly holding: number;
  /** Every message received for `to`, or with this Message-ID. */
  to(address: string): ReceivedEmail[];
  byMessageId(): Map<string, ReceivedEmail[]>;
  /** Resolves with the first `count` messages matching, or rejects after `timeoutMs`. */
  waitFor(match: (email: ReceivedEmail) => boolean, count?: number, timeoutMs?: number): Promise<ReceivedEmail[]>;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function startSmtpSink(): Promise<SmtpSink> {
  /** Sessions whose DATA is held unanswered. */
  const held = new Set<string>();
  const sink: SmtpSink = {
    url: '',
    port: 0,
    received: [],
    mode: 'accept',
    refusalCode: 451,
    answerDelayMs: 0,
    refuseRecipient: () => null,
    refused: 0,
    get holding() {
      return held.size;
    },
    to: (address) => sink.received.filter((email) => email.to === address),
    byMessageId() {
      const map = new Map<string, ReceivedEmail[]>();
      for (const email of sink.received) map.set(email.messageId, [...(map.get(email.messageId) ?? []), email]);
      return map;
    },
    async waitFor(match, count = 1, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = sink.received.filter(match);
        if (found.length >= count) return found.slice(0, count);
        if (Date.now() > deadline) {
          throw new Error(
            `expected ${count} matching e-mail(s) within ${timeoutMs} ms, got ${found.length} (of ${sink.received.length} received)`,
          );
        }
        await sleep(25);
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        held.clear();
        server.close(() => resolve());
      }),
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    closeTimeout: 200,
    onClose(session) {
      held.delete(session.id);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const recipients = session.envelope.rcptTo.map((rcpt) => rcpt.address);
        const code = recipients.map((to) => sink.refuseRecipient(to)).find((value) => value !== null) ?? null;
        const refuse = (responseCode: number) => {
          sink.refused += 1;
          // The reply quotes the recipient, as real servers do (the log must not).
          const words = responseCode === 451 ? 'Try again later' : 'Refused';
          callback(Object.assign(new Error(`${words} <${recipients.join(', ')}> (test sink)`), { responseCode }));
        };
        if (code !== null) return refuse(code);
        if (sink.mode === 'refuse') return refuse(sink.refusalCode);
        if (sink.mode === 'hold') {
          // Never answered while the client stays: a message whose DATA was not acknowledged is not delivered.
          held.add(session.id);
          return;
        }
        void simpleParser(Buffer.concat(chunks)).then(
          async (parsed) => {
            if (sink.answerDelayMs > 0) await sleep(sink.answerDelayMs);
            sink.received.push({
              messageId: parsed.messageId ?? '',
              from: parsed.from?.text ?? '',
              to: recipients[0] ?? '',
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              html: typeof parsed.html === 'string' ? parsed.html : '',
              headers: parsed.headers,
              receivedAt: Date.now(),
            });
            callback();
          },
          (error: Error) => callback(error),
        );
      });
    },
  });
  // A held session ends when its client goes away (e.g. the sending process is killed).
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.server.address();
  sink.port = typeof address === 'object' && address ? address.port : 0;
  sink.url = `smtp://127.0.0.1:${sink.port}`;
  return sink;
}
