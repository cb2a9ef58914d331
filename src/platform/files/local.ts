import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeWebStream } from 'node:stream/web';
import { assertSafeKey, type ByteRange, type FileStore, type StoredObjectInfo } from './store';

const PARTIAL = '.partial-';

/**
 * Files in a directory (`DATA_DIR/files` by default): one file per key. An upload is written
 * to a temporary name beside its place and renamed when complete, so a reader never sees half
 * a file and a failed upload leaves nothing under its key. No I/O until the first call.
 */
export function localFileStore(root: string): FileStore {
  const pathOf = (key: string) => {
    assertSafeKey(key);
    return join(root, ...key.split('/'));
  };
  const sizeOf = async (path: string) => {
    try {
      const info = await stat(path);
      return info.isFile() ? info.size : null;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  };

  return {
    async put(key, body) {
      const path = pathOf(key);
      await mkdir(dirname(path), { recursive: true });
      const partial = `${path}${PARTIAL}${crypto.randomUUID()}`;
      try {
        await pipeline(
          Readable.fromWeb(body as NodeWebStream<Uint8Array>),
          createWriteStream(partial),
        );
        await rename(partial, path);
      } catch (error) {
        await rm(partial, { force: true });
        throw error;
      }
      return { size: (await stat(path)).size };
    },
    async get(key, range?: ByteRange) {
      const path = pathOf(key);
      const size = await sizeOf(path);
      if (size === null) return null;
      const stream = createReadStream(path, range ? { start: range.start, end: range.end } : {});
      return {
        body: Readable.toWeb(stream) as unknown as ReadableStream<Uint8Array>,
        size: range ? range.end - range.start + 1 : size,
      };
    },
    async head(key) {
      const size = await sizeOf(pathOf(key));
      return size === null ? null : { size };
    },
    async delete(key) {
      await rm(pathOf(key), { force: true });
    },
    async *list(prefix): AsyncIterable<StoredObjectInfo> {
      const base = join(root, ...prefix.split('/').filter(Boolean));
      let entries;
      try {
        entries = await readdir(base, { recursive: true, withFileTypes: true });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
        throw error;
      }
      for (const entry of entries) {
        if (!entry.isFile()) continue;
        const path = join(entry.parentPath, entry.name);
        const info = await stat(path);
        const key = relative(root, path).split(sep).join('/');
        yield { key, size: info.size, lastModified: info.mtime };
      }
    },
  };
}
