import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events, outbox, registrations } from '@/platform/db/schema';
import { apiRequest, created } from '../helpers/api';
import { createTestContext, type TestContext } from '../helpers/app';
import { bearerFor, sessionFor } from '../helpers/auth';
import { postForm } from '../helpers/session';

/**
 * A plan or an item written in Russian, read on an Estonian page: wherever its title stands in
 * a sentence or a list of the page's language (the event's "next due" and "overdue" lines, the
 * plan's feed link, the embed, the organizers' dashboard, plan pages and delete questions, the
 * Atom feed), it is marked `lang="ru"`; on a Russian page it is not. A plain-text email has no
 * marks: it names the plan in the reader's language where translated, and its link opens in it.
 */

let ctx: TestContext;
let keila: string;
let keilaPage: string;
let slug: string;
let planId: number;
let itemId: number;
let draftId: number;
let draftItemId: number;

const send = (method: string, path: string, body?: unknown) =>
  apiRequest(ctx, method, path, body, keila);
const page = async (path: string, cookie?: string) => {
  const res = await ctx.app.request(path, { headers: cookie ? { cookie } : {} });
  expect(res.status, path).toBe(200);
  return res.text();
};

const ITEM = 'Ремонт дороги к школе';
const PLAN = 'План открытого управления Кейлы';

beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
  keila = await bearerFor(ctx, { role: 'organizer', municipalities: ['keila'] });
  keilaPage = await sessionFor(ctx, { role: 'organizer', municipalities: ['keila'] });
  const event = await created(
    await send('POST', '/events', {
      kind: 'think_tank',
      title: 'Keila teede mõttekoda',
      startsAt: '2026-10-01T17:00',
      endsAt: '2026-10-01T19:00',
      hosts: ['keila'],
      status: 'published',
    }),
  );
  slug = String(event.slug);
  const outcome = await created(
    await send('POST', `/events/${slug}/outcomes`, {
      kind: 'proposal',
      title: 'Koolitee ohutumaks',
      body: 'Elanikud tegid ettepaneku.',
      published: true,
    }),
  );
  const plan = await created(
    await send('POST', '/municipalities/keila/plans', {
      title: { ru: PLAN, en: 'Keila open government plan' },
      periodStart: '2026-01-01',
      periodEnd: '2027-12-31',
    }),
  );
  planId = plan.id;
  const item = await created(
    await send('POST', `/plans/${planId}/items`, {
      title: { ru: ITEM },
      dueDate: '2026-12-15',
      sourceOutcomeIds: [outcome.id],
    }),
  );
  itemId = item.id;
  expect((await send('PATCH', `/plans/${planId}`, { status: 'adopted' })).status).toBe(200);
  expect(
    (await send('POST', `/plan-items/${itemId}/updates`, { progress: 40, note: 'Начаты работы' }))
      .status,
  ).toBe(201);
  const draft = await created(
    await send('POST', '/municipalities/keila/plans', {
      title: { ru: 'Черновик плана' },
      periodStart: '2028-01-01',
      periodEnd: '2029-12-31',
    }),
  );
  draftId = draft.id;
  draftItemId = (
    await created(await send('POST', `/plans/${draftId}/items`, { title: { ru: ITEM } }))
  ).id;
});
afterAll(() => ctx.close());

/** The paragraph with this class on the page, whole (its text and markup). */
const paragraph = (html: string, cls: string) =>
  new RegExp(`<p class="${cls}">([\\s\\S]*?)</p>`).exec(html)?.[1] ?? `(no p.${cls})`;

describe('a Russian action item in a sentence of an Estonian page', () => {
  it('is marked in the event page’s next due date, and in its overdue line once due', async () => {
    const et = await page(`/events/${slug}?lang=et`);
    expect(paragraph(et, 'banner')).toBe(
      `Järgmine tähtaeg: 15. detsember 2026 (<span lang="ru">${ITEM}</span>).`,
    );
    // The plan's feed link names the plan in the page's language where it has a translation.
    expect(et).toContain(`Jälgi tegevuskava „<span lang="ru">${PLAN}</span>” uudisvoogu`);
    const ru = await page(`/events/${slug}?lang=ru`);
    expect(paragraph(ru, 'banner')).toContain(`(${ITEM}).`);
    expect(ru).not.toContain(`lang="ru">${ITEM}`);
    const en = await page(`/events/${slug}?lang=en`);
    expect(en).toContain('Follow the feed of “Keila open government plan”');

    const before = ctx.clock.now();
    ctx.clock.set(new Date('2026-12-20T12:00:00Z'));
    try {
      const late = await page(`/events/${slug}?lang=et`);
      expect(paragraph(late, 'banner warn')).toMatch(
        new RegExp(
          `^Tähtaeg möödus [^<]+, kuid tegevus „<span lang="ru">${ITEM}</span>” pole veel tehtud\\.$`,
        ),
      );
    } finally {
      ctx.clock.set(before);
    }
  });

  it('is marked in the plan’s embed, which shows the reader’s language where translated', async () => {
    const et = await page(`/embed/plans/${planId}?lang=et`);
    expect(et).toContain(`<h1 lang="ru">${PLAN}</h1>`);
    expect(et).toContain(`<span lang="ru">${ITEM}</span>`);
    const en = await page(`/embed/plans/${planId}?lang=en`);
    expect(en).toContain('<h1>Keila open government plan</h1>');
    const ru = await page(`/embed/plans/${planId}?lang=ru`);
    expect(ru).toContain(`<h1>${PLAN}</h1>`);
    expect(ru).toContain(`<span>${ITEM}</span>`);
  });

  it('is marked on the organizers’ dashboard, plan list, plan page and delete questions', async () => {
    const dashboard = await page('/admin?lang=et', keilaPage);
    expect(dashboard).toContain(`<a href="/admin/plans/${planId}" lang="ru">${PLAN}</a>`);
    const list = await page('/admin/plans?lang=et', keilaPage);
    expect(list).toContain(`<a href="/admin/plans/${planId}" lang="ru">${PLAN}</a>`);
    const admin = await page(`/admin/plans/${planId}?lang=et`, keilaPage);
    expect(admin).toContain(`<h1 lang="ru">${PLAN}</h1>`);
    expect(admin).toContain(`<strong lang="ru">${ITEM}</strong>`);
    const ru = await page(`/admin/plans/${planId}?lang=ru`, keilaPage);
    expect(ru).toContain(`<h1>${PLAN}</h1>`);

    const deletePlan = await postForm(
      ctx,
      `/admin/plans/${draftId}/delete?lang=et`,
      {},
      {
        cookie: keilaPage,
      },
    );
    expect(deletePlan.status).toBe(200);
    expect(await deletePlan.text()).toContain(
      '<strong>Kas kustutada tegevuskava „<span lang="ru">Черновик плана</span>“ koos kõigi selle tegevustega?</strong>',
    );
    const deleteItem = await postForm(
      ctx,
      `/admin/plan-items/${draftItemId}/delete?lang=et`,
      {},
      {
        cookie: keilaPage,
      },
    );
    expect(deleteItem.status).toBe(200);
    expect(await deleteItem.text()).toContain(
      `<strong>Kas kustutada tegevus „<span lang="ru">${ITEM}</span>“?</strong>`,
    );
  });

  it('is marked in the plan’s Atom feed entry, whose title is then HTML', async () => {
    const et = await page(`/plans/${planId}/feed.xml?lang=et`);
    expect(et).toContain(
      `<title type="html">&lt;span lang=&quot;ru&quot;&gt;${ITEM}&lt;/span&gt; — Edenemine: 40%</title>`,
    );
    const ru = await page(`/plans/${planId}/feed.xml?lang=ru`);
    expect(ru).toContain(`<title type="text">${ITEM} — Выполнение: 40%</title>`);
  });

  it('is in the reader’s language where translated in the plan’s calendar of due dates', async () => {
    const en = await page(`/plans/${planId}/calendar.ics?lang=en`);
    expect(en).toContain('X-WR-CALNAME:Due dates: Keila open government plan');
    expect(en).toContain(`SUMMARY:Due: ${ITEM}`);
    const ru = await page(`/plans/${planId}/calendar.ics?lang=ru`);
    expect(ru).toContain('X-WR-CALNAME:Сроки: План');
  });

  it('is in the reader’s language where translated in the follow-up email, whose link opens in it', async () => {
    const [event] = await ctx.deps.db.select().from(events).where(eq(events.slug, slug));
    if (!event) throw new Error('no event');
    const base = {
      eventId: event.id,
      attendance: 'in_person' as const,
      status: 'confirmed' as const,
      consentAt: new Date('2026-09-01'),
      followUpConsentAt: new Date('2026-09-01'),
    };
    await ctx.deps.db.insert(registrations).values([
      { ...base, name: 'John', email: 'john@example.test', manageTokenHash: 't1', lang: 'en' },
      { ...base, name: 'Mari', email: 'mari@example.test', manageTokenHash: 't2', lang: 'et' },
    ]);
    const res = await send('POST', `/plan-items/${itemId}/updates`, {
      status: 'in_progress',
      progress: 50,
      note: 'Работы идут',
    });
    expect(res.status).toBe(201);
    const mails = await ctx.deps.db
      .select()
      .from(outbox)
      .where(eq(outbox.kind, 'plan.item_status'));
    const john = mails.find((mail) => mail.recipient === 'john@example.test');
    expect(john?.text).toContain('in the plan “Keila open government plan”');
    expect(john?.text).toContain(`/plans/${planId}?lang=en#item-${itemId}`);
    const mari = mails.find((mail) => mail.recipient === 'mari@example.test');
    expect(mari?.text).toContain(`tegevuskavas „${PLAN}“`);
    expect(mari?.text).toContain(`/plans/${planId}?lang=et#item-${itemId}`);
  });

  it('is offered in the reader’s language where translated in the plan page’s follow form', async () => {
    const patched = await send('PATCH', `/plan-items/${itemId}`, {
      title: { ru: ITEM, en: 'A safer road to school' },
    });
    expect(patched.status, await patched.clone().text()).toBe(200);
    const en = await page(`/plans/${planId}?lang=en`);
    expect(en).toMatch(
      new RegExp(`<option value="${itemId}">\\s*A safer road to school\\s*</option>`),
    );
    const ru = await page(`/plans/${planId}?lang=ru`);
    expect(ru).toMatch(new RegExp(`<option value="${itemId}">\\s*${ITEM}\\s*</option>`));
  });
});
