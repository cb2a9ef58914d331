import { parseArgs } from 'node:util';
import { createApiToken, listApiTokensByEmail, revokeApiToken } from '@/platform/auth/api-tokens';
import { API_SCOPES, apiScopeSchema, type ApiScope } from '@/platform/auth/scopes';
import { createUser } from '@/accounts';
import { ConfigError, loadConfig } from './config';
import { migrateDatabase } from '@/platform/db/migrate';
import { openDatabase } from '@/platform/db/open';
import type { Database } from '@/platform/db/types';
import { HttpError } from '@/platform/http/errors';
import { runOutboxJob, runPurgeJob } from '@/jobs';
import { systemClock } from '@/platform/clock';
import { createLog } from '@/platform/log';
import { noMailer } from '@/platform/mail/mailer';
import { openFileStore } from '@/platform/files/open';
import { createSmtpMailer } from '@/platform/mail/smtp';
import { describeStartupError } from '@/platform/startup';
import { demoAnnouncements, seedDemo } from '../demo/seed';

const usage = `Usage: npm run cli -- <command> [options]

  user:create --email E --name N --password P --role admin|organizer [--municipality SLUG ...]
  token:create --email E [--label TEXT] [--scopes read,events,registrations,plans,admin] [--expires-days N]
                                            prints a new API token once (default: every scope the
                                            user's role allows, valid 365 days)
  token:list --email E                      lists a user's API tokens: id, label, scopes, expiry,
                                            last use (never the tokens)
  token:revoke --id N                       revokes an API token at once
  migrate                                   applies the database migrations
  seed:demo                                 loads the demo programme into an empty database and
                                            prints its logins and a participant's two links
  purge                                     anonymises registrations RETENTION_DAYS after their event
  outbox:send                               sends due emails now (without SMTP_URL: lists them)`;

type Command = (database: Database, args: string[]) => Promise<void>;

const commands: Record<string, Command> = {
  'user:create': async ({ db }, args) => {
    const { values } = parseArgs({
      args,
      options: {
        email: { type: 'string' },
        name: { type: 'string' },
        password: { type: 'string' },
        role: { type: 'string' },
        municipality: { type: 'string', multiple: true },
      },
    });
    const user = await createUser(db, {
      email: values.email ?? '',
      name: values.name ?? '',
      password: values.password ?? '',
      role: values.role as 'admin' | 'organizer',
      municipalities: values.municipality ?? [],
    });
    console.log(`Created ${user.role} ${user.email} (id ${user.id})`);
  },
  'token:list': async ({ db }, args) => {
    const { values } = parseArgs({ args, options: { email: { type: 'string' } } });
    if (!values.email) throw new HttpError('invalid_fields', 'token:list needs --email');
    for (const token of await listApiTokensByEmail(db, values.email)) {
      const state = token.revokedAt
        ? `revoked ${token.revokedAt.toISOString()}`
        : token.expiresAt.getTime() <= Date.now()
          ? 'expired'
          : 'active';
      const used = token.lastUsedAt ? token.lastUsedAt.toISOString() : 'never';
      console.log(
        `${token.id}\t${token.label ?? '-'}\tscopes ${token.scopes.join(',')}\tcreated ${token.createdAt.toISOString()}\texpires ${token.expiresAt.toISOString()}\tlast used ${used}\t${state}`,
      );
    }
  },
  'token:revoke': async ({ db }, args) => {
    const { values } = parseArgs({ args, options: { id: { type: 'string' } } });
    const id = Number(values.id);
    if (!Number.isInteger(id) || id <= 0) {
      throw new HttpError('invalid_fields', 'token:revoke needs --id N (see token:list)');
    }
    await revokeApiToken(db, null, id, new Date());
    console.log(`API token ${id} is revoked.`);
  },
  'token:create': async ({ db }, args) => {
    const { values } = parseArgs({
      args,
      options: {
        email: { type: 'string' },
        label: { type: 'string' },
        scopes: { type: 'string' },
        'expires-days': { type: 'string' },
      },
    });
    if (!values.email) throw new HttpError('invalid_fields', 'token:create needs --email');
    const scopes = values.scopes?.split(',').map((scope) => scope.trim());
    const unknown = scopes?.filter((scope) => !apiScopeSchema.safeParse(scope).success) ?? [];
    if (unknown.length > 0) {
      throw new HttpError(
        'invalid_fields',
        `Unknown scope ${unknown.join(', ')}; choose from ${API_SCOPES.join(', ')}`,
      );
    }
    const days = values['expires-days'];
    if (days !== undefined && !/^\d+$/.test(days)) {
      throw new HttpError('invalid_fields', '--expires-days takes a whole number of days');
    }
    const token = await createApiToken(db, values.email, {
      label: values.label,
      scopes: scopes as ApiScope[] | undefined,
      expiresInDays: days === undefined ? undefined : Number(days),
    });
    console.log(token);
    console.error('Keep this token now: it is stored hashed and cannot be shown again.');
  },
  migrate: async () => {
    // Migrations run for every command; nothing more to do.
    console.log('Database is up to date.');
  },
  purge: async ({ db }) => {
    const config = loadConfig();
    const result = await runPurgeJob({
      db,
      config,
      clock: systemClock,
      mailer: noMailer,
      log: createLog('silent'),
      files: openFileStore(config),
    });
    console.log(
      `Anonymised ${result.registrations} registration(s) of events that ended over ${config.retentionDays} days ago; deleted ${result.outbox} old outbox message(s).`,
    );
  },
  'outbox:send': async ({ db }) => {
    const config = loadConfig();
    const smtp = config.smtpUrl
      ? createSmtpMailer(config.smtpUrl, config.mailFrom, config.smtpTimeoutMs)
      : null;
    const mailer = smtp ?? noMailer;
    try {
      const report = await runOutboxJob({
        db,
        config,
        clock: systemClock,
        mailer,
        log: createLog(config.logLevel),
        files: openFileStore(config),
      });
      console.log(
        config.smtpUrl
          ? `Sent ${report.sent}, will retry ${report.retried}, failed ${report.failed}.`
          : `SMTP_URL is not set: ${report.held} message(s) wait in the outbox (see /admin/outbox).`,
      );
    } finally {
      smtp?.close();
    }
  },
  'seed:demo': async ({ db }) => {
    const config = loadConfig();
    const links = await seedDemo(db, new Date(), openFileStore(config));
    if (!links) {
      console.log('The database already has data; the demo was not loaded.');
      return;
    }
    // As `npm start` does when it seeds: a start after this one finds data and prints nothing.
    console.log(
      ['Demo programme loaded.', ...demoAnnouncements(config.publicUrl, links)].join('\n'),
    );
  },
};

async function main() {
  const [name, ...args] = process.argv.slice(2);
  const command = name ? commands[name] : undefined;
  if (!command) {
    console.error(name ? `Unknown command: ${name}\n\n${usage}` : usage);
    process.exit(2);
  }
  const config = loadConfig();
  const database = await openDatabase(config);
  try {
    await migrateDatabase(database);
    await command(database, args);
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(error.message);
  else if (error instanceof HttpError) {
    const details = error.details.map((d) => `${d.path}: ${d.message}`).join('; ');
    console.error(details ? `${error.message}: ${details}` : error.message);
  } else if (
    error instanceof TypeError &&
    'code' in error &&
    String(error.code).startsWith('ERR_PARSE_ARGS')
  ) {
    console.error(`${error.message}\n\n${usage}`);
  } else console.error(describeStartupError(error));
  process.exit(1);
});
