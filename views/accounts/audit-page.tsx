import type { AuditRow } from '@/platform/audit/queries';
import type { CurrentUser } from '@/platform/auth/auth';
import { formatLongDate, formatTime } from '@/platform/time';
import type { PageContext } from '@views/shell/layout';
import { AdminLayout } from '@views/shell/admin-layout';

export type AuditPageProps = PageContext & {
  user: CurrentUser;
  rows: AuditRow[];
  entities: string[];
  filter: { entity?: string; entityId?: string };
  zone: string;
  olderHref?: string;
};

function Json(props: { value: unknown }) {
  if (props.value === null || props.value === undefined) return <span>—</span>;
  // Rendered as text (escaped by JSX), never as HTML.
  return <pre>{JSON.stringify(props.value, null, 2)}</pre>;
}

export function AuditPage(props: AuditPageProps) {
  const { t, lang, zone } = props;
  return (
    <AdminLayout {...props} title={t('accounts.audit.title')}>
      <h1>{t('accounts.audit.title')}</h1>
      <form class="form" method="get" action="/admin/audit">
        <label>
          {t('accounts.audit.entity')}
          <select name="entity">
            <option value="">{t('accounts.audit.allEntities')}</option>
            {props.entities.map((entity) => (
              <option value={entity} selected={props.filter.entity === entity}>
                {entity}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('accounts.audit.entityId')}
          <input name="entityId" value={props.filter.entityId ?? ''} maxlength={100} />
        </label>
        <button class="button" type="submit">
          {t('accounts.audit.filter')}
        </button>
      </form>
      {props.rows.length === 0 ? (
        <p>{t('accounts.audit.none')}</p>
      ) : (
        <div class="table-wrap">
          <table class="table">
            <thead>
              <tr>
                <th>{t('accounts.audit.when')}</th>
                <th>{t('accounts.audit.who')}</th>
                <th>{t('accounts.audit.action')}</th>
                <th>{t('accounts.audit.entity')}</th>
                <th>{t('accounts.audit.before')}</th>
                <th>{t('accounts.audit.after')}</th>
              </tr>
            </thead>
            <tbody>
              {props.rows.map((row) => (
                <tr>
                  <td>
                    {formatLongDate(row.at, zone, lang)} {formatTime(row.at, zone, lang)}
                  </td>
                  <td>{row.actorName ?? '—'}</td>
                  <td>{row.action}</td>
                  <td>
                    <a
                      href={`/admin/audit?entity=${encodeURIComponent(row.entity)}${row.entityId ? `&entityId=${encodeURIComponent(row.entityId)}` : ''}`}
                    >
                      {row.entity}
                      {row.entityId ? ` #${row.entityId}` : ''}
                    </a>
                  </td>
                  <td>
                    <Json value={row.before} />
                  </td>
                  <td>
                    <Json value={row.after} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {props.olderHref ? (
        <p>
          <a href={props.olderHref}>{t('accounts.audit.older')}</a>
        </p>
      ) : null}
    </AdminLayout>
  );
}
