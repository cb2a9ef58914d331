import { defineMessages } from '@/platform/i18n/define';

/** Strings of the webcast archive and its feed. */
export const archiveMessages = defineMessages(
  {
    'archive.title': 'Veebiülekannete arhiiv',
    'archive.intro':
      'Mõttekodade ja foorumite salvestised. Otsing hõlmab pealkirju, päevakavasid, kirjeldusi, tulemuste märkmeid ja salvestistes öeldut (subtiitreid).',
    'archive.search': 'Otsi',
    'archive.searchAll':
      'Otsi kõikjalt: sündmustest, tegevuskavadest ja sellest, mida salvestistel öeldi',
    'archive.query': 'Otsingusõnad',
    'archive.municipality': 'Omavalitsus',
    'archive.year': 'Aasta',
    'archive.kind': 'Liik',
    'archive.any': 'kõik',
    'archive.results': '{count, plural, one {# salvestis} other {# salvestist}}',
    'archive.noResults': 'Ühtegi salvestist ei leitud.',
    'archive.previous': 'Eelmised',
    'archive.next': 'Järgmised',
    'archive.page': 'Lehekülg {page} / {pages}',
    'archive.pagination': 'Lehekülgede vahel liikumine',
    'archive.feed': 'Uued salvestised ja tulemused (Atom-voog)',
    'archive.chapters': '{count, plural, one {# peatükk} other {# peatükki}}',
    'archive.feedTitle': 'Koda: uued salvestised ja tulemused',
    'archive.feedRecording': 'Salvestis: {title} ({event})',
    'archive.feedOutcome': '{kind}: {title} ({event})',
  },
  {
    'archive.title': 'Webcast archive',
    'archive.intro':
      'Recordings of think tanks and forums. The search covers titles, agendas, descriptions, outcome notes and what was said in the recordings (their captions).',
    'archive.search': 'Search',
    'archive.searchAll':
      'Search everything: events, action plans and what was said in the recordings',
    'archive.query': 'Search words',
    'archive.municipality': 'Municipality',
    'archive.year': 'Year',
    'archive.kind': 'Kind',
    'archive.any': 'any',
    'archive.results': '{count, plural, one {# recording} other {# recordings}}',
    'archive.noResults': 'No recordings found.',
    'archive.previous': 'Previous',
    'archive.next': 'Next',
    'archive.page': 'Page {page} of {pages}',
    'archive.pagination': 'Pages',
    'archive.feed': 'New recordings and outcomes (Atom feed)',
    'archive.chapters': '{count, plural, one {# chapter} other {# chapters}}',
    'archive.feedTitle': 'Koda: new recordings and outcomes',
    'archive.feedRecording': 'Recording: {title} ({event})',
    'archive.feedOutcome': '{kind}: {title} ({event})',
  },
  {
    'archive.title': 'Архив трансляций',
    'archive.intro':
      'Записи аналитических групп и форумов. Поиск ведётся по названиям, программам, описаниям, записям о результатах и по сказанному в записях (субтитрам).',
    'archive.search': 'Найти',
    'archive.searchAll': 'Искать везде: в мероприятиях, планах действий и сказанном в записях',
    'archive.query': 'Слова для поиска',
    'archive.municipality': 'Самоуправление',
    'archive.year': 'Год',
    'archive.kind': 'Вид',
    'archive.any': 'все',
    'archive.results':
      '{count, plural, one {# запись} few {# записи} many {# записей} other {# записи}}',
    'archive.noResults': 'Записи не найдены.',
    'archive.previous': 'Предыдущие',
    'archive.next': 'Следующие',
    'archive.page': 'Страница {page} из {pages}',
    'archive.pagination': 'Страницы',
    'archive.feed': 'Новые записи и результаты (лента Atom)',
    'archive.chapters':
      '{count, plural, one {# глава} few {# главы} many {# глав} other {# главы}}',
    'archive.feedTitle': 'Koda: новые записи и результаты',
    'archive.feedRecording': 'Запись: {title} ({event})',
    'archive.feedOutcome': '{kind}: {title} ({event})',
  },
);

declare module '@/platform/i18n' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- adds these keys to the catalogue
  interface Messages extends Record<keyof typeof archiveMessages.et, string> {}
}
