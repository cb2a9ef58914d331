/** The calendar feature's front door: what other features, views and the app may use. */
export { AddToCalendarLinks, CalendarMenu, FeedLinks } from '@views/calendar/feed-links';
export { eventIcs } from './feed';
export { calendarRoutes } from './routes';
export {
  CANCELLED_WINDOW_DAYS,
  escapeText,
  FEED_TTL_SECONDS,
  foldLines,
  organizerAddress,
  PAST_WINDOW_DAYS,
  webcalUrl,
} from './rules';
export { pruneOrphanFeedTokens, sendPersonalFeedLink } from './tokens';
