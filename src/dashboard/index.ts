/** The dashboard feature's front door: the admin start page, built from other features' front doors. */
export { dashboardRoutes } from './routes';
