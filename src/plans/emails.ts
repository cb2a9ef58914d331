import { translator } from '@/messages';
import { type Lang } from '@/platform/i18n';
import type { ItemStatus } from './rules';

export type StatusChange = {
  itemTitle: string;
  planTitle: string;
  eventTitle: string;
  previous: ItemStatus;
  status: ItemStatus;
  progress: number;
  note: string;
  planUrl: string;
};

/** The follow-up email: what became of a proposal made at the participant's meeting. No personal data but the address. */
export function statusChangeEmail(lang: Lang, change: StatusChange) {
  const t = translator(lang);
  const subject = t('plans.email.subject', { item: change.itemTitle });
  const text = [
    t('plans.email.intro', { event: change.eventTitle, plan: change.planTitle }),
    '',
    `${change.itemTitle}`,
    t('plans.email.status', {
      from: t(`plans.status.${change.previous}`),
      to: t(`plans.status.${change.status}`),
      progress: change.progress,
    }),
    '',
    change.note,
    '',
    t('plans.email.link', { url: change.planUrl }),
    '',
    t('plans.email.why'),
  ].join('\n');
  return { subject, text };
}
