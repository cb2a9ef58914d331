/**
 * HTTP conditional requests (RFC 9110 §13): strong ETags from what a response is made of, and the
 * 304 decision. Used by the calendar feeds and the archive's Atom feed.
 */

/** A strong ETag: a hash of the parts a response is made of (its identity and versions). */
export async function strongEtag(parts: string[]): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(parts.join('\n')));
  let hex = '';
  for (const byte of new Uint8Array(digest).slice(0, 20)) hex += byte.toString(16).padStart(2, '0');
  return `"${hex}"`;
}

/** True when the client's copy is current: If-None-Match wins; If-Modified-Since only without it. */
export function isNotModified(
  request: { ifNoneMatch?: string | undefined; ifModifiedSince?: string | undefined },
  current: { etag: string; lastModified: Date | null },
): boolean {
  if (request.ifNoneMatch !== undefined) {
    // Weak comparison (RFC 9110 §13.1.2): a proxy may have weakened our tag to W/"…".
    const tags = request.ifNoneMatch.split(',').map((tag) => tag.trim().replace(/^W\//, ''));
    return tags.includes('*') || tags.includes(current.etag);
  }
  if (request.ifModifiedSince !== undefined && current.lastModified) {
    const since = Date.parse(request.ifModifiedSince);
    if (Number.isNaN(since)) return false;
    return Math.floor(current.lastModified.getTime() / 1000) * 1000 <= since;
  }
  return false;
}
