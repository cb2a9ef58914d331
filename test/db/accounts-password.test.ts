import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, outbox, passwordResets, rateLimits, users } from '@/platform/db/schema';
import { processResetRequests } from '@/accounts';
import { runPurgeJob } from '@/jobs';
import { createTestContext, TEST_NOW, type TestContext } from '../helpers/app';
import { loginCookie, makeUser, postForm } from '../helpers/session';

let ctx: TestContext;
let seq = 0;
/** A distinct client address per use, so per-address counters stay apart between tests. */
const from = () => ({ 'x-forwarded-for': `10.1.0.${++seq}` });

beforeAll(async () => {
  ctx = await createTestContext({ config: { TRUST_PROXY: 'true' } });
});
afterAll(() => ctx.close());

const minutes = (n: number) => new Date(Date.parse(TEST_NOW) + n * 60 * 1000);

async function get(path: string, headers: Record<string, string> = {}) {
  const res = await ctx.app.request(path, { headers });
  return { res, status: res.status, html: await res.text() };
}

/** The outbox's emails to `email`, once the queued reset requests are worked through (as the outbox job does). */
async function mailsTo(email: string) {
  await processResetRequests(ctx.deps.db, ctx.deps.config.publicUrl, ctx.clock.now());
  return ctx.deps.db.select().from(outbox).where(eq(outbox.recipient, email));
}

/** The reset token in an email's link to https://koda.test (the test PUBLIC_URL). */
function tokenIn(text: string): string {
  const token = /https:\/\/koda\.test\/admin\/password-reset\/([\w-]{43})(?:\s|$)/.exec(text)?.[1];
  if (!token) throw new Error(`no reset link in: ${text}`);
  return token;
}

/** Logs in and expects a refusal: the password is not (or no longer) the account's. */
async function loginStatus(email: string, password: string) {
  return (await postForm(ctx, '/admin/login', { email, password }, from())).status;
}

describe('own account page', () => {
  it('shows who is signed in, is linked from the admin menu, and needs a login', async () => {
    const user = await makeUser(ctx, { role: 'organizer', municipalities: [] });
    const cookie = await loginCookie(ctx, user.email, user.password, from());
    const { status, html, res } = await get('/admin/account', { cookie });
    expect(status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(html).toContain(user.name);
    expect(html).toContain(user.email);
    expect(html).toContain('korraldaja');
    expect(html).toMatch(/<a href="\/admin\/account" aria-current="page">Minu konto<\/a>/);
    expect(html).toMatch(/<form class="form" method="post" action="\/admin\/account">/);
    expect(html).toContain('autocomplete="current-password"');
    const en = await get('/admin/account?lang=en', { cookie });
    expect(en.html).toContain('Change password');
    expect(en.html).toContain('New password again');
    const dashboard = await get('/admin', { cookie });
    expect(dashboard.html).toContain('href="/admin/account"');
    const anonymous = await get('/admin/account');
    expect(anonymous.status).toBe(303);
    expect(anonymous.res.headers.get('location')).toBe('/admin/login?next=%2Fadmin%2Faccount');
  });

  it("refuses a wrong current password (422, beside the field), counted on the user's own counter", async () => {
    const user = await makeUser(ctx, { role: 'organizer' });
    const cookie = await loginCookie(ctx, user.email, user.password, from());
    const res = await postForm(
      ctx,
      '/admin/account',
      {
        current: 'not my password at all',
        password: 'a fresh new password',
        repeat: 'a fresh new password',
      },
      { cookie },
    );
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toMatch(
      /<p class="field-error" id="f-current-error">Praegune parool on vale\.<\/p>\s*<input id="f-current"[^>]*aria-describedby="f-current-error"/,
    );
    expect(html).not.toContain('not my password at all');
    const [counter] = await ctx.deps.db
      .select()
      .from(rateLimits)
      .where(eq(rateLimits.key, `password-change:user:${user.id}`));
    expect(counter?.count).toBe(1);
    // Nothing changed: the old password still logs in, nothing was sent.
    expect(await loginStatus(user.email, 'a fresh new password')).toBe(401);
    await expect(loginCookie(ctx, user.email, user.password, from())).resolves.toMatch(
      /^koda_session=/,
    );
    expect(await mailsTo(user.email)).toEqual([]);
  });

  it('refuses a short, a mistyped and an unchanged new password with the reason beside each field', async () => {
    const user = await makeUser(ctx, { role: 'organizer' });
    const cookie = await loginCookie(ctx, user.email, user.password, from());
    const cases: [Record<string, string>, RegExp][] = [
      [
        { current: user.password, password: 'short', repeat: 'short' },
        /id="f-password-error">Parool peab olema vähemalt 12 märki pikk\./,
      ],
      [
        {
          current: user.password,
          password: 'a fresh new password',
          repeat: 'a fresh new passw0rd',
        },
        /id="f-repeat-error">Paroolid ei ühti\./,
      ],
      [
        { current: user.password, password: user.password, repeat: user.password },
        /id="f-password-error">Uus parool peab praegusest erinema\./,
      ],
      [
        { current: user.password, password: 'x'.repeat(1001), repeat: 'x'.repeat(1001) },
        /id="f-password-error">Parool võib olla kuni 1000 märki pikk\./,
      ],
      [
        { current: '', password: 'a fresh new password', repeat: 'a fresh new password' },
        /id="f-current-error">Sisesta oma praegune parool\./,
      ],
    ];
    for (const [fields, message] of cases) {
      const res = await postForm(ctx, '/admin/account', fields, { cookie });
      expect(res.status, JSON.stringify(fields).slice(0, 80)).toBe(422);
      expect(await res.text()).toMatch(message);
    }
    const en = await postForm(
      ctx,
      '/admin/account?lang=en',
      { current: user.password, password: 'short', repeat: 'other' },
      { cookie },
    );
    const html = await en.text();
    expect(html).toContain('The password needs at least 12 characters.');
    expect(html).toContain('The passwords do not match.');
    await expect(loginCookie(ctx, user.email, user.password, from())).resolves.toMatch(
      /^koda_session=/,
    );
  });

  it('changes the password: the old one stops working, other sessions end, this one stays, audited and emailed', async () => {
    const user = await makeUser(ctx, { role: 'organizer' });
    const current = await loginCookie(ctx, user.email, user.password, from());
    const other = await loginCookie(ctx, user.email, user.password, from());
    const fresh = 'correct horse battery staple';
    const res = await postForm(
      ctx,
      '/admin/account',
      { current: user.password, password: fresh, repeat: fresh },
      { cookie: current },
    );
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/admin/account?changed');
    const page = await get('/admin/account?changed', { cookie: current });
    expect(page.status).toBe(200);
    expect(page.html).toContain('Parool on muudetud.');
    expect((await get('/admin', { cookie: other })).status).toBe(303);

    expect(await loginStatus(user.email, user.password)).toBe(401);
    await expect(loginCookie(ctx, user.email, fresh, from())).resolves.toMatch(/^koda_session=/);

    const [stored] = await ctx.deps.db.select().from(users).where(eq(users.id, user.id));
    expect(stored?.passwordHash).toMatch(/^pbkdf2-sha256\$600000\$/);
    const entries = await ctx.deps.db
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.entityId, String(user.id)), eq(auditLog.action, 'user.password_change')),
      );
    expect(entries).toHaveLength(1);
    expect(entries[0]?.after).toEqual({ otherSessionsRevoked: 1, tokensRevoked: 0 });
    const audit = JSON.stringify(entries);
    expect(audit).not.toContain('pbkdf2');
    expect(audit).not.toContain(stored?.passwordHash ?? 'no hash');
    expect(audit).not.toContain(fresh);

    const mails = await mailsTo(user.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.kind).toBe('account.password_changed');
    expect(mails[0]?.subject).toBe('Koda: sinu parool on muudetud');
    expect(mails[0]?.text).toContain(`Sinu Koda konto ${user.email} parool muudeti`);
    expect(mails[0]?.text).toContain('https://koda.test/admin/password-reset');
    expect(mails[0]?.text).not.toContain(fresh);
  });

  it('locks the form after 10 wrong current passwords, without slowing the login', async () => {
    const user = await makeUser(ctx, { role: 'organizer' });
    const cookie = await loginCookie(ctx, user.email, user.password, from());
    const wrong = {
      current: 'a wrong guess 123',
      password: 'the next password',
      repeat: 'the next password',
    };
    for (let i = 0; i < 10; i++) {
      expect((await postForm(ctx, '/admin/account', wrong, { cookie })).status).toBe(422);
    }
    const locked = await postForm(
      ctx,
      '/admin/account',
      { current: user.password, password: 'the next password', repeat: 'the next password' },
      { cookie },
    );
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await locked.text()).toContain('Liiga palju valesid paroole');
    // The counter is the signed-in user's own: the login form (where strangers' failures count)
    // keeps its own, and the right password still logs in there.
    expect(await loginStatus(user.email, user.password)).toBe(303);
  });

  it('refuses a cross-site post', async () => {
    const user = await makeUser(ctx, { role: 'organizer' });
    const cookie = await loginCookie(ctx, user.email, user.password, from());
    const res = await postForm(
      ctx,
      '/admin/account',
      { current: user.password, password: 'evil new password', repeat: 'evil new password' },
      { cookie, origin: 'https://evil.example' },
    );
    expect(res.status).toBe(403);
    await expect(loginCookie(ctx, user.email, user.password, from())).resolves.toMatch(
      /^koda_session=/,
    );
  });
});

describe('forgotten password', () => {
  it('is linked from the login page and kept out of caches and referrers', async () => {
    const login = await get('/admin/login');
    expect(login.html).toContain('<a href="/admin/password-reset">Unustasid parooli?</a>');
    const page = await get('/admin/password-reset');
    expect(page.status).toBe(200);
    expect(page.html).toMatch(/<form class="form" method="post" action="\/admin\/password-reset">/);
    expect(page.res.headers.get('cache-control')).toBe('no-store');
    expect(page.res.headers.get('referrer-policy')).toBe('no-referrer');
    expect((await get('/admin/password-reset?lang=en')).html).toContain('Forgotten password');
  });

  it('answers an unknown and a known address identically, and emails only the known one', async () => {
    const user = await makeUser(ctx, { role: 'organizer' });
    const unknown = await postForm(
      ctx,
      '/admin/password-reset',
      { email: 'nobody@koda.test' },
      from(),
    );
    const known = await postForm(
      ctx,
      '/admin/password-reset',
      { email: `  ${user.email.toUpperCase()} ` },
      from(),
    );
    // Post/Redirect/Get: the same redirect for both, to a page that says what happens next.
    expect(known.status).toBe(303);
    expect(unknown.status).toBe(known.status);
    expect(unknown.headers.get('location')).toBe(known.headers.get('location'));
    expect(await unknown.text()).toBe(await known.text());
    const sent = await get(known.headers.get('location') ?? '');
    expect(sent.html).toContain('Kui selle aadressiga on aktiivne konto');
    expect(await mailsTo('nobody@koda.test')).toEqual([]);

    const mails = await mailsTo(user.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.kind).toBe('account.password_reset');
    const token = tokenIn(mails[0]?.text ?? '');
    // Only the token's hash is stored.
    const rows = await ctx.deps.db
      .select()
      .from(passwordResets)
      .where(eq(passwordResets.userId, user.id));
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(rows[0]?.expiresAt.getTime()).toBe(Date.parse(TEST_NOW) + 60 * 60 * 1000);

    const form = await get(`/admin/password-reset/${token}`);
    expect(form.status).toBe(200);
    expect(form.res.headers.get('cache-control')).toBe('no-store');
    expect(form.res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(form.html).toContain(`action="/admin/password-reset/${token}"`);
    expect(form.html).toContain('autocomplete="new-password"');
  });

  it('writes the email in the language of the request', async () => {
    const user = await makeUser(ctx, { role: 'organizer' });
    await postForm(ctx, '/admin/password-reset?lang=en', { email: user.email }, from());
    const [mail] = await mailsTo(user.email);
    expect(mail?.subject).toBe('Koda: choose a new password');
    expect(mail?.text).toContain('Someone (hopefully you) asked to reset the password');
    expect(mail?.text).toContain('valid for 60 minutes');
  });

  it('sets the new password once: all sessions end, the link then answers 410', async () => {
    const user = await makeUser(ctx, { role: 'organizer' });
    const session = await loginCookie(ctx, user.email, user.password, from());
    await postForm(ctx, '/admin/password-reset', { email: user.email }, from());
    const token = tokenIn((await mailsTo(user.email))[0]?.text ?? '');

    const mismatch = await postForm(ctx, `/admin/password-reset/${token}`, {
      password: 'my new password 1',
      repeat: 'my new password 2',
    });
    expect(mismatch.status).toBe(422);
    expect(await mismatch.text()).toContain('Paroolid ei ühti.');

    const fresh = 'my new password 1';
    const done = await postForm(ctx, `/admin/password-reset/${token}`, {
      password: fresh,
      repeat: fresh,
    });
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe('/admin/login?passwordReset');
    expect((await get('/admin/login?passwordReset')).html).toContain(
      'Parool on muudetud. Logi sisse uue parooliga.',
    );
    expect((await get('/admin', { cookie: session })).status).toBe(303);
    expect(await loginStatus(user.email, user.password)).toBe(401);
    await expect(loginCookie(ctx, user.email, fresh, from())).resolves.toMatch(/^koda_session=/);

    const again = await get(`/admin/password-reset/${token}`);
    expect(again.status).toBe(410);
    expect(again.html).toContain('See link ei kehti enam');
    expect(again.html).toContain('href="/admin/password-reset"');
    expect(again.res.headers.get('cache-control')).toBe('no-store');
    expect(again.res.headers.get('referrer-policy')).toBe('no-referrer');
    const reuse = await postForm(ctx, `/admin/password-reset/${token}`, {
      password: 'yet another password',
      repeat: 'yet another password',
    });
    expect(reuse.status).toBe(410);
    await expect(loginCookie(ctx, user.email, fresh, from())).resolves.toMatch(/^koda_session=/);

    const [entry] = await ctx.deps.db
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.entityId, String(user.id)), eq(auditLog.action, 'user.password_reset')),
      );
    expect(entry?.actorName).toBe(`${user.name} <${user.email}>`);
    expect(JSON.stringify(entry)).not.toContain('pbkdf2');
    expect(JSON.stringify(entry)).not.toContain(token);
  });

  it('spends every other open link of the user with the one used', async () => {
    const user = await makeUser(ctx, { role: 'organizer' });
    await postForm(ctx, '/admin/password-reset', { email: user.email }, from());
    await postForm(ctx, '/admin/password-reset', { email: user.email }, from());
    const [first, second] = (await mailsTo(user.email)).map((mail) => tokenIn(mail.text));
    expect(first).not.toBe(second);
    const res = await postForm(ctx, `/admin/password-reset/${second}`, {
      password: 'the second link won',
      repeat: 'the second link won',
    });
    expect(res.status).toBe(303);
    expect((await get(`/admin/password-reset/${first}`)).status).toBe(410);
  });

  it('expires a link after one hour', async () => {
    const user = await makeUser(ctx, { role: 'organizer' });
    await postForm(ctx, '/admin/password-reset', { email: user.email }, from());
    const token = tokenIn((await mailsTo(user.email))[0]?.text ?? '');
    try {
      ctx.clock.set(minutes(59));
      expect((await get(`/admin/password-reset/${token}`)).status).toBe(200);
      ctx.clock.set(minutes(60));
      expect((await get(`/admin/password-reset/${token}`)).status).toBe(410);
      const late = await postForm(ctx, `/admin/password-reset/${token}`, {
        password: 'too late a password',
        repeat: 'too late a password',
      });
      expect(late.status).toBe(410);
    } finally {
      ctx.clock.set(TEST_NOW);
    }
    await expect(loginCookie(ctx, user.email, user.password, from())).resolves.toMatch(
      /^koda_session=/,
    );
  });

  it('answers unknown and malformed links with 410', async () => {
    for (const token of ['x', 'A'.repeat(43), '%00', 'a'.repeat(500)]) {
      expect((await get(`/admin/password-reset/${token}`)).status, token).toBe(410);
      const res = await postForm(ctx, `/admin/password-reset/${token}`, {
        password: 'some long password',
        repeat: 'some long password',
      });
      expect(res.status, token).toBe(410);
    }
  });

  it('sends nothing for a disabled account, and its open links stop working', async () => {
    const user = await makeUser(ctx, { role: 'organizer' });
    await postForm(ctx, '/admin/password-reset', { email: user.email }, from());
    const token = tokenIn((await mailsTo(user.email))[0]?.text ?? '');
    await ctx.deps.db
      .update(users)
      .set({ disabledAt: ctx.clock.now() })
      .where(eq(users.id, user.id));
    const res = await postForm(ctx, '/admin/password-reset', { email: user.email }, from());
    expect(res.status).toBe(303);
    expect(await mailsTo(user.email)).toHaveLength(1);
    expect((await get(`/admin/password-reset/${token}`)).status).toBe(410);
  });

  it('refuses a malformed address beside the field', async () => {
    const res = await postForm(ctx, '/admin/password-reset', { email: 'not an address' }, from());
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('id="f-email-error"');
  });

  it('allows 10 requests an hour from one address, then 429 with Retry-After', async () => {
    const headers = from();
    for (let i = 0; i < 10; i++) {
      const res = await postForm(
        ctx,
        '/admin/password-reset',
        { email: `x${i}@koda.test` },
        headers,
      );
      expect(res.status).toBe(303);
    }
    const limited = await postForm(ctx, '/admin/password-reset', { email: 'y@koda.test' }, headers);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await limited.text()).toContain('Liiga palju päringuid');
    // Another address is not affected.
    const other = await postForm(ctx, '/admin/password-reset', { email: 'y@koda.test' }, from());
    expect(other.status).toBe(303);
  });

  it('sends at most 3 emails an hour to one address, with the same answer each time', async () => {
    const user = await makeUser(ctx, { role: 'organizer' });
    const answers: string[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await postForm(ctx, '/admin/password-reset', { email: user.email }, from());
      expect(res.status).toBe(303);
      answers.push(`${res.headers.get('location')} ${await res.text()}`);
    }
    expect(new Set(answers).size).toBe(1);
    expect(await mailsTo(user.email)).toHaveLength(3);
  });

  it('refuses a cross-site request', async () => {
    const user = await makeUser(ctx, { role: 'organizer' });
    const res = await postForm(
      ctx,
      '/admin/password-reset',
      { email: user.email },
      { ...from(), origin: 'https://evil.example' },
    );
    expect(res.status).toBe(403);
    expect(await mailsTo(user.email)).toEqual([]);
  });
});

describe('an admin sends a user a reset link', () => {
  it('is a button for admins only, sends a working link and is audited', async () => {
    const admin = await makeUser(ctx, { role: 'admin' });
    const organizer = await makeUser(ctx, { role: 'organizer' });
    const target = await makeUser(ctx, { role: 'organizer' });
    const adminCookie = await loginCookie(ctx, admin.email, admin.password, from());
    const organizerCookie = await loginCookie(ctx, organizer.email, organizer.password, from());
    const path = `/admin/users/${target.id}/password-reset`;

    const page = await get(`/admin/users/${target.id}`, { cookie: adminCookie });
    expect(page.html).toContain(`action="${path}"`);
    expect(page.html).toContain('Saada parooli lähtestamise link');

    expect((await postForm(ctx, path, {}, { cookie: organizerCookie })).status).toBe(403);
    const anonymous = await postForm(ctx, path, {});
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toMatch(/^\/admin\/login/);
    expect(
      (await postForm(ctx, path, {}, { cookie: adminCookie, origin: 'https://evil.example' }))
        .status,
    ).toBe(403);
    expect(await mailsTo(target.email)).toEqual([]);

    const res = await postForm(ctx, path, {}, { cookie: adminCookie });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/admin/users/${target.id}?resetSent`);
    expect((await get(res.headers.get('location') ?? '', { cookie: adminCookie })).html).toContain(
      `Parooli lähtestamise link on saadetud aadressile ${target.email}.`,
    );
    const mails = await mailsTo(target.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.text).toContain('Koda administraator saatis sulle lingi');
    const token = tokenIn(mails[0]?.text ?? '');
    const [entry] = await ctx.deps.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.entityId, String(target.id)),
          eq(auditLog.action, 'user.password_reset_sent'),
        ),
      );
    expect(entry?.userId).toBe(admin.id);
    expect(JSON.stringify(entry)).not.toContain(token);

    const done = await postForm(ctx, `/admin/password-reset/${token}`, {
      password: 'chosen after the admin link',
      repeat: 'chosen after the admin link',
    });
    expect(done.status).toBe(303);
    await expect(
      loginCookie(ctx, target.email, 'chosen after the admin link', from()),
    ).resolves.toMatch(/^koda_session=/);
  });

  it('refuses a disabled account (409) and an unknown user (404)', async () => {
    const admin = await makeUser(ctx, { role: 'admin' });
    const target = await makeUser(ctx, { role: 'organizer' });
    const cookie = await loginCookie(ctx, admin.email, admin.password, from());
    expect(
      (await postForm(ctx, `/admin/users/${target.id}/disable`, { confirm: 'yes' }, { cookie }))
        .status,
    ).toBe(303);
    const res = await postForm(ctx, `/admin/users/${target.id}/password-reset`, {}, { cookie });
    expect(res.status).toBe(409);
    expect(await res.text()).toContain('Suletud kontole ei saa linki saata.');
    expect(await mailsTo(target.email)).toEqual([]);
    expect((await postForm(ctx, '/admin/users/999999/password-reset', {}, { cookie })).status).toBe(
      404,
    );
  });
});

describe('the daily purge', () => {
  it('deletes reset links that expired or were used over a day ago, keeping the rest', async () => {
    const user = await makeUser(ctx, { role: 'organizer' });
    const hours = (n: number) => minutes(n * 60);
    await ctx.deps.db.insert(passwordResets).values([
      {
        userId: user.id,
        tokenHash: 'expired-long-ago',
        createdAt: hours(-27),
        expiresAt: hours(-26),
      },
      {
        userId: user.id,
        // Used over a day ago, though its hour ran out less than a day ago.
        tokenHash: 'used-long-ago',
        createdAt: hours(-24.9),
        expiresAt: hours(-23.9),
        usedAt: hours(-24.8),
      },
      {
        userId: user.id,
        tokenHash: 'expired-recently',
        createdAt: hours(-3),
        expiresAt: hours(-2),
      },
      {
        userId: user.id,
        tokenHash: 'used-recently',
        createdAt: hours(-0.5),
        expiresAt: hours(0.5),
        usedAt: hours(-0.25),
      },
      { userId: user.id, tokenHash: 'open', createdAt: hours(-0.5), expiresAt: hours(0.5) },
    ]);
    await runPurgeJob(ctx.deps);
    const left = await ctx.deps.db
      .select({ hash: passwordResets.tokenHash })
      .from(passwordResets)
      .where(eq(passwordResets.userId, user.id));
    expect(left.map((row) => row.hash).sort()).toEqual([
      'expired-recently',
      'open',
      'used-recently',
    ]);
  });
});
