/**
 * Helpers for the process-level tests: spawn real processes (tsx src/server.ts, the CLI,
 * wrangler dev), watch their output, stop them by their own process group, and make Postgres
 * databases of their own.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { seedDemo } from '../../demo/seed';
import { migrateDatabase } from '@/platform/db/migrate';
import { openPostgres } from '@/platform/db/postgres';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const TSX = `${ROOT}node_modules/.bin/tsx`;
export const WRANGLER = `${ROOT}node_modules/.bin/wrangler`;
/**
 * What `npm start` runs. Node with tsx as a loader, not the tsx CLI: the CLI relays signals to
 * a child process and SIGKILLs it (exit 130) when the child does not acknowledge within ~60 ms,
 * which happens on a loaded machine and turns Ctrl-C into a crash.
 */
export const SERVER = [process.execPath, ['--import', 'tsx', 'src/server.ts']] as const;

/** The Postgres the tests make their databases on (TEST_DATABASE_URL, else the local server). */
export const POSTGRES_URL =
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A TCP port nobody listens on right now (on the loopback interface). */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  await once(server, 'close');
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

export type Exit = { code: number | null; signal: NodeJS.Signals | null };

export type Running = {
  child: ChildProcess;
  /** stdout and stderr so far, interleaved. */
  output(): string;
  /** Resolves with the first match of `pattern` in the output; rejects on timeout or exit. */
  waitFor(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray>;
  exited: Promise<Exit>;
  /** Sends `signal` to the process group and waits for the exit; SIGKILL after `graceMs`. */
  stop(signal?: NodeJS.Signals, graceMs?: number): Promise<Exit>;
};

/**
 * Starts a command in its own process group (so wrangler's workerd children are stopped with
 * it). The environment is the test's own plus `env`; values set to undefined are removed.
 */
export function start(
  command: string,
  args: string[],
  env: Record<string, string | undefined>,
): Running {
  const merged: Record<string, string> = {};
  for (const [name, value] of Object.entries({ ...process.env, ...env })) {
    if (value !== undefined) merged[name] = value;
  }
  const child = spawn(command, args, {
    cwd: ROOT,
    env: merged,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  const listeners = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    text += chunk.toString('utf8');
    for (const listener of listeners) listener();
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const exited = new Promise<Exit>((resolve) => {
    child.once('exit', (code, signal) => {
      for (const listener of listeners) listener();
      resolve({ code, signal });
    });
  });
  let hasExited = false;
  void exited.then(() => {
    hasExited = true;
    for (const listener of listeners) listener();
  });

  const signalGroup = (signal: NodeJS.Signals) => {
    if (hasExited || child.pid === undefined) return;
    try {
      process.kill(-child.pid, signal);
    } catch {
      // The group is already gone.
    }
  };

  return {
    child,
    output: () => text,
    exited,
    waitFor(pattern, timeoutMs) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const match = text.match(pattern);
          if (match) return finish(() => resolve(match));
          if (hasExited) {
            finish(() =>
              reject(new Error(`process exited before printing ${pattern}; output:\n${text}`)),
            );
          }
        };
        const timer = setTimeout(
          () =>
            finish(() =>
              reject(new Error(`no ${pattern} within ${timeoutMs} ms; output so far:\n${text}`)),
            ),
          timeoutMs,
        );
        const finish = (settle: () => void) => {
          clearTimeout(timer);
          listeners.delete(check);
          settle();
        };
        listeners.add(check);
        check();
      });
    },
    async stop(signal = 'SIGTERM', graceMs = 5_000) {
      signalGroup(signal);
      const timer = setTimeout(() => signalGroup('SIGKILL'), graceMs);
      const exit = await exited;
      clearTimeout(timer);
      // Children of the group (workerd) may outlive the leader for a moment.
      signalGroup('SIGKILL');
      return exit;
    },
  };
}

/** Runs a command to its end and returns its exit code and output. */
export async function run(
  command: string,
  args: string[],
  env: Record<string, string | undefined>,
  timeoutMs = 60_000,
): Promise<Exit & { output: string }> {
  const running = start(command, args, env);
  const timer = setTimeout(() => void running.stop('SIGKILL'), timeoutMs);
  const exit = await running.exited;
  clearTimeout(timer);
  return { ...exit, output: running.output() };
}

/** `npm start` without npm in between. */
export function startServer(env: Record<string, string | undefined>): Running {
  return start(SERVER[0], [...SERVER[1]], env);
}

/** `npm run cli -- …` without npm in between. */
export function cli(args: string[], env: Record<string, string | undefined>) {
  return run(TSX, ['src/cli.ts', ...args], env);
}

/** Polls `url` until it answers (any status) or the time is up. */
export async function waitForHttp(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await fetch(url);
      return;
    } catch (error) {
      if (Date.now() > deadline)
        throw new Error(`${url} did not answer within ${timeoutMs} ms`, {
          cause: error,
        });
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

/** Postgres URL of another database on the same server (optionally with a password). */
export function databaseUrl(name: string, password?: string): string {
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  if (password !== undefined && !url.password) url.password = password;
  return url.toString();
}

export type TestDatabase = { name: string; url: string; drop(): Promise<void> };

/** A new empty Postgres database with a unique name; drop() removes it (even if in use). */
export async function createDatabase(label: string): Promise<TestDatabase> {
  const name = `koda_w_${label}_${process.pid}_${Date.now().toString(36)}`;
  const admin = postgres(POSTGRES_URL, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  return {
    name,
    url: databaseUrl(name),
    async drop() {
      const again = postgres(POSTGRES_URL, { max: 1, onnotice: () => {} });
      try {
        await again.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await again.end();
      }
    },
  };
}

/** Migrates the database and loads the demo programme, from Node (as an operator would). */
export async function migrateAndSeed(url: string): Promise<void> {
  const database = openPostgres(url, { max: 1 });
  try {
    await migrateDatabase(database);
    await seedDemo(database.db, new Date());
  } finally {
    await database.close();
  }
}
