/** Following by email: asking (double opt-in), confirming, stopping, and the news emails. */
import { and, eq, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import { follows, followUnsubscribeTokens } from '@/platform/db/schema';
import type { Db, Queryable } from '@/platform/db/types';
import { invalidFields, type ErrorDetail } from '@/platform/http/errors';
import { isLang, type Lang } from '@/platform/i18n';
import { enqueueEmail } from '@/platform/mail/outbox/enqueue';
import { hashToken, newToken } from '@/platform/tokens';
import { formatRange } from '@/platform/time';
import { findEventIds, findEventsByIds, findPublicEvent, listMunicipalities } from '@/events';
import { findPublicItem, findVisiblePlan, planNewsBetween, type PlanNews } from '@/plans';
import { translator } from '@/messages';
import {
  CONFIRM_DAYS,
  DAY_MS,
  digestDue,
  targetKindOf,
  type FollowInput,
  type FollowTargetKind,
} from './rules';
import { withLang } from '@/platform/i18n/link';

type FollowDeps = { db: Db; clock: { now(): Date }; config: { publicUrl: string } };
type FollowRow = typeof follows.$inferSelect;

/** A confirmation email is re-sent for the same address and target at most this often. */
const RESEND_MS = 60 * 60 * 1000;

/** What is followed, by its stored ids, with the name a person reads; null when gone or not public. */
type Target = {
  kind: FollowTargetKind;
  municipalityId: number | null;
  planId: number | null;
  planItemId: number | null;
  series: string | null;
  name: string;
  /** For `municipality`: its slug (events are filtered by hosts' slugs). */
  slug?: string;
};

function unknown(path: string): ErrorDetail {
  return { path, message: 'Not found', localized: { key: 'follows.error.unknown' } };
}

/** The input's target, checked to exist and be public (422 naming the field otherwise). */
async function resolveTarget(db: Queryable, input: FollowInput): Promise<Target> {
  const base = { municipalityId: null, planId: null, planItemId: null, series: null };
  switch (targetKindOf(input)) {
    case 'municipality': {
      const found = (await listMunicipalities(db)).find((m) => m.slug === input.municipality);
      if (!found) throw invalidFields([unknown('municipality')]);
      return {
        ...base,
        kind: 'municipality',
        municipalityId: found.id,
        name: found.name,
        slug: found.slug,
      };
    }
    case 'series': {
      const event = await findPublicEvent(db, input.series ?? '');
      if (!event) throw invalidFields([unknown('series')]);
      return { ...base, kind: 'series', series: event.slug, name: event.title };
    }
    case 'plan': {
      const plan = await findVisiblePlan(db, input.planId ?? 0, null);
      if (!plan) throw invalidFields([unknown('planId')]);
      return { ...base, kind: 'plan', planId: plan.id, name: plan.title };
    }
    case 'plan_item': {
      const item = await findPublicItem(db, input.planItemId ?? 0);
      if (!item) throw invalidFields([unknown('planItemId')]);
      return {
        ...base,
        kind: 'plan_item',
        planItemId: item.id,
        planId: item.planId,
        name: item.title,
      };
    }
  }
}

/** A stored follow's target as a person reads it; null when it is gone or no longer public. */
async function targetOf(db: Queryable, row: FollowRow): Promise<Target | null> {
  try {
    switch (row.target) {
      case 'municipality': {
        const m = (await listMunicipalities(db)).find((x) => x.id === row.municipalityId);
        return m ? resolveTarget(db, { email: row.email, municipality: m.slug }) : null;
      }
      case 'series':
        return await resolveTarget(db, { email: row.email, series: row.series ?? '' });
      case 'plan':
        return await resolveTarget(db, { email: row.email, planId: row.planId ?? 0 });
      case 'plan_item':
        return await resolveTarget(db, { email: row.email, planItemId: row.planItemId ?? 0 });
    }
  } catch {
    return null;
  }
}

function targetText(lang: Lang, target: Pick<Target, 'kind' | 'name'>): string {
  return translator(lang)(`follows.target.${target.kind}`, { name: target.name });
}

const sameTarget = (target: Target) =>
  and(
    eq(follows.target, target.kind),
    sql`${follows.municipalityId} is not distinct from ${target.municipalityId}`,
    sql`${follows.planId} is not distinct from ${target.kind === 'plan' ? target.planId : null}`,
    sql`${follows.planItemId} is not distinct from ${target.planItemId}`,
    sql`${follows.series} is not distinct from ${target.series}`,
  );

/**
 * Asks to follow: the answer is the same whether or not the address already follows (nothing
 * tells a stranger what an address follows). A new request is stored unconfirmed and gets a
 * confirmation link; one already pending gets a new link (at most hourly); a confirmed one
 * gets nothing.
 */
export async function requestFollow(deps: FollowDeps, input: FollowInput, lang: Lang) {
  const now = deps.clock.now();
  const target = await resolveTarget(deps.db, input);
  const token = newToken();
  const tokenHash = await hashToken(token);
  await deps.db.transaction(async (tx) => {
    const [existing] = await tx
      .select()
      .from(follows)
      .where(and(sql`lower(${follows.email}) = lower(${input.email})`, sameTarget(target)))
      .for('update');
    if (existing?.confirmedAt) return;
    if (existing) {
      if (now.getTime() - existing.createdAt.getTime() < RESEND_MS) return;
      await tx
        .update(follows)
        .set({
          confirmTokenHash: tokenHash,
          createdAt: now,
          lang,
          frequency: input.frequency ?? existing.frequency,
        })
        .where(eq(follows.id, existing.id));
    } else {
      await tx.insert(follows).values({
        email: input.email,
        lang,
        target: target.kind,
        municipalityId: target.municipalityId,
        planId: target.kind === 'plan' ? target.planId : null,
        planItemId: target.planItemId,
        series: target.series,
        frequency: input.frequency ?? 'immediate',
        confirmTokenHash: tokenHash,
        createdAt: now,
      });
    }
    const t = translator(lang);
    const what = targetText(lang, target);
    await enqueueEmail(
      tx,
      {
        kind: 'follows.confirm',
        recipient: input.email,
        subject: t('follows.email.confirm.subject', { target: what }),
        text: [
          t('email.greeting'),
          '',
          t('follows.email.confirm.body', { target: what }),
          withLang(`${deps.config.publicUrl}/follows/${token}/confirm`, lang),
          '',
          t('follows.email.confirm.ignore'),
        ].join('\n'),
      },
      now,
    );
  });
}

/** The follow of a confirmation link that still works (within CONFIRM_DAYS of asking). */
export async function followByConfirmToken(db: Queryable, token: string, now: Date) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const [row] = await db
    .select()
    .from(follows)
    .where(eq(follows.confirmTokenHash, await hashToken(token)));
  if (!row) return null;
  if (!row.confirmedAt && now.getTime() - row.createdAt.getTime() >= CONFIRM_DAYS * DAY_MS) {
    return { row, expired: true as const };
  }
  const target = await targetOf(db, row);
  return target ? { row, target, expired: false as const } : null;
}

export async function confirmFollow(db: Queryable, followId: number, now: Date) {
  // News starts from the confirmation: nothing from before it is sent.
  await db
    .update(follows)
    .set({ confirmedAt: now, notifiedUntil: now })
    .where(and(eq(follows.id, followId), isNull(follows.confirmedAt)));
}

/** The follow of an unsubscribe link; null when unknown (or already stopped: it is deleted). */
export async function followByUnsubscribeToken(db: Queryable, token: string) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const [row] = await db
    .select({ follow: follows })
    .from(followUnsubscribeTokens)
    .innerJoin(follows, eq(follows.id, followUnsubscribeTokens.followId))
    .where(eq(followUnsubscribeTokens.tokenHash, await hashToken(token)));
  return row?.follow ?? null;
}

/** Stops one follow: the row (address included) is deleted with its links. */
export async function stopFollow(db: Queryable, followId: number) {
  await db.delete(follows).where(eq(follows.id, followId));
}

/** Unconfirmed requests older than CONFIRM_DAYS are deleted (the purge job). */
export async function purgeUnconfirmedFollows(db: Queryable, now: Date): Promise<number> {
  const rows = await db
    .delete(follows)
    .where(
      and(
        isNull(follows.confirmedAt),
        lt(follows.createdAt, new Date(now.getTime() - CONFIRM_DAYS * DAY_MS)),
      ),
    )
    .returning({ id: follows.id });
  return rows.length;
}

type NewsLine =
  | { kind: 'event'; title: string; when: string; url: string }
  | ({ kind: 'update'; url: string } & PlanNews);

async function newsFor(
  db: Queryable,
  row: FollowRow,
  target: Target,
  after: Date,
  until: Date,
  lang: Lang,
  publicUrl: string,
): Promise<NewsLine[]> {
  if (target.kind === 'municipality' || target.kind === 'series') {
    const filter =
      target.kind === 'municipality'
        ? { municipalitySlugs: [target.slug ?? ''] }
        : { title: target.name };
    const ids = await findEventIds(db, {
      public: true,
      publishedAfter: after,
      publishedAtOrBefore: until,
      ...filter,
    });
    const found = [...(await findEventsByIds(db, ids)).values()]
      .filter((event) => event.slug !== row.series)
      .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
    return found.map((event) => ({
      kind: 'event',
      title: event.title,
      when: formatRange(event.startsAt, event.endsAt, event.timezone, lang),
      url: withLang(`${publicUrl}/events/${event.slug}`, lang),
    }));
  }
  const news = await planNewsBetween(
    db,
    target.kind === 'plan' ? { planId: target.planId ?? 0 } : { itemId: target.planItemId ?? 0 },
    after,
    until,
  );
  return news.map((line) => ({
    ...line,
    kind: 'update',
    url: withLang(`${publicUrl}/plans/${line.planId}#item-${line.itemId}`, lang),
  }));
}

/** A plan's date as its pages and emails show it, in every language: '2026-06-30' → '30.06.2026'. */
const numericDate = (date: string) => date.split('-').reverse().join('.');

function newsText(lang: Lang, line: NewsLine): string {
  const t = translator(lang);
  if (line.kind === 'event') return t('follows.email.news.event', line);
  const changes: string[] = [];
  if (line.status) {
    const status = t(`plans.status.${line.status}`).toLocaleLowerCase(lang);
    changes.push(t('follows.email.news.status', { status }));
  }
  if (line.progress !== null)
    changes.push(t('follows.email.news.progress', { progress: line.progress }));
  const move = line.dueDateMove;
  if (move) {
    changes.push(
      !move.to
        ? t('follows.email.news.dueRemoved')
        : move.from
          ? t('follows.email.news.dueMovedFrom', {
              due: numericDate(move.to),
              from: numericDate(move.from),
            })
          : t('follows.email.news.dueMoved', { due: numericDate(move.to) }),
    );
  }
  if (changes.length === 0) changes.push(t('follows.email.news.report'));
  return t('follows.email.news.update', {
    item: line.itemTitle,
    date: numericDate(line.date),
    change: changes.join(', '),
    url: line.url,
  });
}

/**
 * The news emails: each confirmed follow whose email is due (immediate: any news; weekly: a week
 * after the last) gets one email listing what is new since, with its own one-click unsubscribe
 * link (RFC 8058). The window moves only when this process claims it (compare-and-set on
 * notifiedUntil), so two processes never send the same news. Returns how many emails.
 */
export async function sendFollowNews(deps: FollowDeps): Promise<number> {
  const now = deps.clock.now();
  const rows = await deps.db
    .select()
    .from(follows)
    .where(and(isNotNull(follows.confirmedAt), lt(follows.notifiedUntil, now)));
  let sent = 0;
  for (const row of rows) {
    if (!digestDue(row, now) || !row.notifiedUntil) continue;
    const lang: Lang = isLang(row.lang) ? row.lang : 'et';
    const target = await targetOf(deps.db, row);
    if (!target) continue;
    const news = await newsFor(
      deps.db,
      row,
      target,
      row.notifiedUntil,
      now,
      lang,
      deps.config.publicUrl,
    );
    // Without news an immediate follow keeps its window (nothing to claim); a weekly one moves
    // on to the next week.
    if (news.length === 0 && row.frequency === 'immediate') continue;
    const wrote = await deps.db.transaction(async (tx) => {
      const claimed = await tx
        .update(follows)
        .set({ notifiedUntil: now })
        .where(and(eq(follows.id, row.id), eq(follows.notifiedUntil, row.notifiedUntil as Date)))
        .returning({ id: follows.id });
      if (claimed.length === 0 || news.length === 0) return false;
      const token = newToken();
      await tx.insert(followUnsubscribeTokens).values({
        followId: row.id,
        tokenHash: await hashToken(token),
        createdAt: now,
      });
      const url = `${deps.config.publicUrl}/follows/${token}/unsubscribe`;
      const t = translator(lang);
      const what = targetText(lang, target);
      return enqueueEmail(
        tx,
        {
          kind: 'follows.news',
          recipient: row.email,
          subject: t('follows.email.news.subject', { target: what }),
          text: [
            t('email.greeting'),
            '',
            t('follows.email.news.intro', { target: what }),
            '',
            ...news.map((line) => newsText(lang, line)),
            '',
            t('follows.email.unsubscribe', { url: withLang(url, lang) }),
          ].join('\n'),
          headers: {
            'List-Unsubscribe': `<${url}>`,
            'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
          },
          dedupeKey: `follows.news:${row.id}:${now.toISOString()}`,
        },
        now,
      );
    });
    if (wrote) sent++;
  }
  return sent;
}

/** What a stored follow follows, in words; null when it is gone or no longer public. */
export async function followTargetText(db: Queryable, row: FollowRow, lang: Lang) {
  const target = await targetOf(db, row);
  return target ? targetText(lang, target) : null;
}
