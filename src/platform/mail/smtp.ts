import { createTransport } from 'nodemailer';
import type { Mailer } from './mailer';

/** A Mailer over SMTP (Node only): `smtp://user:pass@host:port` or `smtps://…`. */
export function createSmtpMailer(smtpUrl: string, from: string): Mailer & { close(): void } {
  const transport = createTransport(smtpUrl);
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
