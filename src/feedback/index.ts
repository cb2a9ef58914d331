/** Feedback after an event's front door: the job, the pages, the API and the public summary. */
export { feedbackApi } from './api';
export { feedbackRoutes } from './routes';
export { enqueueFeedbackRequests } from './requests';
export { unlinkPurgedFeedback } from './queries';
export { publishedFeedbackSummary } from './summary';
export { FeedbackSummaryLine } from '@views/feedback/pages';
