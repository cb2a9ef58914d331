import { Layout, type PageContext } from '@views/shell/layout';

export type LoginPageProps = PageContext & {
  next: string;
  email?: string;
  error?: string;
  notice?: string;
};

/** The organizers' login form. The password field is never filled back in. */
export function LoginPage(props: LoginPageProps) {
  const { t } = props;
  return (
    <Layout {...props} title={t('accounts.login.title')}>
      <h1>{t('accounts.login.title')}</h1>
      {props.notice ? (
        <p class="notice" role="status">
          {props.notice}
        </p>
      ) : null}
      {props.error ? (
        <p class="error-box" role="alert">
          {props.error}
        </p>
      ) : null}
      <form class="form" method="post" action="/admin/login">
        <input type="hidden" name="next" value={props.next} />
        <label>
          {t('accounts.login.email')}
          <input
            type="email"
            name="email"
            value={props.email ?? ''}
            autocomplete="username"
            required
            maxlength={254}
          />
        </label>
        <label>
          {t('accounts.login.password')}
          <input
            type="password"
            name="password"
            autocomplete="current-password"
            required
            maxlength={1000}
          />
        </label>
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
