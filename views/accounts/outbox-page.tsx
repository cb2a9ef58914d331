import type { CurrentUser } from '@/platform/auth/auth';
import type { OutboxEntry } from '@/platform/mail/outbox/queries';
import { formatShortDate, formatTime } from '@/platform/time';
import { AdminLayout } from '@views/shell/admin-layout';
import type { PageContext } from '@views/shell/layout';

const ZONE = 'Europe/Tallinn';

/**
 * Outgoing email, read here (without SMTP_URL this is where it waits): admins all of it,
 * organizers the messages about their own events.
 */
export function OutboxPage(props: PageContext & { user: CurrentUser; messages: OutboxEntry[] }) {
  const { t, lang } = props;
  return (
    <AdminLayout {...props} title={t('registration.outbox.title')}>
      <h1>{t('registration.outbox.title')}</h1>
      <p class="meta">{t('registration.outbox.hint')}</p>
      {props.user.role === 'admin' ? null : <p>{t('registration.outbox.yours')}</p>}
      <p>
        <a href="/admin/outbox">{t('registration.admin.all')}</a>
        {(['pending', 'sending', 'sent', 'failed'] as const).map((status) => (
          <>
            {' · '}
            <a href={`/admin/outbox?status=${status}`}>
              {t(`registration.outbox.state.${status}`)}
            </a>
          </>
        ))}
      </p>
      {props.messages.length === 0 ? <p>{t('registration.outbox.none')}</p> : null}
      <ul class="outbox">
        {props.messages.map((message) => (
          <li class="card" id={`m${message.id}`}>
            <details>
              <summary>
                <span class="badge">{t(`registration.outbox.state.${message.status}`)}</span>{' '}
                <strong>{message.subject}</strong>{' '}
                <span class="meta">
                  → {message.recipient} · {message.kind} ·{' '}
                  {formatShortDate(message.createdAt, ZONE, lang)}{' '}
                  {formatTime(message.createdAt, ZONE, lang)} · {t('registration.outbox.attempts')}{' '}
                  {message.attempts}
                </span>
              </summary>
              <pre class="mail-text">{message.text}</pre>
              {message.attachmentNames.length > 0 ? (
                <p class="meta">📎 {message.attachmentNames.join(', ')}</p>
              ) : null}
              {message.lastError ? <p class="error-box">{message.lastError}</p> : null}
            </details>
          </li>
        ))}
      </ul>
    </AdminLayout>
  );
}
