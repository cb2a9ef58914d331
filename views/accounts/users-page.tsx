import type { CurrentUser } from '@/platform/auth/auth';
import type { MunicipalityOption, UserRow } from '@/accounts/user-admin';
import type { FieldErrors } from '@/platform/http/validation';
import type { Translate } from '@/platform/i18n';
import type { PageContext } from '@views/shell/layout';
import { AdminLayout } from '@views/shell/admin-layout';
import { ErrorSummary, Field, FieldMessages, fieldId, invalidAttrs } from '@views/shell/form';

export type UserFormValues = {
  email?: string;
  name?: string;
  role?: 'admin' | 'organizer';
  municipalities?: string[];
};

/** The labels of the user form's fields, for the inputs and the error summary alike. */
function userLabels(t: Translate) {
  return {
    name: t('accounts.users.name'),
    email: t('accounts.users.email'),
    password: t('accounts.users.password'),
    role: t('accounts.users.role'),
    municipalities: t('accounts.users.municipalities'),
  };
}

export function RoleAndMunicipalities(
  props: PageContext & {
    options: MunicipalityOption[];
    values: UserFormValues;
    errors: FieldErrors | undefined;
  },
) {
  const { t, errors } = props;
  const chosen = new Set(props.values.municipalities ?? []);
  return (
    <>
      <Field name="role" label={t('accounts.users.role')} errors={errors}>
        <select id={fieldId('role')} name="role" {...invalidAttrs('role', errors)}>
          {(['organizer', 'admin'] as const).map((role) => (
            <option value={role} selected={(props.values.role ?? 'organizer') === role}>
              {t(`accounts.users.role.${role}`)}
            </option>
          ))}
        </select>
      </Field>
      <fieldset
        id={fieldId('municipalities')}
        class={errors?.municipalities ? 'has-error' : undefined}
        tabindex={-1}
        {...invalidAttrs('municipalities', errors)}
      >
        <legend>{t('accounts.users.municipalities')}</legend>
        <FieldMessages field="municipalities" errors={errors} />
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
  /** A refusal of the whole form (the address is taken). */
  error?: string;
  errors?: FieldErrors;
};

export function UsersPage(props: UsersPageProps) {
  const { t, errors } = props;
  const labels = userLabels(t);
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
      <ErrorSummary
        t={t}
        errors={errors}
        labels={labels}
        general={props.error ? [props.error] : undefined}
      />
      <form class="form" method="post" action="/admin/users">
        <Field name="name" label={labels.name} errors={errors}>
          <input
            id={fieldId('name')}
            name="name"
            required
            maxlength={200}
            value={props.values?.name ?? ''}
            {...invalidAttrs('name', errors)}
          />
        </Field>
        <Field name="email" label={labels.email} errors={errors}>
          <input
            id={fieldId('email')}
            type="email"
            name="email"
            required
            maxlength={254}
            autocomplete="off"
            value={props.values?.email ?? ''}
            {...invalidAttrs('email', errors)}
          />
        </Field>
        <Field name="password" label={labels.password} errors={errors}>
          <input
            id={fieldId('password')}
            type="password"
            name="password"
            required
            minlength={12}
            maxlength={1000}
            autocomplete="new-password"
            {...invalidAttrs('password', errors)}
          />
        </Field>
        <RoleAndMunicipalities {...props} values={props.values ?? {}} errors={errors} />
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
  /** A refusal of the whole change (e.g. of one's own admin role). */
  error?: string;
  errors?: FieldErrors;
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
      <ErrorSummary
        t={t}
        errors={props.errors}
        labels={userLabels(t)}
        general={props.error ? [props.error] : undefined}
      />
      <form class="form" method="post" action={`/admin/users/${target.id}`}>
        <RoleAndMunicipalities
          {...props}
          errors={props.errors}
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
      <form class="form" method="post" action={`/admin/users/${target.id}/revoke-tokens`}>
        <button class="button secondary" type="submit">
          {t('accounts.users.revokeTokens')}
        </button>
      </form>
      <p>
        <a href={`/admin/audit?entity=user&entityId=${target.id}`}>{t('accounts.nav.audit')}</a>
      </p>
    </AdminLayout>
  );
}
