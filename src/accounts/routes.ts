import { setFlash, takeFlash } from '@/platform/http/flash';
import { Hono, type Context } from 'hono';
import { LoginPage } from '@views/accounts/login-page';
import { AuditPage } from '@views/accounts/audit-page';
import { TokensPage } from '@views/accounts/tokens-page';
import { UserPage, UsersPage, type UserFormValues } from '@views/accounts/users-page';
import type { AppEnv } from '@/platform/deps';
import { clientAddress } from '@/platform/http/client-address';
import { HttpError } from '@/platform/http/errors';
import { pageContext } from '@/platform/http/page';
import { localizeDetails, type FieldErrors } from '@/platform/http/validation';
import { DEFAULT_TIMEZONE } from '@/platform/time';
import { createOwnApiToken, listApiTokens, revokeApiToken } from '@/platform/auth/api-tokens';
import { AUDIT_PAGE_SIZE, auditEntities, listAudit } from '@/platform/audit/queries';
import {
  confirmed,
  idParam,
  parseForm,
  pathId,
  readForm,
  text,
  texts,
} from '@/platform/http/forms';
import { ConfirmPage } from '@views/shell/confirm-page';
import { requireAdminPage, requireUserPage, safeNext } from '@/platform/auth/guards';
import { attemptLogin } from '@/platform/auth/login';
import { deviceCookieToken, setDeviceCookie } from '@/platform/auth/devices';
import {
  clearSessionCookie,
  revokeSession,
  sessionCookieToken,
  setSessionCookie,
} from '@/platform/auth/sessions';
import { accessForm, loginForm, newUserForm, tokenForm } from './forms';
import {
  getUser,
  listMunicipalityOptions,
  listUsers,
  revokeAllTokens,
  setUserDisabled,
  updateUserAccess,
} from './user-admin';
import { createUser } from './users';

type Refusal = { error?: string; errors?: FieldErrors };

/**
 * What a page says about a refused change to a user, in the reader's language: the address is
 * taken, one's own account or admin role, or the fields. Other errors are not the form's.
 */
function refusal(c: Context<AppEnv>, error: unknown): Refusal {
  const t = c.get('t');
  if (!(error instanceof HttpError)) throw error;
  if (error.code === 'duplicate') return { error: t('accounts.users.duplicate') };
  if (error.code === 'self_demotion' || error.code === 'self_disable') {
    return { error: t('accounts.users.notSelf') };
  }
  if (error.code === 'invalid_fields') return { errors: localizeDetails(t, error.details) };
  throw error;
}

/** Login, logout and the admin shell's own pages: users, API tokens, audit log. */
export function accountsRoutes() {
  const routes = new Hono<AppEnv>();

  routes.get('/admin/login', (c) => {
    const next = safeNext(c.req.query('next'));
    if (c.get('user')) return c.redirect(next, 303);
    const t = c.get('t');
    return c.html(
      LoginPage({
        ...pageContext(c),
        next,
        notice:
          c.req.query('loggedOut') !== undefined
            ? t('accounts.login.loggedOut')
            : c.req.query('passwordReset') !== undefined
              ? t('accounts.reset.doneNotice')
              : undefined,
      }),
    );
  });

  routes.post('/admin/login', async (c) => {
    const { db, clock } = c.get('deps');
    const t = c.get('t');
    const form = await readForm(c);
    const next = safeNext(text(form, 'next'));
    const email = text(form, 'email').slice(0, 254);
    const parsed = parseForm(loginForm, form);
    if (!parsed.success) {
      const errors = localizeDetails(t, parsed.details);
      return c.html(LoginPage({ ...pageContext(c), next, email, errors }), 422);
    }
    const now = clock.now();
    const result = await attemptLogin(
      db,
      {
        email: parsed.data.email,
        password: parsed.data.password,
        address: clientAddress(c),
        deviceToken: deviceCookieToken(c),
      },
      now,
    );
    if (result.kind === 'ok') {
      const previous = sessionCookieToken(c);
      if (previous) await revokeSession(db, previous, now);
      setSessionCookie(c, result.token);
      if (result.deviceToken) setDeviceCookie(c, result.deviceToken);
      return c.redirect(next, 303);
    }
    if (result.kind === 'limited') {
      c.header('Retry-After', String(result.retryAfterSeconds));
      const minutes = Math.ceil(result.retryAfterSeconds / 60);
      const error = t('accounts.login.tooMany', { minutes });
      return c.html(LoginPage({ ...pageContext(c), next, email, error }), 429);
    }
    const error = t('accounts.login.failed');
    return c.html(LoginPage({ ...pageContext(c), next, email, error }), 401);
  });

  routes.post('/admin/logout', async (c) => {
    const { db, clock } = c.get('deps');
    const token = sessionCookieToken(c);
    if (token) await revokeSession(db, token, clock.now());
    clearSessionCookie(c);
    return c.redirect('/admin/login?loggedOut', 303);
  });

  // Users: admins only.

  async function usersPage(
    c: Context<AppEnv>,
    extra: Refusal & { values?: UserFormValues } = {},
    status: 200 | 409 | 422 = 200,
  ) {
    const user = requireAdminPage(c);
    const { db } = c.get('deps');
    const [users, options] = await Promise.all([listUsers(db), listMunicipalityOptions(db)]);
    return c.html(UsersPage({ ...pageContext(c), user, users, options, ...extra }), status);
  }

  async function userPage(
    c: Context<AppEnv>,
    id: number,
    extra: Refusal & { notice?: string } = {},
    status: 200 | 409 | 422 = 200,
  ) {
    const user = requireAdminPage(c);
    const { db } = c.get('deps');
    const [target, options] = await Promise.all([getUser(db, id), listMunicipalityOptions(db)]);
    return c.html(UserPage({ ...pageContext(c), user, target, options, ...extra }), status);
  }

  routes.get('/admin/users', (c) => usersPage(c));

  routes.post('/admin/users', async (c) => {
    const user = requireAdminPage(c);
    const { db, clock } = c.get('deps');
    const form = await readForm(c);
    // Filled in again when refused; never the password.
    const values: UserFormValues = {
      email: text(form, 'email').trim(),
      name: text(form, 'name'),
      role: text(form, 'role') === 'admin' ? 'admin' : 'organizer',
      municipalities: texts(form, 'municipalities'),
    };
    const parsed = parseForm(newUserForm, form);
    if (!parsed.success) {
      const errors = localizeDetails(c.get('t'), parsed.details);
      return usersPage(c, { values, errors }, 422);
    }
    try {
      const created = await createUser(db, parsed.data, undefined, {
        actor: user,
        at: clock.now(),
      });
      return c.redirect(`/admin/users/${created.id}?created`, 303);
    } catch (error) {
      const refused = refusal(c, error);
      return usersPage(c, { values, ...refused }, refused.errors ? 422 : 409);
    }
  });

  routes.get('/admin/users/:id', async (c) => {
    requireAdminPage(c);
    const id = pathId(c);
    const t = c.get('t');
    const query = (name: string) => c.req.query(name) !== undefined;
    const email =
      query('created') || query('resetSent') ? (await getUser(c.get('deps').db, id)).email : '';
    const notice = query('created')
      ? t('accounts.users.created', { email })
      : query('saved')
        ? t('accounts.users.saved')
        : query('disabled')
          ? t('accounts.users.disabledNotice')
          : query('enabled')
            ? t('accounts.users.enabledNotice')
            : query('resetSent')
              ? t('accounts.users.resetSentNotice', { email })
              : query('tokensRevoked')
                ? t('accounts.users.tokensRevokedNotice', {
                    count: Number(c.req.query('tokensRevoked')) || 0,
                  })
                : undefined;
    return userPage(c, id, { notice });
  });

  routes.post('/admin/users/:id', async (c) => {
    const user = requireAdminPage(c);
    const { db, clock } = c.get('deps');
    const id = pathId(c);
    const parsed = parseForm(accessForm, await readForm(c));
    if (!parsed.success) {
      return userPage(c, id, { errors: localizeDetails(c.get('t'), parsed.details) }, 422);
    }
    try {
      await updateUserAccess(db, user, id, parsed.data, clock.now());
    } catch (error) {
      const refused = refusal(c, error);
      return userPage(c, id, refused, refused.errors ? 422 : 409);
    }
    return c.redirect(`/admin/users/${id}?saved`, 303);
  });

  for (const action of ['disable', 'enable'] as const) {
    routes.post(`/admin/users/:id/${action}`, async (c) => {
      const user = requireAdminPage(c);
      const { db, clock } = c.get('deps');
      const id = pathId(c);
      // Disabling signs the user out and revokes their tokens: a second, explicit step first.
      if (action === 'disable' && id !== user.id && !confirmed(await readForm(c))) {
        const target = await getUser(db, id);
        const t = c.get('t');
        return c.html(
          ConfirmPage({
            ...pageContext(c),
            user,
            question: t('accounts.confirm.disable', { name: target.name, email: target.email }),
            details: [t('accounts.confirm.disableDetails')],
            action: `/admin/users/${id}/disable`,
            confirmLabel: t('accounts.confirm.disableYes'),
            backHref: `/admin/users/${id}`,
          }),
        );
      }
      try {
        await setUserDisabled(db, user, id, action === 'disable', clock.now());
      } catch (error) {
        return userPage(c, id, refusal(c, error), 409);
      }
      return c.redirect(`/admin/users/${id}?${action}d`, 303);
    });
  }

  routes.post('/admin/users/:id/revoke-tokens', async (c) => {
    const user = requireAdminPage(c);
    const { db, clock } = c.get('deps');
    const id = pathId(c);
    if (!confirmed(await readForm(c))) {
      const target = await getUser(db, id);
      const t = c.get('t');
      return c.html(
        ConfirmPage({
          ...pageContext(c),
          user,
          question: t('accounts.confirm.revokeTokens', { name: target.name }),
          details: [t('accounts.confirm.revokeDetails')],
          action: `/admin/users/${id}/revoke-tokens`,
          confirmLabel: t('accounts.confirm.revokeYes'),
          backHref: `/admin/users/${id}`,
        }),
      );
    }
    const revoked = await revokeAllTokens(db, user, id, clock.now());
    return c.redirect(`/admin/users/${id}?tokensRevoked=${revoked}`, 303);
  });

  // API tokens: each user manages their own.

  async function tokensPage(
    c: Context<AppEnv>,
    extra: {
      newToken?: string;
      notice?: string;
      errors?: FieldErrors;
      label?: string;
      scopes?: string[];
      expiresInDays?: string;
    },
    status: 200 | 422 = 200,
  ) {
    const user = requireUserPage(c);
    const { db, clock } = c.get('deps');
    const tokens = await listApiTokens(db, user.id);
    // The page that shows a new token once must not be kept in any cache.
    if (extra.newToken) c.header('Cache-Control', 'no-store');
    return c.html(
      TokensPage({
        ...pageContext(c),
        user,
        tokens,
        zone: DEFAULT_TIMEZONE,
        now: clock.now(),
        ...extra,
      }),
      status,
    );
  }

  routes.get('/admin/tokens', (c) => {
    const user = requireUserPage(c);
    // A token made a moment ago by this user is shown this once (never in the URL).
    const flash = takeFlash(c, 'token', '/admin/tokens');
    const owner = `${user.id}:`;
    return tokensPage(c, {
      newToken: flash?.startsWith(owner) ? flash.slice(owner.length) : undefined,
      notice:
        c.req.query('revoked') !== undefined
          ? c.get('t')('accounts.tokens.revokedNotice')
          : undefined,
    });
  });

  routes.post('/admin/tokens', async (c) => {
    const user = requireUserPage(c);
    const { db, clock } = c.get('deps');
    const form = await readForm(c);
    const parsed = parseForm(tokenForm, form);
    const refused = (errors: FieldErrors) =>
      tokensPage(
        c,
        {
          errors,
          label: text(form, 'label'),
          scopes: texts(form, 'scopes'),
          expiresInDays: text(form, 'expiresInDays'),
        },
        422,
      );
    if (!parsed.success) return refused(localizeDetails(c.get('t'), parsed.details));
    try {
      const { label, scopes, expiresInDays } = parsed.data;
      const newToken = await createOwnApiToken(
        db,
        user,
        { label: label || null, scopes, expiresInDays },
        clock.now(),
      );
      setFlash(c, 'token', `${user.id}:${newToken}`, '/admin/tokens');
      return c.redirect('/admin/tokens?created', 303);
    } catch (error) {
      // An organizer who sends the admin scope by hand: the form's own message.
      if (error instanceof HttpError && error.code === 'invalid_fields') {
        return refused(localizeDetails(c.get('t'), error.details));
      }
      throw error;
    }
  });

  routes.post('/admin/tokens/:id/revoke', async (c) => {
    const user = requireUserPage(c);
    const { db, clock } = c.get('deps');
    const id = pathId(c);
    // Only the user's own tokens are asked about; another id is not found below.
    const token = (await listApiTokens(db, user.id)).find((row) => row.id === id);
    if (token && !token.revokedAt && !confirmed(await readForm(c))) {
      const t = c.get('t');
      return c.html(
        ConfirmPage({
          ...pageContext(c),
          user,
          question: t('accounts.confirm.revokeToken', {
            label: token.label ?? t('accounts.tokens.unnamed'),
          }),
          details: [t('accounts.confirm.revokeDetails')],
          action: `/admin/tokens/${id}/revoke`,
          confirmLabel: t('accounts.confirm.revokeYes'),
          backHref: '/admin/tokens',
        }),
      );
    }
    await revokeApiToken(db, user, id, clock.now(), user.id);
    return c.redirect('/admin/tokens?revoked', 303);
  });

  // The audit log: admins only.

  routes.get('/admin/audit', async (c) => {
    const user = requireAdminPage(c);
    const { db } = c.get('deps');
    const entity = c.req.query('entity')?.slice(0, 100) || undefined;
    const entityId = c.req.query('entityId')?.slice(0, 100) || undefined;
    const before = idParam.safeParse(c.req.query('before'));
    const [rows, entities] = await Promise.all([
      listAudit(db, { entity, entityId, beforeId: before.success ? before.data : undefined }),
      auditEntities(db),
    ]);
    const last = rows.at(-1);
    let olderHref: string | undefined;
    if (rows.length === AUDIT_PAGE_SIZE && last) {
      const query = new URLSearchParams();
      if (entity) query.set('entity', entity);
      if (entityId) query.set('entityId', entityId);
      query.set('before', String(last.id));
      olderHref = `/admin/audit?${query.toString()}`;
    }
    return c.html(
      AuditPage({
        ...pageContext(c),
        user,
        rows,
        entities,
        filter: { entity, entityId },
        zone: DEFAULT_TIMEZONE,
        olderHref,
      }),
    );
  });

  return routes;
}
