// E-mail over SMTP with nodemailer (SMTP_URL): a small pool of connections, bounded waits (connect,
// greeting, an idle socket), so a server that does not answer fails the attempt, which is retried.
import type { EmailTransport, OutgoingEmail } from '@tablebook/api';
import nodemailer from 'nodemailer';

export interface SmtpTransportOptions {
  url: string;
  /** Opening the TCP (or TLS) connection (default 10 s). */
  connectionTimeoutMs?: number;
  /** The server's greeting after connecting (default 10 s). */
  greetingTimeoutMs?: number;
  /** A connection with no traffic for this long is given up (default 30 s), e.g. a DATA that is never answered. */
  socketTimeoutMs?: number;
  /** Connections kept open to the server (default 3). */
  maxConnections?: number;
}

export function createSmtpTransport(options: SmtpTransportOptions): EmailTransport {
  const maxConnections = options.maxConnections ?? 3;
  const transporter = nodemailer.createTransport({
    url: options.url,
    pool: true,
    maxConnections,
    connectionTimeout: options.connectionTimeoutMs ?? 10_000,
    greetingTimeout: options.greetingTimeoutMs ?? 10_000,
    socketTimeout: options.socketTimeoutMs ?? 30_000,
  });
  return {
    // The sender claims no more e-mail than there are connections: none waits in the pool's queue
    // while its lease runs.
    concurrency: maxConnections,
    async send(email: OutgoingEmail) {
      const info = await transporter.sendMail({
        messageId: email.messageId,
        from: email.from,
        to: email.to,
        subject: email.subject,
        text: email.text,
        html: email.html,
        headers: { 'Content-Language': email.language },
      });
      const code = /^(\d{3})/.exec(info.response ?? '')?.[1];
      return code ? { responseCode: Number(code) } : {};
    },
    close() {
      transporter.close();
    },
  };
}
