import { Hono } from 'hono';
import type { AppEnv } from '../deps';

/** /admin/events/:slug/recordings: the organizer pages. */
export function adminRecordingRoutes() {
  const routes = new Hono<AppEnv>();
  return routes;
}
