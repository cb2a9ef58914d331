import type { AuditRow } from '@/platform/audit/queries';
import type { CurrentUser } from '@/platform/auth/auth';
import type { MessageKey } from '@/platform/i18n';
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

type Translate = PageContext['t'];
type Lang = PageContext['lang'];

/** Fields that change with every write and say nothing to a reader, or are secrets. */
const QUIET_FIELDS = new Set([
  'id',
  'createdAt',
  'updatedAt',
  'feedRevision',
  'feedChangedAt',
  'passwordHash',
  'tokenHash',
  'secret',
]);
/** How many changed fields a row lists before "…and N more". */
const MAX_FIELDS = 8;
/** How long a shown value may be. */
const MAX_VALUE = 80;

export type AuditChange = { field: string; before: unknown; after: unknown };

/**
 * What an audit row says, in a reader's terms: for a change, the fields whose values differ
 * (before → after); for a creation or deletion, the record's name. Pure, so it is unit-tested.
 */
export function describeAudit(
  row: Pick<AuditRow, 'action' | 'before' | 'after'>,
):
  | { kind: 'update'; changes: AuditChange[] }
  | { kind: 'create' | 'delete'; name: string | null; fields: number }
  | { kind: 'other'; changes: AuditChange[] } {
  const before = asRecord(row.before);
  const after = asRecord(row.after);
  if (before && after) {
    const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    const changes = fields
      .filter((field) => !QUIET_FIELDS.has(field))
      .filter((field) => stable(before[field]) !== stable(after[field]))
      .map((field) => ({ field, before: before[field], after: after[field] }));
    return { kind: 'update', changes };
  }
  const verb = row.action.split('.').pop();
  const record = verb === 'delete' ? before : verb === 'create' || verb === 'copy' ? after : null;
  if (record) {
    const name = ['title', 'name', 'email', 'slug']
      .map((field) => record[field])
      .find((value): value is string => typeof value === 'string' && value.trim() !== '');
    const fields = Object.keys(record).filter((field) => !QUIET_FIELDS.has(field)).length;
    return { kind: verb === 'delete' ? 'delete' : 'create', name: name ?? null, fields };
  }
  // Anything else (a count, a list reordered, what a message went to): its fields as they are.
  const single = after ?? before;
  if (single) {
    return {
      kind: 'other',
      changes: Object.keys(single)
        .filter((field) => !QUIET_FIELDS.has(field))
        .map((field) => ({
          field,
          before: before ? single[field] : undefined,
          after: after ? single[field] : undefined,
        })),
    };
  }
  if (row.before == null && row.after == null) return { kind: 'other', changes: [] };
  return { kind: 'other', changes: [{ field: '', before: row.before, after: row.after }] };
}

function asRecord(value: unknown): Record<string, unknown> | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

/** A value's identity for comparing (key order of objects does not matter). */
function stable(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
    a < b ? -1 : 1,
  );
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${stable(item)}`).join(',')}}`;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/** A value as the log shows it: dates in the reader's zone, yes/no, "empty", long text cut short. */
export function shownValue(value: unknown, t: Translate, lang: Lang, zone: string): string {
  if (value === null || value === undefined || value === '') return `(${t('audit.empty')})`;
  if (typeof value === 'boolean') return value ? t('audit.yes') : t('audit.no');
  if (typeof value === 'string' && ISO_INSTANT.test(value)) {
    const date = new Date(value);
    if (!Number.isNaN(date.getTime())) {
      return `${formatLongDate(date, zone, lang)} ${formatTime(date, zone, lang)}`;
    }
  }
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > MAX_VALUE ? `${oneLine.slice(0, MAX_VALUE - 1)}…` : oneLine;
}

/** A field's name in the reader's language, or as the record writes it when the log has no word. */
function FieldName(props: { t: Translate; field: string }) {
  const key = `audit.field.${props.field}`;
  const label = props.t(key as MessageKey);
  // A catalogue without the word answers undefined: the field's own name is shown instead.
  return label === undefined || label === key ? <code>{props.field}</code> : <>{label}</>;
}

/** The action's verb in the reader's language ("user.access" and the like stay as written). */
function actionWord(t: Translate, action: string): string {
  const verb = action.split('.').pop() ?? action;
  return verb === 'create' || verb === 'update' || verb === 'delete'
    ? t(`audit.verb.${verb}`)
    : action;
}

function Change(props: { t: Translate; lang: Lang; zone: string; row: AuditRow }) {
  const { t, lang, zone } = props;
  const described = describeAudit(props.row);
  // Rendered as text (escaped by JSX), never as HTML.
  if (described.kind === 'update') {
    if (described.changes.length === 0) return <span>{t('audit.noChange')}</span>;
    const shown = described.changes.slice(0, MAX_FIELDS);
    const more = described.changes.length - shown.length;
    return (
      <ul class="audit-changes">
        {shown.map((change) => (
          <li>
            <FieldName t={t} field={change.field} />:{' '}
            <del>{shownValue(change.before, t, lang, zone)}</del> →{' '}
            <ins>{shownValue(change.after, t, lang, zone)}</ins>
          </li>
        ))}
        {more > 0 ? <li>{t('audit.more', { count: more })}</li> : null}
      </ul>
    );
  }
  if (described.kind === 'other') {
    if (described.changes.length === 0) return <span>—</span>;
    return (
      <ul class="audit-changes">
        {described.changes.slice(0, MAX_FIELDS).map((change) => (
          <li>
            {change.field ? (
              <>
                <FieldName t={t} field={change.field} />:{' '}
              </>
            ) : null}
            {change.before !== undefined ? (
              <del>{shownValue(change.before, t, lang, zone)}</del>
            ) : null}
            {change.before !== undefined && change.after !== undefined ? ' → ' : null}
            {change.after !== undefined ? (
              <ins>{shownValue(change.after, t, lang, zone)}</ins>
            ) : null}
          </li>
        ))}
      </ul>
    );
  }
  const what = described.name ? shownValue(described.name, t, lang, zone) : null;
  const sentence =
    described.kind === 'create'
      ? what
        ? t('audit.created', { what })
        : t('audit.createdNoName')
      : what
        ? t('audit.deleted', { what })
        : t('audit.deletedNoName');
  return (
    <span>
      {sentence} ({t('audit.fieldCount', { count: described.fields })})
    </span>
  );
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
                <th>{t('accounts.audit.change')}</th>
              </tr>
            </thead>
            <tbody>
              {props.rows.map((row) => (
                <tr>
                  <td>
                    {formatLongDate(row.at, zone, lang)} {formatTime(row.at, zone, lang)}
                  </td>
                  <td>{row.actorName ?? '—'}</td>
                  <td>{actionWord(t, row.action)}</td>
                  <td>
                    <a
                      href={`/admin/audit?entity=${encodeURIComponent(row.entity)}${row.entityId ? `&entityId=${encodeURIComponent(row.entityId)}` : ''}`}
                    >
                      {row.entity}
                      {row.entityId ? ` #${row.entityId}` : ''}
                    </a>
                  </td>
                  <td>
                    <Change t={t} lang={lang} zone={zone} row={row} />
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
