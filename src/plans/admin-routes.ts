import { Hono } from 'hono';
import type { AppEnv } from '../deps';

/** /admin/plans and /admin/events/:slug/outcomes: the organizer pages. */
export function planAdminRoutes() {
  const routes = new Hono<AppEnv>();
  return routes;
}
