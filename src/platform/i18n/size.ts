const SIZE_UNITS: Record<string, readonly string[]> = {
  et: ['B', 'kB', 'MB', 'GB'],
  en: ['B', 'kB', 'MB', 'GB'],
  ru: ['Б', 'КБ', 'МБ', 'ГБ'],
};

/** A size as people read it, in binary units as file managers show them: 25 MB, 1,5 MB, 977 kB. */
export function formatSize(bytes: number, lang: string): string {
  const units = SIZE_UNITS[lang] ?? SIZE_UNITS.et!;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  return `${new Intl.NumberFormat(lang, { maximumFractionDigits: digits }).format(value)} ${units[unit]}`;
}
