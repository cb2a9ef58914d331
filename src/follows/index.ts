/** Following by email's front door: the API, the pages, the form others show, the jobs. */
export { followsApi } from './api';
export { followRoutes } from './routes';
export { purgeUnconfirmedFollows, sendFollowNews } from './service';
export { FollowForm, type FollowFormTarget } from '@views/follows/pages';
