import type { TokenRow } from '@/platform/auth/api-tokens';
import type { CurrentUser } from '@/platform/auth/auth';
import { MAX_TOKEN_DAYS, scopesForRole, type ApiScope } from '@/platform/auth/scopes';
import { formatLongDate, formatTime } from '@/platform/time';
import type { FieldErrors } from '@/platform/http/validation';
import type { PageContext } from '@views/shell/layout';
import { AdminLayout } from '@views/shell/admin-layout';
import { ErrorSummary, Field, FieldMessages, fieldId, invalidAttrs } from '@views/shell/form';

export type TokensPageProps = PageContext & {
  user: CurrentUser;
  tokens: TokenRow[];
  zone: string;
  /** Only on the answer to the form that created it: shown this once. */
  newToken?: string;
  notice?: string;
  errors?: FieldErrors;
  /** What the refused form sent, to fill it in again. */
  label?: string;
  scopes?: readonly string[];
  expiresInDays?: string;
  /** The clock's now: a token past its expiry shows as expired. */
  now: Date;
};

/** A new token's form starts with reading only: the creator adds what the integration needs. */
const DEFAULT_CHOICE: readonly string[] = ['read'];

export function TokensPage(props: TokensPageProps) {
  const { t, lang, zone, errors } = props;
  const chosen = new Set(props.scopes ?? DEFAULT_CHOICE);
  const scopeNames = (scopes: readonly ApiScope[]) =>
    scopes.map((scope) => t(`accounts.tokens.scope.${scope}`)).join('; ');
  const when = (date: Date) =>
    `${formatLongDate(date, zone, lang)} ${formatTime(date, zone, lang)}`;
  return (
    <AdminLayout {...props} title={t('accounts.tokens.title')}>
      <h1>{t('accounts.tokens.title')}</h1>
      <p>{t('accounts.tokens.intro')}</p>
      {props.newToken ? (
        <div class="notice" role="status">
          <p>{t('accounts.tokens.newToken')}</p>
          <p class="secret">{props.newToken}</p>
        </div>
      ) : null}
      {props.notice ? (
        <p class="notice" role="status">
          {props.notice}
        </p>
      ) : null}
      {props.tokens.length === 0 ? (
        <p>{t('accounts.tokens.none')}</p>
      ) : (
        <div class="table-wrap">
          <table class="table">
            <thead>
              <tr>
                <th>{t('accounts.tokens.label')}</th>
                <th>{t('accounts.tokens.scopes')}</th>
                <th>{t('accounts.tokens.created')}</th>
                <th>{t('accounts.tokens.expires')}</th>
                <th>{t('accounts.tokens.lastUsed')}</th>
                <th></th>
              </tr>
            </thead>
            <tbody>
              {props.tokens.map((token) => (
                <tr>
                  <td>{token.label ?? '—'}</td>
                  <td>{scopeNames(token.scopes)}</td>
                  <td>{when(token.createdAt)}</td>
                  <td>{when(token.expiresAt)}</td>
                  <td>{token.lastUsedAt ? when(token.lastUsedAt) : t('accounts.tokens.never')}</td>
                  <td>
                    {token.revokedAt ? (
                      t('accounts.tokens.revoked')
                    ) : token.expiresAt <= props.now ? (
                      t('accounts.tokens.expired')
                    ) : (
                      <form method="post" action={`/admin/tokens/${token.id}/revoke`}>
                        <button class="link-button" type="submit">
                          {t('accounts.tokens.revoke')}
                        </button>
                      </form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>{t('accounts.tokens.create')}</h2>
      <ErrorSummary
        t={t}
        errors={errors}
        labels={{
          label: t('accounts.tokens.label'),
          scopes: t('accounts.tokens.scopes'),
          expiresInDays: t('accounts.tokens.expiresInDays', { max: MAX_TOKEN_DAYS }),
        }}
      />
      <form class="form" method="post" action="/admin/tokens">
        <Field name="label" label={t('accounts.tokens.label')} errors={errors}>
          <input
            id={fieldId('label')}
            name="label"
            maxlength={100}
            value={props.label ?? ''}
            {...invalidAttrs('label', errors)}
          />
        </Field>
        <fieldset
          id={fieldId('scopes')}
          class={errors?.scopes ? 'has-error' : undefined}
          tabindex={-1}
          {...invalidAttrs('scopes', errors)}
        >
          <legend>{t('accounts.tokens.scopes')}</legend>
          <FieldMessages field="scopes" errors={errors} />
          {scopesForRole(props.user.role).map((scope) => (
            <label>
              <input type="checkbox" name="scopes" value={scope} checked={chosen.has(scope)} />
              {t(`accounts.tokens.scope.${scope}`)}
            </label>
          ))}
        </fieldset>
        <Field
          name="expiresInDays"
          label={t('accounts.tokens.expiresInDays', { max: MAX_TOKEN_DAYS })}
          errors={errors}
        >
          <input
            id={fieldId('expiresInDays')}
            name="expiresInDays"
            type="number"
            inputmode="numeric"
            min={1}
            max={MAX_TOKEN_DAYS}
            required
            value={props.expiresInDays ?? '365'}
            {...invalidAttrs('expiresInDays', errors)}
          />
        </Field>
        <button class="button" type="submit">
          {t('accounts.tokens.create')}
        </button>
      </form>
    </AdminLayout>
  );
}
