/** The accounts feature's front door: what other features, views and the app may use. */
export { OutboxPage } from '@views/accounts/outbox-page';
export { prunePasswordResets } from './password-reset';
export { passwordRoutes } from './password-routes';
export { accountsRoutes } from './routes';
export { createUser } from './users';
/** Moved to the events feature; these lines stay until events' admin pages import them from '@/events'. */
export { eventsFor, type ManagedEvent as DashboardEvent } from '@/events';
