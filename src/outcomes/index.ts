/** The outcomes feature's front door: what other features, views and the app may use. */
export { AdminOutcomesPage } from '@views/outcomes/admin-outcomes-page';
export { EventOutcomes } from '@views/outcomes/event-outcomes';
export { outcomesApi } from './api';
export {
  createOutcome,
  eventActionItemResponse,
  listEventActionItems,
  listEventOutcomes,
  outcomeInputSchema,
  outcomeJson,
  outcomeResponse,
  updateOutcome,
} from './service';
