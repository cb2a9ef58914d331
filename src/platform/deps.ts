import type { CurrentUser } from '@/platform/auth/auth';
import type { Config } from '@/config';
import type { Db } from '@/platform/db/types';
import type { Clock } from './clock';
import type { Lang, Translate } from '@/platform/i18n';
import type { Log } from './log';
import type { Mailer } from '@/platform/mail/mailer';
import type { FileStore } from './files/store';
import type { ImageResizer } from './files/images';

/** Everything the app takes from outside; createApp receives it, features read it from the context. */
export type Deps = {
  db: Db;
  config: Config;
  clock: Clock;
  mailer: Mailer;
  log: Log;
  /** Where uploaded documents are kept (src/platform/files). */
  files: FileStore;
  /** Makes image previews; absent on Workers (no sharp there), where the original is served. */
  images?: ImageResizer;
};

/**
 * What a request carries. `deps.log` and `log` are the same request-bound log: every line
 * written while serving the request names its `requestId` (the X-Request-Id header).
 */
export type AppEnv = {
  Variables: {
    deps: Deps;
    lang: Lang;
    t: Translate;
    user: CurrentUser | null;
    requestId: string;
    log: Log;
  };
};
