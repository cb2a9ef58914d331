import { createTransport } from 'nodemailer';
import type { Mailer } from './mailer';

/**
 * A Mailer over SMTP (Node only): `smtp://user:pass@host:port` or `smtps://…`. Connecting, the
 * greeting and a silent socket each give up after `timeoutMs` (nodemailer's own defaults are 2
 * and 10 minutes: one stalled server would hold every email that long).
 */
export function createSmtpMailer(
  smtpUrl: string,
  from: string,
  timeoutMs = 30_000,
): Mailer & { close(): void } {
  const transport = createTransport({
    url: smtpUrl,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
    dnsTimeout: timeoutMs,
  });
  return {
    async send(message) {
      await transport.sendMail({
        from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html ?? undefined,
        attachments: (message.attachments ?? []).map((attachment) => ({
          filename: attachment.filename,
          content: attachment.content,
          contentType: attachment.contentType,
        })),
      });
    },
    close: () => transport.close(),
  };
}
