/** The outcomes feature's front door: what other features, views and the app may use. */
export { EventOutcomes } from '@views/outcomes/event-outcomes';
export { outcomeAdminRoutes } from './admin-routes';
export { outcomesApi } from './api';
export {
  eventActionItemJson,
  eventActionItemResponse,
  listEventActionItems,
  listEventOutcomes,
  outcomeJson,
  outcomeResponse,
} from './service';
export { eventsWithPublishedOutcome } from './attention';
