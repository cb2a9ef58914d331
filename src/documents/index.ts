/** The documents feature's front door: what other features, views and the app may use. */
export { documentAdminRoutes } from './admin-routes';
export { documentsApi } from './api';
export { downloadRoutes } from './download';
export { sweepOrphanFiles } from './service';
export { MaterialList, Materials } from '@views/documents/materials';
export { Picture } from '@views/documents/picture';
export { previewPath } from './rules';
export {
  documentsForFeed,
  eventPicture,
  publishedMaterials,
  publishedMaterialsOf,
  storeGeneratedDocument,
} from './service';
export type { FeedDocument, StoredFileRef } from './service';
export { attachmentJson, attachmentResponse, deleteStoredFiles, storedFilesUnder } from './service';

/** Uploads (API and organizer forms) stream a multipart body past the app's 256 KiB JSON limit. */
export function isUploadRequest(method: string, path: string): boolean {
  return method === 'POST' && /\/attachments$/.test(path);
}
