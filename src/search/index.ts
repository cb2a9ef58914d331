/** The search feature's front door: one search over everything public. */
export { searchApi } from './api';
export { searchRoutes } from './routes';
export { findCaptionCues, searchMatches, type FoundCue } from './queries';
export { filterQuerySchema, filtersHref, readFilters, type FilterQuery } from './filters';
export { SearchFilters } from '@views/search/search-filters';
