/** The archive feature's front door: what other features, views and the app may use. */
export { atomFeed } from './atom';
export { archiveRoutes } from './routes';
