/** The events feature's front door: what other features, views and the app may use. */
export { EventCard } from '@views/events/event-card';
export { eventAdminRoutes } from './admin-routes';
export { eventsApi } from './api';
export { hostsOf, listMunicipalities, listPublicEvents } from './queries';
export type { EventKind, EventSummary, HostRef } from './queries';
export { eventRoutes } from './routes';
export { findEventBySlug, listMunicipalityIdsOfEvent, loadAgenda } from './service';
export type { AgendaItemRow, StoredEvent } from './service';
