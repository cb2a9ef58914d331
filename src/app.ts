import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import { ErrorPage } from '@views/shell/error-page';
import { shellAssets } from '@views/shell/assets';
import type { AppEnv, Deps } from '@/platform/deps';
import { catalogues, translator } from '@/messages';
import { ping } from '@/platform/db/postgres';
import { authenticate } from '@/platform/auth/auth';
import { formCsrf } from '@/platform/auth/csrf';
import { accountsRoutes } from '@/accounts';
import { passwordRoutes } from '@/accounts';
import { dashboardRoutes } from '@/dashboard';
import { embedRoutes } from '@/embeds';
import { apiRoutes } from './api-routes';
import { calendarRoutes } from '@/calendar';
import { archiveRoutes } from '@/archive';
import { recordingsRoutes } from '@/recordings';
import { captionsRoutes, isCaptionsUpload } from '@/captions';
import { searchRoutes } from '@/search';
import { eventAdminRoutes } from '@/events';
import { eventRoutes } from '@/events';
import { homeRoutes } from '@/home';
import { messageUnsubscribeRoutes, registrationRoutes } from '@/registrations';
import { feedbackRoutes } from '@/feedback';
import { followRoutes } from '@/follows';
import { municipalityRoutes } from '@/municipalities';
import { sitemapRoutes } from '@/sitemap';
import { planRoutes } from '@/plans';
import { planAdminRoutes } from '@/plans';
import { documentAdminRoutes, downloadRoutes, isUploadRequest } from '@/documents';
import { CSP_DIRECTIVES } from '@/platform/http/csp';
import {
  codeForStatus,
  errorMessageKey,
  HttpError,
  isDatabaseUnavailable,
  refusedByDatabase,
} from '@/platform/http/errors';
import { loggableError, loggablePath } from '@/platform/log';
import {
  accessLog,
  askedLang,
  bearerChallenge,
  language,
  provideDeps,
  requestIds,
} from '@/platform/http/middleware';
import { compress } from '@/platform/http/compress';
import { answerWhileDatabaseSilent, watchDatabase } from '@/platform/http/database-watch';
import { publicPageCache } from '@/platform/http/page-cache';
import { isPublicAnswerPath, publicFreshness } from './public-answers';
import { isApiPath, shellContext } from '@/platform/http/page';

export const MAX_BODY_BYTES = 256 * 1024;

/** The JSON error body of the API (see errorBodySchema) or the error page, both naming the request id. */
function renderError(c: Context<AppEnv>, error: HttpError) {
  const requestId = c.get('requestId');
  if (isApiPath(c.req.path)) {
    // In the language the request names, else in English for scripts.
    const asked = askedLang(c);
    const t = asked ? translator(asked) : undefined;
    const body: {
      code: string;
      message: string;
      details?: { path: string; message: string }[];
      requestId: string;
    } = {
      code: error.code,
      message: t
        ? t(error.page.key ?? errorMessageKey(error.code), error.page.params)
        : error.message,
      requestId,
    };
    if (error.details.length > 0) {
      body.details = error.details.map(({ path, message, localized }) => ({
        path,
        message: t && localized ? t(localized.key, localized.params) : message,
      }));
    }
    return c.json({ error: body }, error.status);
  }
  const t = c.get('t');
  return c.html(
    ErrorPage({
      ...shellContext(c),
      status: error.status,
      message: t(error.page.key ?? errorMessageKey(error.code), error.page.params),
      hint: error.status === 404 ? t('error.notFoundHint') : undefined,
      requestId,
    }),
    error.status,
  );
}

/** Builds the whole Koda app from its dependencies. No I/O here: that belongs to the entries. */
export function createApp(deps: Deps) {
  const app = new Hono<AppEnv>();

  // First the request id, so every response and every log line of the request carry it (see
  // docs/architecture.md, "A request"); the access log wraps everything after it.
  app.use(requestIds());
  // From its arrival, a request waiting on the database asks whether the database answers at all.
  app.use(watchDatabase(deps));
  // Anonymous public answers from memory while the public revision and the clock allow.
  app.use(publicPageCache(deps, { cacheable: isPublicAnswerPath, freshness: publicFreshness }));
  // Outermost but for the request id: every answer, error pages too, goes out compressed.
  app.use(compress());
  app.use(bearerChallenge());
  app.use(provideDeps(deps));
  app.use(accessLog());
  app.use(language(catalogues));
  // Embeds answer with their own headers (framable anywhere, no cookie): before secureHeaders.
  app.route('/', embedRoutes());
  app.use(
    secureHeaders({
      // The policy lives in src/lib/csp.ts; pages showing players narrow frame-src per response.
      contentSecurityPolicy: CSP_DIRECTIVES,
      referrerPolicy: 'strict-origin-when-cross-origin',
      overwrite: false,
    }),
  );
  const limitBody = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: () => {
      throw new HttpError('payload_too_large', `The body is larger than ${MAX_BODY_BYTES} bytes`);
    },
  });
  // Uploads are streamed to the file store under their own limit (MAX_UPLOAD_BYTES).
  // Captions files (a whole meeting's) have their own limit, in their routes (isCaptionsUpload).
  app.use((c, next) => {
    const { method, path } = c.req;
    if (method === 'GET' || method === 'HEAD') return next();
    if (isUploadRequest(method, path) || isCaptionsUpload(method, path)) return next();
    // A declared length is judged without touching the body: hono's bodyLimit asks for the
    // body stream first, which made the Node adapter build a web Request and stream for every
    // POST (issue 22, the rush), where the handler reads the body straight from the socket.
    // The server reads exactly the declared length as the body.
    const length = c.req.header('content-length');
    if (length !== undefined && /^\d+$/.test(length) && !c.req.header('transfer-encoding')) {
      if (Number(length) > MAX_BODY_BYTES) return limitBody(c, next);
      return next();
    }
    return limitBody(c, next);
  });

  app.get('/healthz', async (c) => {
    const healthy = await ping(c.get('deps').db);
    return c.json({ status: healthy ? 'ok' : 'unavailable' }, healthy ? 200 : 503);
  });
  // The stylesheet, the forms script, the favicon and app icons, the manifest (views/shell/assets.ts).
  for (const [path, asset] of Object.entries(shellAssets)) {
    app.get(path, (c) => {
      c.header('Cache-Control', 'public, max-age=3600');
      return c.body(asset.body, 200, { 'Content-Type': asset.contentType });
    });
  }

  // A request still waiting on a database that stopped answering gets its 503 here (and in the
  // embeds' router), about 2 s after it arrived (watchDatabase above).
  app.use(answerWhileDatabaseSilent);
  // Cross-site form posts are refused (403) before anyone is authenticated; see formCsrf for why /api is exempt.
  app.use(formCsrf());
  app.use(authenticate());

  app.route('/api', apiRoutes());
  app.route('/', homeRoutes());
  app.route('/', accountsRoutes());
  app.route('/', dashboardRoutes());
  app.route('/', passwordRoutes());
  app.route('/', recordingsRoutes());
  app.route('/', captionsRoutes());
  app.route('/', searchRoutes());
  app.route('/', archiveRoutes());
  app.route('/', registrationRoutes());
  app.route('/', messageUnsubscribeRoutes());
  app.route('/', feedbackRoutes());
  app.route('/', followRoutes());
  app.route('/', eventRoutes());
  app.route('/', eventAdminRoutes());
  app.route('/', municipalityRoutes());
  app.route('/', sitemapRoutes());
  app.route('/', planRoutes());
  app.route('/', planAdminRoutes());
  app.route('/', calendarRoutes());
  app.route('/', downloadRoutes());
  app.route('/', documentAdminRoutes());

  app.notFound((c) => renderError(c, new HttpError('not_found', 'Not found')));
  app.onError((error, c) => {
    if (error instanceof HttpError) return renderError(c, error);
    // requireUserPage() redirects anonymous visitors to the login page by throwing a 303.
    if (error instanceof HTTPException && error.status >= 300 && error.status < 400) {
      return error.getResponse();
    }
    if (error instanceof HTTPException) {
      const code = codeForStatus(error.status);
      return renderError(c, new HttpError(code, error.message || 'Request refused'));
    }
    const path = loggablePath(c.req.path);
    const log = c.get('log');
    if (isDatabaseUnavailable(error)) {
      log.error('database unavailable', { path, ...loggableError(error) });
      return renderError(c, new HttpError('unavailable', 'The database is unavailable'));
    }
    const refused = refusedByDatabase(error);
    if (refused) {
      log.warn('request refused by the database', { path, ...loggableError(error) });
      return renderError(c, refused);
    }
    log.error('unhandled error', { path, ...loggableError(error) });
    if (isApiPath(c.req.path)) {
      const asked = askedLang(c);
      const message = asked ? translator(asked)('errors.internal') : 'Internal error';
      return c.json({ error: { code: 'internal', message, requestId: c.get('requestId') } }, 500);
    }
    return c.html(
      ErrorPage({
        ...shellContext(c),
        status: 500,
        message: c.get('t')('error.server'),
        requestId: c.get('requestId'),
      }),
      500,
    );
  });

  return app;
}

export type App = ReturnType<typeof createApp>;
