import type { Child } from 'hono/jsx';
import type { CurrentUser } from '@/platform/auth/auth';
import { AdminLayout } from './admin-layout';
import { Layout, type PageContext } from './layout';

export type ConfirmPageProps = PageContext & {
  /** A signed-in user gets the admin shell; without one (a participant's own link), the public one. */
  user?: CurrentUser;
  /** What is about to happen, as a question ("Delete the recording “…”?"); a title in it may be marked. */
  question: Child;
  /** What follows from it, a paragraph each: who is emailed, what cannot be undone. */
  details?: string[];
  /** What is about to be sent or removed, shown as it is (a message's subject and text). */
  preview?: Child;
  /** The action's own address: the same POST, now with `confirm=yes`. */
  action: string;
  /** The first post's fields, sent again unchanged. */
  fields?: Record<string, string>;
  /** The button's words ("Yes, delete it"). */
  confirmLabel: string;
  /** Where "No" leads: the page the action was started from. */
  backHref: string;
};

/**
 * The second, explicit step of a destructive or mass-email action, without JavaScript: the
 * first post answers with this page (nothing has changed yet), whose form posts the same fields
 * again with `confirm=yes` (see `confirmed` in src/platform/http/forms.ts).
 */
export function ConfirmPage(props: ConfirmPageProps) {
  const { t, user } = props;
  const body = (
    <>
      <h1>{t('confirm.title')}</h1>
      <div class="confirm-step" data-confirm-step>
        <p>
          <strong>{props.question}</strong>
        </p>
        {(props.details ?? []).map((line) => (
          <p>{line}</p>
        ))}
        {props.preview ?? null}
        <form method="post" action={props.action}>
          {Object.entries(props.fields ?? {}).map(([name, value]) => (
            <input type="hidden" name={name} value={value} />
          ))}
          <input type="hidden" name="confirm" value="yes" />
          <p>
            <button type="submit" class="danger">
              {props.confirmLabel}
            </button>{' '}
            <a href={props.backHref}>{t('confirm.back')}</a>
          </p>
        </form>
      </div>
    </>
  );
  return user ? (
    <AdminLayout {...props} user={user} title={t('confirm.title')}>
      {body}
    </AdminLayout>
  ) : (
    <Layout {...props} title={t('confirm.title')}>
      {body}
    </Layout>
  );
}
