import { and, eq, gt, ne } from 'drizzle-orm';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runFollowJob, runOutboxJob, runPurgeJob } from '@/jobs';
import {
  actionItems,
  actionPlans,
  events,
  follows,
  municipalities,
  outbox,
} from '@/platform/db/schema';
import { createSmtpMailer } from '@/platform/mail/smtp';
import { apiRequest, created } from '../helpers/api';
import { createTestContext, TEST_NOW, type TestContext } from '../helpers/app';
import { bearerFor, sessionFor } from '../helpers/auth';
import { visibleText } from '../helpers/form-language';
import { postForm } from '../helpers/session';

let ctx: TestContext;
let server: SMTPServer;
let mailer: ReturnType<typeof createSmtpMailer>;
const received: ParsedMail[] = [];
const MINUTE = 60 * 1000;
let address = 0;
/** A client address of its own per request (the test app trusts x-forwarded-for). */
const from = () => ({ 'x-forwarded-for': `10.20.${(++address >> 8) & 255}.${address & 255}` });

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        simpleParser(Buffer.concat(chunks))
          .then((mail) => {
            received.push(mail);
            callback();
          })
          .catch(callback);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  mailer = createSmtpMailer(`smtp://127.0.0.1:${port}`, 'Koda <koda@koda.test>');
  ctx = await createTestContext({
    demo: true,
    mailer,
    config: { SMTP_URL: `smtp://127.0.0.1:${port}`, TRUST_PROXY: 'true' },
  });
  await ctx.deps.db.delete(outbox);
});
afterAll(async () => {
  mailer.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await ctx.close();
});

function follow(body: unknown, headers: Record<string, string> = from()) {
  return ctx.app.request('/api/v1/follows', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

/** Sends what the outbox holds over SMTP and gives the emails that arrived for `to`. */
async function delivered(to: string): Promise<ParsedMail[]> {
  // A run sends a batch: run until nothing more goes.
  while ((await runOutboxJob(ctx.deps)).sent > 0);
  return received.filter((mail) => mail.to && 'text' in mail.to && mail.to.text.includes(to));
}

const linkIn = (mail: ParsedMail | undefined, kind: 'confirm' | 'unsubscribe') => {
  const match = new RegExp(`https://koda\\.test(/follows/[A-Za-z0-9_-]{43}/${kind})`).exec(
    mail?.text ?? '',
  );
  if (!match?.[1]) throw new Error(`no ${kind} link in ${mail?.text}`);
  return match[1];
};

/** A header field as sent (mailparser makes List-Unsubscribe a structure). */
function header(mail: ParsedMail | undefined, name: string): string | undefined {
  const line = mail?.headerLines.find((candidate) => candidate.key === name.toLowerCase())?.line;
  return line
    ?.slice(line.indexOf(':') + 1)
    .replace(/\r?\n[ \t]+/g, ' ')
    .trim();
}

const advance = (ms: number) => ctx.clock.set(new Date(ctx.clock.now().getTime() + ms));

describe('following by email', () => {
  it('refuses what cannot be followed, naming the field, and answers alike for any address', async () => {
    const none = await follow({ email: 'x@example.ee' });
    expect(none.status).toBe(422);
    const two = await follow({ email: 'x@example.ee', municipality: 'keila', planId: 1 });
    expect(two.status).toBe(422);
    const unknown = await follow({ email: 'x@example.ee', municipality: 'atlantis' });
    expect(unknown.status).toBe(422);
    expect((await unknown.json()).error.details[0].path).toBe('municipality');
    const first = await follow({ email: 'same@example.ee', municipality: 'keila' });
    const again = await follow({ email: 'SAME@example.ee', municipality: 'keila' });
    expect([first.status, again.status]).toEqual([202, 202]);
    expect(await again.json()).toEqual(await first.clone().json());
    const rows = await ctx.deps.db
      .select()
      .from(follows)
      .where(eq(follows.email, 'same@example.ee'));
    expect(rows).toHaveLength(1);
    // Limited per address like registering: the same /64 shares one counter.
    const net = (n: number) => ({ 'x-forwarded-for': `2001:db8:1:2::${n.toString(16)}` });
    const answers: number[] = [];
    for (let n = 1; n <= 21; n++) {
      answers.push(
        (await follow({ email: `r${n}@example.ee`, municipality: 'keila' }, net(n))).status,
      );
    }
    expect(answers.slice(0, 20).every((s) => s === 202)).toBe(true);
    expect(answers[20]).toBe(429);
    // The pages' form shares the counter, and says so in the reader's language.
    const page = await postForm(
      ctx,
      '/follows',
      { email: 'r22@example.ee', municipality: 'keila' },
      { ...net(22), cookie: 'lang=en' },
    );
    expect(page.status).toBe(429);
    expect(visibleText(await page.text())).toContain('Too many attempts. Please try again later.');
  });

  it('offers following the series on a published event’s page, below registration, not in a draft’s preview', async () => {
    const upcoming = await ctx.deps.db
      .select({ slug: events.slug, title: events.title })
      .from(events)
      .where(and(eq(events.status, 'published'), gt(events.startsAt, ctx.clock.now())))
      .orderBy(events.startsAt);
    let page = '';
    let event: (typeof upcoming)[number] | undefined;
    for (const candidate of upcoming) {
      page = await (await ctx.app.request(`/events/${candidate.slug}`)).text();
      if (page.includes('id="registration"')) {
        event = candidate;
        break;
      }
    }
    if (!event) throw new Error('no demo event with registration open');
    const form = page.indexOf('class="follow-by-email"');
    expect(form).toBeGreaterThan(page.indexOf('id="registration"'));
    expect(page).toContain(`<input type="hidden" name="series" value="${event.slug}"/>`);
    // One address field per id: the registration form has its own.
    expect(page.match(/id="f-email"/g)).toHaveLength(1);

    const email = 'sari@example.ee';
    const posted = await postForm(
      ctx,
      '/follows',
      { email, series: event.slug, frequency: 'immediate' },
      from(),
    );
    expect(posted.status).toBe(303);
    expect(posted.headers.get('location')).toBe('/follows/sent');
    const queued = await ctx.deps.db.select().from(outbox).where(eq(outbox.recipient, email));
    expect(queued.map((mail) => mail.kind)).toEqual(['follows.confirm']);
    expect(queued[0]?.text).toContain(event.title);
    const [row] = await ctx.deps.db.select().from(follows).where(eq(follows.email, email));
    expect(row?.series).toBe(event.slug);

    const organizer = await sessionFor(ctx, { role: 'organizer', municipalities: ['keila'] });
    const draft = await postForm(
      ctx,
      '/admin/events/new',
      {
        kind: 'forum',
        title: 'Keila mustandfoorum',
        hosts: 'keila',
        startsAt: '2027-02-10T17:00',
        endsAt: '2027-02-10T19:00',
      },
      { cookie: organizer },
    );
    expect(draft.status).toBe(303);
    const draftSlug = /\/admin\/events\/([^/?]+)/.exec(draft.headers.get('location') ?? '')?.[1];
    const preview = await ctx.app.request(`/admin/events/${draftSlug ?? ''}/preview`, {
      headers: { cookie: organizer },
    });
    expect(preview.status).toBe(200);
    const previewPage = await preview.text();
    expect(previewPage).toContain('Keila mustandfoorum');
    expect(previewPage).not.toContain('follow-by-email');

    // Confirmed, the series' next meeting (a copy, once published) is news; the draft was not.
    const confirm = /https:\/\/koda\.test(\/follows\/[A-Za-z0-9_-]{43}\/confirm)/.exec(
      queued[0]?.text ?? '',
    )?.[1];
    expect((await postForm(ctx, confirm ?? '', {})).status).toBe(200);
    advance(MINUTE);
    const admin = await bearerFor(ctx, { role: 'admin' });
    const copy = await created(
      await apiRequest(
        ctx,
        'POST',
        `/events/${event.slug}/copy`,
        { startsAt: '2027-03-10T17:00' },
        admin,
      ),
    );
    advance(MINUTE);
    await runFollowJob(ctx.deps);
    expect(await ctx.deps.db.select().from(outbox).where(eq(outbox.recipient, email))).toHaveLength(
      1,
    );
    const published = await apiRequest(
      ctx,
      'PATCH',
      `/events/${String(copy.slug)}`,
      { status: 'published' },
      admin,
    );
    expect(published.status, await published.clone().text()).toBe(200);
    advance(MINUTE);
    await runFollowJob(ctx.deps);
    const mails = await ctx.deps.db
      .select()
      .from(outbox)
      .where(eq(outbox.recipient, email))
      .orderBy(outbox.id);
    expect(mails.map((mail) => mail.kind)).toEqual(['follows.confirm', 'follows.news']);
    // Each link opens in the follower's language.
    expect(mails[1]?.text).toContain(`https://koda.test/events/${String(copy.slug)}?lang=et`);
    expect(mails[1]?.text).toContain(event.title);
    expect(mails[1]?.text).not.toContain(`https://koda.test/events/${event.slug}?`);
  });

  it('goes from the confirmation to a news email to one-click unsubscribe, over SMTP', async () => {
    const email = 'jalgija@example.ee';
    expect((await follow({ email, municipality: 'keila' })).status).toBe(202);
    const [confirmMail] = await delivered(email);
    expect(confirmMail?.subject).toContain('Kinnitage jälgimine');
    const confirm = linkIn(confirmMail, 'confirm');

    // A link checker's GET confirms nothing; the button does.
    const ask = await ctx.app.request(confirm);
    expect(ask.status).toBe(200);
    expect(ask.headers.get('cache-control')).toBe('no-store');
    const [pending] = await ctx.deps.db.select().from(follows).where(eq(follows.email, email));
    expect(pending?.confirmedAt).toBeNull();
    expect((await postForm(ctx, confirm, {})).status).toBe(200);
    const [confirmed] = await ctx.deps.db.select().from(follows).where(eq(follows.email, email));
    expect(confirmed?.confirmedAt).not.toBeNull();

    // Asking again once confirmed: the same answer, no email, nothing changes.
    advance(2 * 60 * MINUTE);
    const mails = (await delivered(email)).length;
    expect((await follow({ email, municipality: 'keila' })).status).toBe(202);
    expect(await delivered(email)).toHaveLength(mails);
    expect(await ctx.deps.db.select().from(follows).where(eq(follows.email, email))).toEqual([
      confirmed,
    ]);

    // Nothing new, nothing sent.
    advance(MINUTE);
    expect(await runFollowJob(ctx.deps)).toBe(0);

    const organizer = await bearerFor(ctx, { role: 'organizer', municipalities: ['keila'] });
    advance(MINUTE);
    const event = await created(
      await apiRequest(
        ctx,
        'POST',
        '/events',
        {
          kind: 'forum',
          title: 'Keila rattateede foorum',
          startsAt: '2027-01-20T17:00',
          endsAt: '2027-01-20T19:00',
          hosts: ['keila'],
          status: 'published',
        },
        organizer,
      ),
    );
    advance(MINUTE);
    expect(await runFollowJob(ctx.deps)).toBe(1);
    expect(await runFollowJob(ctx.deps)).toBe(0);
    const news = (await delivered(email)).at(-1);
    expect(news?.subject).toBe('Uudised: uued sündmused: Keila linn');
    expect(news?.text).toContain(`https://koda.test/events/${String(event.slug)}`);
    expect(news?.text).toContain('Keila rattateede foorum');
    const unsubscribe = linkIn(news, 'unsubscribe');
    expect(header(news, 'List-Unsubscribe')).toBe(`<https://koda.test${unsubscribe}>`);
    expect(header(news, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');

    // GET asks; a mail provider's one-click POST (no cookie, no Origin) stops this follow only.
    expect(visibleText(await (await ctx.app.request(unsubscribe)).text())).toContain(
      'Kas lõpetada kirjad teemal: uued sündmused: Keila linn?',
    );
    const others = await ctx.deps.db.select().from(follows).where(ne(follows.email, email));
    const oneClick = await ctx.app.request(unsubscribe, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(oneClick.status).toBe(200);
    expect(await ctx.deps.db.select().from(follows).where(eq(follows.email, email))).toEqual([]);
    expect(await ctx.deps.db.select().from(follows).where(ne(follows.email, email))).toEqual(
      others,
    );
    // Again: the same answer, nothing else changes.
    expect((await ctx.app.request(unsubscribe, { method: 'POST' })).status).toBe(200);
  });

  it('sends a weekly digest of an item’s progress reports, in the follower’s language', async () => {
    const [item] = await ctx.deps.db
      .select({ id: actionItems.id, title: actionItems.title, slug: municipalities.slug })
      .from(actionItems)
      .innerJoin(actionPlans, eq(actionPlans.id, actionItems.planId))
      .innerJoin(municipalities, eq(municipalities.id, actionPlans.municipalityId))
      .where(and(eq(actionPlans.status, 'adopted')))
      .limit(1);
    if (!item) throw new Error('no demo plan item');
    const email = 'nadal@example.ee';
    // The plan page's form, in Russian.
    const plan = await ctx.app.request(`/plans/${(await planOf(item.id)) ?? 0}`);
    expect(await plan.text()).toContain(`<option value="${item.id}">`);
    const posted = await postForm(
      ctx,
      '/follows',
      {
        email,
        planId: String(await planOf(item.id)),
        planItemId: String(item.id),
        frequency: 'weekly',
      },
      { cookie: 'lang=ru', ...from() },
    );
    expect(posted.status).toBe(303);
    expect(posted.headers.get('location')).toBe('/follows/sent');
    const confirmMail = (await delivered(email)).at(-1);
    // The links open in the follower's language, not the browser's.
    expect(confirmMail?.text).toMatch(/\/follows\/[A-Za-z0-9_-]{43}\/confirm\?lang=ru\n/);
    const confirm = linkIn(confirmMail, 'confirm');
    expect((await postForm(ctx, confirm, {})).status).toBe(200);

    advance(MINUTE);
    const organizer = await bearerFor(ctx, { role: 'organizer', municipalities: [item.slug] });
    const report = await apiRequest(
      ctx,
      'POST',
      `/plan-items/${item.id}/updates`,
      { status: 'done', progress: 100, note: 'Valmis' },
      organizer,
    );
    expect(report.status, await report.clone().text()).toBe(201);
    advance(MINUTE);
    // Weekly: not before a week has passed since the confirmation.
    expect(await runFollowJob(ctx.deps)).toBe(0);
    advance(7 * 24 * 60 * MINUTE);
    expect(await runFollowJob(ctx.deps)).toBe(1);
    const digest = (await delivered(email)).at(-1);
    expect(digest?.subject).toContain('Новости: новости мероприятия плана');
    expect(digest?.text).toContain(item.title);
    expect(digest?.text).toContain('статус: ');
    expect(digest?.text).toContain('выполнено 100%');
    expect(digest?.text).not.toContain('Valmis');

    // The digest's own one-click link: its page asks in the follower's language; the POST stops it.
    const unsubscribe = linkIn(digest, 'unsubscribe');
    expect(digest?.text).toContain(`https://koda.test${unsubscribe}?lang=ru`);
    expect(digest?.text).toMatch(/\/plans\/\d+\?lang=ru#item-\d+/);
    expect(header(digest, 'List-Unsubscribe')).toBe(`<https://koda.test${unsubscribe}>`);
    const ask = visibleText(await (await ctx.app.request(unsubscribe)).text());
    expect(ask).toMatch(/[а-я]/);
    expect(ask).toContain(item.title);
    expect((await ctx.app.request(unsubscribe, { method: 'POST' })).status).toBe(200);
    expect(await ctx.deps.db.select().from(follows).where(eq(follows.email, email))).toEqual([]);
    advance(7 * 24 * 60 * MINUTE);
    const sent = (await delivered(email)).length;
    await runFollowJob(ctx.deps);
    expect(await delivered(email)).toHaveLength(sent);
  });

  it('tells a plan’s followers of due-date moves, progress and completion, and of nothing else', async () => {
    const items = await ctx.deps.db
      .select({
        id: actionItems.id,
        title: actionItems.title,
        planId: actionItems.planId,
        dueDate: actionItems.dueDate,
        slug: municipalities.slug,
      })
      .from(actionItems)
      .innerJoin(actionPlans, eq(actionPlans.id, actionItems.planId))
      .innerJoin(municipalities, eq(municipalities.id, actionPlans.municipalityId))
      .where(eq(actionPlans.status, 'adopted'))
      .orderBy(actionItems.planId, actionItems.id);
    const planId = items[0]?.planId;
    const own = items.filter((item) => item.planId === planId);
    const other = items.find((item) => item.planId !== planId);
    const [moved, reported, done] = own;
    if (!moved || !reported || !done || !other) throw new Error('the demo needs two adopted plans');
    const email = 'kava@example.ee';
    expect((await follow({ email, planId, frequency: 'immediate' })).status).toBe(202);
    const confirm = linkIn((await delivered(email)).at(-1), 'confirm');
    expect((await postForm(ctx, confirm, {})).status).toBe(200);

    advance(MINUTE);
    const organizer = await bearerFor(ctx, { role: 'organizer', municipalities: [moved.slug] });
    const otherOrganizer = await bearerFor(ctx, {
      role: 'organizer',
      municipalities: [other.slug],
    });
    const report = async (itemId: number, body: unknown, token = organizer) => {
      const res = await apiRequest(ctx, 'POST', `/plan-items/${itemId}/updates`, body, token);
      expect(res.status, await res.clone().text()).toBe(201);
    };
    await report(moved.id, { dueDate: '2028-03-31', note: 'Hange venis' });
    await report(reported.id, { progress: 40, note: 'Pool tehtud' });
    await report(done.id, { status: 'done', note: 'Valmis' });
    // Another plan's item: not this follower's news.
    await report(other.id, { progress: 10, note: 'Algus' }, otherOrganizer);
    advance(MINUTE);
    const before = (await delivered(email)).length;
    await runFollowJob(ctx.deps);
    const mails = await delivered(email);
    expect(mails).toHaveLength(before + 1);
    const news = mails.at(-1)?.text ?? '';
    const lines = news.split('\n').filter((line) => line.startsWith('• '));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain(moved.title);
    expect(lines[0]).toContain('uus tähtaeg 31.03.2028');
    if (moved.dueDate) {
      expect(lines[0]).toContain(`(oli ${moved.dueDate.split('-').reverse().join('.')})`);
    }
    expect(lines[1]).toContain(reported.title);
    expect(lines[1]).toContain('edenemine 40%');
    expect(lines[2]).toContain(done.title);
    expect(lines[2]).toContain('seis: tehtud');
    expect(news).toContain(`https://koda.test/plans/${planId}?lang=et#item-${moved.id}`);
    expect(news).not.toMatch(new RegExp(`#item-${other.id}\\b`));
    // A progress report's note is the organizers' text: not mailed.
    expect(news).not.toContain('Hange venis');
    // Nothing new since: nothing more.
    advance(MINUTE);
    await runFollowJob(ctx.deps);
    expect(await delivered(email)).toHaveLength(before + 1);
  });

  it('the privacy page says what following, questions and feedback keep, and how long, in each language', async () => {
    const days = ctx.deps.config.retentionDays;
    const read = async (lang: string) =>
      visibleText(await (await ctx.app.request(`/privacy?lang=${lang}`)).text());
    const et = await read('et');
    expect(et).toContain('Kinnitamata soov kustutatakse 7 päeva pärast');
    expect(et).toContain(`isikuandmetega ${days} päeva pärast sündmuse lõppu`);
    expect(et).toContain('tagasiside link kehtib 30 päeva');
    expect(et).toContain('ei ole enam kellegagi seotud');
    const en = await read('en');
    expect(en).toContain(`personal data, ${days} days after the event ends`);
    expect(en).toContain('the answer stays but is linked to nobody');
    const ru = await read('ru');
    expect(ru).toContain('Неподтверждённый запрос удаляется через 7 дней');
    expect(ru).toContain(`через ${days} дней после окончания мероприятия`);
  });

  it('purges requests nobody confirmed within a week', async () => {
    ctx.clock.set(TEST_NOW);
    expect((await follow({ email: 'unconfirmed@example.ee', municipality: 'tartu' })).status).toBe(
      202,
    );
    advance(6 * 24 * 60 * MINUTE);
    await runPurgeJob(ctx.deps);
    const kept = await ctx.deps.db
      .select()
      .from(follows)
      .where(eq(follows.email, 'unconfirmed@example.ee'));
    expect(kept).toHaveLength(1);
    advance(2 * 24 * 60 * MINUTE);
    await runPurgeJob(ctx.deps);
    expect(
      await ctx.deps.db.select().from(follows).where(eq(follows.email, 'unconfirmed@example.ee')),
    ).toEqual([]);
    // A confirmed follow stays, however old.
    expect(
      await ctx.deps.db.select().from(follows).where(eq(follows.email, 'kava@example.ee')),
    ).toHaveLength(1);
  });
});

async function planOf(itemId: number): Promise<number | undefined> {
  const [row] = await ctx.deps.db
    .select({ planId: actionItems.planId })
    .from(actionItems)
    .where(eq(actionItems.id, itemId));
  return row?.planId;
}
