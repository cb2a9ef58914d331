/** The embeds feature's front door: what other features, views and the app may use. */
export { embedRoutes } from './routes';
export { embedOffer, oembedHref, type EmbedOffer } from './offer';
export { isEmbedPath } from './rules';
