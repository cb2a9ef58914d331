import type { CurrentUser } from './accounts/auth';
import type { Config } from './config';
import type { Db } from './db/types';
import type { Clock } from './lib/clock';
import type { Lang, Translate } from './lib/i18n/index';
import type { Log } from './lib/log';
import type { Mailer } from './lib/mail';

/** Everything the app takes from outside; createApp receives it, features read it from the context. */
export type Deps = { db: Db; config: Config; clock: Clock; mailer: Mailer; log: Log };

export type AppEnv = {
  Variables: { deps: Deps; lang: Lang; t: Translate; user: CurrentUser | null };
};
