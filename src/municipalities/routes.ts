import { FeedLinks } from '@/calendar';
import { Hono } from 'hono';
import { FollowForm } from '@/follows';
import { MunicipalitiesPage } from '@views/municipalities/municipalities-page';
import { MunicipalityPage } from '@views/municipalities/municipality-page';
import { MunicipalityPlan } from '@/plans';
import { findMunicipalityPlan, loadPlanDetail, PLAN_ZONE } from '@/plans';
import { localDate, summarizeProgress } from '@/plans';
import type { AppEnv } from '@/platform/deps';
import { listMunicipalities, listPublicEvents } from '@/events';
import { notFound } from '@/platform/http/errors';
import { embedOffer } from '@/embeds';
import { pageContext } from '@/platform/http/page';
import { findMunicipality } from './queries';

export function municipalityRoutes() {
  const routes = new Hono<AppEnv>();

  routes.get('/municipalities', async (c) => {
    const municipalities = await listMunicipalities(c.get('deps').db);
    return c.html(MunicipalitiesPage({ ...pageContext(c), municipalities }));
  });

  routes.get('/municipalities/:slug', async (c) => {
    const { db, clock } = c.get('deps');
    const municipality = await findMunicipality(db, c.req.param('slug'));
    if (!municipality) throw notFound('No such municipality');
    const now = clock.now();
    const filter = { now, municipalities: [municipality.slug], limit: 100 };
    const [upcoming, past, plan] = await Promise.all([
      listPublicEvents(db, { ...filter, when: 'upcoming' }),
      listPublicEvents(db, { ...filter, when: 'past' }),
      findMunicipalityPlan(db, municipality.id),
    ]);
    const ctx = pageContext(c);
    const planItems = plan
      ? (await loadPlanDetail(db, { ...plan, municipality }, now, { publicOnly: true })).items
      : [];
    const summary = plan ? summarizeProgress(planItems, localDate(now, PLAN_ZONE)) : null;
    return c.html(
      MunicipalityPage({
        ...ctx,
        municipality,
        upcoming,
        past,
        plan: MunicipalityPlan({ ctx, plan, summary }),
        feeds: FeedLinks({ ctx, feedPath: `/municipalities/${municipality.slug}/calendar.ics` }),
        follow: FollowForm({
          t: ctx.t,
          target: { kind: 'municipality', slug: municipality.slug, name: municipality.name },
        }),
        ...embedOffer(c, {
          kind: 'events',
          municipality: municipality.slug,
          name: municipality.name,
        }),
      }),
    );
  });

  return routes;
}
