import type { PasswordErrors } from '@/accounts/passwords';
import { Layout, type PageContext } from '@views/shell/layout';
import { NewPasswordInputs } from './password-field';

export type ResetRequestPageProps = PageContext & {
  /** After a request: the same text whether or not the address has an account. */
  sent?: boolean;
  emailError?: string;
  error?: string;
};

/** "Forgot your password?": one email field; afterwards only the neutral "if … we sent" text. */
export function ResetRequestPage(props: ResetRequestPageProps) {
  const { t } = props;
  return (
    <Layout {...props} title={t('accounts.reset.title')}>
      <h1>{t('accounts.reset.title')}</h1>
      {props.sent ? (
        <p class="notice" role="status">
          {t('accounts.reset.sent')}
        </p>
      ) : (
        <>
          {props.error ? (
            <p class="error-box" role="alert">
              {props.error}
            </p>
          ) : null}
          <p>{t('accounts.reset.intro')}</p>
          <form class="form" method="post" action="/admin/password-reset">
            <div class="field">
              <label for="reset-email">{t('accounts.reset.email')}</label>
              <input
                id="reset-email"
                type="email"
                name="email"
                autocomplete="username"
                required
                maxlength={254}
                aria-invalid={props.emailError ? 'true' : undefined}
                aria-describedby={props.emailError ? 'reset-email-error' : undefined}
              />
              {props.emailError ? (
                <p class="field-error" id="reset-email-error">
                  {props.emailError}
                </p>
              ) : null}
            </div>
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
  errors?: PasswordErrors;
};

/** The page a reset link opens: the new password, twice. Posts back to the same link. */
export function NewPasswordPage(props: NewPasswordPageProps) {
  const { t } = props;
  const errors = props.errors ?? {};
  return (
    <Layout {...props} title={t('accounts.reset.newTitle')}>
      <h1>{t('accounts.reset.newTitle')}</h1>
      <p>{t('accounts.reset.newIntro', { email: props.email })}</p>
      {Object.keys(errors).length > 0 ? (
        <p class="error-box" role="alert">
          {t('accounts.reset.errors')}
        </p>
      ) : null}
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
