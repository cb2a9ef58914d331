/** The municipalities feature's front door: what other features, views and the app may use. */
export { municipalityRoutes } from './routes';
export { municipalityNames } from './names';
export { findMunicipality } from './queries';
