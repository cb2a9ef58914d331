/** The sitemap: every public page in every language (issue 18). */
export { sitemapRoutes } from './routes';
