/** The calendar feature's front door: what other features, views and the app may use. */
export { AddToCalendarLinks, CalendarMenu, FeedLinks } from '@views/calendar/feed-links';
export { eventIcs } from './feed';
export { calendarRoutes } from './routes';
export { escapeText, FEED_TTL_SECONDS, foldLines, organizerAddress, webcalUrl } from './rules';
export { pruneOrphanFeedTokens, sendPersonalFeedLink } from './tokens';
