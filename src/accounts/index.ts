/** The accounts feature's front door: what other features, views and the app may use. */
export { OutboxPage } from '@views/accounts/outbox-page';
export { processResetRequests, prunePasswordResets } from './password-reset';
export { passwordRoutes } from './password-routes';
export { accountsRoutes } from './routes';
export { createUser } from './users';
