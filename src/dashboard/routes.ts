import { Hono } from 'hono';
import { DashboardPage } from '@views/dashboard/dashboard-page';
import type { AppEnv } from '@/platform/deps';
import { requireUserPage } from '@/platform/auth/guards';
import { pageContext } from '@/platform/http/page';
import { loadDashboard } from './load';

/** The admin start page: what needs attention in what the user manages. */
export function dashboardRoutes() {
  const routes = new Hono<AppEnv>();

  routes.get('/admin', async (c) => {
    const user = requireUserPage(c);
    const { db, clock } = c.get('deps');
    const dashboard = await loadDashboard(db, user, clock.now());
    c.header('Cache-Control', 'no-store');
    return c.html(DashboardPage({ ...pageContext(c), user, ...dashboard }));
  });

  return routes;
}
