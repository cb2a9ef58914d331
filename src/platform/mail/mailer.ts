import type { OutboxAttachment } from '@/platform/db/schema/outbox';

export type MailMessage = {
  to: string;
  subject: string;
  text: string;
  html?: string | null;
  attachments?: OutboxAttachment[];
  /** Extra header fields (e.g. List-Unsubscribe); every message also says Auto-Submitted. */
  headers?: Record<string, string>;
};

/** Delivers one message or throws; the outbox sender retries. */
export type Mailer = { send(message: MailMessage): Promise<void> };

/** Without SMTP_URL: messages stay in the outbox and are readable at /admin/outbox. */
export const noMailer: Mailer = {
  send: async () => {
    throw new Error('No mail server configured (SMTP_URL is not set)');
  },
};
