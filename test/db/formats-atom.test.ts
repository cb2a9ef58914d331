import { and, eq } from 'drizzle-orm';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { eventHosts, events, municipalities } from '@/platform/db/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../helpers/app';
import { apiRequest, created } from '../helpers/api';
import { bearerFor } from '../helpers/auth';

/**
 * Atom entries (RFC 4287 §4.1.3, §4.2.13): the text as HTML a reader shows (`type="html"`,
 * rendered from the Markdown and sanitized) and a plain-text summary with no Markdown in it.
 */

type Text = { '#text': string; '@_type': string };
type Entry = {
  id: { '#text': string };
  title: Text;
  summary?: Text;
  content?: Text;
  link: { '@_href': string };
};

let ctx: TestContext;
let keila: string;
let keilaSlug: string;

function parseFeed(xml: string): Entry[] {
  expect(XMLValidator.validate(xml)).toBe(true);
  const parsed = new XMLParser({
    ignoreAttributes: false,
    alwaysCreateTextNode: true,
    isArray: (name) => name === 'entry',
  }).parse(xml) as { feed: { entry?: Entry[] } };
  return parsed.feed.entry ?? [];
}

beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
  keila = await bearerFor(ctx, { role: 'organizer', municipalities: ['keila'] });
  const [row] = await ctx.deps.db
    .select({ slug: events.slug })
    .from(events)
    .innerJoin(eventHosts, eq(eventHosts.eventId, events.id))
    .innerJoin(municipalities, eq(municipalities.id, eventHosts.municipalityId))
    .where(and(eq(municipalities.slug, 'keila'), eq(events.status, 'published')));
  if (!row) throw new Error('no Keila event');
  keilaSlug = row.slug;
});
afterAll(() => ctx.close());

const markdown = [
  '**Otsus**: avaldada _kõik_ istungid [veebis](https://keila.ee/istungid).',
  '',
  '- üks & kaks',
  '- <script>alert(1)</script>',
].join('\n');

describe('/archive/feed.xml', () => {
  it('gives an outcome sanitized HTML content from its Markdown and a plain-text summary', async () => {
    const outcome = await created(
      await apiRequest(
        ctx,
        'POST',
        `/events/${keilaSlug}/outcomes`,
        { kind: 'decision', title: 'Istungid veebis', body: markdown, published: true },
        keila,
      ),
    );
    const entries = parseFeed(await (await ctx.app.request('/archive/feed.xml')).text());
    const entry = entries.find((candidate) =>
      candidate.id['#text'].endsWith(`#outcome-${outcome.id}`),
    );
    expect(entry).toBeDefined();
    expect(entry?.content?.['@_type']).toBe('html');
    const html = entry?.content?.['#text'] ?? '';
    expect(html).toContain('<strong>Otsus</strong>');
    expect(html).toContain('<em>kõik</em>');
    expect(html).toContain('<a href="https://keila.ee/istungid"');
    expect(html).toContain('<li>üks &amp; kaks</li>');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&lt;script&gt;');

    expect(entry?.summary?.['@_type']).toBe('text');
    expect(entry?.summary?.['#text']).toBe(
      'Otsus: avaldada kõik istungid veebis.\nüks & kaks\n<script>alert(1)</script>',
    );
  });
});

describe('/plans/:id/feed.xml', () => {
  it('gives each report HTML content with what changed and the note, and a plain-text summary', async () => {
    const plan = await created(
      await apiRequest(
        ctx,
        'POST',
        '/municipalities/keila/plans',
        {
          title: 'Keila kava',
          periodStart: '2026-01-01',
          periodEnd: '2027-12-31',
          status: 'adopted',
        },
        keila,
      ),
    );
    const item = await created(
      await apiRequest(ctx, 'POST', `/plans/${plan.id}/items`, { title: 'Ülekanded' }, keila),
    );
    await created(
      await apiRequest(
        ctx,
        'POST',
        `/plan-items/${item.id}/updates`,
        {
          date: '2026-06-15',
          status: 'in_progress',
          progress: 40,
          note: 'Hange <b>venis</b> & läks',
        },
        keila,
      ),
    );
    const xml = await (await ctx.app.request(`/plans/${plan.id}/feed.xml?lang=en`)).text();
    const [entry] = parseFeed(xml);
    expect(entry?.content?.['@_type']).toBe('html');
    expect(entry?.content?.['#text']).toBe(
      '<p>Report date: 15 Jun 2026</p><ul><li>Status: In progress</li><li>Progress: 40%</li></ul><p>Hange &lt;b&gt;venis&lt;/b&gt; &amp; läks</p>',
    );
    expect(entry?.summary?.['@_type']).toBe('text');
    expect(entry?.summary?.['#text']).toBe(
      'Report date: 15 Jun 2026\nStatus: In progress\nProgress: 40%\nHange <b>venis</b> & läks',
    );
  });
});
