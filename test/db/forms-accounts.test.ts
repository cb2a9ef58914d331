import { processResetRequests } from '@/accounts';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '@/accounts/users';
import type { Lang } from '@/platform/i18n';
import { outbox, users } from '@/platform/db/schema';
import { createTestContext, type TestContext } from '../helpers/app';
import {
  expectOnlyIn,
  expectRefusedFormIn,
  visibleText,
  type Expected,
} from '../helpers/form-language';
import { loginCookie, postForm } from '../helpers/session';

/**
 * Every HTML form of accounts, refused: the page speaks only the reader's language (Estonian by
 * default, English with Accept-Language: en), never zod's English and never an internal value
 * such as the role `organizer` or a municipality's slug.
 */
let ctx: TestContext;
let n = 0;
const LANGS: Lang[] = ['et', 'en'];
const header = (lang: Lang) => ({ 'accept-language': lang === 'en' ? 'en' : 'et' });
/** Internal values of accounts: roles and slugs are shown as words, never as they are stored. */
const INTERNAL = (lang: Lang) =>
  lang === 'et' ? ['organizer', 'admin', 'atlantis'] : ['atlantis'];

function expectNoInternal(html: string, lang: Lang) {
  // Addresses are what people typed (the demo's admin is admin@koda.example), not internal values.
  const text = visibleText(html).replace(/\S+@\S+/g, ' ');
  for (const name of INTERNAL(lang)) {
    expect(text, `internal value ${name}`).not.toMatch(new RegExp(`\\b${name}\\b`));
  }
}

function refused(html: string, lang: Lang, expected: Expected[]) {
  expectRefusedFormIn(html, lang, expected);
  expectNoInternal(html, lang);
}

/** A user whose name and address read the same in both languages. */
async function person(role: 'admin' | 'organizer', extra: { disabled?: boolean } = {}) {
  const email = `isik${++n}@koda.test`;
  const password = `salasõna number ${n} pikk`;
  const created = await createUser(
    ctx.deps.db,
    { email, name: `Mari Maasikas ${n}`, password, role, municipalities: ['keila'] },
    1_000,
  );
  if (extra.disabled) {
    await ctx.deps.db
      .update(users)
      .set({ disabledAt: ctx.clock.now() })
      .where(eq(users.id, created.id));
  }
  return { ...created, password };
}

let admin: Awaited<ReturnType<typeof person>>;
let adminCookie: string;
let organizerCookie: string;

beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
  admin = await person('admin');
  adminCookie = await loginCookie(ctx, admin.email, admin.password);
  const organizer = await person('organizer');
  organizerCookie = await loginCookie(ctx, organizer.email, organizer.password);
});
afterAll(() => ctx.close());

describe.each(LANGS)('accounts forms refused in %s', (lang) => {
  const as = (cookie?: string) => ({ ...header(lang), ...(cookie ? { cookie } : {}) });

  it('login: empty fields, then a wrong password', async () => {
    const empty = await postForm(ctx, '/admin/login', { email: '', password: '' }, as());
    expect(empty.status).toBe(422);
    refused(await empty.text(), lang, ['validation.required']);
    const wrong = await postForm(
      ctx,
      '/admin/login',
      { email: admin.email, password: 'not the password at all' },
      as(),
    );
    expect(wrong.status).toBe(401);
    refused(await wrong.text(), lang, ['accounts.login.failed']);
  });

  it('password change: too short, typed twice differently', async () => {
    const res = await postForm(
      ctx,
      '/admin/account',
      { current: 'whatever it is', password: 'short', repeat: 'other' },
      as(organizerCookie),
    );
    expect(res.status).toBe(422);
    refused(await res.text(), lang, [
      ['accounts.password.error.tooShort', { min: 12, max: 1000 }],
      'accounts.password.error.mismatch',
    ]);
  });

  it('password reset request: not an address', async () => {
    const res = await postForm(ctx, '/admin/password-reset', { email: 'not an address' }, as());
    expect(res.status).toBe(422);
    refused(await res.text(), lang, ['accounts.reset.invalidEmail']);
  });

  it('password reset: the new password too short, and a field sent twice', async () => {
    const user = await person('organizer');
    await postForm(ctx, '/admin/password-reset', { email: user.email }, as());
    // The request is queued; the outbox job writes the email (the same work for any address).
    await processResetRequests(ctx.deps.db, ctx.deps.config.publicUrl, ctx.clock.now());
    const [mail] = await ctx.deps.db.select().from(outbox).where(eq(outbox.recipient, user.email));
    const token = /\/admin\/password-reset\/([\w-]{43})/.exec(mail?.text ?? '')?.[1];
    expect(token).toBeTruthy();
    const short = await postForm(
      ctx,
      `/admin/password-reset/${token}`,
      { password: 'short', repeat: 'short' },
      as(),
    );
    expect(short.status).toBe(422);
    refused(await short.text(), lang, [
      ['accounts.password.error.tooShort', { min: 12, max: 1000 }],
    ]);
    const twice = await postForm(
      ctx,
      `/admin/password-reset/${token}`,
      { password: ['one password', 'another one'], repeat: 'one password' },
      as(),
    );
    expect(twice.status).toBe(422);
    refused(await twice.text(), lang, []);
  });

  it('new user: bad address, short password, unknown role; then an unknown municipality and a taken address', async () => {
    const invalid = await postForm(
      ctx,
      '/admin/users',
      { email: 'not an email', name: '', password: 'short', role: 'superuser' },
      as(adminCookie),
    );
    expect(invalid.status).toBe(422);
    refused(await invalid.text(), lang, [
      'validation.email',
      'validation.required',
      ['validation.tooShort', { limit: 12 }],
      'validation.choice',
    ]);
    const unknown = await postForm(
      ctx,
      '/admin/users',
      {
        email: `uus${++n}@koda.test`,
        name: 'Uus Inimene',
        password: 'a long enough password',
        role: 'organizer',
        municipalities: ['atlantis'],
      },
      as(adminCookie),
    );
    expect(unknown.status).toBe(422);
    refused(await unknown.text(), lang, ['accounts.users.unknownMunicipality']);
    const taken = await postForm(
      ctx,
      '/admin/users',
      { email: admin.email, name: 'Teine', password: 'a long enough password', role: 'organizer' },
      as(adminCookie),
    );
    expect(taken.status).toBe(409);
    refused(await taken.text(), lang, ['accounts.users.duplicate']);
  });

  it('user access: unknown role, unknown municipality, taking away one’s own admin role', async () => {
    const target = await person('organizer');
    const role = await postForm(
      ctx,
      `/admin/users/${target.id}`,
      { role: 'superuser' },
      as(adminCookie),
    );
    expect(role.status).toBe(422);
    refused(await role.text(), lang, ['validation.choice']);
    const place = await postForm(
      ctx,
      `/admin/users/${target.id}`,
      { role: 'organizer', municipalities: 'atlantis' },
      as(adminCookie),
    );
    expect(place.status).toBe(422);
    refused(await place.text(), lang, ['accounts.users.unknownMunicipality']);
    const self = await postForm(
      ctx,
      `/admin/users/${admin.id}`,
      { role: 'organizer' },
      as(adminCookie),
    );
    expect(self.status).toBe(409);
    refused(await self.text(), lang, ['accounts.users.notSelf']);
  });

  it('disable: one’s own account; send reset link: a disabled account', async () => {
    const disable = await postForm(ctx, `/admin/users/${admin.id}/disable`, {}, as(adminCookie));
    expect(disable.status).toBe(409);
    refused(await disable.text(), lang, ['accounts.users.notSelf']);
    const closed = await person('organizer', { disabled: true });
    const reset = await postForm(
      ctx,
      `/admin/users/${closed.id}/password-reset`,
      {},
      as(adminCookie),
    );
    expect(reset.status).toBe(409);
    refused(await reset.text(), lang, ['accounts.users.resetDisabled']);
  });

  it('tokens: a label too long; revoking a token that is not there', async () => {
    const create = await postForm(
      ctx,
      '/admin/tokens',
      { label: 'x'.repeat(101) },
      as(organizerCookie),
    );
    expect(create.status).toBe(422);
    refused(await create.text(), lang, [['validation.tooLong', { limit: 100 }]]);
    const revoke = await postForm(ctx, '/admin/tokens/999999/revoke', {}, as(organizerCookie));
    expect(revoke.status).toBe(404);
    const html = await revoke.text();
    expectOnlyIn(html, lang, ['errors.not_found']);
    expectNoInternal(html, lang);
  });
});
