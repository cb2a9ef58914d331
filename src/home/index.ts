/** The home feature's front door: what other features, views and the app may use. */
export { homeRoutes } from './routes';
