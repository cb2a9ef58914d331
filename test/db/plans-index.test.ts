import { asc, eq } from 'drizzle-orm';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  actionItems,
  actionItemUpdates,
  actionPlans,
  municipalities,
  users,
} from '@/platform/db/schema';
import { createTestContext, type TestContext } from '../helpers/app';
import { apiRequest, created } from '../helpers/api';
import { bearerFor, sessionFor } from '../helpers/auth';

let ctx: TestContext;
let keila: string;
let tartu: string;
/** The same two organizers on the pages: sessions (a token opens no page). */
let keilaPages: string;
let tartuPages: string;
/** Demo plan ids by municipality slug. */
const demo = new Map<string, number>();

type ListedPlan = {
  id: number;
  municipality: { slug: string; name: string };
  title: string;
  periodStart: string;
  periodEnd: string;
  status: string;
  progress: {
    total: number;
    donePercent: number;
    averageProgress: number;
    overdue: number;
    itemsWithDueDateMoved: number;
  };
  url: string;
  feedUrl: string;
};
type Entry = {
  id: string;
  title: { '#text': string; '@_type': string };
  link: { '@_href': string };
  published: string;
  updated: string;
  summary: { '#text': string };
};

function send(method: string, path: string, body?: unknown, authorization = keila) {
  return apiRequest(ctx, method, path, body, authorization);
}

async function page(path: string, cookie?: string) {
  const res = await ctx.app.request(path, cookie ? { headers: { cookie } } : {});
  expect(res.status, path).toBe(200);
  return res.text();
}

/** The hrefs of the plan cards on /plans, in page order. */
function planLinks(html: string): number[] {
  return [...html.matchAll(/<h3><a href="\/plans\/(\d+)">/g)].map((m) => Number(m[1]));
}

/** The card of one plan on /plans, tags removed. */
function card(html: string, planId: number): string {
  const start = html.indexOf(`<a href="/plans/${planId}">`);
  expect(start, `plan ${planId} on the page`).toBeGreaterThan(-1);
  const end = html.indexOf('</li>', start);
  return html
    .slice(start, end)
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');
}

async function apiList(query = '', authorization?: string) {
  const res = await ctx.app.request(
    `/api/v1/plans${query}`,
    authorization ? { headers: { authorization } } : {},
  );
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as { items: ListedPlan[]; total: number };
}

function parseFeed(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  return (
    new XMLParser({
      ignoreAttributes: false,
      isArray: (name) => name === 'entry',
    }).parse(xml) as { feed: { '@_xml:lang': string; title: { '#text': string }; entry?: Entry[] } }
  ).feed;
}

/** An adopted Keila plan (2026–2027; the test clock is 26 Nov 2026) with one item due 30.06.2026. */
async function keilaPlan(status: 'draft' | 'adopted', title: string) {
  const plan = await created(
    await send('POST', '/municipalities/keila/plans', {
      title,
      periodStart: '2026-01-01',
      periodEnd: '2027-12-31',
      status,
    }),
  );
  const item = await created(
    await send('POST', `/plans/${plan.id}/items`, {
      title: 'Istungite ülekanded',
      dueDate: '2026-06-30',
    }),
  );
  return { plan, item };
}

beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
  const rows = await ctx.deps.db
    .select({ id: actionPlans.id, slug: municipalities.slug })
    .from(actionPlans)
    .innerJoin(municipalities, eq(municipalities.id, actionPlans.municipalityId));
  for (const row of rows) demo.set(row.slug, row.id);
  keila = await bearerFor(ctx, { role: 'organizer', municipalities: ['keila'] });
  tartu = await bearerFor(ctx, { role: 'organizer', municipalities: ['tartu'] });
  keilaPages = await sessionFor(ctx, { role: 'organizer', municipalities: ['keila'] });
  tartuPages = await sessionFor(ctx, { role: 'organizer', municipalities: ['tartu'] });
});
afterAll(() => ctx.close());

// The demo plans each have four items due in 2015–2016: one done, one in progress at 60%, one
// planned, one delayed at 30%. On 26 Nov 2026: 1 of 4 done (25%), average (100+60+0+30)/4 = 48%,
// and the three unfinished ones are overdue.
describe('/plans', () => {
  it('lists every demo plan by municipality with its numbers, in Estonian', async () => {
    const html = await page('/plans');
    expect(html).toContain('<html lang="et">');
    expect(html).toContain('<h1>Tegevuskavad</h1>');
    expect(html).toMatch(/<a href="\/plans"[^>]*>Tegevuskavad<\/a>/);
    // Grouped under the municipality, in Estonian alphabetical order.
    expect(planLinks(html)).toEqual(
      ['haljala', 'jarva-jaani', 'keila', 'maksa', 'rouge', 'tartu'].map((slug) => demo.get(slug)),
    );
    expect(html).toContain('<h2 id="plans-keila">Keila linn</h2>');
    const keilaCard = card(html, demo.get('keila')!);
    expect(keilaCard).toContain('Keila linna avatud valitsemise tegevuskava');
    expect(keilaCard).toContain('Vastu võetud');
    expect(keilaCard).toContain('Periood 1. jaan 2015 – 31. dets 2016');
    expect(keilaCard).toContain('1 / 4 tegevust tehtud');
    expect(keilaCard).toContain('25% tegevustest tehtud');
    expect(keilaCard).toContain('keskmine edenemine 48%');
    expect(keilaCard).toContain('tähtaeg möödas: 3');
    // The demo's open-data item had its due date moved once.
    expect(keilaCard).toContain('tähtaega muudeti 1 tegevusel');
  });

  it('says the same in English', async () => {
    const html = await page('/plans?lang=en');
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<h1>Action plans</h1>');
    expect(html).toMatch(/<a href="\/plans"[^>]*>Action plans<\/a>/);
    const tartuCard = card(html, demo.get('tartu')!);
    expect(tartuCard).toContain('Adopted');
    expect(tartuCard).toContain('Period 1 Jan 2015 – 31 Dec 2016');
    expect(tartuCard).toContain('25% of actions done');
    expect(tartuCard).toContain('average progress 48%');
    expect(tartuCard).toContain('overdue: 3');
  });

  it('filters by municipality and status without JavaScript, and ignores nonsense', async () => {
    const keilaOnly = await page('/plans?municipality=keila');
    expect(planLinks(keilaOnly)).toEqual([demo.get('keila')]);
    expect(keilaOnly).toContain('<option value="keila" selected="">Keila linn</option>');
    expect(keilaOnly).toContain('<a href="/plans">Näita kõiki tegevuskavu</a>');

    expect(planLinks(await page('/plans?status=archived'))).toEqual([]);
    expect(await page('/plans?status=archived&lang=en')).toContain('No action plans match.');
    expect(planLinks(await page('/plans?status=adopted'))).toHaveLength(6);

    for (const query of [
      'municipality=%3Cscript%3E',
      'municipality=nowhere',
      'municipality=',
      'status=bogus',
      'status=ADOPTED',
      'status=adopted%00',
      'municipality[]=keila&status[]=x',
    ]) {
      const html = await page(`/plans?${query}`);
      expect(planLinks(html), query).toHaveLength(6);
      expect(html, query).not.toContain('<script>');
    }
    // One nonsense value does not spoil a good one.
    expect(planLinks(await page('/plans?municipality=tartu&status=nonsense'))).toEqual([
      demo.get('tartu'),
    ]);
  });

  it('shows an archived plan under its status', async () => {
    const res = await send('PATCH', `/plans/${demo.get('keila')}`, { status: 'archived' });
    expect(res.status, await res.clone().text()).toBe(200);
    try {
      const archived = await page('/plans?status=archived&lang=en');
      expect(planLinks(archived)).toEqual([demo.get('keila')]);
      expect(card(archived, demo.get('keila')!)).toContain('Archived');
      expect(planLinks(await page('/plans?status=adopted'))).not.toContain(demo.get('keila'));
      expect((await apiList('?status=archived')).items.map((p) => p.id)).toEqual([
        demo.get('keila'),
      ]);
    } finally {
      // Back as the demo has it, for the other tests (direct: an archived plan stays archived).
      await ctx.deps.db
        .update(actionPlans)
        .set({ status: 'adopted' })
        .where(eq(actionPlans.id, demo.get('keila')!));
    }
  });
});

describe('drafts and due-date moves in the list', () => {
  it('hides a draft from the public and other organizers, shows it to its organizer', async () => {
    const { plan } = await keilaPlan('draft', 'Keila mustand 2026');
    for (const html of [await page('/plans'), await page('/plans', tartuPages)]) {
      expect(html).not.toContain('Keila mustand 2026');
      expect(planLinks(html)).not.toContain(plan.id);
    }
    expect((await apiList()).items.map((p) => p.id)).not.toContain(plan.id);
    expect((await apiList('', tartu)).items.map((p) => p.id)).not.toContain(plan.id);
    expect((await apiList('?status=draft')).items).toEqual([]);

    const own = await page('/plans', keilaPages);
    expect(planLinks(own)).toContain(plan.id);
    expect(card(own, plan.id)).toContain('Mustand');
    expect((await apiList('?status=draft', keila)).items.map((p) => p.id)).toEqual([plan.id]);

    // Its feed is no one else's either.
    expect((await ctx.app.request(`/plans/${plan.id}/feed.xml`)).status).toBe(404);
    expect(
      (await ctx.app.request(`/plans/${plan.id}/feed.xml`, { headers: { cookie: tartuPages } }))
        .status,
    ).toBe(404);
    const mine = await ctx.app.request(`/plans/${plan.id}/feed.xml`, {
      headers: { cookie: keilaPages },
    });
    expect(mine.status).toBe(200);
    expect(mine.headers.get('cache-control')).toBe('private, no-store');
  });

  it('counts the items whose due date was moved', async () => {
    const { plan, item } = await keilaPlan('adopted', 'Keila tegevuskava 2026–2027');
    const second = await created(
      await send('POST', `/plans/${plan.id}/items`, { title: 'Avaandmed', dueDate: '2026-09-30' }),
    );
    for (const [id, dueDate] of [
      [item.id, '2026-12-31'],
      [item.id, '2027-03-31'],
      [second.id, null],
    ] as const) {
      await created(
        await send('POST', `/plan-items/${id}/updates`, { dueDate, note: 'Hange venis' }),
      );
    }
    const et = card(await page('/plans?municipality=keila'), plan.id);
    expect(et).toContain('tähtaega muudeti 2 tegevusel');
    const en = card(await page('/plans?municipality=keila&lang=en'), plan.id);
    expect(en).toContain('due date moved for 2 actions');
    // The second item's date is gone; the first's (31.03.2027) is not yet due.
    expect(en).not.toContain('overdue');
    const listed = (await apiList('?municipality=keila')).items.find((p) => p.id === plan.id);
    expect(listed?.progress).toMatchObject({ itemsWithDueDateMoved: 2, overdue: 0, total: 2 });
  });
});

describe('GET /api/v1/plans', () => {
  it('lists the public plans with their numbers and addresses', async () => {
    const body = await apiList();
    expect(body.total).toBe(body.items.length);
    const keilaPlan = body.items.find((plan) => plan.id === demo.get('keila'));
    expect(keilaPlan).toMatchObject({
      id: demo.get('keila'),
      municipality: { slug: 'keila', name: 'Keila linn' },
      title: 'Keila linna avatud valitsemise tegevuskava',
      periodStart: '2015-01-01',
      periodEnd: '2016-12-31',
      status: 'adopted',
      progress: {
        total: 4,
        done: 1,
        dropped: 0,
        overdue: 3,
        donePercent: 25,
        averageProgress: 48,
        byStatus: { planned: 1, in_progress: 1, done: 1, delayed: 1, dropped: 0 },
        itemsWithDueDateMoved: 1,
      },
      url: `https://koda.test/plans/${demo.get('keila')}`,
      feedUrl: `https://koda.test/plans/${demo.get('keila')}/feed.xml`,
    });
    expect(body.items.every((plan) => plan.status !== 'draft')).toBe(true);
    // By municipality name, in Estonian order.
    const names = body.items.map((plan) => plan.municipality.name);
    expect(names[0]).toBe('Haljala vald');
    expect(names.at(-1)).toBe('Tartu linn');
    expect(names.indexOf('Järva-Jaani vald')).toBeLessThan(names.indexOf('Keila linn'));

    const tartuOnly = await apiList('?municipality=tartu&status=adopted');
    expect(tartuOnly.items.map((plan) => plan.id)).toEqual([demo.get('tartu')]);
    expect(await apiList('?municipality=nowhere')).toEqual({ items: [], total: 0 });
  });

  it('answers 422 naming the field for a status or slug that cannot be', async () => {
    for (const [query, field] of [
      ['?status=bogus', 'status'],
      ['?status=ADOPTED', 'status'],
      ['?municipality=%3Cscript%3E', 'municipality'],
    ] as const) {
      const res = await ctx.app.request(`/api/v1/plans${query}`);
      expect(res.status, query).toBe(422);
      const body = (await res.json()) as { error: { details: { path: string }[] } };
      expect(body.error.details.map((detail) => detail.path)).toEqual([field]);
    }
  });

  it('is described in the OpenAPI document', async () => {
    const doc = (await (await ctx.app.request('/api/openapi.json')).json()) as {
      paths: Record<string, { get?: { description?: string } }>;
    };
    expect(doc.paths['/plans']?.get?.description ?? '').toContain('empty list');
  });
});

describe('/plans/:id/feed.xml', () => {
  it('is well-formed Atom of the public reports, newest first, linked to their items', async () => {
    const id = demo.get('rouge')!;
    const res = await ctx.app.request(`/plans/${id}/feed.xml?lang=en`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    const feed = parseFeed(await res.text());
    expect(feed['@_xml:lang']).toBe('en');
    expect(feed.title['#text']).toBe(
      'Progress of Rõuge valla avatud valitsemise partnerluse tegevuskava',
    );
    const items = await ctx.deps.db
      .select({ id: actionItems.id, title: actionItems.title })
      .from(actionItems)
      .where(eq(actionItems.planId, id))
      .orderBy(asc(actionItems.position));
    const [done, inProgress, planned, delayed] = items;
    const entries = feed.entry ?? [];
    // The mid-term review (15 Sep 2015) of three items, the open-data item's due-date move
    // (20 Jun 2015), then the four items' first reports.
    expect(entries.map((entry) => entry.link['@_href'])).toEqual(
      [delayed, inProgress, done, delayed, delayed, planned, inProgress, done].map(
        (item) => `https://koda.test/plans/${id}#item-${item!.id}`,
      ),
    );
    expect(entries.map((entry) => entry.published.slice(0, 10))).toEqual([
      '2015-09-14',
      '2015-09-14',
      '2015-09-14',
      '2015-06-19',
      '2015-02-28',
      '2015-02-28',
      '2015-02-28',
      '2015-02-28',
    ]);
    // The Estonian item's title on an English feed is marked with its language: an HTML title.
    expect(entries[2]!.title['@_type']).toBe('html');
    expect(entries[2]!.title['#text']).toBe(
      '<span lang="et">Volikogu istungite veebiülekanded</span> — Status: Planned → Done, Progress: 0% → 100%',
    );
    // ICU writes September 'Sep' or 'Sept' depending on its version.
    expect(entries[2]!.summary['#text']).toMatch(
      /^Report date: 15 Sept? 2015\nStatus: Planned → Done\nProgress: 0% → 100%\nVahehindamine kogukonnaga\.$/,
    );
    expect(entries[3]!.summary['#text']).toContain('Due date moved from 30.06.2015 to 31.12.2015');
    expect(entries[7]!.title['#text']).toBe(
      '<span lang="et">Volikogu istungite veebiülekanded</span> — Status: Planned, Progress: 0%',
    );
    const ids = entries.map((entry) => entry.id);
    expect(new Set(ids).size).toBe(ids.length);
    // Stable: the same ids on the next request, and in the other language.
    const again = parseFeed(await (await ctx.app.request(`/plans/${id}/feed.xml`)).text());
    expect(again['@_xml:lang']).toBe('et');
    expect((again.entry ?? []).map((entry) => entry.id)).toEqual(ids);
    expect(again.entry?.[2]?.title['@_type']).toBe('text');
    expect(again.entry?.[2]?.title['#text']).toBe(
      'Volikogu istungite veebiülekanded — Olek: Kavandatud → Tehtud, Edenemine: 0% → 100%',
    );
  });

  it('tells a due-date move and its reason, and names no author', async () => {
    const { plan, item } = await keilaPlan('adopted', 'Keila plaan voo jaoks');
    await created(
      await send('POST', `/plan-items/${item.id}/updates`, {
        date: '2026-06-15',
        dueDate: '2026-12-31',
        note: 'Hange venis: pakkumusi tuli üks',
      }),
    );
    const xml = await (await ctx.app.request(`/plans/${plan.id}/feed.xml?lang=en`)).text();
    const [entry] = parseFeed(xml).entry ?? [];
    expect(entry?.title['#text']).toBe(
      '<span lang="et">Istungite ülekanded</span> — Due date moved from 30.06.2026 to 31.12.2026',
    );
    expect(entry?.summary['#text']).toBe(
      'Report date: 15 Jun 2026\nDue date moved from 30.06.2026 to 31.12.2026\nHange venis: pakkumusi tuli üks',
    );
    expect(entry?.link['@_href']).toBe(`https://koda.test/plans/${plan.id}#item-${item.id}`);
    const et = await (await ctx.app.request(`/plans/${plan.id}/feed.xml`)).text();
    expect(et).toContain('Tähtaeg muudeti: 30.06.2026 → 31.12.2026');
    // The organizer who wrote the report is not named anywhere public.
    const authors = await ctx.deps.db.select({ email: users.email, name: users.name }).from(users);
    const pages = [
      xml,
      et,
      await page('/plans'),
      await page(`/plans/${plan.id}`),
      await (await ctx.app.request('/api/v1/plans')).text(),
    ];
    for (const { email, name } of authors) {
      for (const text of pages) {
        expect(text).not.toContain(email);
        expect(text).not.toContain(name);
      }
    }
  });

  it('answers 304 to a current ETag or date, and changes once a report is added', async () => {
    const { plan, item } = await keilaPlan('adopted', 'Keila plaan ETagi jaoks');
    await created(
      await send('POST', `/plan-items/${item.id}/updates`, { progress: 10, note: 'Algus' }),
    );
    const path = `/plans/${plan.id}/feed.xml`;
    const first = await ctx.app.request(path);
    const etag = first.headers.get('etag') ?? '';
    const lastModified = first.headers.get('last-modified') ?? '';
    expect(etag).toMatch(/^"[0-9a-f]{40}"$/);
    expect(lastModified).toBe(ctx.clock.now().toUTCString());

    const same = await ctx.app.request(path, { headers: { 'If-None-Match': etag } });
    expect(same.status).toBe(304);
    expect(await same.text()).toBe('');
    expect(same.headers.get('etag')).toBe(etag);
    const since = await ctx.app.request(path, { headers: { 'If-Modified-Since': lastModified } });
    expect(since.status).toBe(304);
    // The English feed is another text with another tag.
    const english = await ctx.app.request(`${path}?lang=en`, {
      headers: { 'If-None-Match': etag },
    });
    expect(english.status).toBe(200);

    ctx.clock.set(new Date(ctx.clock.now().getTime() + 60 * 60 * 1000));
    try {
      await created(
        await send('POST', `/plan-items/${item.id}/updates`, {
          status: 'in_progress',
          progress: 40,
          note: 'Kaamerad tellitud',
        }),
      );
      const changed = await ctx.app.request(path, {
        headers: { 'If-None-Match': etag, 'If-Modified-Since': lastModified },
      });
      expect(changed.status).toBe(200);
      expect(changed.headers.get('etag')).not.toBe(etag);
      expect(changed.headers.get('last-modified')).toBe(ctx.clock.now().toUTCString());
      const entries = parseFeed(await changed.text()).entry ?? [];
      expect(entries.map((entry) => entry.summary['#text'].split('\n').at(-1))).toEqual([
        'Kaamerad tellitud',
        'Algus',
      ]);
      expect(entries[0]?.title['#text']).toBe(
        'Istungite ülekanded — Olek: Töös, Edenemine: 10% → 40%',
      );
    } finally {
      ctx.clock.set(new Date('2026-11-26T12:00:00Z'));
    }
  });

  it('carries the newest hundred reports', async () => {
    const { plan, item } = await keilaPlan('adopted', 'Keila plaan saja teatega');
    await ctx.deps.db.insert(actionItemUpdates).values(
      Array.from({ length: 105 }, (_, index) => ({
        actionItemId: item.id,
        date: `2026-0${1 + Math.floor(index / 28)}-${String(1 + (index % 28)).padStart(2, '0')}`,
        progress: index % 101,
        note: `Teade ${index}`,
      })),
    );
    const entries =
      parseFeed(await (await ctx.app.request(`/plans/${plan.id}/feed.xml`)).text()).entry ?? [];
    expect(entries).toHaveLength(100);
    expect(entries[0]?.summary['#text']).toMatch(/Teade 104$/);
    expect(entries[99]?.summary['#text']).toMatch(/Teade 5$/);
  });

  it('answers 404 for plans that are not there', async () => {
    for (const id of ['999999', 'abc', '0', '99999999999']) {
      expect((await ctx.app.request(`/plans/${id}/feed.xml`)).status, id).toBe(404);
    }
  });

  it('is advertised on the plan page', async () => {
    const id = demo.get('keila')!;
    const et = await page(`/plans/${id}`);
    expect(et).toContain(
      `<link rel="alternate" type="application/atom+xml" title="Tegevuskava edenemine: Keila linna avatud valitsemise tegevuskava" href="/plans/${id}/feed.xml"/>`,
    );
    expect(et).toContain('Jälgi seda tegevuskava (Atom)');
    expect(await page(`/plans/${id}?lang=en`)).toContain(
      `<a href="/plans/${id}/feed.xml" type="application/atom+xml">Follow this plan (Atom)</a>`,
    );
  });
});
