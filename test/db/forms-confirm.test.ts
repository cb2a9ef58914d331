import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { translator } from '@/messages';
import { actionPlans, actionItems, events, outbox, recordings } from '@/platform/db/schema';
import { createTestContext, type TestContext } from '../helpers/app';
import { apiRequest, created } from '../helpers/api';
import { bearerFor, sessionFor } from '../helpers/auth';
import { visibleText } from '../helpers/form-language';
import { postForm } from '../helpers/session';
import { body, makeEvent, register, registrationsOf } from './registrations-fixtures';

/**
 * Destructive and mass-email actions take a second, explicit step without JavaScript: the first
 * post answers with a page that asks (200, nothing changed, nothing sent), whose form posts the
 * same fields again with confirm=yes. Only that second post acts.
 */

let ctx: TestContext;
/** Keila's organizer: a session for the pages, a token for the API that sets things up. */
let keila: string;
let keilaApi: string;

beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
  keila = await sessionFor(ctx, { role: 'organizer', municipalities: ['keila'] });
  keilaApi = await bearerFor(ctx, { role: 'organizer', municipalities: ['keila'] });
});
afterAll(() => ctx.close());

const LANGS = ['et', 'en'] as const;

function send(path: string, lang: string, fields: Record<string, string>) {
  return postForm(ctx, `${path}?lang=${lang}`, fields, { cookie: keila });
}

/** The page asks, in the reader's language, and its form posts the fields again with confirm=yes. */
async function expectAsks(
  res: Response,
  lang: 'et' | 'en',
  action: string,
  question: string,
  fields: Record<string, string> = {},
) {
  expect(res.status, res.headers.get('location') ?? '').toBe(200);
  const html = await res.text();
  expect(html).toContain('data-confirm-step');
  expect(html).toContain(`action="${action}"`);
  expect(html).toContain('name="confirm" value="yes"');
  for (const [name, value] of Object.entries(fields)) {
    expect(html).toContain(`name="${name}" value="${value}"`);
  }
  // A title in another language is a <span lang> inside the question: no break in the words.
  const text = visibleText(html.replace(/<\/?span\b[^>]*>/g, ''));
  expect(text).toContain(question);
  expect(text).toContain(translator(lang)('confirm.back'));
  const other = translator(lang === 'et' ? 'en' : 'et');
  expect(text).not.toContain(other('confirm.title'));
}

const mailCount = async () => (await ctx.deps.db.select().from(outbox)).length;

describe.each(LANGS)('the second step, in %s', (lang) => {
  const t = translator(lang);

  it('cancelling an event (which emails everyone) asks first', async () => {
    const event = await makeEvent(ctx);
    await register(ctx, event.slug, body());
    const mails = await mailCount();
    const path = `/admin/events/${event.slug}/status`;
    const fields = { status: 'cancelled', cancelReason: 'Saal on remondis' };
    const first = await send(path, lang, fields);
    await expectAsks(
      first,
      lang,
      path,
      t('admin.event.cancelConfirm.question', { title: event.title }),
      fields,
    );
    const [still] = await ctx.deps.db.select().from(events).where(eq(events.id, event.id));
    expect(still?.status).toBe('published');
    expect(await mailCount()).toBe(mails);
    const second = await send(path, lang, { ...fields, confirm: 'yes' });
    expect(second.status).toBe(303);
    const [after] = await ctx.deps.db.select().from(events).where(eq(events.id, event.id));
    expect(after?.status).toBe('cancelled');
    expect(await mailCount()).toBeGreaterThan(mails);
  });

  it('a message to the participants asks first, showing how many and what', async () => {
    const event = await makeEvent(ctx);
    await register(ctx, event.slug, body());
    await register(ctx, event.slug, body());
    const mails = await mailCount();
    const path = `/admin/events/${event.slug}/messages`;
    const fields = { audience: 'confirmed', subject: 'Kohvipaus', body: 'Võtke tass kaasa.' };
    const first = await send(path, lang, fields);
    await expectAsks(
      first.clone(),
      lang,
      path,
      t('registration.message.confirm.question', { count: 2 }),
      { audience: 'confirmed', subject: 'Kohvipaus' },
    );
    expect(visibleText(await first.text())).toContain('Võtke tass kaasa.');
    expect(await mailCount()).toBe(mails);
    const second = await send(path, lang, { ...fields, confirm: 'yes' });
    expect(second.status).toBe(303);
    expect(await mailCount()).toBe(mails + 2);
  });

  it('cancelling someone’s registration asks first', async () => {
    const event = await makeEvent(ctx);
    await register(ctx, event.slug, body({ name: 'Tiiu Tamm' }));
    const [row] = await registrationsOf(ctx.deps.db, event.id);
    const path = `/admin/events/${event.slug}/registrations/${row?.id}/cancel`;
    await expectAsks(
      await send(path, lang, {}),
      lang,
      path,
      t('registration.admin.cancelConfirm.question', { name: 'Tiiu Tamm' }),
    );
    expect((await registrationsOf(ctx.deps.db, event.id))[0]?.status).toBe('confirmed');
    expect((await send(path, lang, { confirm: 'yes' })).status).toBe(303);
    expect((await registrationsOf(ctx.deps.db, event.id))[0]?.status).toBe('cancelled');
  });

  it('deleting a draft plan or its item asks first', async () => {
    const plan = await created(
      await apiRequest(
        ctx,
        'POST',
        '/municipalities/keila/plans',
        { title: `Kava ${lang}`, periodStart: '2027-01-01', periodEnd: '2027-12-31' },
        keilaApi,
      ),
    );
    const item = await created(
      await apiRequest(ctx, 'POST', `/plans/${plan.id}/items`, { title: 'Pingid parki' }, keilaApi),
    );
    const itemPath = `/admin/plan-items/${item.id}/delete`;
    await expectAsks(
      await send(itemPath, lang, {}),
      lang,
      itemPath,
      t('plans.admin.deleteItemConfirm', { title: 'Pingid parki' }),
    );
    const planPath = `/admin/plans/${plan.id}/delete`;
    await expectAsks(
      await send(planPath, lang, {}),
      lang,
      planPath,
      t('plans.admin.deletePlanConfirm', { title: `Kava ${lang}` }),
    );
    const items = () =>
      ctx.deps.db.select().from(actionItems).where(eq(actionItems.planId, plan.id));
    expect(await items()).toHaveLength(1);
    expect((await send(itemPath, lang, { confirm: 'yes' })).status).toBe(303);
    expect(await items()).toHaveLength(0);
    expect((await send(planPath, lang, { confirm: 'yes' })).status).toBe(303);
    expect(
      await ctx.deps.db.select().from(actionPlans).where(eq(actionPlans.id, plan.id)),
    ).toHaveLength(0);
  });

  it('removing a recording asks first', async () => {
    const event = await makeEvent(ctx);
    const recording = await created(
      await apiRequest(
        ctx,
        'POST',
        `/events/${event.slug}/recordings`,
        { url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', title: 'Ülekanne' },
        keilaApi,
      ),
    );
    const path = `/admin/events/${event.slug}/recordings/${recording.id}/delete`;
    await expectAsks(
      await send(path, lang, {}),
      lang,
      path,
      t('recordings.admin.deleteConfirm', { title: 'Ülekanne' }),
    );
    const left = () => ctx.deps.db.select().from(recordings).where(eq(recordings.id, recording.id));
    expect(await left()).toHaveLength(1);
    expect((await send(path, lang, { confirm: 'yes' })).status).toBe(303);
    expect(await left()).toHaveLength(0);
  });
});
