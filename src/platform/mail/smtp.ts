import type { Transporter } from 'nodemailer';
import type { Mailer } from './mailer';

/**
 * Every message Koda sends is written by a program (RFC 3834): auto-responders and vacation
 * replies stay silent, and mail systems may treat it as such.
 */
export const AUTO_SUBMITTED = { 'Auto-Submitted': 'auto-generated' } as const;

/**
 * A Mailer over SMTP (Node only): `smtp://user:pass@host:port` or `smtps://…`. Connecting, the
 * greeting and a silent socket each give up after `timeoutMs` (nodemailer's own defaults are 2
 * and 10 minutes: one stalled server would hold every email that long). nodemailer (about 13 MB
 * of memory) is loaded with the first email sent, not when the server starts (issue 22).
 */
export function createSmtpMailer(
  smtpUrl: string,
  from: string,
  timeoutMs = 30_000,
): Mailer & { close(): void } {
  let opening: Promise<Transporter> | undefined;
  let closed = false;
  const open = () =>
    (opening ??= import('nodemailer').then(({ createTransport }) => {
      const transport = createTransport({
        url: smtpUrl,
        connectionTimeout: timeoutMs,
        greetingTimeout: timeoutMs,
        socketTimeout: timeoutMs,
        dnsTimeout: timeoutMs,
      });
      if (closed) transport.close();
      return transport;
    }));
  return {
    async send(message) {
      const transport = await open();
      await transport.sendMail({
        from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html ?? undefined,
        headers: { ...message.headers, ...AUTO_SUBMITTED },
        attachments: (message.attachments ?? []).map((attachment) => ({
          filename: attachment.filename,
          content: attachment.content,
          contentType: attachment.contentType,
        })),
      });
    },
    close: () => {
      closed = true;
      void opening?.then((transport) => transport.close());
    },
  };
}
