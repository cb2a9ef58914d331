/**
 * Resized copies of images (previews). The interface is all the app knows: Node passes a
 * sharp-backed resizer through deps (src/platform/files/sharp-resizer.ts); a Worker has none
 * and serves the original image instead.
 */
/** The image types previews are made of (and that an event's picture may be). */
export const RESIZABLE_IMAGE_TYPES = [
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
] as const;

export type ImageResizer = {
  /**
   * The image made at most `width` pixels wide (never wider than it is), as WebP; null when the
   * bytes are no image it can read or the image is too large to decode safely.
   */
  resize(
    bytes: Uint8Array,
    width: number,
  ): Promise<{ bytes: Uint8Array; contentType: string } | null>;
};
