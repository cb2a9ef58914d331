import fc from 'fast-check';

/**
 * Text a person may type into any field: line breaks of every kind, quotes, commas, tabs,
 * Estonian letters, emoji (also joined ones), and the characters that start a spreadsheet
 * formula, mixed with any other character (but NUL, which the app refuses everywhere).
 */
export const hostileText = (options: { minLength?: number; maxLength?: number } = {}) =>
  fc.string({
    unit: fc.oneof(
      fc.constantFrom(
        '\n',
        '\r',
        '\r\n',
        '"',
        '""',
        ',',
        ';',
        '\t',
        "'",
        ' ',
        'õ',
        'ä',
        'ö',
        'ü',
        'Š',
        'ž',
        '😀',
        '👩‍👩‍👧',
        '=',
        '+',
        '-',
        '@',
        '\uFEFF',
      ),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }).filter((c) => c !== '\0'),
    ),
    ...options,
  });

/**
 * `hostileText` as a single-line field stores it (titles, names, places): no line breaks, tabs
 * or other control characters, no spaces at the ends.
 */
export const hostileLine = (options: { minLength?: number; maxLength?: number } = {}) =>
  hostileText(options).map((text) =>
    // eslint-disable-next-line no-control-regex -- the characters a single-line field never keeps
    text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').trim(),
  );
