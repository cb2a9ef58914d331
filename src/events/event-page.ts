import type { Context } from 'hono';
import { EventPage } from '@views/events/event-page';
import { CalendarMenu } from '@/calendar';
import { embedOffer } from '@/embeds';
import { EventOutcomes, listEventActionItems, listEventOutcomes } from '@/outcomes';
import { LivePanel, recordingsForEvent } from '@/recordings';
import { RegistrationPanel, registrationWindow, seatsFor } from '@/registrations';
import { loadQuestions, localizeQuestion } from '@/questions';
import { FeedbackSummaryLine, publishedFeedbackSummary } from '@/feedback';
import {
  eventPicture,
  MaterialList,
  previewPath,
  Materials,
  Picture,
  publishedMaterials,
  publishedMaterialsOf,
} from '@/documents';
import { FollowForm } from '@/follows';
import type { AppEnv } from '@/platform/deps';
import { pageContext } from '@/platform/http/page';
import { eventJsonLd, jsonLdHosts } from './json-ld';
import { agendaInTimeOrder, currentAgendaItem, eventPhase, previousStart } from './present';
import { loadAgenda, type StoredEvent } from './reads';
import { localizeAgenda, localizeEvent } from './content';
import { inLanguage } from '@/platform/time';
import { contentLang } from '@/platform/i18n/content';

/**
 * The event's public page, for the public route and for its organizers' preview of a draft (the
 * same page, marked as a preview, not indexed, without the embed offer).
 */
export async function renderEventPage(
  c: Context<AppEnv>,
  stored: StoredEvent,
  options: { preview?: boolean } = {},
) {
  const { db, config, clock } = c.get('deps');
  const now = clock.now();
  // The texts in the reader's language, else in the original (and said so).
  const event = localizeEvent(stored, c.get('lang'));
  const [agenda, outcomes, actionItems, recordings, seats, questions, feedback] = await Promise.all(
    [
      loadAgenda(db, event.id),
      listEventOutcomes(db, event.id, { publishedOnly: true }),
      listEventActionItems(db, event.id),
      recordingsForEvent(db, event.id),
      seatsFor(db, event.id),
      loadQuestions(db, event.id),
      publishedFeedbackSummary(db, event),
    ],
  );
  const [materials, outcomeMaterials] = await Promise.all([
    publishedMaterials(db, { eventId: event.id }),
    publishedMaterialsOf(
      db,
      'outcome',
      outcomes.map((outcome) => outcome.id),
    ),
  ]);
  const picture = eventPicture(materials);
  const ctx = pageContext(c);
  const phase = eventPhase(event, now);
  const ordered = localizeAgenda(agendaInTimeOrder(agenda), ctx.lang);
  // A draft is previewed as it will be once published (registration open when its window is).
  const window = registrationWindow(
    options.preview && event.status === 'draft' ? { ...event, status: 'published' } : event,
    now,
  );
  return c.html(
    EventPage({
      ...ctx,
      event,
      contentLang: event.contentLang,
      textLangs: event.textLangs,
      originalNote: event.fallback
        ? ctx.t('content.originalIn', { language: inLanguage(event.contentLang, ctx.lang) })
        : event.partlyOriginal || ordered.some((item) => item.titleLang !== ctx.lang)
          ? ctx.t('content.partlyOriginal', {
              language: inLanguage(contentLang(stored.originalLang), ctx.lang),
            })
          : undefined,
      agenda: ordered,
      phase,
      preview: options.preview,
      currentItemId: phase === 'live' ? (currentAgendaItem(ordered, now)?.id ?? null) : null,
      previousStartsAt: previousStart(event, phase),
      jsonLd: eventJsonLd(
        event,
        {
          hosts: await jsonLdHosts(db, event),
          agenda,
          seats,
          registration: window,
          image: picture ? `${config.publicUrl}${previewPath(picture.id, 1280)}` : null,
        },
        config.publicUrl,
        event.contentLang,
      ),
      // Before the event only: seats, the one Register action and the one calendar menu.
      // A cancelled event offers nothing to act on; a past one leads with what came of it.
      seats: phase === 'before' ? seats : undefined,
      registrationOpen: phase === 'before' && window === 'open',
      registration:
        phase === 'before'
          ? RegistrationPanel({
              ...ctx,
              event,
              seats,
              state: window,
              preview: options.preview,
              questions: questions.map((question) => localizeQuestion(question, ctx.lang)),
            })
          : undefined,
      calendar: phase === 'before' ? CalendarMenu({ ctx, event }) : undefined,
      materials: Materials({ ctx, items: materials }),
      picture: picture
        ? Picture({
            image: picture,
            widths: [640, 1280],
            sizes: '(min-width: 44rem) 40rem, 100vw',
            class: 'event-image',
          })
        : undefined,
      media: phase === 'cancelled' ? undefined : LivePanel({ ctx, event, recordings, now }),
      // What came of it, after the attendees' rating when its organizers published it.
      outcomes:
        phase === 'after'
          ? [
              feedback ? FeedbackSummaryLine({ ...ctx, ...feedback }) : null,
              EventOutcomes({
                ctx,
                outcomes,
                actionItems,
                materialsOf: (id) => MaterialList({ ctx, items: outcomeMaterials.get(id) }),
              }),
            ]
          : undefined,
      // Its next events by email: only from the public page of a published event.
      follow:
        !options.preview && event.status === 'published'
          ? FollowForm({ t: ctx.t, target: { kind: 'series', slug: event.slug } })
          : undefined,
      ...(options.preview
        ? {}
        : embedOffer(c, {
            kind: 'event',
            slug: event.slug,
            title: event.title,
            hosts: event.hosts.map((host) => host.slug),
          })),
    }),
  );
}
