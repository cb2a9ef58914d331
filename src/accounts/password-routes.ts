import { Hono, type Context } from 'hono';
import { AccountPage } from '@views/accounts/account-page';
import {
  NewPasswordPage,
  ResetGonePage,
  ResetRequestPage,
} from '@views/accounts/password-reset-pages';
import { UserPage } from '@views/accounts/users-page';
import type { AppEnv } from '@/platform/deps';
import { clientAddress } from '@/platform/http/client-address';
import { HttpError } from '@/platform/http/errors';
import { pageContext } from '@/platform/http/page';
import { municipalityNames } from '@/municipalities';
import { pathId, readFormWith } from '@/platform/http/forms';
import { localizeDetails, type FieldErrors } from '@/platform/http/validation';
import { requireAdminPage, requireUserPage } from '@/platform/auth/guards';
import {
  findOpenReset,
  requestPasswordReset,
  resetPassword,
  sendResetLink,
} from './password-reset';
import {
  invalidResetEmail,
  newPasswordForm,
  passwordChangeForm,
  passwordDetails,
  resetRequestForm,
} from './forms';
import { changeOwnPassword, type MailContext, type PasswordErrors } from './passwords';
import { sessionCookieToken } from '@/platform/auth/sessions';
import { getUser, listMunicipalityOptions } from './user-admin';

function mailContext(c: Context<AppEnv>): MailContext {
  return { lang: c.get('lang'), publicUrl: c.get('deps').config.publicUrl };
}

/** The reset pages carry a secret in their URL: kept out of caches and out of Referer headers. */
function secretPage(c: Context<AppEnv>) {
  c.header('Cache-Control', 'no-store');
  c.header('Referrer-Policy', 'no-referrer');
}

/** The password problems of a refused form, in the reader's language. */
function passwordErrors(c: Context<AppEnv>, errors: PasswordErrors): FieldErrors {
  return localizeDetails(c.get('t'), passwordDetails(errors));
}

/** Own account (change password), forgotten password, and the admins' "send reset link". */
export function passwordRoutes() {
  const routes = new Hono<AppEnv>();

  async function accountPage(
    c: Context<AppEnv>,
    extra: { errors?: FieldErrors; error?: string; notice?: string },
    status: 200 | 422 | 429 = 200,
  ) {
    const user = requireUserPage(c);
    const names = await municipalityNames(c.get('deps').db, user.municipalityIds);
    c.header('Cache-Control', 'no-store');
    return c.html(
      AccountPage({ ...pageContext(c), user, municipalities: names, ...extra }),
      status,
    );
  }

  routes.get('/admin/account', (c) =>
    accountPage(c, {
      notice:
        c.req.query('changed') !== undefined
          ? c.get('t')('accounts.account.changedNotice')
          : undefined,
    }),
  );

  routes.post('/admin/account', async (c) => {
    const user = requireUserPage(c);
    const { db, clock } = c.get('deps');
    const form = await readFormWith(c, passwordChangeForm);
    if (!form.success) {
      return accountPage(c, { errors: localizeDetails(c.get('t'), form.details) }, 422);
    }
    const result = await changeOwnPassword(
      db,
      user,
      {
        ...form.data,
        keepSessionToken: user.via === 'session' ? sessionCookieToken(c) : undefined,
      },
      mailContext(c),
      clock.now(),
    );
    if (result.kind === 'ok') return c.redirect('/admin/account?changed', 303);
    if (result.kind === 'limited') {
      c.header('Retry-After', String(result.retryAfterSeconds));
      const minutes = Math.ceil(result.retryAfterSeconds / 60);
      return accountPage(c, { error: c.get('t')('accounts.account.tooMany', { minutes }) }, 429);
    }
    return accountPage(c, { errors: passwordErrors(c, result.errors) }, 422);
  });

  // Forgotten password: open to anyone, the same answer for every address.

  routes.get('/admin/password-reset', (c) => {
    secretPage(c);
    return c.html(ResetRequestPage({ ...pageContext(c), sent: c.req.query('sent') !== undefined }));
  });

  routes.post('/admin/password-reset', async (c) => {
    const { db, clock } = c.get('deps');
    const t = c.get('t');
    secretPage(c);
    const form = await readFormWith(c, resetRequestForm);
    if (!form.success) {
      const errors = localizeDetails(t, form.details);
      return c.html(ResetRequestPage({ ...pageContext(c), errors }), 422);
    }
    const result = await requestPasswordReset(
      db,
      { email: form.data.email, address: clientAddress(c) },
      mailContext(c),
      clock.now(),
    );
    if (result.kind === 'limited') {
      c.header('Retry-After', String(result.retryAfterSeconds));
      const minutes = Math.ceil(result.retryAfterSeconds / 60);
      return c.html(
        ResetRequestPage({ ...pageContext(c), error: t('accounts.reset.tooMany', { minutes }) }),
        429,
      );
    }
    if (result.kind === 'invalid') {
      return c.html(
        ResetRequestPage({ ...pageContext(c), errors: localizeDetails(t, invalidResetEmail) }),
        422,
      );
    }
    // The same redirect for every address (a reload or Back asks for no second email).
    return c.redirect('/admin/password-reset?sent', 303);
  });

  routes.get('/admin/password-reset/:token', async (c) => {
    const { db, clock } = c.get('deps');
    secretPage(c);
    const token = c.req.param('token');
    const open = await findOpenReset(db, token, clock.now());
    if (!open) return c.html(ResetGonePage(pageContext(c)), 410);
    return c.html(NewPasswordPage({ ...pageContext(c), token, email: open.email }));
  });

  routes.post('/admin/password-reset/:token', async (c) => {
    const { db, clock } = c.get('deps');
    secretPage(c);
    const token = c.req.param('token');
    const form = await readFormWith(c, newPasswordForm);
    if (!form.success) {
      const open = await findOpenReset(db, token, clock.now());
      if (!open) return c.html(ResetGonePage(pageContext(c)), 410);
      const errors = localizeDetails(c.get('t'), form.details);
      return c.html(NewPasswordPage({ ...pageContext(c), token, email: open.email, errors }), 422);
    }
    const result = await resetPassword(db, token, form.data, clock.now());
    if (result.kind === 'ok') return c.redirect('/admin/login?passwordReset', 303);
    if (result.kind === 'gone') return c.html(ResetGonePage(pageContext(c)), 410);
    const errors = passwordErrors(c, result.errors);
    return c.html(NewPasswordPage({ ...pageContext(c), token, email: result.email, errors }), 422);
  });

  // Admins: send a user a reset link by email.

  routes.post('/admin/users/:id/password-reset', async (c) => {
    const user = requireAdminPage(c);
    const { db, clock } = c.get('deps');
    const id = pathId(c);
    try {
      await sendResetLink(db, user, id, mailContext(c), clock.now());
    } catch (error) {
      if (!(error instanceof HttpError) || error.status !== 409) throw error;
      const [target, options] = await Promise.all([getUser(db, id), listMunicipalityOptions(db)]);
      return c.html(
        UserPage({
          ...pageContext(c),
          user,
          target,
          options,
          error: c.get('t')('accounts.users.resetDisabled'),
        }),
        409,
      );
    }
    return c.redirect(`/admin/users/${id}?resetSent`, 303);
  });

  return routes;
}
