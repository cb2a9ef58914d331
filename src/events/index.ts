/** The events feature's front door: what other features, views and the app may use. */
export { EventCard } from '@views/events/event-card';
export { eventAdminRoutes } from './admin-routes';
export { eventsApi } from './api';
export { publishFeedbackSummary } from './service';
export { listMunicipalities, listPublicEvents } from './queries';
export type { EventSummary } from './queries';
export { eventRoutes } from './routes';
export {
  agendaItemIdsOf,
  eventIdsWhere,
  eventKinds,
  eventStartOf,
  eventStatuses,
  feedEvents,
  feedEventVersions,
  findEvent,
  findEventById,
  findEventIds,
  findEventBySlug,
  findEventsByIds,
  findPublicEvent,
  findPublicEventById,
  hostIdsByEvent,
  hostIdsOf,
  hostsAmong,
  hostsOf,
  inIds,
  isPublicEvent,
  listEventYears,
  loadAgenda,
  lockEvent,
  nextEventClockInstant,
  publicAnswersRevision,
  publicEventCondition,
  publicEventStatuses,
  publicRevision,
} from './reads';
export type {
  AgendaItemRow,
  EventHost,
  EventIdFilter,
  EventKey,
  EventKind,
  EventRow,
  EventStatus,
  FeedEvent,
  FeedEventSelection,
  FeedEventVersion,
  HostRef,
  StoredEvent,
} from './reads';
export {
  eventsFor,
  managedEventsBetween,
  type EventNeedingAttention,
  type ManagedEvent,
} from './attention';
export { localizeAgenda, localizeEvent } from './content';
