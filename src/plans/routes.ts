import { Hono } from 'hono';
import { PlanPage } from '../../views/plans/plan-page';
import { canManage } from '../accounts/auth';
import type { AppEnv } from '../deps';
import { notFound } from '../lib/http';
import { pageContext } from '../lib/page';
import { itemsToCsv, parseStatusFilter } from './rules';
import { csvItemsOf, findVisiblePlan, loadPlanDetail } from './service';

function planId(raw: string): number {
  const id = Number(raw);
  if (!Number.isSafeInteger(id) || id <= 0) throw notFound('No such plan');
  return id;
}

/** Public plan pages: /plans/:id (filters by ?status=, works without JavaScript) and its CSV. */
export function planRoutes() {
  const routes = new Hono<AppEnv>();

  routes.get('/plans/:id/items.csv', async (c) => {
    const { db, clock } = c.get('deps');
    const plan = await findVisiblePlan(db, planId(c.req.param('id')), c.get('user'));
    if (!plan) throw notFound('No such plan');
    const detail = await loadPlanDetail(db, plan, clock.now(), { publicOnly: false });
    return c.body(itemsToCsv(csvItemsOf(detail.items)), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="plan-${plan.id}-items.csv"`,
    });
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
