import type sharpModule from 'sharp';
import type { ImageResizer } from './images';

type Sharp = typeof sharpModule;

/**
 * The largest image decoded, in pixels (a 48-megapixel photo; a small PNG claiming more is a
 * decompression bomb and gets no preview).
 */
const MAX_INPUT_PIXELS = 50_000_000;

/**
 * Previews with sharp (libvips, prebuilt in npm packages): Node only, never reachable from the
 * Worker. sharp is loaded on the first preview made, not when the app starts.
 */
export function sharpResizer(): ImageResizer {
  let loading: Promise<Sharp> | undefined;
  const load = () =>
    (loading ??= import('sharp').then(({ default: sharp }) => {
      // Previews are made once and then kept: one libvips thread each is plenty.
      sharp.concurrency(1);
      sharp.cache(false);
      return sharp;
    }));
  return {
    async resize(bytes, width) {
      const sharp = await load();
      try {
        const output = await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, animated: false })
          // The camera's orientation applied; the metadata (GPS, camera serial) is not copied.
          .rotate()
          .resize({ width, withoutEnlargement: true })
          .webp({ quality: 78 })
          .toBuffer();
        return { bytes: new Uint8Array(output), contentType: 'image/webp' };
      } catch {
        return null;
      }
    },
  };
}
