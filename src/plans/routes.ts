import { Hono } from 'hono';
import { PlanPage } from '../../views/plans/plan-page';
import { canManage } from '../accounts/auth';
import type { AppEnv } from '../deps';
import { MAX_ID, notFound } from '../lib/http';
import { pageContext } from '../lib/page';
import { csvHeaders } from './present';
import { parseStatusFilter } from './rules';
import { findVisiblePlan, loadPlanDetail, planItemsCsv } from './service';

/** Anything but a positive int4 names no plan: 404, before it reaches the database. */
function planId(raw: string): number {
  const id = Number(raw);
  if (!Number.isSafeInteger(id) || id <= 0 || id > MAX_ID) throw notFound('No such plan');
  return id;
}

/** Public plan pages: /plans/:id (filters by ?status=, works without JavaScript) and its CSV. */
export function planRoutes() {
  const routes = new Hono<AppEnv>();

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
    return c.html(
      PlanPage({
        ...pageContext(c),
        ...detail,
        filter,
        canManage: user !== null && canManage(user, [plan.municipalityId]),
      }),
    );
  });

  return routes;
}
