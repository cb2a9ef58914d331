import { Hono } from 'hono';
import { RecordingPage } from '@views/recordings/recording-page';
import { embedOffer } from '@/embeds';
import type { AppEnv } from '@/platform/deps';
import { setFrameSources } from '@/platform/http/csp';
import { notFound } from '@/platform/http/errors';
import { pageContext } from '@/platform/http/page';
import { adminRecordingRoutes } from './admin-routes';
import { playerForUrl } from './providers';
import { publicRecordingPage } from './queries';
import { seekScript } from './seek-script';
import { chaptersVtt } from './vtt';

/** A recording id from the path, or 404 (never a 500 for "abc"). */
export function pathId(value: string | undefined): number {
  const id = Number(value);
  if (!value || !/^\d{1,9}$/.test(value) || !Number.isSafeInteger(id) || id <= 0) {
    throw notFound('No such recording');
  }
  return id;
}

/** `?t=` in seconds (also 1h2m3s / 42:10); anything else is ignored. */
export function startParam(value: string | undefined, duration: number | null): number | null {
  if (!value || !/^\d{1,7}$/.test(value.trim())) return null;
  const seconds = Number(value.trim());
  if (duration !== null && seconds > duration) return null;
  return seconds > 0 ? seconds : null;
}

/** The frame origins a player of this URL needs (none for files and links). */
export function frameOriginsFor(urls: readonly string[]): string[] {
  return urls.flatMap((url) => {
    const player = playerForUrl(url);
    return player?.type === 'iframe' ? [player.origin] : [];
  });
}

export function recordingsRoutes() {
  const routes = new Hono<AppEnv>();

  routes.get('/assets/recordings.js', (c) => {
    c.header('Cache-Control', 'public, max-age=3600');
    return c.body(seekScript, 200, { 'Content-Type': 'text/javascript; charset=utf-8' });
  });

  routes.get('/recordings/:id', async (c) => {
    const data = await publicRecordingPage(
      c.get('deps').db,
      pathId(c.req.param('id')),
      c.get('lang'),
    );
    if (!data) throw notFound('No such recording');
    setFrameSources(c, frameOriginsFor([data.recording.sourceUrl]));
    return c.html(
      RecordingPage({
        ...pageContext(c),
        ...data,
        startSeconds: startParam(c.req.query('t'), data.recording.durationSeconds),
        ...embedOffer(c, { kind: 'recording', id: data.recording.id }),
      }),
    );
  });

  routes.get('/recordings/:id/chapters.vtt', async (c) => {
    const data = await publicRecordingPage(c.get('deps').db, pathId(c.req.param('id')));
    if (!data) throw notFound('No such recording');
    c.header('Cache-Control', 'public, max-age=300');
    return c.body(chaptersVtt(data.recording.chapters, data.recording.durationSeconds), 200, {
      'Content-Type': 'text/vtt; charset=utf-8',
    });
  });

  routes.route('/', adminRecordingRoutes());
  return routes;
}
