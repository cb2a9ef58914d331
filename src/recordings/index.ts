/** The recordings feature's front door: what other features, views and the app may use. */
export { LivePanel } from '@views/recordings/live-panel';
export { ARCHIVE_PAGE_SIZE, recordingJson, recordingsApi } from './api';
export {
  allRecordingsOfEvent,
  archiveFacets,
  archiveFeedItems,
  publicRecordingPage,
  recordingsForEvent,
  searchArchive,
} from './queries';
export type { ArchiveEntry, RecordingPageData } from './queries';
export { frameOriginsFor, pathId, recordingsRoutes, startParam } from './routes';
export { managedRecording } from './service';
export { MediaPlayer } from '@views/recordings/player';
export { playerForUrl } from './providers';
export { eventsWithPublishedRecording } from './attention';
