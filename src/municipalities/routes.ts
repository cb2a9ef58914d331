import { Hono } from 'hono';
import { MunicipalitiesPage } from '../../views/municipalities/municipalities-page';
import { MunicipalityPage } from '../../views/municipalities/municipality-page';
import type { AppEnv } from '../deps';
import { listMunicipalities, listPublicEvents } from '../events/queries';
import { notFound } from '../lib/http';
import { pageContext } from '../lib/page';
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
    const [upcoming, past] = await Promise.all([
      listPublicEvents(db, { ...filter, when: 'upcoming' }),
      listPublicEvents(db, { ...filter, when: 'past' }),
    ]);
    return c.html(MunicipalityPage({ ...pageContext(c), municipality, upcoming, past }));
  });

  return routes;
}
