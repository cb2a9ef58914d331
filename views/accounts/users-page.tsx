import type { CurrentUser } from '@/platform/auth/auth';
import type { MunicipalityOption, UserRow } from '@/accounts/user-admin';
import type { ErrorDetail } from '@/platform/http/errors';
import type { PageContext } from '@views/shell/layout';
import { AdminLayout } from '@views/shell/admin-layout';

export type UserFormValues = {
  email?: string;
  name?: string;
  role?: 'admin' | 'organizer';
  municipalities?: string[];
};

function Errors(props: { message?: string; details?: ErrorDetail[] }) {
  if (!props.message) return null;
  return (
    <div class="error-box" role="alert">
      <p>{props.message}</p>
      {props.details && props.details.length > 0 ? (
        <ul>
          {props.details.map((detail) => (
            <li>
              {detail.path}: {detail.message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export function RoleAndMunicipalities(
  props: PageContext & { options: MunicipalityOption[]; values: UserFormValues },
) {
  const { t } = props;
  const chosen = new Set(props.values.municipalities ?? []);
  return (
    <>
      <label>
        {t('accounts.users.role')}
        <select name="role">
          {(['organizer', 'admin'] as const).map((role) => (
            <option value={role} selected={(props.values.role ?? 'organizer') === role}>
              {t(`accounts.users.role.${role}`)}
            </option>
          ))}
        </select>
      </label>
      <fieldset>
        <legend>{t('accounts.users.municipalities')}</legend>
        {props.options.map((option) => (
          <label>
            <input
              type="checkbox"
              name="municipalities"
              value={option.slug}
              checked={chosen.has(option.slug)}
            />
            {option.name}
          </label>
        ))}
      </fieldset>
    </>
  );
}

export type UsersPageProps = PageContext & {
  user: CurrentUser;
  users: UserRow[];
  options: MunicipalityOption[];
  values?: UserFormValues;
  notice?: string;
  error?: string;
  details?: ErrorDetail[];
};

export function UsersPage(props: UsersPageProps) {
  const { t } = props;
  return (
    <AdminLayout {...props} title={t('accounts.users.title')}>
      <h1>{t('accounts.users.title')}</h1>
      {props.notice ? (
        <p class="notice" role="status">
          {props.notice}
        </p>
      ) : null}
      <div class="table-wrap">
        <table class="table">
          <thead>
            <tr>
              <th>{t('accounts.users.name')}</th>
              <th>{t('accounts.users.email')}</th>
              <th>{t('accounts.users.role')}</th>
              <th>{t('accounts.users.municipalities')}</th>
              <th>{t('accounts.users.status')}</th>
              <th></th>
            </tr>
          </thead>
          <tbody>
            {props.users.map((row) => (
              <tr>
                <td>{row.name}</td>
                <td>{row.email}</td>
                <td>{t(`accounts.users.role.${row.role}`)}</td>
                <td>{row.municipalities.map((m) => m.name).join(', ')}</td>
                <td>
                  {row.disabledAt ? t('accounts.users.disabled') : t('accounts.users.active')}
                </td>
                <td>
                  <a href={`/admin/users/${row.id}`}>{t('accounts.users.edit')}</a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2 id="create">{t('accounts.users.create')}</h2>
      <Errors message={props.error} details={props.details} />
      <form class="form" method="post" action="/admin/users">
        <label>
          {t('accounts.users.name')}
          <input name="name" required maxlength={200} value={props.values?.name ?? ''} />
        </label>
        <label>
          {t('accounts.users.email')}
          <input
            type="email"
            name="email"
            required
            maxlength={254}
            autocomplete="off"
            value={props.values?.email ?? ''}
          />
        </label>
        <label>
          {t('accounts.users.password')}
          <input
            type="password"
            name="password"
            required
            minlength={12}
            maxlength={1000}
            autocomplete="new-password"
          />
        </label>
        <RoleAndMunicipalities {...props} values={props.values ?? {}} />
        <button class="button" type="submit">
          {t('accounts.users.submitCreate')}
        </button>
      </form>
    </AdminLayout>
  );
}

export type UserPageProps = PageContext & {
  user: CurrentUser;
  target: UserRow;
  options: MunicipalityOption[];
  notice?: string;
  error?: string;
  details?: ErrorDetail[];
};

export function UserPage(props: UserPageProps) {
  const { t, target } = props;
  return (
    <AdminLayout {...props} title={t('accounts.users.editTitle', { name: target.name })}>
      <h1>{t('accounts.users.editTitle', { name: target.name })}</h1>
      <p class="meta">
        {target.email} ·{' '}
        {target.disabledAt ? t('accounts.users.disabled') : t('accounts.users.active')}
      </p>
      {props.notice ? (
        <p class="notice" role="status">
          {props.notice}
        </p>
      ) : null}
      <Errors message={props.error} details={props.details} />
      <form class="form" method="post" action={`/admin/users/${target.id}`}>
        <RoleAndMunicipalities
          {...props}
          values={{ role: target.role, municipalities: target.municipalities.map((m) => m.slug) }}
        />
        <button class="button" type="submit">
          {t('accounts.users.saveMemberships')}
        </button>
      </form>
      <form
        class="form"
        method="post"
        action={`/admin/users/${target.id}/${target.disabledAt ? 'enable' : 'disable'}`}
      >
        <button class="button secondary" type="submit">
          {target.disabledAt ? t('accounts.users.enable') : t('accounts.users.disable')}
        </button>
      </form>
      {target.disabledAt ? null : (
        <form class="form" method="post" action={`/admin/users/${target.id}/password-reset`}>
          <button class="button secondary" type="submit">
            {t('accounts.users.sendReset')}
          </button>
        </form>
      )}
      <p>
        <a href={`/admin/audit?entity=user&entityId=${target.id}`}>{t('accounts.nav.audit')}</a>
      </p>
    </AdminLayout>
  );
}
