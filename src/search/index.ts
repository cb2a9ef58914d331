/** The search feature's front door: one search over everything public. */
export { searchApi } from './api';
export { searchRoutes } from './routes';
export { findCaptionCues, searchMatches, type FoundCue } from './queries';
