import { readFileSync } from 'node:fs';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '@/platform/auth/api-tokens';
import { API_SCOPES, type ApiScope } from '@/platform/auth/scopes';
import { apiTokens, auditLog, outbox, users } from '@/platform/db/schema';
import { createTestContext, TEST_NOW, type TestContext } from '../helpers/app';
import { apiRequest } from '../helpers/api';
import { authorizationCases, bearerFor, sessionFor } from '../helpers/auth';
import { loginCookie, makeUser, postForm } from '../helpers/session';

/**
 * Issue 21, finding 3: API tokens were as strong as a login. Now a token has scopes and an
 * expiry, opens no HTML page (so it cannot reach /admin/tokens to make more), and dies with a
 * password change or reset and with an admin's "revoke all".
 */

let ctx: TestContext;
let seq = 0;
const from = () => ({ 'x-forwarded-for': `10.3.0.${++seq}` });

beforeAll(async () => {
  ctx = await createTestContext({ demo: true, config: { TRUST_PROXY: 'true' } });
});
afterAll(() => ctx.close());
afterEach(() => ctx.clock.set(TEST_NOW));

const days = (n: number) => new Date(Date.parse(TEST_NOW) + n * 24 * 60 * 60 * 1000);

async function keilaEventSlug(): Promise<string> {
  const res = await apiRequest(ctx, 'GET', '/events?municipality=keila');
  const body = (await res.json()) as { events?: { slug: string }[]; items?: { slug: string }[] };
  const slug = (body.events ?? body.items ?? [])[0]?.slug;
  if (!slug) throw new Error('no Keila event in the demo');
  return slug;
}

describe('a token and the HTML pages', () => {
  it('opens no page: /admin, /admin/tokens and the rest answer as to a stranger', async () => {
    const admin = await bearerFor(ctx, { role: 'admin' });
    for (const path of [
      '/admin',
      '/admin/tokens',
      '/admin/users',
      '/admin/account',
      '/admin/events',
    ]) {
      const res = await ctx.app.request(path, { headers: { authorization: admin } });
      expect(res.status, path).toBe(303);
      expect(res.headers.get('location'), path).toMatch(/^\/admin\/login/);
    }
    // Nor can it make a token there.
    const before = await ctx.deps.db.select({ n: sql<number>`count(*)::int` }).from(apiTokens);
    const minted = await postForm(
      ctx,
      '/admin/tokens',
      { label: 'more', scopes: ['read', 'admin'] },
      { authorization: admin },
    );
    expect(minted.status).toBe(303);
    expect(minted.headers.get('location')).toMatch(/^\/admin\/login/);
    const after = await ctx.deps.db.select({ n: sql<number>`count(*)::int` }).from(apiTokens);
    expect(after).toEqual(before);
    // The same token works where it belongs.
    expect((await apiRequest(ctx, 'GET', '/events', undefined, admin)).status).toBe(200);
  });
});

/** The scope each operation of the OpenAPI document needs (null: anyone may call it). */
function expectedScope(method: string, path: string): ApiScope | null {
  if (method === 'post' && path === '/events/{slug}/registrations') return null;
  if (method === 'delete' && path === '/registrations/{token}') return null;
  if (method === 'post' && path === '/follows') return null;
  // Publishing the feedback summary changes the event page: no answer is read or given.
  if (method === 'patch' && path === '/events/{slug}/feedback') return 'events';
  if (/^\/events\/\{slug\}\/(registrations|messages|feedback)$/.test(path)) return 'registrations';
  if (method === 'get') return 'read';
  if (
    /^\/(plans|plan-items|outcomes)\/|^\/events\/\{slug\}\/outcomes$|^\/municipalities\/\{slug\}\/plans$/.test(
      path,
    )
  ) {
    return 'plans';
  }
  if (/^\/(events|recordings|attachments)(\/|$)/.test(path)) return 'events';
  return 'admin';
}

describe('scopes', () => {
  it('every operation of the API refuses a token without its scope (403 naming it) and takes one with it alone', async () => {
    const document = (await (await ctx.app.request('/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const tokens = new Map<string, string>();
    const tokenWith = async (scopes: ApiScope[]) => {
      const key = scopes.join(',');
      if (!tokens.has(key)) tokens.set(key, await bearerFor(ctx, { role: 'admin' }, { scopes }));
      return tokens.get(key)!;
    };
    const checked: string[] = [];
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const method of Object.keys(operations)) {
        const scope = expectedScope(method, path);
        const url = path.replace(/\{(\w+)\}/g, (_, name: string) => (name === 'id' ? '1' : 'x'));
        const body = method === 'get' || method === 'delete' ? undefined : {};
        const label = `${method.toUpperCase()} ${path} (${scope ?? 'public'})`;
        if (scope) {
          const without = await tokenWith(API_SCOPES.filter((s) => s !== scope));
          const refused = await apiRequest(ctx, method.toUpperCase(), url, body, without);
          expect(refused.status, label).toBe(403);
          const error = ((await refused.json()) as { error: { message: string } }).error;
          expect(error.message, label).toContain(`"${scope}" scope`);
        }
        const alone = await tokenWith(scope ? [scope] : ['read']);
        const passed = await apiRequest(ctx, method.toUpperCase(), url, body, alone);
        expect(passed.status, label).not.toBe(401);
        if (passed.status === 403) {
          const text = await passed.text();
          expect(text, label).not.toContain('scope');
        }
        checked.push(label);
      }
    }
    expect(checked.length).toBeGreaterThan(25);
    // Every family is in the matrix.
    for (const family of ['(read)', '(events)', '(registrations)', '(plans)', '(public)']) {
      expect(
        checked.some((label) => label.endsWith(family)),
        family,
      ).toBe(true);
    }
  }, 180_000);

  it('lets a token with only the right scope write, per family (the authorization matrix)', async () => {
    const slug = await keilaEventSlug();
    const families: [ApiScope, string, string, unknown, number[]][] = [
      ['events', 'PATCH', `/events/${slug}`, { summary: 'Kokkuvõte tokeni kaudu' }, [200]],
      ['registrations', 'GET', `/events/${slug}/registrations`, undefined, [200]],
      [
        'plans',
        'POST',
        '/municipalities/keila/plans',
        { title: 'Tokeni kava', periodStart: '2027-01-01', periodEnd: '2027-12-31' },
        [201],
      ],
      ['read', 'GET', '/events', undefined, [200]],
    ];
    for (const [scope, method, path, body, allowed] of families) {
      const cases = await authorizationCases(ctx, 'keila', 'tartu', allowed, scope);
      for (const c of cases) {
        // Reading is public: only the scope cases apply to it.
        if (scope === 'read' && !c.who.includes('token')) continue;
        const res = await apiRequest(ctx, method, path, body, c.authorization);
        expect(c.expected, `${scope} ${method} ${path} as ${c.who}: ${res.status}`).toContain(
          res.status,
        );
      }
    }
  });

  it('refuses the admin scope to an organizer, and at least one scope is needed', async () => {
    const organizer = await makeUser(ctx, { role: 'organizer', municipalities: ['keila'] });
    await expect(
      createApiToken(ctx.deps.db, organizer.email, { scopes: ['admin'] }, ctx.clock.now()),
    ).rejects.toMatchObject({ code: 'invalid_fields' });
    await expect(
      createApiToken(ctx.deps.db, organizer.email, { scopes: [] }, ctx.clock.now()),
    ).rejects.toMatchObject({ code: 'invalid_fields' });
    const cookie = await loginCookie(ctx, organizer.email, organizer.password, from());
    const page = await (await ctx.app.request('/admin/tokens', { headers: { cookie } })).text();
    expect(page).toContain('value="read"');
    expect(page).not.toContain('value="admin"');
    const forged = await postForm(
      ctx,
      '/admin/tokens',
      { label: 'x', scopes: ['read', 'admin'], expiresInDays: '30' },
      { cookie },
    );
    expect(forged.status).toBe(422);
    const none = await postForm(
      ctx,
      '/admin/tokens',
      { label: 'x', expiresInDays: '30' },
      { cookie },
    );
    expect(none.status).toBe(422);
    expect(await none.text()).toContain('Vali vähemalt üks asi, mida võti tohib teha.');
  });
});

describe('the tokens page', () => {
  it('offers scopes and an expiry in both languages, and lists scopes, expiry and last use', async () => {
    const cookie = await sessionFor(ctx, { role: 'admin' });
    const et = await (await ctx.app.request('/admin/tokens', { headers: { cookie } })).text();
    expect(et).toContain('Mida võti tohib teha');
    expect(et).toContain('teha toiminguid, mis on lubatud ainult administraatorile');
    expect(et).toMatch(/name="expiresInDays"[^>]*value="365"/);
    const en = await (
      await ctx.app.request('/admin/tokens?lang=en', { headers: { cookie } })
    ).text();
    expect(en).toContain('What the token may do');
    expect(en).toContain('see registrations and message participants');
    expect(en).not.toContain('Mida võti');

    const created = await postForm(
      ctx,
      '/admin/tokens?lang=en',
      { label: 'Kodulehe sündmused', scopes: ['read', 'events'], expiresInDays: '30' },
      { cookie },
    );
    expect(created.status).toBe(303);
    const flash = /koda_flash_token=[^;]+/.exec(created.headers.get('set-cookie') ?? '')?.[0];
    const shown = await ctx.app.request(created.headers.get('location') ?? '', {
      headers: { cookie: `${cookie}; ${flash}` },
    });
    const token = /koda_[\w-]{43}/.exec(await shown.text())![0];
    const [row] = await ctx.deps.db
      .select()
      .from(apiTokens)
      .where(eq(apiTokens.label, 'Kodulehe sündmused'));
    expect(row?.scopes).toEqual(['read', 'events']);
    expect(row?.expiresAt.toISOString()).toBe(days(30).toISOString());
    expect(row?.lastUsedAt).toBeNull();
    expect((await apiRequest(ctx, 'GET', '/events', undefined, `Bearer ${token}`)).status).toBe(
      200,
    );
    const list = await (
      await ctx.app.request('/admin/tokens?lang=en', { headers: { cookie } })
    ).text();
    const line = /<tr>\s*<td>Kodulehe sündmused<\/td>[\s\S]*?<\/tr>/.exec(list)?.[0] ?? '';
    expect(line).toContain(
      'read, including drafts and unpublished items; change events, agendas and recordings',
    );
    expect(line).not.toContain('never used');
    expect(line).toMatch(/26 December 2026/);
  });
});

describe('expiry', () => {
  it('lasts a year by default; an expired token answers 401', async () => {
    const user = await makeUser(ctx, { role: 'organizer', municipalities: ['keila'] });
    const token = await createApiToken(ctx.deps.db, user.email, {}, ctx.clock.now());
    const [row] = await ctx.deps.db.select().from(apiTokens).where(eq(apiTokens.userId, user.id));
    expect(row?.expiresAt.toISOString()).toBe(days(365).toISOString());
    expect(row?.scopes).toEqual(['read', 'events', 'registrations', 'plans']);

    const short = await createApiToken(
      ctx.deps.db,
      user.email,
      { expiresInDays: 1 },
      ctx.clock.now(),
    );
    ctx.clock.set(days(1));
    const expired = await apiRequest(ctx, 'GET', '/events', undefined, `Bearer ${short}`);
    expect(expired.status).toBe(401);
    expect(((await expired.json()) as { error: { message: string } }).error.message).toContain(
      'expired',
    );
    expect((await apiRequest(ctx, 'GET', '/events', undefined, `Bearer ${token}`)).status).toBe(
      200,
    );
    ctx.clock.set(days(365));
    expect((await apiRequest(ctx, 'GET', '/events', undefined, `Bearer ${token}`)).status).toBe(
      401,
    );
  });

  it('gives tokens from before scopes every scope their role allows (the migration)', async () => {
    const admin = await makeUser(ctx, { role: 'admin' });
    const organizer = await makeUser(ctx, { role: 'organizer' });
    const old = (userId: number) =>
      ctx.deps.db
        .insert(apiTokens)
        .values({ userId, tokenHash: `old-${userId}`, scopes: [] })
        .returning({ id: apiTokens.id });
    const [a] = await old(admin.id);
    const [o] = await old(organizer.id);
    const migration = readFileSync('drizzle/0009_api_token_scopes_for_existing.sql', 'utf8');
    await ctx.deps.db.execute(sql.raw(migration));
    const scopesOf = async (id: number) =>
      (await ctx.deps.db.select().from(apiTokens).where(eq(apiTokens.id, id)))[0]?.scopes;
    expect(await scopesOf(a!.id)).toEqual(['read', 'events', 'registrations', 'plans', 'admin']);
    expect(await scopesOf(o!.id)).toEqual(['read', 'events', 'registrations', 'plans']);
  });
});

describe('revocation', () => {
  async function userWithToken() {
    const user = await makeUser(ctx, { role: 'organizer', municipalities: ['keila'] });
    const token = `Bearer ${await createApiToken(ctx.deps.db, user.email, {}, ctx.clock.now())}`;
    expect((await apiRequest(ctx, 'GET', '/events', undefined, token)).status).toBe(200);
    return { user, token };
  }

  it('a password reset revokes every token of the user', async () => {
    const { user, token } = await userWithToken();
    const admin = await sessionFor(ctx, { role: 'admin' });
    const sent = await postForm(
      ctx,
      `/admin/users/${user.id}/password-reset`,
      {},
      { cookie: admin },
    );
    expect(sent.status).toBe(303);
    const [mail] = await ctx.deps.db.select().from(outbox).where(eq(outbox.recipient, user.email));
    const link = /\/admin\/password-reset\/[\w-]{43}/.exec(mail?.text ?? '')![0];
    const chosen = 'a completely new password';
    expect((await postForm(ctx, link, { password: chosen, repeat: chosen })).status).toBe(303);
    expect((await apiRequest(ctx, 'GET', '/events', undefined, token)).status).toBe(401);
  });

  it('a password change revokes every token of the user', async () => {
    const { user, token } = await userWithToken();
    const cookie = await loginCookie(ctx, user.email, user.password, from());
    const chosen = 'another new password';
    const res = await postForm(
      ctx,
      '/admin/account',
      { current: user.password, password: chosen, repeat: chosen },
      { cookie },
    );
    expect(res.status).toBe(303);
    expect((await apiRequest(ctx, 'GET', '/events', undefined, token)).status).toBe(401);
  });

  it("an admin's “revoke all” revokes every token of the user, audited; organizers may not", async () => {
    const { user, token } = await userWithToken();
    const second = `Bearer ${await createApiToken(ctx.deps.db, user.email, {}, ctx.clock.now())}`;
    const organizer = await sessionFor(ctx, { role: 'organizer', municipalities: ['keila'] });
    const refused = await postForm(
      ctx,
      `/admin/users/${user.id}/revoke-tokens`,
      {},
      { cookie: organizer },
    );
    expect(refused.status).toBe(403);
    expect((await apiRequest(ctx, 'GET', '/events', undefined, token)).status).toBe(200);

    const admin = await sessionFor(ctx, { role: 'admin' });
    const page = await (
      await ctx.app.request(`/admin/users/${user.id}`, { headers: { cookie: admin } })
    ).text();
    expect(page).toContain(`action="/admin/users/${user.id}/revoke-tokens"`);
    expect(page).toContain('Tühista kõik kasutaja API võtmed');
    const done = await postForm(
      ctx,
      `/admin/users/${user.id}/revoke-tokens`,
      { confirm: 'yes' },
      { cookie: admin },
    );
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe(`/admin/users/${user.id}?tokensRevoked=2`);
    for (const t of [token, second]) {
      expect((await apiRequest(ctx, 'GET', '/events', undefined, t)).status).toBe(401);
    }
    const [entry] = await ctx.deps.db
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.action, 'user.tokens_revoke'), eq(auditLog.entityId, String(user.id))),
      );
    expect(entry?.after).toEqual({ revoked: 2 });
    const notice = await (
      await ctx.app.request(done.headers.get('location')!, { headers: { cookie: admin } })
    ).text();
    expect(notice).toContain('Kasutaja API võtmed on tühistatud (2).');
    // The account itself is untouched.
    const [still] = await ctx.deps.db.select().from(users).where(eq(users.id, user.id));
    expect(still?.disabledAt).toBeNull();
  });
});
