import { translator } from '@/messages';
import { type Lang } from '@/platform/i18n';
import { DEFAULT_TIMEZONE, formatLongDate, formatTime } from '@/platform/time';

/** Tells the account's owner their password was changed, and what to do if it was not them. */
export function passwordChangedEmail(
  lang: Lang,
  input: { name: string; email: string; at: Date; resetUrl: string },
): { subject: string; text: string } {
  const t = translator(lang);
  const when = `${formatLongDate(input.at, DEFAULT_TIMEZONE, lang)} ${formatTime(input.at, DEFAULT_TIMEZONE, lang)}`;
  return {
    subject: t('accounts.email.changed.subject'),
    text: [
      t('accounts.email.hello', { name: input.name }),
      '',
      t('accounts.email.changed.body', { email: input.email, when }),
      '',
      t('accounts.email.changed.notYou', { url: input.resetUrl }),
    ].join('\n'),
  };
}

/** The forgotten-password link; it works once, within `minutes`. */
export function passwordResetEmail(
  lang: Lang,
  input: { name: string; email: string; link: string; minutes: number; byAdmin: boolean },
): { subject: string; text: string } {
  const t = translator(lang);
  return {
    subject: t('accounts.email.reset.subject'),
    text: [
      t('accounts.email.hello', { name: input.name }),
      '',
      t(input.byAdmin ? 'accounts.email.reset.admin' : 'accounts.email.reset.requested', {
        email: input.email,
      }),
      '',
      input.link,
      '',
      t('accounts.email.reset.validity', { minutes: input.minutes }),
      ...(input.byAdmin ? [] : [t('accounts.email.reset.notYou')]),
    ].join('\n'),
  };
}
