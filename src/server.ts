import { serve } from '@hono/node-server';
import type { Server } from 'node:http';
import { createApp } from './app';
import { ConfigError, loadConfig } from './config';
import { migrateDatabase } from '@/platform/db/migrate';
import { openDatabase } from '@/platform/db/open';
import { systemClock } from '@/platform/clock';
import { createLog, loggableError, startupLine } from '@/platform/log';
import { noMailer } from '@/platform/mail/mailer';
import { startJobs } from '@/jobs';
import { createSmtpMailer } from '@/platform/mail/smtp';
import { describeStartupError } from '@/platform/startup';
import { openFileStore } from '@/platform/files/open';
import { sharpResizer } from '@/platform/files/sharp-resizer';

async function main() {
  const config = loadConfig();
  const log = createLog(config.logLevel);
  const database = await openDatabase(config);
  let shuttingDown = false;
  const shutdown = async (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    setTimeout(() => process.exit(0), 1500).unref();
    log.info('shutting down', { signal });
    running.server?.close();
    running.server?.closeAllConnections();
    await running.jobs?.stop();
    await database
      .close()
      .catch((error: unknown) => log.error('close failed', loggableError(error)));
    process.exit(0);
  };
  const running: { server?: Server; jobs?: { stop(): Promise<void> } } = {};
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  await migrateDatabase(database);
  const files = openFileStore(config);
  // The demo (its programme and pdf-lib for its documents) is loaded only when asked for (issue 22).
  const demo = config.seedDemo ? await import('../demo/seed') : null;
  const seeded = demo ? await demo.seedDemo(database.db, systemClock.now(), files) : false;
  if (seeded) log.info('demo programme loaded');

  // Without SMTP_URL emails stay in the outbox (logged, readable at /admin/outbox).
  const mailer = config.smtpUrl
    ? createSmtpMailer(config.smtpUrl, config.mailFrom, config.smtpTimeoutMs)
    : noMailer;
  const images = sharpResizer();
  const deps = { db: database.db, config, clock: systemClock, mailer, log, files, images };
  const app = createApp(deps);
  running.jobs = startJobs(deps);
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }) as Server;
  running.server = server;
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  // Start-up lines in the log's one format (JSON lines), whatever the log level.
  const announce = (message: string) => process.stdout.write(`${startupLine(message)}\n`);
  announce(
    `Koda is running at ${config.publicUrl} (${database.kind === 'pglite' ? `PGlite in ${config.dataDir}` : 'Postgres'})`,
  );
  // Only the start that created the demo account prints its password (a demo's, shown on
  // purpose): it may be changed later. Without SMTP the organizer reads its events' emails at
  // /admin/outbox, the admin every email (a follow's confirmation too).
  // A participant's links are emailed and stored hashed: these are the demo's only way in.
  if (seeded && demo) demo.demoAnnouncements(config.publicUrl, seeded).forEach(announce);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(error.message);
  else console.error(describeStartupError(error));
  process.exit(1);
});
