import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** One message the sink accepted, parsed (mailparser). */
export interface ReceivedEmail {
  messageId: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** The message's Content-Language header, when it has one. */
  language: string | undefined;
}

export interface SmtpSink {
  /** For the server's SMTP_URL. */
  url: string;
  received: ReceivedEmail[];
  /** Resolves with the first message that matches, or rejects after `timeoutMs`. */
  waitFor(match: (email: ReceivedEmail) => boolean, timeoutMs?: number): Promise<ReceivedEmail>;
  close(): Promise<void>;
}

/**
 * A real SMTP server on this machine (smtp-server) that accepts everything and keeps it, parsed: the
 * "SMTP server the test starts itself" of issue 17, which the Tablebook server's SMTP_URL points at.
 */
export async function startSmtpSink(): Promise<SmtpSink> {
  const received: ReceivedEmail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    closeTimeout: 200,
    onData(stream, session, callback) {
      void simpleParser(stream).then(
        (parsed) => {
          const language = parsed.headers.get('content-language');
          received.push({
            messageId: parsed.messageId ?? '',
            to: session.envelope.rcptTo[0]?.address ?? '',
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : '',
            language: typeof language === 'string' ? language : undefined,
          });
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    async waitFor(match, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = received.find(match);
        if (found) return found;
        if (Date.now() > deadline) {
          throw new Error(
            `no matching e-mail within ${timeoutMs} ms (${received.length} received: ${received.map((e) => e.subject).join(' | ')})`,
          );
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
