/**
 * Where uploaded files live: one interface, three backends (a local directory, an S3-compatible
 * store, a Workers R2 binding). Bodies go in and come out as web streams, so no file is ever
 * held whole in memory. Keys are Koda's own (`attachments/<uuid>`), never a client's file name.
 */

/** Bytes `start` to `end`, both included (as in a Range header). */
export type ByteRange = { start: number; end: number };

export type StoredObjectInfo = { key: string; size: number; lastModified: Date };

export type StoredBody = { body: ReadableStream<Uint8Array>; size: number };

export interface FileStore {
  /**
   * Stores a stream under key. A stream that errors (a refused upload, a size limit) leaves
   * nothing behind under key. Resolves to the stored size.
   */
  put(
    key: string,
    body: ReadableStream<Uint8Array>,
    contentType: string,
  ): Promise<{ size: number }>;
  /** The object's bytes (all, or one range within its size), or null when there is none. */
  get(key: string, range?: ByteRange): Promise<StoredBody | null>;
  head(key: string): Promise<{ size: number } | null>;
  /** Removes the object; removing one that is not there is not an error. */
  delete(key: string): Promise<void>;
  /** Every object under prefix (for the sweep of objects no row refers to). */
  list(prefix: string): AsyncIterable<StoredObjectInfo>;
}

/** Keys are Koda's: letters, digits, `-`, `_`, `.` in `/`-separated parts, none of them `..`. */
export function assertSafeKey(key: string): void {
  if (!/^[A-Za-z0-9_-][A-Za-z0-9._-]*(\/[A-Za-z0-9_-][A-Za-z0-9._-]*)*$/.test(key)) {
    throw new Error(`Unsafe file store key: ${JSON.stringify(key)}`);
  }
}

/** A store for a deployment without one (a Worker without its R2 binding, a bench): every call fails. */
export function missingFileStore(reason: string): FileStore {
  const fail = () => Promise.reject(new Error(reason));
  return {
    put: fail,
    get: fail,
    head: fail,
    delete: fail,
    list: () => ({
      [Symbol.asyncIterator]: () => ({ next: fail }),
    }),
  };
}
