import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createApiToken } from '@/platform/auth/api-tokens';
import { createFeedToken } from '@/calendar/tokens';
import { apiTokens, users } from '@/platform/db/schema';
import { createTestContext, type TestContext } from '../helpers/app';
import { apiRequest } from '../helpers/api';
import { sessionFor } from '../helpers/auth';
import { makeUser, postForm } from '../helpers/session';
import { body, makeEvent, registered, registrationsOf, tokenOf } from './registrations-fixtures';

/**
 * The last forms that answered their post with a page now redirect (a reload or Back repeats
 * nothing), and the last destructive ones ask first (nothing changes until confirm=yes).
 */

let ctx: TestContext;
let admin: string;

beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
  admin = await sessionFor(ctx, { role: 'admin' });
});
afterAll(() => ctx.close());

async function get(path: string, cookie = admin) {
  const res = await ctx.app.request(path, { headers: { cookie } });
  return { res, html: await res.text() };
}

describe('Post/Redirect/Get', () => {
  it('a new API token: 303, then shown once on the tokens page, never in the URL', async () => {
    const cookie = await sessionFor(ctx, { role: 'organizer', municipalities: ['keila'] });
    const res = await postForm(
      ctx,
      '/admin/tokens',
      { label: 'Koduleht', scopes: 'read', expiresInDays: '30' },
      { cookie },
    );
    expect(res.status).toBe(303);
    const location = res.headers.get('location') ?? '';
    expect(location).toBe('/admin/tokens?created');
    const flash = /koda_flash_token=[^;]+/.exec(res.headers.get('set-cookie') ?? '')?.[0] ?? '';
    expect(res.headers.get('set-cookie')).toMatch(/HttpOnly/i);
    expect(res.headers.get('set-cookie')).toMatch(/Path=\/admin\/tokens/);
    const shown = await get(location, `${cookie}; ${flash}`);
    const token = /koda_[\w-]{43}/.exec(shown.html)?.[0] ?? '';
    expect(token).not.toBe('');
    expect((await apiRequest(ctx, 'GET', '/events', undefined, `Bearer ${token}`)).status).toBe(
      200,
    );
    // Once: the page deletes it, and another user's session is shown nothing of it.
    expect(shown.res.headers.get('set-cookie')).toMatch(/koda_flash_token=;/);
    expect((await get(location, cookie)).html).not.toContain(token);
    expect((await get(location, `${admin}; ${flash}`)).html).not.toContain(token);
  });

  it('a password-reset request: the same 303 for any address, to a page saying what happens next', async () => {
    const user = await makeUser(ctx, { role: 'organizer' });
    const post = (email: string) =>
      postForm(ctx, '/admin/password-reset?lang=en', { email }, { 'x-forwarded-for': '10.9.9.9' });
    const known = await post(user.email);
    const unknown = await post('nobody@koda.test');
    expect(known.status).toBe(303);
    expect(unknown.headers.get('location')).toBe(known.headers.get('location'));
    const page = await get(known.headers.get('location') ?? '', '');
    expect(page.res.status).toBe(200);
    expect(page.html).toContain('role="status"');
  });

  it('stopping a personal calendar feed: 303 to a page without the token', async () => {
    const token = await createFeedToken(ctx.deps.db, 'lugeja@example.ee');
    const res = await postForm(ctx, `/feeds/${token}/revoke`, {});
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/feeds/revoked');
    const page = await get('/feeds/revoked', '');
    expect(page.res.status).toBe(200);
    expect(page.res.headers.get('cache-control')).toBe('no-store');
    expect((await ctx.app.request(`/feeds/${token}/calendar.ics`)).status).toBe(410);
  });
});

describe('asking first', () => {
  const asks = async (res: Response, action: string) => {
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('data-confirm-step');
    expect(html).toContain(`action="${action}"`);
    expect(html).toContain('name="confirm" value="yes"');
    return html;
  };

  it('disabling a user', async () => {
    const target = await makeUser(ctx, { role: 'organizer', email: 'mari.maasikas@koda.test' });
    const path = `/admin/users/${target.id}/disable`;
    const html = await asks(await postForm(ctx, path, {}, { cookie: admin }), path);
    expect(html).toContain('Kas sulgeda konto „Login organizer');
    const row = async () =>
      (await ctx.deps.db.select().from(users).where(eq(users.id, target.id)))[0];
    expect((await row())?.disabledAt).toBeNull();
    expect((await postForm(ctx, path, { confirm: 'yes' }, { cookie: admin })).status).toBe(303);
    expect((await row())?.disabledAt).toBeInstanceOf(Date);
  });

  it('revoking one’s own token, and all of a user’s tokens', async () => {
    const owner = await makeUser(ctx, { role: 'organizer', municipalities: ['keila'] });
    const cookie = await sessionFor(ctx, { role: 'admin' });
    const bearer = `Bearer ${await createApiToken(ctx.deps.db, owner.email, { label: 'CMS' }, ctx.clock.now())}`;
    const revokeAll = `/admin/users/${owner.id}/revoke-tokens`;
    await asks(await postForm(ctx, revokeAll, {}, { cookie }), revokeAll);
    expect((await apiRequest(ctx, 'GET', '/events', undefined, bearer)).status).toBe(200);

    const mine = await sessionFor(ctx, { role: 'organizer', municipalities: ['keila'] });
    const created = await postForm(
      ctx,
      '/admin/tokens',
      { label: 'Oma', scopes: 'read', expiresInDays: '30' },
      { cookie: mine },
    );
    expect(created.status).toBe(303);
    const [token] = await ctx.deps.db.select().from(apiTokens).where(eq(apiTokens.label, 'Oma'));
    const revokeOne = `/admin/tokens/${token?.id}/revoke`;
    expect(await asks(await postForm(ctx, revokeOne, {}, { cookie: mine }), revokeOne)).toContain(
      'Kas tühistada API võti „Oma”?',
    );
    const still = await ctx.deps.db.select().from(apiTokens).where(eq(apiTokens.label, 'Oma'));
    expect(still[0]?.revokedAt).toBeNull();
    expect((await postForm(ctx, revokeOne, { confirm: 'yes' }, { cookie: mine })).status).toBe(303);
    const after = await ctx.deps.db.select().from(apiTokens).where(eq(apiTokens.label, 'Oma'));
    expect(after[0]?.revokedAt).toBeInstanceOf(Date);
  });

  it('a participant cancelling their own registration, on the public page', async () => {
    const event = await makeEvent(ctx);
    const mine = await registered(ctx, event.slug, body());
    const path = `/registrations/${tokenOf(mine.manageUrl)}/cancel`;
    const html = await asks(await postForm(ctx, path, {}), path);
    expect(html).toContain(`Kas tühistada oma registreering sündmusele „${event.title}”?`);
    expect(html).not.toContain('admin-nav');
    expect((await registrationsOf(ctx.deps.db, event.id))[0]?.status).toBe('confirmed');
    expect((await postForm(ctx, path, { confirm: 'yes' })).status).toBe(303);
    expect((await registrationsOf(ctx.deps.db, event.id))[0]?.status).toBe('cancelled');
  });
});
