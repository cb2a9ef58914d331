/**
 * The demo programme: the real 2014–2015 think tanks of the Estonian open-government
 * programme (demo/avp-programme.json, copied from the project's shared data), plus example
 * content, clearly labelled, so that every feature has something to show.
 * Kept apart from the app: the app never imports this file.
 */
import { and, asc, eq, lt, sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { createUser } from '@/accounts/users';
import {
  actionItems,
  actionItemSources,
  actionItemUpdates,
  actionPlans,
  agendaItems,
  chapters,
  eventHosts,
  feedbackRequests,
  events,
  municipalities,
  outcomes,
  recordings,
  registrations,
} from '@/platform/db/schema';
import type { Db, Queryable, Tx } from '@/platform/db/types';
import { slugify } from '@/platform/slug';
import { hashToken, newToken } from '@/platform/tokens';
import type { FileStore } from '@/platform/files/store';
import { FEEDBACK_LINK_DAYS } from '@/feedback/rules';
import { seedDemoDocuments } from './documents';
import programme from './avp-programme.json' with { type: 'json' };

export const DEMO_ORGANIZER = {
  email: 'korraldaja@koda.example',
  name: 'Kadri Korraldaja (näidis)',
  password: 'mottekoda-2014',
  municipalities: ['keila', 'rouge', 'tartu'],
};

/**
 * The demo's admin: it reads every email at /admin/outbox, also those about no event (a follow's
 * confirmation), which an organizer does not see (review item 3).
 */
export const DEMO_ADMIN = {
  email: 'admin@koda.example',
  name: 'Aino Admin (näidis)',
  password: 'avatud-valitsus-2014',
  municipalities: [] as string[],
};

const ZONE = 'Europe/Tallinn';
const EXAMPLE =
  '_Näidis: päevakava, salvestised, tulemused ja tegevused on demo jaoks välja mõeldud._';

/** An arbitrary constant for the advisory lock that serialises concurrent seeding. */
const SEED_LOCK_ID = 4_201_120_15;

type MunicipalityIds = Map<string, number>;

type AgendaTemplate = {
  minutes: number;
  title: string;
  kind: 'talk' | 'discussion' | 'workshop' | 'break';
  speakers?: string[];
};

const agendaTemplate: AgendaTemplate[] = [
  {
    minutes: 20,
    title: 'Avasõnad ja avatud valitsemise põhimõtted',
    kind: 'talk',
    speakers: ['E-riigi Akadeemia'],
  },
  { minutes: 40, title: 'Kuidas kaasame täna? Omavalitsuse ülevaade', kind: 'talk' },
  { minutes: 15, title: 'Kohvipaus', kind: 'break' },
  { minutes: 60, title: 'Töörühmad: info, kaasamine, koostöö', kind: 'workshop' },
  { minutes: 45, title: 'Ettepanekute arutelu ja kokkuvõte', kind: 'discussion' },
];

const outcomeTemplates = [
  {
    kind: 'proposal' as const,
    title: 'Volikogu istungite veebiülekanded ja salvestiste arhiiv',
    body: 'Töörühm tegi ettepaneku kanda volikogu istungid üle veebis ja hoida salvestised koos päevakorraga avalikus arhiivis.',
  },
  {
    kind: 'proposal' as const,
    title: 'Kaasava eelarve katsetamine',
    body: 'Osalejad soovisid, et osa investeeringute eelarvest jagataks elanike hääletuse alusel, nagu Tartus 2013. aastast.',
  },
  {
    kind: 'question' as const,
    title: 'Kuidas saavad küla- ja asumiseltsid arengukava koostamisel kaasa rääkida?',
    body: 'Küsimus jäi lahtiseks; vallavalitsus lubas vastata järgmisel kohtumisel.',
  },
  {
    kind: 'decision' as const,
    title: 'Avatud valitsemise tegevuskava koostatakse koos kogukonnaga',
    body: 'Kokkulepe: tegevuskava mustand arutatakse läbi avalikul koosolekul enne volikokku saatmist.',
  },
];

export async function isDemoLoaded(db: Queryable): Promise<boolean> {
  const [row] = await db.select({ id: municipalities.id }).from(municipalities).limit(1);
  return row !== undefined;
}

/**
 * The participant's pages a demo visitor cannot reach otherwise (issue 20): links are emailed
 * and stored only as hashes, so the start that seeds the demo prints one of each, as it prints
 * the logins. Paths, without the site's address.
 */
export type DemoLinks = { feedbackPath: string; managePath: string };

/**
 * What the process that seeded the demo tells its operator: the logins (a demo's passwords, shown
 * on purpose; they may be changed later) and the participant's links, kept nowhere in the clear.
 */
export function demoAnnouncements(publicUrl: string, links: DemoLinks): string[] {
  return [
    `Demo organizer login: ${DEMO_ORGANIZER.email} / ${DEMO_ORGANIZER.password} at ${publicUrl}/admin`,
    `Demo admin login (reads every email at ${publicUrl}/admin/outbox): ${DEMO_ADMIN.email} / ${DEMO_ADMIN.password}`,
    `Demo participant's feedback form: ${publicUrl}${links.feedbackPath}`,
    `Demo participant's registration: ${publicUrl}${links.managePath}`,
  ];
}

/**
 * Loads the demo into an empty database; with a file store, its documents too (demo/documents.ts).
 * Returns false (and changes nothing) when data exists. The logins' passwords are hashed at the
 * production count unless `passwordIterations` says otherwise (tests, which seed it in most files).
 */
export async function seedDemo(
  db: Db,
  now: Date,
  files?: FileStore,
  passwordIterations?: number,
): Promise<DemoLinks | false> {
  if (await isDemoLoaded(db)) return false;
  const loaded = await db.transaction(async (tx) => {
    // Several processes may start at once on one Postgres (SEED_DEMO=true): they take turns,
    // and the ones after the first find the demo loaded.
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK_ID})`);
    if (await isDemoLoaded(tx)) return false;
    const ids = await seedMunicipalities(tx);
    const historicOutcomes = new Map<string, number[]>();
    for (const [index, event] of programme.events.entries()) {
      const outcomeIds = await seedHistoricEvent(tx, ids, event, index);
      for (const host of event.hosts) {
        historicOutcomes.set(host, [...(historicOutcomes.get(host) ?? []), ...outcomeIds]);
      }
    }
    for (const plan of programme.actionPlans) {
      await seedPlan(tx, ids, plan, historicOutcomes.get(plan.municipality) ?? []);
    }
    const managePath = await seedExampleUpcoming(tx, ids, now);
    const feedbackPath = await seedFeedback(tx, ids, now);
    return { managePath, feedbackPath };
  });
  if (!loaded) return false;
  if (files) await seedDemoDocuments(db, files);
  await createUser(db, { ...DEMO_ORGANIZER, role: 'organizer' }, passwordIterations);
  await createUser(db, { ...DEMO_ADMIN, role: 'admin' }, passwordIterations);
  return loaded;
}

/** The county (maakond) each programme municipality lay in, for the addresses of its places. */
const COUNTIES: Record<string, string> = {
  tartu: 'Tartu maakond',
  viljandi: 'Viljandi maakond',
  keila: 'Harju maakond',
  haljala: 'Lääne-Viru maakond',
  rouge: 'Võru maakond',
  maksa: 'Tartu maakond',
  'jarva-jaani': 'Järva maakond',
  saue: 'Harju maakond',
  rakvere: 'Lääne-Viru maakond',
};

async function seedMunicipalities(tx: Tx): Promise<MunicipalityIds> {
  const rows = await tx
    .insert(municipalities)
    .values(
      programme.municipalities.map((m) => ({
        slug: m.slug,
        name: m.name,
        kind: m.kind as 'city' | 'parish',
        county: COUNTIES[m.slug] ?? null,
      })),
    )
    .returning({ id: municipalities.id, slug: municipalities.slug });
  return new Map(rows.map((row) => [row.slug, row.id]));
}

async function insertEvent(
  tx: Tx,
  ids: MunicipalityIds,
  values: typeof events.$inferInsert,
  hosts: string[],
): Promise<number> {
  const [row] = await tx.insert(events).values(values).returning({ id: events.id });
  if (!row) throw new Error('event insert returned nothing');
  await tx.insert(eventHosts).values(
    hosts.map((slug, position) => {
      const municipalityId = ids.get(slug);
      if (municipalityId === undefined) throw new Error(`demo: unknown municipality ${slug}`);
      return { eventId: row.id, municipalityId, position };
    }),
  );
  return row.id;
}

async function seedAgenda(tx: Tx, eventId: number, start: DateTime) {
  let at = start;
  const rows = [];
  for (const [position, item] of agendaTemplate.entries()) {
    const ends = at.plus({ minutes: item.minutes });
    rows.push({
      eventId,
      position,
      startsAt: at.toJSDate(),
      endsAt: ends.toJSDate(),
      title: item.title,
      kind: item.kind,
      speakers: item.speakers ?? [],
      description: item.kind === 'workshop' ? 'Kolm töörühma, igaühes kuni 12 osalejat.' : null,
    });
    at = ends;
  }
  return tx.insert(agendaItems).values(rows).returning({
    id: agendaItems.id,
    title: agendaItems.title,
    startsAt: agendaItems.startsAt,
  });
}

type ProgrammeEvent = (typeof programme.events)[number];

async function seedHistoricEvent(
  tx: Tx,
  ids: MunicipalityIds,
  event: ProgrammeEvent,
  index: number,
): Promise<number[]> {
  const start = DateTime.fromISO(`${event.date}T16:00`, { zone: ZONE });
  const end = start.plus({ hours: 3 });
  const town = 'venueTown' in event && event.venueTown ? event.venueTown : null;
  const subtitle = 'subtitle' in event ? event.subtitle : null;
  const purpose = 'purpose' in event ? event.purpose : null;
  const eventId = await insertEvent(
    tx,
    ids,
    {
      slug: slugify(event.title),
      kind: event.kind as 'think_tank' | 'forum',
      status: 'published',
      title: event.title,
      summary:
        subtitle ??
        'Avatud valitsemise partnerluse mõttekoda: kuidas omavalitsus ja kogukond saaksid paremini koostööd teha.',
      description: [
        purpose ?? 'Programmi „Avatud valitsemise partnerlus kohalikes omavalitsustes” mõttekoda.',
        // startTimeIsIllustrative: the time (16:00 in Tallinn) is invented, said as residents say it.
        'Kellaaeg (kell 16.00 Eesti aja järgi) on illustratiivne; kuupäev ja koht on programmi avalikult lehelt.',
        EXAMPLE,
      ].join('\n\n'),
      startsAt: start.toJSDate(),
      endsAt: end.toJSDate(),
      timezone: ZONE,
      venueName:
        town ?? programme.municipalities.find((m) => m.slug === event.hosts[0])?.name ?? null,
      capacity: 40,
      publishedAt: start.minus({ weeks: 3 }).toJSDate(),
      createdAt: start.minus({ weeks: 4 }).toJSDate(),
      updatedAt: start.minus({ weeks: 3 }).toJSDate(),
    },
    event.hosts,
  );
  const agenda =
    'hadAgenda' in event && event.hadAgenda ? await seedAgenda(tx, eventId, start) : [];

  const recordingIds: number[] = [];
  for (const [position, town] of event.webcasts.entries()) {
    const [recording] = await tx
      .insert(recordings)
      .values({
        eventId,
        position,
        title: event.webcasts.length > 1 ? `Veebiülekanne: ${town}` : 'Veebiülekanne',
        kind: 'recording',
        sourceUrl: `https://www.youtube.com/watch?v=koda${String(index).padStart(2, '0')}demo${position}`,
        provider: 'youtube',
        language: 'et',
        durationSeconds: 3 * 3600,
        published: true,
        createdAt: end.plus({ days: 1 }).toJSDate(),
        updatedAt: end.plus({ days: 1 }).toJSDate(),
      })
      .returning({ id: recordings.id });
    if (!recording) continue;
    recordingIds.push(recording.id);
    if (agenda.length > 0) {
      await tx.insert(chapters).values(
        agenda.map((item) => ({
          recordingId: recording.id,
          offsetSeconds: Math.round((item.startsAt.getTime() - start.toMillis()) / 1000),
          title: item.title,
          agendaItemId: item.id,
        })),
      );
    }
  }

  const discussion = agenda.find((item) => item.title.startsWith('Ettepanekute'));
  const outcomeRows = await tx
    .insert(outcomes)
    .values(
      outcomeTemplates.map((template, position) => ({
        eventId,
        agendaItemId: discussion?.id ?? null,
        kind: template.kind,
        title: template.title,
        body: `${template.body}\n\n${EXAMPLE}`,
        recordingId: recordingIds[0] ?? null,
        offsetSeconds: recordingIds[0] ? 2530 + position * 300 : null,
        published: true,
        createdAt: end.plus({ days: 2 }).toJSDate(),
        updatedAt: end.plus({ days: 2 }).toJSDate(),
      })),
    )
    .returning({ id: outcomes.id, kind: outcomes.kind });
  return outcomeRows.filter((row) => row.kind !== 'question').map((row) => row.id);
}

async function seedPlan(
  tx: Tx,
  ids: MunicipalityIds,
  plan: (typeof programme.actionPlans)[number],
  sourceOutcomeIds: number[],
) {
  const municipalityId = ids.get(plan.municipality);
  if (municipalityId === undefined)
    throw new Error(`demo: unknown municipality ${plan.municipality}`);
  const [created] = await tx
    .insert(actionPlans)
    .values({
      municipalityId,
      title: plan.title,
      periodStart: '2015-01-01',
      periodEnd: '2016-12-31',
      status: 'adopted',
      summary: `Kogukonnaga koos koostatud avatud valitsemise tegevuskava. ${EXAMPLE}`,
    })
    .returning({ id: actionPlans.id });
  if (!created) return;
  const items = [
    {
      title: 'Volikogu istungite veebiülekanded',
      responsible: 'Kantselei',
      due: '2015-06-30',
      status: 'done' as const,
      progress: 100,
    },
    {
      title: 'Kaasava eelarve pilootprojekt',
      responsible: 'Rahandusosakond',
      due: '2016-03-31',
      status: 'in_progress' as const,
      progress: 60,
    },
    {
      title: 'Kogukonnaga tegevuskava ühine hindamine',
      responsible: 'Arendusnõunik',
      due: '2016-12-31',
      status: 'planned' as const,
      progress: 0,
    },
    {
      title: 'Avaandmete avaldamine veebilehel',
      responsible: 'IT-spetsialist',
      due: '2015-12-31',
      /** Promised for mid-2015; a progress report moved it (the timeline shows from → to, and why). */
      dueBefore: '2015-06-30',
      status: 'delayed' as const,
      progress: 30,
    },
  ];
  for (const [position, item] of items.entries()) {
    const [row] = await tx
      .insert(actionItems)
      .values({
        planId: created.id,
        position,
        title: item.title,
        description: `${item.title}. ${EXAMPLE}`,
        responsible: item.responsible,
        dueDate: item.due,
        status: item.status,
        progress: item.progress,
      })
      .returning({ id: actionItems.id });
    if (!row) continue;
    const source = sourceOutcomeIds[position % Math.max(sourceOutcomeIds.length, 1)];
    if (source !== undefined && position < 2) {
      await tx.insert(actionItemSources).values({ actionItemId: row.id, outcomeId: source });
    }
    const timeline = [
      {
        date: '2015-03-01',
        status: 'planned' as const,
        progress: 0,
        note: 'Tegevus võeti tegevuskavasse.',
      },
      ...('dueBefore' in item
        ? [
            {
              date: '2015-06-20',
              dueDateMoved: true,
              previousDueDate: item.dueBefore,
              dueDate: item.due,
              note: 'Andmete korrastamine võttis oodatust kauem; tähtaeg lükkus aasta lõppu.',
            },
          ]
        : []),
      ...(item.progress > 0
        ? [
            {
              date: '2015-09-15',
              status: item.status,
              progress: item.progress,
              note: 'Vahehindamine kogukonnaga.',
            },
          ]
        : []),
    ];
    await tx
      .insert(actionItemUpdates)
      .values(timeline.map((update) => ({ actionItemId: row.id, ...update })));
  }
}

/**
 * Answers to the feedback request of the first Keila think tank, so the organizer's feedback page
 * (/admin/events/:slug/feedback) has a summary to show (review item 15). Long past, so their
 * registrations are purged and the answers linked to nobody, as the purge leaves them.
 */
async function seedFeedback(tx: Tx, ids: MunicipalityIds, now: Date): Promise<string> {
  const keila = ids.get('keila');
  if (keila === undefined) throw new Error('The demo programme has no Keila');
  const [event] = await tx
    .select({ id: events.id, endsAt: events.endsAt })
    .from(events)
    .innerJoin(eventHosts, eq(eventHosts.eventId, events.id))
    .where(and(eq(eventHosts.municipalityId, keila), lt(events.startsAt, new Date('2016-01-01'))))
    .orderBy(asc(events.startsAt))
    .limit(1);
  if (!event?.endsAt) throw new Error('The demo programme has no early Keila think tank');
  const sent = DateTime.fromJSDate(event.endsAt).plus({ days: 1 });
  const answers = [
    {
      rating: 5,
      good: 'Arutelu oli konkreetne ja kõik said sõna.',
      improve: null,
      comeAgain: true,
    },
    {
      rating: 4,
      good: 'Hea ülevaade linna eelarvest.',
      improve: 'Rohkem aega küsimustele.',
      comeAgain: true,
    },
    { rating: 3, good: null, improve: 'Materjalid võiks saata varem.', comeAgain: false },
  ];
  for (const [n, answer] of answers.entries()) {
    await tx.insert(feedbackRequests).values({
      eventId: event.id,
      registrationId: null,
      tokenHash: await hashToken(newToken()),
      sentAt: sent.toJSDate(),
      expiresAt: sent.plus({ days: 30 }).toJSDate(),
      ...answer,
      answeredAt: sent.plus({ hours: 2 + n }).toJSDate(),
    });
  }
  // The one not answered yet is the demo visitor's to try: its link works from now on.
  const token = newToken();
  await tx.insert(feedbackRequests).values({
    eventId: event.id,
    registrationId: null,
    tokenHash: await hashToken(token),
    sentAt: now,
    expiresAt: DateTime.fromJSDate(now).plus({ days: FEEDBACK_LINK_DAYS }).toJSDate(),
  });
  return `/feedback/${token}`;
}

/** The example events; returns the manage page of the first example registration. */
async function seedExampleUpcoming(tx: Tx, ids: MunicipalityIds, now: Date): Promise<string> {
  const today = DateTime.fromJSDate(now).setZone(ZONE).startOf('day');
  let managePath: string | undefined;
  const examples = [
    {
      title: 'Näidis: Rõuge valla mõttekoda — küla arengukava',
      hosts: ['rouge'],
      start: today.plus({ days: 21 }).set({ hour: 17 }),
      capacity: 40,
      registered: 6,
      venue: {
        name: 'Rõuge rahvamaja',
        address: 'Haanja mnt 1, Rõuge',
        lat: 57.7297,
        lon: 26.9203,
      },
    },
    {
      title: 'Näidis: Keila linna foorum — kaasav eelarve',
      hosts: ['keila'],
      start: today.plus({ days: 9 }).set({ hour: 18 }),
      capacity: 12,
      registered: 11,
      venue: {
        name: 'Keila Kultuurikeskus',
        address: 'Keskväljak 11, Keila',
        lat: 59.3037,
        lon: 24.4132,
      },
    },
    {
      title: 'Näidis: Tartu mõttekoda — otseülekanne käib',
      hosts: ['tartu'],
      start: DateTime.fromJSDate(now).setZone(ZONE).minus({ minutes: 30 }).startOf('minute'),
      capacity: null,
      registered: 0,
      venue: {
        name: 'Tartu raekoda',
        address: 'Raekoja plats 1, Tartu',
        lat: 58.3806,
        lon: 26.7221,
      },
    },
  ];
  for (const example of examples) {
    const end = example.start.plus({ hours: 3 });
    const eventId = await insertEvent(
      tx,
      ids,
      {
        slug: slugify(example.title),
        kind: example.title.includes('foorum') ? 'forum' : 'think_tank',
        status: 'published',
        title: example.title,
        summary:
          'Näidissündmus, et demos oleks tulevane registreerimine, ootenimekiri ja otseülekanne.',
        description: EXAMPLE,
        startsAt: example.start.toJSDate(),
        endsAt: end.toJSDate(),
        timezone: ZONE,
        venueName: example.venue.name,
        venueAddress: example.venue.address,
        venueLat: example.venue.lat,
        venueLon: example.venue.lon,
        // A YouTube video id has 11 characters: this one is recognised and embedded.
        onlineUrl: 'https://www.youtube.com/watch?v=kodalivedem',
        capacity: example.capacity,
        waitlist: true,
        registrationOpensAt: today.minus({ days: 14 }).toJSDate(),
        registrationClosesAt: example.start.minus({ hours: 2 }).toJSDate(),
        publishedAt: today.minus({ days: 14 }).toJSDate(),
        createdAt: today.minus({ days: 15 }).toJSDate(),
        updatedAt: today.minus({ days: 14 }).toJSDate(),
      },
      example.hosts,
    );
    await seedAgenda(tx, eventId, example.start);
    for (let n = 1; n <= example.registered; n++) {
      const token = newToken();
      await tx.insert(registrations).values({
        eventId,
        name: `Näidis Osaleja ${n}`,
        email: `osaleja${n}+${eventId}@example.ee`,
        attendance: 'in_person',
        status: 'confirmed',
        manageTokenHash: await hashToken(token),
        consentAt: today.minus({ days: 10 }).toJSDate(),
      });
      managePath ??= `/registrations/${token}`;
    }
  }
  if (!managePath) throw new Error('The demo examples have no registration');
  return managePath;
}
