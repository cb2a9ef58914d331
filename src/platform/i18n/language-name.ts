/** A language's name in the reader's language ("eesti", "русский", "Estonian"), else its code. */
export function languageName(code: string, lang: string): string {
  try {
    return new Intl.DisplayNames([lang], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}
