import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTokens, auditLog, memberships, users } from '@/platform/db/schema';
import { createTestContext, type TestContext } from '../helpers/app';
import { bearerFor } from '../helpers/auth';
import { loginCookie, makeUser, postForm } from '../helpers/session';

let ctx: TestContext;
let adminCookie: string;
let organizerCookie: string;
let organizer: Awaited<ReturnType<typeof makeUser>>;
let admin: Awaited<ReturnType<typeof makeUser>>;

beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
  admin = await makeUser(ctx, { role: 'admin' });
  organizer = await makeUser(ctx, { role: 'organizer', municipalities: ['keila'] });
  adminCookie = await loginCookie(ctx, admin.email, admin.password);
  organizerCookie = await loginCookie(ctx, organizer.email, organizer.password);
});
afterAll(() => ctx.close());

const page = async (path: string, cookie?: string) => {
  const res = await ctx.app.request(path, { headers: cookie ? { cookie } : {} });
  return { status: res.status, html: await res.text(), location: res.headers.get('location') };
};

describe('the dashboard', () => {
  it("lists an organizer's events and plans, and no others", async () => {
    const { status, html } = await page('/admin', organizerCookie);
    expect(status).toBe(200);
    expect(html).toContain('Mõttekoda Keilas');
    expect(html).toContain('Näidis: Keila linna foorum');
    expect(html).not.toContain('Mõttekoda Haljalas');
    expect(html).not.toContain('Mõttekoda Rõuges');
    expect(html).toContain('Keila linn');
    // The admin menu, without the admins' own entries.
    expect(html).toMatch(/<nav class="admin-nav"/);
    expect(html).toContain('href="/admin/events"');
    expect(html).not.toContain('href="/admin/users"');
    expect(html).toMatch(/<form method="post" action="\/admin\/logout">/);
    expect(html).toContain('aria-current="page"');
  });

  it('lists every event for an admin, in English on request', async () => {
    const { html } = await page('/admin?lang=en', adminCookie);
    expect(html).toContain('Your events');
    expect(html).toContain('Mõttekoda Keilas');
    expect(html).toContain('Mõttekoda Haljalas');
    expect(html).toContain('href="/admin/users"');
    expect(html).toContain('href="/admin/audit"');
  });
});

describe('user management', () => {
  it('is for admins only: anonymous → login, organizer → 403', async () => {
    for (const path of ['/admin/users', '/admin/users/1', '/admin/audit']) {
      const anonymous = await page(path);
      expect(anonymous.status, path).toBe(303);
      expect(anonymous.location).toMatch(/^\/admin\/login\?next=/);
      expect((await page(path, organizerCookie)).status, path).toBe(403);
      expect((await page(path, adminCookie)).status, path).toBe(200);
    }
  });

  it('refuses every write to organizers and strangers, with cookies or tokens (a token is no login at all)', async () => {
    const target = await makeUser(ctx, { role: 'organizer', municipalities: ['rouge'] });
    const writes: [string, Record<string, string | string[]>][] = [
      ['/admin/users', { email: 'x@koda.test', name: 'X', password: 'long enough password' }],
      [`/admin/users/${target.id}`, { role: 'admin', municipalities: ['keila'] }],
      [`/admin/users/${target.id}/disable`, {}],
    ];
    const organizerToken = await bearerFor(ctx, { role: 'organizer', municipalities: ['rouge'] });
    const adminToken = await bearerFor(ctx, { role: 'admin' });
    for (const [path, fields] of writes) {
      const anonymous = await postForm(ctx, path, fields);
      expect(anonymous.status, path).toBe(303);
      expect(anonymous.headers.get('location'), path).toMatch(/^\/admin\/login/);
      expect((await postForm(ctx, path, fields, { cookie: organizerCookie })).status).toBe(403);
      for (const authorization of [organizerToken, adminToken]) {
        const res = await postForm(ctx, path, fields, { authorization });
        expect(res.status, path).toBe(303);
        expect(res.headers.get('location'), path).toMatch(/^\/admin\/login/);
      }
    }
    const [after] = await ctx.deps.db.select().from(users).where(eq(users.id, target.id));
    expect(after?.role).toBe('organizer');
    expect(after?.disabledAt).toBeNull();
    const [created] = await ctx.deps.db.select().from(users).where(eq(users.email, 'x@koda.test'));
    expect(created).toBeUndefined();
  });

  it('lets an admin create a user with a role and municipalities, audited without the password', async () => {
    const password = 'a brand new password 123';
    const res = await postForm(
      ctx,
      '/admin/users',
      {
        email: 'uus.korraldaja@koda.test',
        name: 'Uus Korraldaja',
        password,
        role: 'organizer',
        municipalities: ['saue', 'haljala'],
      },
      { cookie: adminCookie },
    );
    expect(res.status).toBe(303);
    const location = res.headers.get('location') ?? '';
    expect(location).toMatch(/^\/admin\/users\/\d+\?created$/);
    const shown = await page(location, adminCookie);
    expect(shown.html).toContain('Kasutaja uus.korraldaja@koda.test on lisatud.');
    expect(shown.html).toMatch(/value="haljala" checked/);

    const id = Number(/\/admin\/users\/(\d+)/.exec(location)?.[1]);
    const entries = await ctx.deps.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, String(id)));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      action: 'user.create',
      entity: 'user',
      after: {
        email: 'uus.korraldaja@koda.test',
        role: 'organizer',
        municipalities: ['haljala', 'saue'],
      },
    });
    expect(JSON.stringify(entries)).not.toContain(password);
    expect(JSON.stringify(entries)).not.toContain('pbkdf2');

    // The new organizer can log in with the password the admin set.
    await expect(loginCookie(ctx, 'uus.korraldaja@koda.test', password)).resolves.toMatch(/^koda_/);
  });

  it('answers a duplicate email and invalid fields with the form again', async () => {
    const duplicate = await postForm(
      ctx,
      '/admin/users',
      {
        email: organizer.email,
        name: 'Again',
        password: 'long enough password',
        role: 'organizer',
      },
      { cookie: adminCookie },
    );
    expect(duplicate.status).toBe(409);
    expect(await duplicate.text()).toContain('Selle e-posti aadressiga kasutaja on juba olemas.');
    const invalid = await postForm(
      ctx,
      '/admin/users',
      { email: 'not an email', name: 'Bad', password: 'short', municipalities: ['atlantis'] },
      { cookie: adminCookie },
    );
    expect(invalid.status).toBe(422);
    const html = await invalid.text();
    expect(html).toContain('Palun paranda need vead:');
    expect(html).toContain('Kirjuta e-posti aadress kujul nimi@näide.ee.');
    expect(html).toContain('id="f-password-error">Vähemalt 12 märki.');
    expect(html).not.toContain('value="short"');
  });

  it('changes role and memberships, with before and after in the audit log', async () => {
    const target = await makeUser(ctx, { role: 'organizer', municipalities: ['rouge'] });
    const res = await postForm(
      ctx,
      `/admin/users/${target.id}`,
      { role: 'organizer', municipalities: ['keila', 'tartu'] },
      { cookie: adminCookie },
    );
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/admin/users/${target.id}?saved`);
    const rows = await ctx.deps.db
      .select()
      .from(memberships)
      .where(eq(memberships.userId, target.id));
    expect(rows).toHaveLength(2);

    const audit = await page(`/admin/audit?entity=user&entityId=${target.id}`, adminCookie);
    expect(audit.status).toBe(200);
    expect(audit.html).toContain('user.access');
    expect(audit.html).toMatch(/&quot;rouge&quot;|"rouge"/);
    expect(audit.html).toMatch(/&quot;tartu&quot;|"tartu"/);
    // Filtered: other users' entries are not on this page.
    expect(audit.html).not.toContain('uus.korraldaja@koda.test');
  });

  it('does not let an admin disable or demote themself', async () => {
    const disable = await postForm(
      ctx,
      `/admin/users/${admin.id}/disable`,
      {},
      { cookie: adminCookie },
    );
    expect(disable.status).toBe(409);
    const demote = await postForm(
      ctx,
      `/admin/users/${admin.id}`,
      { role: 'organizer' },
      { cookie: adminCookie },
    );
    expect(demote.status).toBe(409);
    expect((await page('/admin/users', adminCookie)).status).toBe(200);
  });
});

describe('own API tokens', () => {
  it('shows a new token once, lists it without the secret, and revokes it', async () => {
    const created = await postForm(
      ctx,
      '/admin/tokens',
      { label: 'Veebileht', scopes: ['read', 'events'], expiresInDays: '90' },
      { cookie: organizerCookie },
    );
    // Post/Redirect/Get: the new token is shown once, on the page the post leads to.
    expect(created.status).toBe(303);
    expect(created.headers.get('location')).toBe('/admin/tokens?created');
    const flash = /koda_flash_token=[^;]+/.exec(created.headers.get('set-cookie') ?? '')?.[0];
    const shown = await ctx.app.request('/admin/tokens?created', {
      headers: { cookie: `${organizerCookie}; ${flash}` },
    });
    expect(shown.headers.get('cache-control')).toBe('no-store');
    const html = await shown.text();
    const token = /koda_[\w-]{43}/.exec(html)?.[0];
    expect(token).toBeDefined();
    expect(shown.headers.get('set-cookie')).toMatch(/koda_flash_token=;.*Max-Age=0/);

    const api = await ctx.app.request('/api/v1/events', {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(api.status).toBe(200);
    // A token opens no page.
    const dashboard = await ctx.app.request('/admin', {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(dashboard.status).toBe(303);

    const list = await page('/admin/tokens', organizerCookie);
    expect(list.html).toContain('Veebileht');
    expect(list.html).not.toContain(token);
    const [row] = await ctx.deps.db
      .select()
      .from(apiTokens)
      .where(eq(apiTokens.label, 'Veebileht'));
    expect(row?.lastUsedAt).toBeInstanceOf(Date);

    // Someone else cannot revoke it: to them it does not exist.
    const other = await makeUser(ctx, { role: 'organizer', municipalities: ['keila'] });
    const otherCookie = await loginCookie(ctx, other.email, other.password);
    const foreign = await postForm(
      ctx,
      `/admin/tokens/${row?.id}/revoke`,
      {},
      { cookie: otherCookie },
    );
    expect(foreign.status).toBe(404);

    const revoked = await postForm(
      ctx,
      `/admin/tokens/${row?.id}/revoke`,
      { confirm: 'yes' },
      { cookie: organizerCookie },
    );
    expect(revoked.status).toBe(303);
    const after = await ctx.app.request('/api/v1/events', {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(after.status).toBe(401);

    const entries = await ctx.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'api_token'), eq(auditLog.entityId, String(row?.id))));
    expect(entries.map((e) => e.action)).toEqual(['api_token.create', 'api_token.revoke']);
    expect(JSON.stringify(entries)).not.toContain(token);
    expect(ctx.log.lines.join('\n')).not.toContain(token);
  });
});

describe('secrets stay out of logs and pages', () => {
  it('never logs passwords, session tokens or API tokens', () => {
    const logged = ctx.log.lines.join('\n');
    expect(logged).not.toContain(organizer.password);
    expect(logged).not.toContain(organizerCookie.split('=')[1]);
    expect(logged).not.toMatch(/koda_[\w-]{43}/);
  });

  it('shows no password hashes on the users page', async () => {
    const { html } = await page('/admin/users', adminCookie);
    expect(html).toContain(organizer.email);
    expect(html).not.toContain('pbkdf2');
  });
});
