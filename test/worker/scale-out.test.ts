/**
 * Scale-out: two Node processes (real `npm start` processes, started at the same moment, as a
 * deploy would) on different ports against one fresh Postgres. What one writes the other
 * serves, seats are counted in the database, and rate limits hold across both.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slugify } from '@/platform/slug';
import {
  cli,
  createDatabase,
  freePort,
  startServer,
  type Running,
  type TestDatabase,
} from './processes';

const KEILA_FORUM = slugify('Näidis: Keila linna foorum — kaasav eelarve');
const ROUGE_THINK_TANK = slugify('Näidis: Rõuge valla mõttekoda — küla arengukava');

let database: TestDatabase;
const servers: { process: Running; base: string }[] = [];

function env(port: number) {
  return {
    DATABASE_URL: database.url,
    SEED_DEMO: 'true',
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: undefined,
    DATA_DIR: undefined,
    SMTP_URL: undefined,
    // Behind a load balancer: the client's address comes from X-Forwarded-For.
    TRUST_PROXY: 'true',
    LOG_LEVEL: 'info',
  };
}

beforeAll(async () => {
  database = await createDatabase('scale');
  const ports = [await freePort(), await freePort()];
  for (const port of ports) {
    servers.push({
      process: startServer(env(port)),
      base: `http://127.0.0.1:${port}`,
    });
  }
  await Promise.all(
    servers.map((server) => server.process.waitFor(/Koda is running at \S+ \(Postgres\)/, 30_000)),
  );
  bearer = await adminBearer();
}, 90_000);

afterAll(async () => {
  await Promise.all(servers.map((server) => server.process.stop('SIGTERM', 5_000)));
  await database?.drop();
});

/** The base URL of the first (A) or second (B) process. */
function baseOf(index: number): string {
  const server = servers[index];
  if (!server) throw new Error('the servers did not start');
  return server.base;
}
const A = () => baseOf(0);
const B = () => baseOf(1);

let bearer: string;

/** An admin's API token, made with the CLI against the same Postgres while both run. */
async function adminBearer(): Promise<string> {
  const made = await cli(
    [
      'user:create',
      '--email',
      'scale-admin@koda.test',
      '--name',
      'Skaleerimise Admin',
      '--password',
      'a long enough test password',
      '--role',
      'admin',
    ],
    env(1),
  );
  if (made.code !== 0) throw new Error(made.output);
  const token = await cli(['token:create', '--email', 'scale-admin@koda.test'], env(1));
  if (token.code !== 0) throw new Error(token.output);
  return `Bearer ${token.output.split('\n')[0]?.trim()}`;
}

/** Who registered for an event, as its organizers see it through `base`. */
async function registered(base: string, slug: string) {
  const res = await fetch(`${base}/api/v1/events/${slug}/registrations`, {
    headers: { authorization: bearer },
  });
  expect(res.status).toBe(200);
  const body = (await res.json()) as
    | { email: string | null; status: string }[]
    | { items: { email: string | null; status: string }[] };
  return Array.isArray(body) ? body : body.items;
}

/** The login form, posted from the client address `from`. */
function logIn(base: string, email: string, password: string, from: string) {
  return fetch(`${base}/admin/login`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      origin: base,
      'x-forwarded-for': from,
    },
    body: new URLSearchParams({ email, password }).toString(),
    redirect: 'manual',
  });
}

/** A registration from the client address `from` (each test its own rate-limit bucket). */
function register(
  base: string,
  slug: string,
  email: string,
  from: string,
  attendance = 'in_person',
) {
  return fetch(`${base}/api/v1/events/${slug}/registrations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': from },
    body: JSON.stringify({ name: 'Skaleerimise Proov', email, attendance, consent: true }),
  });
}

describe('two Node processes on one Postgres', () => {
  it('both start at once, migrate in turn, and the demo is loaded once', async () => {
    const loaded = servers.filter((server) =>
      server.process.output().includes('"message":"demo programme loaded"'),
    );
    expect(loaded).toHaveLength(1);
    for (const base of [A(), B()]) {
      const health = await fetch(`${base}/healthz`);
      expect(health.status).toBe(200);
      const list = await fetch(`${base}/api/v1/events?perPage=1`);
      expect(((await list.json()) as { total: number }).total).toBe(12);
    }
  });

  it('a registration made on one is seen on the other, and seats are counted across both', async () => {
    const from = '198.51.100.1';
    const before = await registered(B(), KEILA_FORUM);
    expect(before.filter((r) => r.status === 'confirmed')).toHaveLength(11);

    // The last of twelve seats, taken through A.
    const first = await register(A(), KEILA_FORUM, 'first@koda.test', from);
    expect(first.status).toBe(201);
    expect(((await first.json()) as { status: string }).status).toBe('confirmed');
    const seenOnB = await registered(B(), KEILA_FORUM);
    expect(seenOnB).toContainEqual(
      expect.objectContaining({ email: 'first@koda.test', status: 'confirmed' }),
    );

    // B must know the event is full and put the next person on the waitlist.
    const second = await register(B(), KEILA_FORUM, 'second@koda.test', from);
    expect(second.status).toBe(201);
    expect(await second.json()).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    const seenOnA = await registered(A(), KEILA_FORUM);
    expect(seenOnA.filter((r) => r.status === 'confirmed')).toHaveLength(12);
    expect(seenOnA).toContainEqual(
      expect.objectContaining({ email: 'second@koda.test', status: 'waitlisted' }),
    );

    // The same email again, on the other process: the same answer as a new address (nothing
    // disclosed), and still one registration for it.
    const again = await register(A(), KEILA_FORUM, 'second@koda.test', from);
    expect(again.status).toBe(201);
    const seenAgain = await registered(B(), KEILA_FORUM);
    expect(seenAgain.filter((r) => r.email === 'second@koda.test')).toHaveLength(1);
  });

  it('an event created through one is served by the other', async () => {
    const create = await fetch(`${B()}/api/v1/events`, {
      method: 'POST',
      headers: { authorization: bearer, 'content-type': 'application/json' },
      body: JSON.stringify({
        kind: 'forum',
        title: 'Kahe protsessi foorum',
        startsAt: '2027-05-06T10:00',
        endsAt: '2027-05-06T16:00',
        hosts: ['tartu'],
        status: 'published',
      }),
    });
    expect(create.status).toBe(201);
    const { slug } = (await create.json()) as { slug: string };
    const seen = await fetch(`${A()}/api/v1/events/${slug}`);
    expect(seen.status).toBe(200);
    expect(await seen.json()).toMatchObject({
      title: 'Kahe protsessi foorum',
      startsAt: '2027-05-06T10:00:00+03:00',
    });
    const page = await fetch(`${A()}/events/${slug}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Kahe protsessi foorum');
  });

  it('the registration rate limit counts the tries made on both processes together', async () => {
    // 20 tries per address per 10 minutes (REGISTER_RATE_LIMIT), half through each process.
    const from = '198.51.100.2';
    const statuses: number[] = [];
    for (let n = 0; n < 20; n++) {
      const base = n % 2 === 0 ? A() : B();
      const res = await register(base, ROUGE_THINK_TANK, `online${n}@koda.test`, from, 'online');
      statuses.push(res.status);
    }
    expect(statuses).toEqual(Array.from({ length: 20 }, () => 201));
    const overA = await register(A(), ROUGE_THINK_TANK, 'over-a@koda.test', from, 'online');
    expect(overA.status).toBe(429);
    expect(Number(overA.headers.get('retry-after'))).toBeGreaterThan(0);
    const overB = await register(B(), ROUGE_THINK_TANK, 'over-b@koda.test', from, 'online');
    expect(overB.status).toBe(429);
    expect(((await overB.json()) as { error: { code: string } }).error.code).toBe('rate_limited');
    // Another address is not affected.
    const other = await register(
      B(),
      ROUGE_THINK_TANK,
      'other@koda.test',
      '198.51.100.3',
      'online',
    );
    expect(other.status).toBe(201);
  });

  it('a session made on one is honoured on the other, and a logout on either ends it', async () => {
    const login = await logIn(A(), 'korraldaja@koda.example', 'mottekoda-2014', '198.51.100.4');
    expect(login.status).toBe(303);
    const cookie = /koda_session=[^;]+/.exec(login.headers.get('set-cookie') ?? '')?.[0];
    expect(cookie).toBeDefined();
    const onB = await fetch(`${B()}/admin`, { headers: { cookie: cookie! }, redirect: 'manual' });
    expect(onB.status).toBe(200);
    const logout = await fetch(`${B()}/admin/logout`, {
      method: 'POST',
      headers: {
        cookie: cookie!,
        origin: B(),
        'content-type': 'application/x-www-form-urlencoded',
      },
      redirect: 'manual',
    });
    expect(logout.status).toBe(303);
    const onA = await fetch(`${A()}/admin`, { headers: { cookie: cookie! }, redirect: 'manual' });
    expect(onA.status).toBe(303);
    expect(onA.headers.get('location')).toContain('/admin/login');
  });

  it('login tries on an account are counted across both processes', async () => {
    // The first 5 failures for an account are free, then each try waits (429, Retry-After).
    // Each try comes from its own address and alternates processes, so only a shared account
    // counter can slow the sixth (3 were on A and 2 on B).
    const statuses: number[] = [];
    for (let n = 0; n < 5; n++) {
      const base = n % 2 === 0 ? A() : B();
      const res = await logIn(
        base,
        'korraldaja@koda.example',
        'wrong password',
        `203.0.113.${n + 1}`,
      );
      statuses.push(res.status);
    }
    expect(statuses).toEqual(Array.from({ length: 5 }, () => 401));
    const onB = await logIn(B(), 'korraldaja@koda.example', 'mottekoda-2014', '203.0.113.51');
    expect(onB.status).toBe(429);
    expect(Number(onB.headers.get('retry-after'))).toBeGreaterThan(0);
    const onA = await logIn(A(), 'korraldaja@koda.example', 'mottekoda-2014', '203.0.113.50');
    expect(onA.status).toBe(429);
  });
});
