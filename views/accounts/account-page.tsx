import type { CurrentUser } from '@/platform/auth/auth';
import type { FieldErrors } from '@/platform/http/validation';
import { AdminLayout } from '@views/shell/admin-layout';
import { ErrorSummary } from '@views/shell/form';
import type { PageContext } from '@views/shell/layout';
import { NewPasswordInputs, PasswordInput, passwordLabels } from './password-field';

export type AccountPageProps = PageContext & {
  user: CurrentUser;
  municipalities: string[];
  errors?: FieldErrors;
  /** A refusal not tied to one field (too many wrong passwords). */
  error?: string;
  notice?: string;
};

/** The signed-in user's own account: who they are, and the form to change their password. */
export function AccountPage(props: AccountPageProps) {
  const { t, user } = props;
  const { errors } = props;
  const labels = passwordLabels(t);
  return (
    <AdminLayout {...props} title={t('accounts.account.title')}>
      <h1>{t('accounts.account.title')}</h1>
      {props.notice ? (
        <p class="notice" role="status">
          {props.notice}
        </p>
      ) : null}
      <dl class="facts">
        <dt>{t('accounts.users.name')}</dt>
        <dd>{user.name}</dd>
        <dt>{t('accounts.users.email')}</dt>
        <dd>{user.email}</dd>
        <dt>{t('accounts.users.role')}</dt>
        <dd>{t(`accounts.users.role.${user.role}`)}</dd>
        {user.role === 'organizer' ? (
          <>
            <dt>{t('accounts.users.municipalities')}</dt>
            <dd>{props.municipalities.length > 0 ? props.municipalities.join(', ') : '—'}</dd>
          </>
        ) : null}
      </dl>
      <h2 id="password">{t('accounts.account.changeTitle')}</h2>
      <ErrorSummary
        t={t}
        errors={errors}
        labels={labels}
        general={props.error ? [props.error] : undefined}
      />
      <form class="form" method="post" action="/admin/account">
        <PasswordInput
          name="current"
          label={labels.current}
          errors={errors}
          autocomplete="current-password"
        />
        <NewPasswordInputs t={t} errors={errors} />
        <button class="button" type="submit">
          {t('accounts.account.submit')}
        </button>
      </form>
    </AdminLayout>
  );
}
