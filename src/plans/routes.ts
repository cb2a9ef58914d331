import { MaterialList, Materials, publishedMaterials, publishedMaterialsOf } from '@/documents';
import { Hono } from 'hono';
import { FollowForm } from '@/follows';
import { z } from 'zod';
import { PlanPage } from '@views/plans/plan-page';
import { PlansIndexPage } from '@views/plans/plans-index';
import { canManage } from '@/platform/auth/auth';
import { embedOffer } from '@/embeds';
import type { AppEnv } from '@/platform/deps';
import { answerWithValidators } from '@/platform/http/conditional';
import { MAX_ID, notFound } from '@/platform/http/errors';
import { pageContext } from '@/platform/http/page';
import { localize } from '@/platform/i18n/content';
import { planDeadlinesIcs } from './calendar';
import { planFeedReports, planFeedXml } from './feed';
import { csvHeaders } from './present';
import { filterPlans, parseStatusFilter, planStatuses } from './rules';
import { planItemsCsv } from './csv';
import { findVisiblePlan, listVisiblePlans, loadPlanDetail } from './reads';

/** The list's filters from the query string: a value that does not fit is ignored, never an error. */
const indexQuery = z.object({
  municipality: z
    .string()
    .regex(/^[a-z0-9-]{1,100}$/)
    .optional()
    .catch(undefined),
  status: z.enum(planStatuses).optional().catch(undefined),
});

/** How many reports the feed carries: the newest hundred. */
export const PLAN_FEED_LIMIT = 100;

/** Anything but a positive int4 names no plan: 404, before it reaches the database. */
function planId(raw: string): number {
  const id = Number(raw);
  if (!Number.isSafeInteger(id) || id <= 0 || id > MAX_ID) throw notFound('No such plan');
  return id;
}

/**
 * Public plan pages: the list /plans (?municipality=, ?status=), /plans/:id (filters by ?status=;
 * both work without JavaScript), its CSV and its Atom feed of progress reports.
 */
export function planRoutes() {
  const routes = new Hono<AppEnv>();

  routes.get('/plans', async (c) => {
    const { db, clock } = c.get('deps');
    const plans = await listVisiblePlans(db, c.get('user'), clock.now());
    const parsed = indexQuery.parse({
      municipality: c.req.query('municipality') || undefined,
      status: c.req.query('status') || undefined,
    });
    const municipalities = [
      ...new Map(plans.map((plan) => [plan.municipality.slug, plan.municipality])).values(),
    ];
    // A municipality with no plan to show is as good as none: the whole list, not an empty page.
    const query = {
      municipality: municipalities.some((m) => m.slug === parsed.municipality)
        ? parsed.municipality
        : undefined,
      status: parsed.status,
    };
    return c.html(
      PlansIndexPage({
        ...pageContext(c),
        plans: filterPlans(plans, query),
        municipalities,
        query,
      }),
    );
  });

  routes.get('/plans/:id/feed.xml', async (c) => {
    const { db, config } = c.get('deps');
    const plan = await findVisiblePlan(db, planId(c.req.param('id')), c.get('user'));
    if (!plan) throw notFound('No such plan');
    const { reports, lastModified } = await planFeedReports(
      db,
      plan,
      PLAN_FEED_LIMIT,
      c.get('lang'),
    );
    const xml = planFeedXml({
      plan,
      reports,
      lastModified,
      base: config.publicUrl,
      lang: c.get('lang'),
      t: c.get('t'),
    });
    return answerWithValidators(c, xml, {
      lastModified,
      // Only a draft's managers get this far with a draft: no shared cache may keep it.
      cacheControl: plan.status === 'draft' ? 'private, no-store' : 'public, max-age=300',
      contentType: 'application/atom+xml; charset=utf-8',
    });
  });

  routes.get('/plans/:id/calendar.ics', async (c) => {
    const { db, clock, config } = c.get('deps');
    const plan = await findVisiblePlan(db, planId(c.req.param('id')), c.get('user'));
    if (!plan) throw notFound('No such plan');
    const { items } = await loadPlanDetail(db, plan, clock.now(), { publicOnly: true });
    const text = planDeadlinesIcs({
      plan,
      items,
      publicUrl: config.publicUrl,
      mailFrom: config.mailFrom,
      lang: c.get('lang'),
      t: c.get('t'),
    });
    const lastModified = new Date(
      Math.max(plan.updatedAt.getTime(), ...items.map((item) => item.updatedAt.getTime())),
    );
    return answerWithValidators(c, text, {
      lastModified,
      cacheControl: plan.status === 'draft' ? 'private, no-store' : 'public, max-age=900',
      contentType: 'text/calendar; charset=utf-8',
      headers: { 'Content-Disposition': `inline; filename="plan-${plan.id}-due-dates.ics"` },
    });
  });

  routes.get('/plans/:id/items.csv', async (c) => {
    const { db, clock } = c.get('deps');
    const plan = await findVisiblePlan(db, planId(c.req.param('id')), c.get('user'));
    if (!plan) throw notFound('No such plan');
    const { csv, full } = await planItemsCsv(db, plan, c.get('user'), clock.now());
    return c.body(csv, 200, csvHeaders(plan.id, full));
  });

  routes.get('/plans/:id', async (c) => {
    const { db, clock } = c.get('deps');
    const user = c.get('user');
    const plan = await findVisiblePlan(db, planId(c.req.param('id')), user);
    if (!plan) throw notFound('No such plan');
    const detail = await loadPlanDetail(db, plan, clock.now(), { publicOnly: true });
    const filter = parseStatusFilter(c.req.queries('status')?.join(','));
    const itemMaterials = await publishedMaterialsOf(
      db,
      'planItem',
      detail.items.map((item) => item.id),
    );
    return c.html(
      PlanPage({
        ...pageContext(c),
        ...detail,
        filter,
        canManage: user !== null && canManage(user, [plan.municipalityId]),
        materials: Materials({
          ctx: pageContext(c),
          items: await publishedMaterials(db, { planId: plan.id }),
        }),
        itemMaterialsOf: (id) =>
          MaterialList({ ctx: pageContext(c), items: itemMaterials.get(id) }),
        // A draft is no one's to follow or embed.
        follow:
          plan.status === 'draft'
            ? undefined
            : FollowForm({
                t: c.get('t'),
                target: {
                  kind: 'plan',
                  planId: plan.id,
                  // The items the page shows (a status filter hides the others).
                  items: detail.items
                    .filter((item) => filter.length === 0 || filter.includes(item.status))
                    .map((item) => {
                      const title = localize(item, 'title', item.title, c.get('lang'));
                      return {
                        id: item.id,
                        title: title.text,
                        lang: title.fallback ? title.lang : undefined,
                      };
                    }),
                },
              }),
        ...(plan.status === 'draft'
          ? {}
          : embedOffer(c, { kind: 'plan', id: plan.id, title: plan.title })),
      }),
    );
  });

  return routes;
}
