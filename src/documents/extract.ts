// fflate and unpdf are loaded with the first document read, not when the server starts (issue 22).

/** Files larger than this are not read for words (the upload itself is streamed, this is not). */
export const MAX_EXTRACT_BYTES = 20 * 1024 * 1024;
/** The most characters of a document's words kept for search. */
const MAX_TEXT = 200_000;

const XML_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};

/** The words of an XML document part: each paragraph-like element ends a line. */
function xmlWords(xml: string): string {
  return xml
    .replace(/<\/(text:p|text:h|w:p|a:p|table:table-cell|si)>/g, '\n')
    .replace(/<(text:tab|w:tab|text:s)\b[^>]*\/>/g, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
      if (name.startsWith('#x') || name.startsWith('#X')) {
        return String.fromCodePoint(parseInt(name.slice(2), 16));
      }
      if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
      return XML_ENTITIES[name] ?? entity;
    });
}

/** Which parts of an OpenDocument or Office Open XML package hold its words. */
function isTextPart(name: string): boolean {
  return (
    name === 'content.xml' ||
    name === 'word/document.xml' ||
    /^ppt\/slides\/slide\d+\.xml$/.test(name) ||
    name === 'xl/sharedStrings.xml'
  );
}

/** The largest text part unpacked: a small package whose XML claims more is a zip bomb, not read. */
const MAX_PART_BYTES = 50 * 1024 * 1024;

async function packageWords(bytes: Uint8Array): Promise<string> {
  const { unzipSync, strFromU8 } = await import('fflate');
  const parts = unzipSync(bytes, {
    filter: (file) => isTextPart(file.name) && file.originalSize <= MAX_PART_BYTES,
  });
  return Object.keys(parts)
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
    .map((name) => xmlWords(strFromU8(parts[name]!)))
    .join('\n');
}

/**
 * The words of a document for search: PDF (unpdf), OpenDocument and Office Open XML (their XML
 * parts), plain text and CSV. Null for images and for what cannot be read.
 */
export async function extractWords(bytes: Uint8Array, contentType: string): Promise<string | null> {
  let words: string;
  if (contentType === 'application/pdf') {
    const { extractText, getDocumentProxy } = await import('unpdf');
    const pdf = await getDocumentProxy(bytes);
    try {
      words = (await extractText(pdf, { mergePages: true })).text;
    } finally {
      await pdf.destroy();
    }
  } else if (
    contentType.startsWith('application/vnd.oasis.opendocument.') ||
    contentType.startsWith('application/vnd.openxmlformats-officedocument.')
  ) {
    words = await packageWords(bytes);
  } else if (contentType === 'text/plain' || contentType === 'text/csv') {
    words = new TextDecoder().decode(bytes);
  } else {
    return null;
  }
  const normalised = words
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/\s*\n\s*/g, '\n')
    .trim();
  return normalised === '' ? null : normalised.slice(0, MAX_TEXT);
}
