import type { Config } from '@/config';
import { localFileStore } from './local';
import type { S3Settings } from './s3';
import type { FileStore } from './store';

/** The file store the settings name (Node entries; the Worker uses its R2 binding). */
export function openFileStore(config: Pick<Config, 'files'>): FileStore {
  if (config.files.driver === 's3' && config.files.s3) return lazyS3FileStore(config.files.s3);
  return localFileStore(config.files.dir);
}

/**
 * The S3 store, its SDK (about 20 MB of memory and a quarter of a second) loaded on the first
 * file read or written, not when the server starts (issue 22).
 */
function lazyS3FileStore(settings: S3Settings): FileStore {
  let opening: Promise<FileStore> | undefined;
  const store = () => (opening ??= import('./s3').then(({ s3FileStore }) => s3FileStore(settings)));
  return {
    put: async (key, body, contentType) => (await store()).put(key, body, contentType),
    get: async (key, range) => (await store()).get(key, range),
    head: async (key) => (await store()).head(key),
    delete: async (key) => (await store()).delete(key),
    async *list(prefix) {
      yield* (await store()).list(prefix);
    },
  };
}
