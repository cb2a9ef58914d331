import type { TokenRow } from '@/platform/auth/api-tokens';
import type { CurrentUser } from '@/platform/auth/auth';
import { formatLongDate, formatTime } from '@/platform/time';
import type { FieldErrors } from '@/platform/http/validation';
import type { PageContext } from '@views/shell/layout';
import { AdminLayout } from '@views/shell/admin-layout';
import { ErrorSummary, Field, fieldId, invalidAttrs } from '@views/shell/form';

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
};

export function TokensPage(props: TokensPageProps) {
  const { t, lang, zone, errors } = props;
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
                <th>{t('accounts.tokens.created')}</th>
                <th>{t('accounts.tokens.lastUsed')}</th>
                <th></th>
              </tr>
            </thead>
            <tbody>
              {props.tokens.map((token) => (
                <tr>
                  <td>{token.label ?? '—'}</td>
                  <td>{when(token.createdAt)}</td>
                  <td>{token.lastUsedAt ? when(token.lastUsedAt) : t('accounts.tokens.never')}</td>
                  <td>
                    {token.revokedAt ? (
                      t('accounts.tokens.revoked')
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
      <ErrorSummary t={t} errors={errors} labels={{ label: t('accounts.tokens.label') }} />
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
        <button class="button" type="submit">
          {t('accounts.tokens.create')}
        </button>
      </form>
    </AdminLayout>
  );
}
