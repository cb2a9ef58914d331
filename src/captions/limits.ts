/** The largest captions file taken (a three-hour meeting's WebVTT is 300–600 kB); 413 above it. */
export const CAPTIONS_MAX_BYTES = 5 * 1024 * 1024;
export const CAPTIONS_MAX_SIZE = '5 MB';
/** The most cues one file may hold (a four-hour meeting has some 5,000). */
export const MAX_CUES = 20_000;
