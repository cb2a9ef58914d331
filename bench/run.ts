/**
 * `npm run bench`: Koda's routes under load, each as a ratio to a ceiling measured in the same
 * run on the same machine, so the verdict does not depend on how busy the machine is.
 *
 *   npm run bench                                   PGlite (and Postgres if TEST_DATABASE_URL is set)
 *   npm run bench -- --postgres postgres://…/postgres   also on a scratch database of that server
 *   npm run bench -- --json                         one JSON document on stdout
 *   npm run bench -- --quick                        1 s per figure, one round (a smoke run)
 *   npm run bench -- --calendar                     the old in-process feed timings (bench/calendar.ts)
 *   npm run bench -- --only rush,start              some figures only (route keys, `rush`, `start`)
 *   npm run bench -- --profile DIR                  CPU profiles of the Koda servers into DIR
 *
 * Ceiling A is a bare Hono "ok", ceiling B a static buffer of the feed's size (and the same bytes
 * gzipped), both on the server stack Koda runs on (Hono on @hono/node-server), in a process of
 * their own. Koda runs in another process (bench/serve.ts) with 1 000 events; autocannon, in this
 * process, loads each route over loopback with 20 connections for a few seconds, in interleaved
 * rounds (A, B, then every route on every database, again). Each figure is reported as req/s,
 * CPU milliseconds per request of the server process, and req/s ÷ its ceiling's req/s of the
 * same round (the median over rounds). Only those ratios have gated targets: the exit code is 1
 * when a gated ratio misses, 2 when something answered wrongly, never because of a wall time.
 */
import autocannon from 'autocannon';
import { fork, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

type Args = {
  postgres?: string;
  json: boolean;
  duration: number;
  rounds: number;
  calendar: boolean;
  /** Figures to measure (route keys, `rush`, `start`); all when unset. */
  only: Set<string> | null;
  /** A folder for the Koda servers' CPU profiles (`node --cpu-prof`). */
  profile?: string;
};

function parseArgs(argv: string[]): Args {
  const value = (flag: string) => {
    const index = argv.indexOf(flag);
    if (index < 0) return undefined;
    const next = argv[index + 1];
    if (!next || next.startsWith('--')) {
      console.error(`${flag} needs a value`);
      process.exit(2);
    }
    return next;
  };
  const quick = argv.includes('--quick');
  return {
    postgres: value('--postgres') ?? process.env.TEST_DATABASE_URL ?? undefined,
    json: argv.includes('--json'),
    duration: Number(value('--duration') ?? (quick ? 1 : 3)),
    rounds: Number(value('--rounds') ?? (quick ? 1 : 2)),
    calendar: argv.includes('--calendar'),
    only: value('--only') ? new Set(value('--only')?.split(',')) : null,
    profile: value('--profile'),
  };
}

// ----- child processes ----------------------------------------------------------------------------

type Ready = { ready: true; port: number; [key: string]: unknown };

/** A forked bench process (tsx as the loader) answering {id, cmd} messages over IPC. */
class Child {
  readonly process: ChildProcess;
  readonly ready: Promise<Ready>;
  private next = 1;
  private waiting = new Map<number, (message: { result?: unknown; error?: string }) => void>();

  constructor(script: string, env: Record<string, string>, profile?: string) {
    this.process = fork(join(ROOT, script), [], {
      cwd: ROOT,
      execArgv: ['--import', 'tsx', ...(profile ? ['--cpu-prof', '--cpu-prof-dir', profile] : [])],
      env: { ...process.env, ...env },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.ready = new Promise((resolve, reject) => {
      this.process.once('exit', (code) => reject(new Error(`${script} exited (${code})`)));
      this.process.on(
        'message',
        (message: { id?: number; ready?: boolean; result?: unknown; error?: string }) => {
          if (message.ready) resolve(message as Ready);
          else if (message.id !== undefined) this.waiting.get(message.id)?.(message);
        },
      );
    });
  }

  ask<T>(cmd: string, extra: Record<string, unknown> = {}): Promise<T> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, (message) => {
        this.waiting.delete(id);
        if (message.error) reject(new Error(message.error));
        else resolve(message.result as T);
      });
      this.process.send({ id, cmd, ...extra });
    });
  }

  async stop(): Promise<void> {
    if (this.process.exitCode !== null) return;
    const exited = new Promise((resolve) => this.process.once('exit', resolve));
    await this.ask('stop').catch(() => {});
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    if (this.process.exitCode === null) this.process.kill('SIGKILL');
  }
}

// ----- load -----------------------------------------------------------------------------------------

type Load = {
  rps: number;
  seconds: number;
  cpuMsPerRequest: number;
  p50Ms: number;
  requests: number;
  statuses: Record<string, number>;
  /** The machine's one-minute load average when the figure was taken. */
  load1: number;
};

type LoadOptions = {
  path: string;
  headers?: Record<string, string>;
  expect: number;
  connections?: number;
  duration?: number;
  amount?: number;
  method?: 'GET' | 'POST';
  body?: (n: number) => { body: string; headers: Record<string, string> };
};

/** Waits until the server process is idle (work left over from the previous figure is done). */
async function settle(server: Child): Promise<void> {
  for (let tries = 0; tries < 40; tries++) {
    const before = await server.ask<number>('cpu');
    await new Promise((resolve) => setTimeout(resolve, 250));
    if ((await server.ask<number>('cpu')) - before < 25) return;
  }
}

async function load(base: string, server: Child, options: LoadOptions, args: Args): Promise<Load> {
  if (!options.body) {
    // Warm: one request first (caches and JIT as in steady use), then an idle server.
    await fetch(base + options.path, { headers: options.headers }).then((res) => res.arrayBuffer());
  }
  await settle(server);
  const cpuBefore = await server.ask<number>('cpu');
  let n = 0;
  const result = await autocannon({
    url: base + options.path,
    connections: options.connections ?? 20,
    // autocannon notices that `amount` answers came back only when it takes a sample (every
    // second by default), so its duration was rounded up to a whole second: a rush of 3.2 s read
    // as 4. Sampling every 10 ms times it to 10 ms.
    ...(options.amount
      ? { amount: options.amount, sampleInt: 10 }
      : { duration: options.duration ?? args.duration }),
    timeout: 60,
    requests: [
      {
        method: options.method ?? 'GET',
        headers: options.headers ?? {},
        ...(options.body
          ? {
              setupRequest: (request: autocannon.Request) => {
                const made = options.body?.(n++);
                return {
                  ...request,
                  body: made?.body,
                  headers: { ...request.headers, ...made?.headers },
                };
              },
            }
          : {}),
      },
    ],
  });
  const cpuAfter = await server.ask<number>('cpu');
  const statuses: Record<string, number> = {};
  for (const [code, stat] of Object.entries(result.statusCodeStats ?? {})) {
    statuses[code] = (stat as { count: number }).count;
  }
  if (result.errors > 0 || result.timeouts > 0) statuses.errors = result.errors + result.timeouts;
  const requests = Object.values(statuses).reduce((sum, count) => sum + count, 0);
  return {
    rps: requests / result.duration,
    seconds: result.duration,
    cpuMsPerRequest: requests > 0 ? (cpuAfter - cpuBefore) / requests : Number.NaN,
    p50Ms: result.latency.p50,
    requests,
    statuses,
    load1: loadavg()[0] ?? Number.NaN,
  };
}

function measures(args: Args, key: string): boolean {
  return args.only === null || args.only.has(key);
}

function median(values: number[]): number {
  const sorted = values.filter((value) => Number.isFinite(value)).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] ?? NaN)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

// ----- cold start and memory ------------------------------------------------------------------------

function procStat(pid: number): { cpuMs: number; rss: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime are fields 14 and 15 (1-based, counting pid and comm) in clock ticks (100/s).
  const cpuMs = (Number(fields[11]) + Number(fields[12])) * 10;
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const rss = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0) * 1024;
  return { cpuMs, rss };
}

function procStatus(pid: number, field: string): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
}

type Start = {
  ms: number;
  cpuMs: number;
  idleRss: number;
  /** The highest RSS of the same process after 2 s of load on each public route (VmHWM). */
  peakRss: number;
  load1: number;
};

/** What loads `npm start`'s process for its peak memory: the public reads people make most. */
const PEAK_PATHS = [
  '/',
  '/events',
  '/events/bench-500',
  '/calendar.ics',
  '/api/v1/events',
  '/archive',
  '/search?q=kaasav+eelarve',
];

/** `npm start`'s command as package.json has it, less `node` (its flags, then scripts/start.mjs). */
function startArguments(): string[] {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    scripts: { start: string };
  };
  const [node, ...rest] = pkg.scripts.start.trim().split(/\s+/);
  if (node !== 'node') throw new Error(`npm start is not a node command: ${pkg.scripts.start}`);
  return rest;
}

/**
 * `npm start`'s command (node scripts/start.mjs, built already) until the home page answers 200;
 * then its idle RSS and, unless `peak` is false, its peak under load on the public routes.
 */
async function coldStart(
  env: Record<string, string>,
  port: number,
  { peak = true }: { peak?: boolean } = {},
): Promise<Start> {
  const started = performance.now();
  const child = spawn(process.execPath, startArguments(), {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    let ms = Number.NaN;
    let cpuMs = Number.NaN;
    for (let tries = 0; tries < 1_200 && child.exitCode === null; tries++) {
      const ok = await fetch(`http://127.0.0.1:${port}/`).then(
        (res) => res.status === 200,
        () => false,
      );
      if (ok) {
        ms = performance.now() - started;
        cpuMs = procStat(child.pid ?? 0).cpuMs;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    if (!Number.isFinite(ms)) throw new Error('the server did not answer 200 within 24 s');
    // Idle: after a handful of ordinary requests, once the process has settled.
    for (const path of ['/', '/events', '/calendar.ics', '/archive', '/api/v1/events']) {
      await fetch(`http://127.0.0.1:${port}${path}`).then((res) => res.arrayBuffer());
    }
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const idleRss = procStat(child.pid ?? 0).rss;
    const load1 = loadavg()[0] ?? Number.NaN;
    for (const path of peak ? PEAK_PATHS : []) {
      await autocannon({ url: `http://127.0.0.1:${port}${path}`, connections: 20, duration: 2 });
      await autocannon({
        url: `http://127.0.0.1:${port}${path}`,
        connections: 20,
        duration: 1,
        headers: { 'accept-encoding': 'gzip, deflate, br' },
      });
    }
    return { ms, cpuMs, idleRss, peakRss: procStatus(child.pid ?? 0, 'VmHWM'), load1 };
  } finally {
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
}

async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  const server = createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

// ----- the figures ----------------------------------------------------------------------------------

type Ceiling = 'A' | 'B' | 'B-gzip';

/** The figures, their ceiling and (for the gated ones) the target ratio (issue 22). */
const ROUTES: {
  key: string;
  label: string;
  ceiling: Ceiling;
  target?: number;
  options: (etag: string) => LoadOptions;
}[] = [
  {
    key: 'feed304',
    label: 'feed 304 (If-None-Match)',
    ceiling: 'A',
    target: 0.3,
    options: (etag) => ({ path: '/calendar.ics', headers: { 'if-none-match': etag }, expect: 304 }),
  },
  {
    key: 'feed',
    label: 'full feed (identity)',
    ceiling: 'B',
    options: () => ({ path: '/calendar.ics', expect: 200 }),
  },
  {
    key: 'feedGzip',
    label: 'full feed (gzip, br accepted)',
    ceiling: 'B-gzip',
    target: 0.5,
    options: () => ({
      path: '/calendar.ics',
      headers: { 'accept-encoding': 'gzip, deflate, br' },
      expect: 200,
    }),
  },
  {
    key: 'eventPage',
    label: 'event page (anonymous)',
    ceiling: 'A',
    target: 0.1,
    options: () => ({ path: '/events/bench-500', expect: 200 }),
  },
  {
    key: 'eventsApi',
    label: 'GET /api/v1/events',
    ceiling: 'A',
    target: 0.1,
    options: () => ({ path: '/api/v1/events', expect: 200 }),
  },
  {
    key: 'search',
    label: 'search, 2 words (100 h captions)',
    ceiling: 'A',
    // One search at a time: its median is how long a person waits (issue 19), not a queue of 20.
    // A cookie keeps the public answer cache out of it: the same question every time would
    // otherwise be answered from memory, and the figure would time the cache, not the search.
    options: () => ({
      path: '/api/v1/search?q=t%C3%A4navavalgustus+eelarve',
      headers: { cookie: 'bench=search' },
      expect: 200,
      connections: 1,
    }),
  },
  {
    key: 'searchPage',
    label: 'search page, place + year + word',
    ceiling: 'A',
    options: () => ({ path: '/search?q=Benchi+2026+kaasav', expect: 200, connections: 1 }),
  },
  {
    key: 'atom',
    label: 'archive Atom feed',
    ceiling: 'A',
    options: () => ({ path: '/archive/feed.xml', expect: 200 }),
  },
];

/** Postgres gets the issue's rush; PGlite (one connection, in WebAssembly) a quarter of it. */
const RUSHES = {
  Postgres: { registrations: 2_000, connections: 50, capacity: 100 },
  PGlite: { registrations: 500, connections: 50, capacity: 25 },
} as const;

type Figure = {
  key: string;
  label: string;
  ceiling: Ceiling;
  target?: number;
  rps: number;
  cpuMsPerRequest: number;
  p50Ms: number;
  ratio: number;
  rounds: Load[];
};

type Backend = {
  name: 'PGlite' | 'Postgres';
  figures: Figure[];
  rush: {
    perSecond: number;
    cpuMsPerRegistration: number;
    ratio: number;
    confirmed: number;
    waitlisted: number;
    distinctTimes: number;
    exact: boolean;
    load1: number;
  } | null;
  coldStart: Start | null;
  /** The first start after the build (on PGlite also of a new data directory), not the figure. */
  firstStart: Start | null;
  /** PGlite: the second start of a data directory the demo was seeded into (a newcomer's). */
  seededStart: Start | null;
  peakRss: number;
  loadedRss: number;
};

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.calendar) {
    await import('./calendar-run');
    return;
  }
  const problems: string[] = [];
  const log = (line: string) => {
    if (!args.json) console.error(line);
  };
  log(`Koda bench: ${cpus().length} cores, load average ${loadavg()[0]?.toFixed(1)}; seeding…`);

  const backends: {
    name: Backend['name'];
    child: Child;
    base: string;
    databaseUrl: string | null;
  }[] = [];
  const children: Child[] = [];
  let ceiling: Child;
  const scratch = mkdtempSync(join(tmpdir(), 'koda-bench-'));
  try {
    const wanted: [Backend['name'], string][] = [['PGlite', '']];
    if (args.postgres) wanted.push(['Postgres', args.postgres]);
    for (const [name, url] of wanted) {
      const child = new Child('bench/serve.ts', { BENCH_POSTGRES_URL: url }, args.profile);
      children.push(child);
      const ready = await child.ready;
      backends.push({
        name,
        child,
        base: `http://127.0.0.1:${ready.port}`,
        databaseUrl: (ready.databaseUrl as string | null) ?? null,
      });
    }
    const first = backends[0];
    if (!first) throw new Error('no backend');
    const feedText = await fetch(`${first.base}/calendar.ics`).then((res) => res.text());
    const bodyFile = join(scratch, 'feed.ics');
    writeFileSync(bodyFile, feedText);
    ceiling = new Child('bench/ceiling.ts', { BENCH_BODY_FILE: bodyFile });
    children.push(ceiling);
    const ceilingReady = await ceiling.ready;
    const ceilingBase = `http://127.0.0.1:${ceilingReady.port}`;
    log(
      `feed: ${(feedText.length / 1024).toFixed(0)} kB, gzip ${(gzipSync(feedText).length / 1024).toFixed(0)} kB; ` +
        `${args.rounds} round(s) of ${args.duration} s per figure`,
    );

    const ceilings: Record<Ceiling, Load[]> = { A: [], B: [], 'B-gzip': [] };
    const loads = new Map<string, Load[]>();
    const rushes = new Map<
      string,
      { load: Load; outcome: Record<string, number>; ratio: number }[]
    >();
    for (let round = 0; round < args.rounds; round++) {
      const c = ceiling;
      ceilings.A.push(await load(ceilingBase, c, { path: '/ok', expect: 200 }, args));
      ceilings.B.push(await load(ceilingBase, c, { path: '/static', expect: 200 }, args));
      ceilings['B-gzip'].push(
        await load(
          ceilingBase,
          c,
          { path: '/static-gzip', headers: { 'accept-encoding': 'gzip' }, expect: 200 },
          args,
        ),
      );
      log(`round ${round + 1}: A ${ceilings.A.at(-1)?.rps.toFixed(0)} req/s`);
      for (const backend of backends) {
        const etag =
          (await fetch(`${backend.base}/calendar.ics`)).headers.get('etag') ?? '"missing"';
        for (const route of ROUTES) {
          if (!measures(args, route.key)) continue;
          const options = route.options(etag);
          const result = await load(backend.base, backend.child, options, args);
          const wrong = Object.keys(result.statuses).filter(
            (code) => code !== String(options.expect),
          );
          if (wrong.length > 0) {
            problems.push(
              `${backend.name} ${route.label}: expected ${options.expect}, got ${JSON.stringify(result.statuses)}`,
            );
          }
          const key = `${backend.name}:${route.key}`;
          loads.set(key, [...(loads.get(key) ?? []), result]);
          log(`  ${backend.name} ${route.label}: ${result.rps.toFixed(0)} req/s`);
        }
        if (!measures(args, 'rush')) continue;
        // The rush: 2 000 registrations at 50 concurrent for 100 seats, each from its own address.
        const RUSH = RUSHES[backend.name];
        const slug = await backend.child.ask<string>('rush-event', { capacity: RUSH.capacity });
        const tag = `${backend.name.toLowerCase()}-${round}`;
        const result = await load(
          backend.base,
          backend.child,
          {
            path: `/api/v1/events/${slug}/registrations`,
            method: 'POST',
            amount: RUSH.registrations,
            connections: RUSH.connections,
            expect: 201,
            body: (n) => ({
              body: JSON.stringify({
                name: `Osaleja ${n}`,
                email: `rush-${tag}-${n}@bench.example`,
                attendance: 'in_person',
                consent: true,
              }),
              headers: {
                'content-type': 'application/json',
                'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
              },
            }),
          },
          args,
        );
        const outcome = await backend.child.ask<Record<string, number>>('rush-outcome', { slug });
        if (
          outcome.confirmed !== RUSH.capacity ||
          outcome.waitlisted !== RUSH.registrations - RUSH.capacity ||
          // autocannon stops at `amount` sent and drops the last answers in flight (as errors):
          // the database says what happened; every answer that came back must be a 201.
          Object.keys(result.statuses).some((code) => code !== '201' && code !== 'errors')
        ) {
          problems.push(
            `${backend.name} rush: ${JSON.stringify(outcome)}, answers ${JSON.stringify(result.statuses)}`,
          );
        }
        const a = ceilings.A.at(-1)?.rps ?? Number.NaN;
        const registered = (outcome.confirmed ?? 0) + (outcome.waitlisted ?? 0);
        result.rps = registered / result.seconds;
        result.cpuMsPerRequest = (result.cpuMsPerRequest * result.requests) / registered;
        rushes.set(backend.name, [
          ...(rushes.get(backend.name) ?? []),
          { load: result, outcome, ratio: result.rps / a },
        ]);
        log(
          `  ${backend.name} registration rush: ${result.rps.toFixed(0)} /s ${JSON.stringify(outcome)}`,
        );
      }
    }

    const report: Backend[] = [];
    for (const backend of backends) {
      const memory = await backend.child.ask<{ rss: number; peak: number }>('memory');
      const figures = ROUTES.filter((route) => measures(args, route.key)).map((route): Figure => {
        const rounds = loads.get(`${backend.name}:${route.key}`) ?? [];
        const ratios = rounds.map(
          (run, index) => run.rps / (ceilings[route.ceiling][index]?.rps ?? NaN),
        );
        return {
          key: route.key,
          label: route.label,
          ceiling: route.ceiling,
          ...(route.target !== undefined ? { target: route.target } : {}),
          rps: median(rounds.map((run) => run.rps)),
          cpuMsPerRequest: median(rounds.map((run) => run.cpuMsPerRequest)),
          p50Ms: median(rounds.map((run) => run.p50Ms)),
          ratio: median(ratios),
          rounds,
        };
      });
      const runs = rushes.get(backend.name) ?? [];
      const RUSH = RUSHES[backend.name];
      const last = runs.at(-1);
      report.push({
        name: backend.name,
        figures,
        rush: last
          ? {
              perSecond: median(runs.map((run) => run.load.rps)),
              cpuMsPerRegistration: median(runs.map((run) => run.load.cpuMsPerRequest)),
              ratio: median(runs.map((run) => run.ratio)),
              confirmed: last.outcome.confirmed ?? 0,
              waitlisted: last.outcome.waitlisted ?? 0,
              distinctTimes: last.outcome.distinctCreatedAt ?? 0,
              exact: runs.every(
                (run) =>
                  run.outcome.confirmed === RUSH.capacity &&
                  run.outcome.waitlisted === RUSH.registrations - RUSH.capacity,
              ),
              load1: median(runs.map((run) => run.load.load1)),
            }
          : null,
        coldStart: null,
        firstStart: null,
        seededStart: null,
        peakRss: memory.peak,
        loadedRss: memory.rss,
      });
    }

    // Cold starts, with the load generator idle: `npm start`'s command until the first 200 (its
    // build, once per source change, is done first and not timed).
    if (measures(args, 'start')) {
      spawnSync(process.execPath, ['scripts/start.mjs', '--build'], {
        cwd: ROOT,
        stdio: 'inherit',
      });
    }
    for (const entry of report) {
      if (!measures(args, 'start')) break;
      const backend = backends.find((candidate) => candidate.name === entry.name);
      if (!backend) continue;
      try {
        if (entry.name === 'PGlite') {
          const dataDir = join(scratch, 'data');
          const env = { DATA_DIR: dataDir, DATABASE_URL: '', SEED_DEMO: 'false' };
          entry.firstStart = await coldStart(env, await freePort());
          entry.coldStart = await coldStart(env, await freePort());
          // A newcomer's `npm start`: the first start seeds the demo, the second is timed.
          const seeded = { DATA_DIR: join(scratch, 'seeded'), DATABASE_URL: '', SEED_DEMO: 'true' };
          await coldStart(seeded, await freePort(), { peak: false });
          entry.seededStart = await coldStart(seeded, await freePort(), { peak: false });
        } else if (backend.databaseUrl) {
          const env = { DATABASE_URL: backend.databaseUrl, SEED_DEMO: 'false' };
          // The first start after a build writes V8's code cache (scripts/start.mjs); the figure
          // is a start with it, as every later start of the same bundle is.
          entry.firstStart = await coldStart(env, await freePort(), { peak: false });
          entry.coldStart = await coldStart(env, await freePort());
        }
      } catch (error) {
        problems.push(`${entry.name} cold start: ${String(error)}`);
      }
    }

    const ceilingSummary = Object.fromEntries(
      (Object.keys(ceilings) as Ceiling[]).map((name) => [
        name,
        {
          rps: median(ceilings[name].map((run) => run.rps)),
          cpuMsPerRequest: median(ceilings[name].map((run) => run.cpuMsPerRequest)),
        },
      ]),
    ) as Record<Ceiling, { rps: number; cpuMsPerRequest: number }>;
    const gated = report.filter((entry) => entry.name === 'Postgres');
    const gateOn = gated.length > 0 ? gated : report;
    const misses = gateOn.flatMap((entry) =>
      entry.figures
        .filter((figure) => figure.target !== undefined && !(figure.ratio >= (figure.target ?? 0)))
        .map(
          (figure) =>
            `${entry.name} ${figure.label}: ${figure.ratio.toFixed(3)} < ${figure.target}`,
        ),
    );
    const document = {
      machine: { cores: cpus().length, loadAverage: loadavg()[0] },
      settings: { ...args, postgres: args.postgres ? '(set)' : null, events: 1_000 },
      feed: { bytes: Buffer.byteLength(feedText), gzipBytes: ceilingReady.gzipBytes },
      ceilings: ceilingSummary,
      backends: report,
      gatedOn: gateOn.map((entry) => entry.name),
      misses,
      problems,
    };
    if (args.json) console.log(JSON.stringify(document, null, 2));
    else
      console.log(
        table(
          document.ceilings,
          report,
          Buffer.byteLength(feedText),
          ceilingReady.gzipBytes as number,
          gateOn,
          misses,
          problems,
        ),
      );
    process.exitCode = problems.length > 0 ? 2 : misses.length > 0 ? 1 : 0;
  } finally {
    await Promise.all(children.map((child) => child.stop()));
    rmSync(scratch, { recursive: true, force: true });
  }
}

// ----- the table ------------------------------------------------------------------------------------

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const fixed = (value: number, digits: number) =>
  Number.isFinite(value) ? value.toFixed(digits) : '–';

function table(
  ceilings: Record<Ceiling, { rps: number; cpuMsPerRequest: number }>,
  report: Backend[],
  bytes: number,
  gzipBytes: number,
  gateOn: Backend[],
  misses: string[],
  problems: string[],
): string {
  const lines: string[] = [];
  lines.push(
    `Ceilings (Hono on @hono/node-server, 20 connections): A "ok" ${fixed(ceilings.A.rps, 0)} req/s (${fixed(ceilings.A.cpuMsPerRequest, 3)} ms CPU/req); ` +
      `B ${(bytes / 1024).toFixed(0)} kB static ${fixed(ceilings.B.rps, 0)} req/s; B-gzip ${(gzipBytes / 1024).toFixed(0)} kB ${fixed(ceilings['B-gzip'].rps, 0)} req/s`,
  );
  const loads = report
    .flatMap((entry) => [
      ...entry.figures.flatMap((figure) => figure.rounds.map((run) => run.load1)),
      ...(entry.rush ? [entry.rush.load1] : []),
    ])
    .filter((value) => Number.isFinite(value));
  if (loads.length > 0) {
    lines.push(
      `Machine load (one-minute average) while the figures were taken: ${fixed(Math.min(...loads), 1)}–${fixed(Math.max(...loads), 1)} (ratios compare with ceilings measured under the same load; rates and wall times do not)`,
    );
  }
  const names = report.map((entry) => entry.name);
  const cell = (text: string) => text.padEnd(34);
  lines.push('');
  lines.push(`${'figure'.padEnd(38)}${names.map((name) => cell(name)).join('')}target`);
  const gatedNames = new Set(gateOn.map((entry) => entry.name));
  for (const route of ROUTES) {
    if (!report.some((entry) => entry.figures.some((figure) => figure.key === route.key))) continue;
    const cells = report.map((entry) => {
      const figure = entry.figures.find((candidate) => candidate.key === route.key);
      if (!figure) return cell('');
      return cell(
        `${fixed(figure.ratio, 3)} of ${route.ceiling} (${fixed(figure.rps, 0)}/s, ${fixed(figure.cpuMsPerRequest, 2)} ms CPU, p50 ${fixed(figure.p50Ms, 0)} ms)`,
      );
    });
    const verdict =
      route.target === undefined
        ? route.key === 'search' || route.key === 'searchPage'
          ? 'median ≤ 50 ms, one at a time (wall time: reported, not gated)'
          : ''
        : `≥ ${route.target} ÷ ${route.ceiling}: ` +
          report
            .filter((entry) => gatedNames.has(entry.name))
            .map((entry) => {
              const ratio = entry.figures.find((figure) => figure.key === route.key)?.ratio ?? NaN;
              return `${entry.name} ${ratio >= route.target! ? 'ok' : 'MISSED'}`;
            })
            .join(', ');
    lines.push(`${route.label.padEnd(38)}${cells.join('')}${verdict}`);
  }
  lines.push(
    `${'registration rush (confirmed/waitlisted)'.padEnd(38)}${report
      .map((entry) =>
        cell(
          entry.rush
            ? `${fixed(entry.rush.perSecond, 0)}/s, ${fixed(entry.rush.cpuMsPerRegistration, 2)} ms CPU, ${entry.rush.confirmed}/${entry.rush.waitlisted}${entry.rush.exact ? '' : ' WRONG'}`
            : '–',
        ),
      )
      .join(
        '',
      )}2 000 at 50 (PGlite 500): ≥ 500/s (rate: reported, not gated), exactly the capacity confirmed`,
  );
  lines.push(
    `${'cold start to first 200 (CPU)'.padEnd(38)}${report
      .map((entry) =>
        cell(
          entry.coldStart
            ? `${fixed(entry.coldStart.ms / 1000, 2)} s (${fixed(entry.coldStart.cpuMs / 1000, 2)} s CPU)`
            : '–',
        ),
      )
      .join('')}Postgres ≤ 0.5 s, PGlite ≤ 1.5 s (wall time: reported)`,
  );
  if (report.some((entry) => entry.seededStart)) {
    lines.push(
      `${'  the same, demo seeded (2nd start)'.padEnd(38)}${report
        .map((entry) =>
          cell(
            entry.seededStart
              ? `${fixed(entry.seededStart.ms / 1000, 2)} s (${fixed(entry.seededStart.cpuMs / 1000, 2)} s CPU)`
              : '–',
          ),
        )
        .join('')}a newcomer's second npm start on PGlite`,
    );
  }
  lines.push(
    `${'npm start: idle RSS / peak under load'.padEnd(38)}${report
      .map((entry) =>
        cell(
          entry.coldStart
            ? `${mb(entry.coldStart.idleRss)} / ${mb(entry.coldStart.peakRss)} (load ${fixed(entry.coldStart.load1, 1)})`
            : '–',
        ),
      )
      .join('')}Postgres ≤ 120 / 220 MB, PGlite ≤ 250 MB idle`,
  );
  lines.push('');
  lines.push(
    `Gated ratios on ${gateOn.map((entry) => entry.name).join(', ')}` +
      (gateOn.some((entry) => entry.name === 'Postgres')
        ? ''
        : ' (no Postgres given: PGlite stands in)') +
      `: ${misses.length === 0 ? 'all met' : `${misses.length} missed`}`,
  );
  for (const miss of misses) lines.push(`  MISSED ${miss}`);
  for (const problem of problems) lines.push(`  WRONG ${problem}`);
  return lines.join('\n');
}

await main();
