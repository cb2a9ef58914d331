/** The registrations feature's front door: what other features, views and the app may use. */
export { RegistrationPanel } from '@views/registrations/registration-panel';
export { registrationApi } from './api';
export { seatsFor } from './queries';
export { enqueueReminders } from './reminders';
export { writeLeftoverEmails } from './mail';
export { registrationRoutes } from './routes';
export { messageUnsubscribeRoutes } from './unsubscribe-routes';
export { purgeCutoff, registrationWindow } from './rules';
export { purgeRegistrations } from './purge';
export { fillSeatsAfterEventChange, notifyEventChanged } from './seats';
export { registrationCountsFor, type AttentionCounts } from './attention';
