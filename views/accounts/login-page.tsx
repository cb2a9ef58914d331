import type { FieldErrors } from '@/platform/http/validation';
import { ErrorSummary, Field, fieldId, invalidAttrs } from '@views/shell/form';
import { Layout, type PageContext } from '@views/shell/layout';

export type LoginPageProps = PageContext & {
  next: string;
  email?: string;
  /** A refusal of the whole form (wrong password, too many attempts). */
  error?: string;
  errors?: FieldErrors;
  notice?: string;
};

/** The organizers' login form. The password field is never filled back in. */
export function LoginPage(props: LoginPageProps) {
  const { t, errors } = props;
  const labels = { email: t('accounts.login.email'), password: t('accounts.login.password') };
  return (
    <Layout {...props} title={t('accounts.login.title')}>
      <h1>{t('accounts.login.title')}</h1>
      {props.notice ? (
        <p class="notice" role="status">
          {props.notice}
        </p>
      ) : null}
      <ErrorSummary
        t={t}
        errors={errors}
        labels={labels}
        general={props.error ? [props.error] : undefined}
      />
      <form class="form" method="post" action="/admin/login">
        <input type="hidden" name="next" value={props.next} />
        <Field name="email" label={labels.email} errors={errors}>
          <input
            id={fieldId('email')}
            type="email"
            name="email"
            value={props.email ?? ''}
            autocomplete="username"
            required
            maxlength={254}
            {...invalidAttrs('email', errors)}
          />
        </Field>
        <Field name="password" label={labels.password} errors={errors}>
          <input
            id={fieldId('password')}
            type="password"
            name="password"
            autocomplete="current-password"
            required
            maxlength={1000}
            {...invalidAttrs('password', errors)}
          />
        </Field>
        <button class="button" type="submit">
          {t('accounts.login.submit')}
        </button>
      </form>
      <p>
        <a href="/admin/password-reset">{t('accounts.login.forgot')}</a>
      </p>
    </Layout>
  );
}
