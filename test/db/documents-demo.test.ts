import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, isNotNull } from 'drizzle-orm';
import { extractText, getDocumentProxy } from 'unpdf';
import { seedDemo } from '../helpers/demo';
import { agendaItems, attachments, events } from '@/platform/db/schema';
import { createTestContext, type TestContext } from '../helpers/app';

/** The demo's documents: each 2014–2015 think tank's agenda and each plan's items, as PDFs. */

let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestContext();
  await seedDemo(ctx.deps.db, ctx.clock.now(), ctx.deps.files);
});
afterAll(() => ctx.close());

describe('the demo documents', () => {
  it('every 2014–2015 think tank has its agenda as a PDF labelled a demo, found on its page', async () => {
    const rows = await ctx.deps.db
      .select({
        slug: events.slug,
        title: attachments.title,
        id: attachments.id,
        filename: attachments.filename,
      })
      .from(attachments)
      .innerJoin(events, eq(events.id, attachments.eventId))
      .where(and(eq(events.kind, 'think_tank'), isNotNull(attachments.storageKey)));
    const thinkTanks = await ctx.deps.db.select().from(events).where(eq(events.kind, 'think_tank'));
    const withAgenda = new Set(
      (await ctx.deps.db.select({ eventId: agendaItems.eventId }).from(agendaItems)).map(
        (row) => row.eventId,
      ),
    );
    const historic = thinkTanks.filter(
      (event) => event.startsAt < new Date('2016-01-01') && withAgenda.has(event.id),
    );
    expect(historic.length).toBeGreaterThan(5);
    expect(new Set(rows.map((row) => row.slug))).toEqual(
      new Set(historic.map((event) => event.slug)),
    );
    const first = rows[0]!;
    expect(first.title).toBe('Päevakava (PDF, näidis)');
    const page = await (await ctx.app.request(`/events/${first.slug}`)).text();
    expect(page).toContain(`/files/${first.id}/`);
    const download = await ctx.app.request(
      `/files/${first.id}/${encodeURIComponent(first.filename!)}`,
    );
    expect(download.status).toBe(200);
    const pdf = await getDocumentProxy(new Uint8Array(await download.arrayBuffer()));
    const { text } = await extractText(pdf, { mergePages: true });
    expect(text).toContain('NÄIDIS');
    expect(text).toContain('päevakava');
  });

  it('every plan has a PDF of its items; the demo PDFs stay small (quick to make and load)', async () => {
    const plans = await ctx.deps.db.select().from(attachments).where(isNotNull(attachments.planId));
    expect(plans.length).toBeGreaterThan(0);
    expect(plans.every((row) => row.title === 'Tegevuskava (PDF, näidis)')).toBe(true);
    const all = await ctx.deps.db.select().from(attachments);
    expect(all.length).toBeLessThan(40);
    expect(all.every((row) => (row.size ?? 0) < 10_000)).toBe(true);
  });
});
