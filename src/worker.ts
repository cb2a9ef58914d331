/**
 * Cloudflare Workers entry (see docs/deploy.md). The same app as src/server.ts, against
 * Postgres through Hyperdrive. Nothing here may import PGlite, node:fs or other Node-only
 * modules (src/db/open.ts, pglite.ts, migrate.ts, data-dir-lock.ts): migrations and the demo
 * seed run from Node (`npm run cli -- migrate`, `npm run cli -- seed:demo`).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { createApp, type App } from './app';
import { parseConfig, type Config } from './config';
import { openPostgres } from '@/platform/db/postgres';
import type { Db } from '@/platform/db/types';
import type { Deps } from '@/platform/deps';
import { runFeedbackJob, runFollowJob, runPurgeJob, runReminderJob } from '@/jobs';
import { systemClock } from '@/platform/clock';
import { createLog, loggableError, type Log } from '@/platform/log';
import { noMailer } from '@/platform/mail/mailer';
import { r2FileStore, type R2Binding } from '@/platform/files/r2';
import { missingFileStore } from '@/platform/files/store';

/** The Hyperdrive binding: a pooled connection string to the one Postgres. */
export type Hyperdrive = { connectionString: string };

/**
 * What wrangler.toml binds: HYPERDRIVE, the R2 bucket FILES for documents, plus plain-text vars
 * (PUBLIC_URL, LOG_LEVEL, …).
 */
export type WorkerEnv = { HYPERDRIVE: Hyperdrive; FILES?: R2Binding } & Record<string, unknown>;

/** The parts of the Workers runtime's ExecutionContext and ScheduledController we use. */
export type WorkerContext = { waitUntil(promise: Promise<unknown>): void };
export type ScheduledEvent = { cron: string; scheduledTime: number };

/** One periodic task; gets the same deps as a request. */
export type ScheduledJob = { name: string; run(deps: Deps): Promise<unknown> };

/**
 * The periodic jobs the cron trigger runs, in order (the same functions the Node server runs
 * on timers, src/jobs). Outbox sending is not here: SMTP (nodemailer) cannot run on Workers,
 * so emails wait in the outbox for a Node process (`npm run cli -- outbox:send` on a timer,
 * see docs/deploy.md). A job that fails is logged and the next one still runs.
 */
export const scheduledJobs: ScheduledJob[] = [
  { name: 'reminders', run: runReminderJob },
  // Feedback requests and follow news only write to the outbox, like the reminders.
  { name: 'feedback', run: runFeedbackJob },
  { name: 'follows', run: runFollowJob },
  { name: 'purge', run: runPurgeJob },
];

/** Settings from the Worker's vars. Bindings (objects) are not settings and are left out. */
export function workerConfig(env: WorkerEnv): Config {
  const settings: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(env)) {
    if (typeof value === 'string') settings[name] = value;
  }
  // No PGlite and no demo seeding on Workers; DATABASE_URL is Hyperdrive's, not a setting.
  delete settings.DATABASE_URL;
  settings.SEED_DEMO = 'false';
  // Cloudflare sets CF-Connecting-IP itself (a client cannot forge it); without it every
  // visitor would share one rate-limit bucket.
  settings.TRUST_PROXY ??= 'cloudflare';
  return parseConfig(settings);
}

function workerLog(config: Config): Log {
  // Workers have no process.stdout; console.log lines reach `wrangler tail` and Logpush.
  return createLog(config.logLevel, (line) => console.log(line));
}

/**
 * A database client for one request or one cron run. Workers may not share I/O between
 * requests, so each gets its own postgres.js client with few connections; Hyperdrive pools
 * the real connections to Postgres.
 */
function openRequestDatabase(env: WorkerEnv): { db: Db; close(): Promise<void> } {
  if (!env.HYPERDRIVE?.connectionString) {
    throw new Error('The HYPERDRIVE binding is missing (see wrangler.toml)');
  }
  return openPostgres(env.HYPERDRIVE.connectionString, { max: 3, connectTimeoutSeconds: 5 });
}

export function buildDeps(env: WorkerEnv, db: Db): Deps {
  const config = workerConfig(env);
  const files = env.FILES
    ? r2FileStore(env.FILES)
    : missingFileStore('The R2 binding FILES is missing (see wrangler.toml)');
  return { db, config, clock: systemClock, mailer: noMailer, log: workerLog(config), files };
}

/** Runs every job in turn; one failing does not stop the others. Returns the names that failed. */
export async function runScheduledJobs(
  deps: Deps,
  jobs: readonly ScheduledJob[] = scheduledJobs,
): Promise<string[]> {
  const failed: string[] = [];
  for (const job of jobs) {
    const startedAt = Date.now();
    try {
      await job.run(deps);
      deps.log.info('scheduled job done', { job: job.name, ms: Date.now() - startedAt });
    } catch (error) {
      failed.push(job.name);
      deps.log.error('scheduled job failed', { job: job.name, ...loggableError(error) });
    }
  }
  return failed;
}

/** The deps of the request being served (AsyncLocalStorage comes with nodejs_compat). */
const requestDeps = new AsyncLocalStorage<Deps>();

function current(): Deps {
  const deps = requestDeps.getStore();
  if (!deps) throw new Error('Koda deps used outside a request');
  return deps;
}

/**
 * Deps whose every field is the current request's. Building the app's routers costs several
 * milliseconds of CPU, so the app is built once per isolate with these and each request runs
 * inside requestDeps.run() with its own database client.
 */
const perRequestDeps: Deps = {
  get db() {
    return current().db;
  },
  get config() {
    return current().config;
  },
  get clock() {
    return current().clock;
  },
  get mailer() {
    return current().mailer;
  },
  get log() {
    return current().log;
  },
  get files() {
    return current().files;
  },
};

let isolateApp: App | undefined;

export default {
  async fetch(request: Request, env: WorkerEnv, ctx: WorkerContext): Promise<Response> {
    const database = openRequestDatabase(env);
    try {
      const deps = buildDeps(env, database.db);
      isolateApp ??= createApp(perRequestDeps);
      const app = isolateApp;
      // Hono's ExecutionContext type wants more than the two members Koda uses.
      return await requestDeps.run(deps, () => app.fetch(request, env, ctx as never));
    } finally {
      // After the response is sent: the client's connections go back to Hyperdrive.
      ctx.waitUntil(database.close());
    }
  },

  async scheduled(event: ScheduledEvent, env: WorkerEnv, ctx: WorkerContext): Promise<void> {
    const database = openRequestDatabase(env);
    const deps = buildDeps(env, database.db);
    const run = runScheduledJobs(deps).then((failed) => {
      deps.log.info('scheduled run finished', { cron: event.cron, failed });
    });
    ctx.waitUntil(run.finally(() => database.close()));
    await run;
  },
};
