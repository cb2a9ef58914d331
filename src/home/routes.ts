import { Hono } from 'hono';
import { HomePage } from '@views/home/home-page';
import { PrivacyPage } from '@views/home/privacy-page';
import type { AppEnv } from '@/platform/deps';
import { listPublicEvents } from '@/events';
import { listPublicPlanProgress } from '@/plans';
import { pageContext } from '@/platform/http/page';

export function homeRoutes() {
  const routes = new Hono<AppEnv>();

  routes.get('/', async (c) => {
    const { db, clock } = c.get('deps');
    const now = clock.now();
    const [live, upcoming, recent, plans] = await Promise.all([
      listPublicEvents(db, { when: 'live', now, limit: 6 }),
      listPublicEvents(db, { when: 'upcoming', now, limit: 6 }),
      listPublicEvents(db, { when: 'past', now, limit: 6 }),
      listPublicPlanProgress(db, now),
    ]);
    const liveIds = new Set(live.map((event) => event.id));
    return c.html(
      HomePage({
        ...pageContext(c),
        live,
        upcoming: upcoming.filter((event) => !liveIds.has(event.id)),
        recent,
        plans,
      }),
    );
  });

  routes.get('/privacy', (c) =>
    c.html(
      PrivacyPage({
        ...pageContext(c),
        retentionDays: c.get('deps').config.retentionDays,
        privacy: c.get('deps').config.privacy,
      }),
    ),
  );

  return routes;
}
