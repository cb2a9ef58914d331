import type { Config } from '@/config';
import { localFileStore } from './local';
import { s3FileStore } from './s3';
import type { FileStore } from './store';

/** The file store the settings name (Node entries; the Worker uses its R2 binding). */
export function openFileStore(config: Pick<Config, 'files'>): FileStore {
  if (config.files.driver === 's3' && config.files.s3) return s3FileStore(config.files.s3);
  return localFileStore(config.files.dir);
}
