import type { FieldErrors } from '@/platform/http/validation';
import { ErrorSummary, Field, fieldId, invalidAttrs } from '@views/shell/form';
import { Layout, type PageContext } from '@views/shell/layout';
import { NewPasswordInputs, passwordLabels } from './password-field';

export type ResetRequestPageProps = PageContext & {
  /** After a request: the same text whether or not the address has an account. */
  sent?: boolean;
  errors?: FieldErrors;
  /** A refusal of the whole form (too many requests). */
  error?: string;
};

/** "Forgot your password?": one email field; afterwards only the neutral "if … we sent" text. */
export function ResetRequestPage(props: ResetRequestPageProps) {
  const { t, errors } = props;
  const labels = { email: t('accounts.reset.email') };
  return (
    <Layout {...props} title={t('accounts.reset.title')}>
      <h1>{t('accounts.reset.title')}</h1>
      {props.sent ? (
        <p class="notice" role="status">
          {t('accounts.reset.sent')}
        </p>
      ) : (
        <>
          <ErrorSummary
            t={t}
            errors={errors}
            labels={labels}
            general={props.error ? [props.error] : undefined}
          />
          <p>{t('accounts.reset.intro')}</p>
          <form class="form" method="post" action="/admin/password-reset">
            <Field name="email" label={labels.email} errors={errors}>
              <input
                id={fieldId('email')}
                type="email"
                name="email"
                autocomplete="username"
                required
                maxlength={254}
                {...invalidAttrs('email', errors)}
              />
            </Field>
            <button class="button" type="submit">
              {t('accounts.reset.submit')}
            </button>
          </form>
        </>
      )}
      <p>
        <a href="/admin/login">{t('accounts.reset.backToLogin')}</a>
      </p>
    </Layout>
  );
}

export type NewPasswordPageProps = PageContext & {
  token: string;
  email: string;
  errors?: FieldErrors;
};

/** The page a reset link opens: the new password, twice. Posts back to the same link. */
export function NewPasswordPage(props: NewPasswordPageProps) {
  const { t, errors } = props;
  return (
    <Layout {...props} title={t('accounts.reset.newTitle')}>
      <h1>{t('accounts.reset.newTitle')}</h1>
      <p>{t('accounts.reset.newIntro', { email: props.email })}</p>
      <ErrorSummary t={t} errors={errors} labels={passwordLabels(t)} />
      <form class="form" method="post" action={`/admin/password-reset/${props.token}`}>
        {/* For password managers: which account the new password belongs to. */}
        <input type="hidden" name="username" autocomplete="username" value={props.email} />
        <NewPasswordInputs t={t} errors={errors} />
        <button class="button" type="submit">
          {t('accounts.reset.submitNew')}
        </button>
      </form>
    </Layout>
  );
}

/** A used, expired or unknown reset link (410), with the way to ask for a new one. */
export function ResetGonePage(props: PageContext) {
  const { t } = props;
  return (
    <Layout {...props} title={t('accounts.reset.goneTitle')}>
      <h1>{t('accounts.reset.goneTitle')}</h1>
      <p>{t('accounts.reset.goneBody')}</p>
      <p>
        <a class="button" href="/admin/password-reset">
          {t('accounts.reset.requestNew')}
        </a>
      </p>
    </Layout>
  );
}
