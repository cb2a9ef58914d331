/** The captions feature's front door: captions per recording and language, and transcripts. */
export { captionsApi } from './api';
export { captionsRoutes } from './routes';
export { cueById } from './queries';
export { cueSecond } from './transcript';
export { isCaptionsUpload } from './service';
