import { Hono, type Context } from 'hono';
import { LoginPage } from '@views/accounts/login-page';
import { AuditPage } from '@views/accounts/audit-page';
import { DashboardPage } from '@views/accounts/dashboard-page';
import { TokensPage } from '@views/accounts/tokens-page';
import { UserPage, UsersPage, type UserFormValues } from '@views/accounts/users-page';
import type { AppEnv } from '@/platform/deps';
import { clientAddress } from '@/platform/http/client-address';
import { HttpError } from '@/platform/http/errors';
import { pageContext } from '@/platform/http/page';
import { DEFAULT_TIMEZONE } from '@/platform/time';
import { createOwnApiToken, listApiTokens, revokeApiToken } from '@/platform/auth/api-tokens';
import { AUDIT_PAGE_SIZE, auditEntities, listAudit } from '@/platform/audit/queries';
import {
  awaitingResultsFor,
  eventsFor,
  failedEmailCount,
  municipalityNames,
  overdueByPlan,
  plansFor,
  upcomingFor,
} from './dashboard';
import { idParam, pathId, readForm, text, texts } from '@/platform/http/forms';
import { requireAdminPage, requireUserPage, safeNext } from '@/platform/auth/guards';
import { attemptLogin } from '@/platform/auth/login';
import {
  clearSessionCookie,
  revokeSession,
  sessionCookieToken,
  setSessionCookie,
} from '@/platform/auth/sessions';
import {
  getUser,
  listMunicipalityOptions,
  listUsers,
  setUserDisabled,
  updateUserAccess,
} from './user-admin';
import { createUser } from './users';

function role(value: string): 'admin' | 'organizer' {
  return value === 'admin' ? 'admin' : 'organizer';
}

/** Login, logout and the admin shell's own pages: dashboard, users, API tokens, audit log. */
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
    const email = text(form, 'email').slice(0, 254);
    const next = safeNext(text(form, 'next'));
    const now = clock.now();
    const result = await attemptLogin(
      db,
      { email, password: text(form, 'password').slice(0, 1000), address: clientAddress(c) },
      now,
    );
    if (result.kind === 'ok') {
      const previous = sessionCookieToken(c);
      if (previous) await revokeSession(db, previous, now);
      setSessionCookie(c, result.token);
      return c.redirect(next, 303);
    }
    if (result.kind === 'limited') {
      c.header('Retry-After', String(result.retryAfterSeconds));
      const minutes = Math.ceil(result.retryAfterSeconds / 60);
      return c.html(
        LoginPage({
          ...pageContext(c),
          next,
          email,
          error: t('accounts.login.tooMany', { minutes }),
        }),
        429,
      );
    }
    return c.html(
      LoginPage({ ...pageContext(c), next, email, error: t('accounts.login.failed') }),
      401,
    );
  });

  routes.post('/admin/logout', async (c) => {
    const { db, clock } = c.get('deps');
    const token = sessionCookieToken(c);
    if (token) await revokeSession(db, token, clock.now());
    clearSessionCookie(c);
    return c.redirect('/admin/login?loggedOut', 303);
  });

  routes.get('/admin', async (c) => {
    const user = requireUserPage(c);
    const { db, clock } = c.get('deps');
    const now = clock.now();
    const [upcoming, awaiting, overdue, failedEmails, events, plans, names] = await Promise.all([
      upcomingFor(db, user, now),
      awaitingResultsFor(db, user, now),
      overdueByPlan(db, user, now),
      user.role === 'admin' ? failedEmailCount(db) : null,
      eventsFor(db, user),
      plansFor(db, user),
      municipalityNames(db, user.municipalityIds),
    ]);
    c.header('Cache-Control', 'no-store');
    return c.html(
      DashboardPage({
        ...pageContext(c),
        user,
        upcoming,
        awaiting,
        overdue,
        failedEmails,
        events,
        plans,
        municipalities: names,
      }),
    );
  });

  // Users: admins only.

  routes.get('/admin/users', async (c) => {
    const user = requireAdminPage(c);
    const { db } = c.get('deps');
    const [users, options] = await Promise.all([listUsers(db), listMunicipalityOptions(db)]);
    return c.html(UsersPage({ ...pageContext(c), user, users, options }));
  });

  routes.post('/admin/users', async (c) => {
    const user = requireAdminPage(c);
    const { db, clock } = c.get('deps');
    const t = c.get('t');
    const form = await readForm(c);
    const values: UserFormValues = {
      email: text(form, 'email').trim(),
      name: text(form, 'name'),
      role: role(text(form, 'role')),
      municipalities: texts(form, 'municipalities'),
    };
    try {
      const created = await createUser(
        db,
        {
          email: values.email ?? '',
          name: values.name ?? '',
          password: text(form, 'password'),
          role: values.role ?? 'organizer',
          municipalities: values.municipalities ?? [],
        },
        undefined,
        { actor: user, at: clock.now() },
      );
      return c.redirect(`/admin/users/${created.id}?created`, 303);
    } catch (error) {
      if (!(error instanceof HttpError) || (error.status !== 409 && error.status !== 422)) {
        throw error;
      }
      const [users, options] = await Promise.all([listUsers(db), listMunicipalityOptions(db)]);
      return c.html(
        UsersPage({
          ...pageContext(c),
          user,
          users,
          options,
          values,
          error: t(error.status === 409 ? 'accounts.users.duplicate' : 'accounts.users.invalid'),
          details: error.status === 422 ? error.details : undefined,
        }),
        error.status,
      );
    }
  });

  routes.get('/admin/users/:id', async (c) => {
    const user = requireAdminPage(c);
    const { db } = c.get('deps');
    const t = c.get('t');
    const [target, options] = await Promise.all([
      getUser(db, pathId(c)),
      listMunicipalityOptions(db),
    ]);
    const notice =
      c.req.query('created') !== undefined
        ? t('accounts.users.created', { email: target.email })
        : c.req.query('saved') !== undefined
          ? t('accounts.users.saved')
          : c.req.query('disabled') !== undefined
            ? t('accounts.users.disabledNotice')
            : c.req.query('enabled') !== undefined
              ? t('accounts.users.enabledNotice')
              : c.req.query('resetSent') !== undefined
                ? t('accounts.users.resetSentNotice', { email: target.email })
                : undefined;
    return c.html(UserPage({ ...pageContext(c), user, target, options, notice }));
  });

  /** Renders a refused change to a user (self-demotion, self-disable, unknown municipality). */
  async function refusedUserChange(c: Context<AppEnv>, id: number, error: HttpError) {
    const user = requireAdminPage(c);
    const { db } = c.get('deps');
    const t = c.get('t');
    const [target, options] = await Promise.all([getUser(db, id), listMunicipalityOptions(db)]);
    return c.html(
      UserPage({
        ...pageContext(c),
        user,
        target,
        options,
        error: t(error.status === 409 ? 'accounts.users.notSelf' : 'accounts.users.invalid'),
        details: error.status === 422 ? error.details : undefined,
      }),
      error.status,
    );
  }

  routes.post('/admin/users/:id', async (c) => {
    const user = requireAdminPage(c);
    const { db, clock } = c.get('deps');
    const id = pathId(c);
    const form = await readForm(c);
    try {
      await updateUserAccess(
        db,
        user,
        id,
        { role: role(text(form, 'role')), municipalities: texts(form, 'municipalities') },
        clock.now(),
      );
    } catch (error) {
      if (error instanceof HttpError && (error.status === 409 || error.status === 422)) {
        return refusedUserChange(c, id, error);
      }
      throw error;
    }
    return c.redirect(`/admin/users/${id}?saved`, 303);
  });

  for (const action of ['disable', 'enable'] as const) {
    routes.post(`/admin/users/:id/${action}`, async (c) => {
      const user = requireAdminPage(c);
      const { db, clock } = c.get('deps');
      const id = pathId(c);
      try {
        await setUserDisabled(db, user, id, action === 'disable', clock.now());
      } catch (error) {
        if (error instanceof HttpError && error.status === 409) {
          return refusedUserChange(c, id, error);
        }
        throw error;
      }
      return c.redirect(`/admin/users/${id}?${action}d`, 303);
    });
  }

  // API tokens: each user manages their own.

  async function tokensPage(c: Context<AppEnv>, extra: { newToken?: string; notice?: string }) {
    const user = requireUserPage(c);
    const tokens = await listApiTokens(c.get('deps').db, user.id);
    // The page that shows a new token once must not be kept in any cache.
    if (extra.newToken) c.header('Cache-Control', 'no-store');
    return c.html(
      TokensPage({ ...pageContext(c), user, tokens, zone: DEFAULT_TIMEZONE, ...extra }),
      extra.newToken ? 201 : 200,
    );
  }

  routes.get('/admin/tokens', (c) =>
    tokensPage(c, {
      notice:
        c.req.query('revoked') !== undefined
          ? c.get('t')('accounts.tokens.revokedNotice')
          : undefined,
    }),
  );

  routes.post('/admin/tokens', async (c) => {
    const user = requireUserPage(c);
    const { db, clock } = c.get('deps');
    const form = await readForm(c);
    const label = text(form, 'label').trim().slice(0, 100) || null;
    const newToken = await createOwnApiToken(db, user, label, clock.now());
    return tokensPage(c, { newToken });
  });

  routes.post('/admin/tokens/:id/revoke', async (c) => {
    const user = requireUserPage(c);
    const { db, clock } = c.get('deps');
    await revokeApiToken(db, user, pathId(c), clock.now(), user.id);
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
