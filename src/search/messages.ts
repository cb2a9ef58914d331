import { defineMessages } from '@/platform/i18n/define';

/** Strings of the one search. */
export const searchMessages = defineMessages(
  {
    'search.title': 'Otsing',
    'search.intro':
      'Otsi sündmustest, päevakavadest, tulemustest, tegevuskavadest, salvestistest ja sellest, mida salvestistel öeldi.',
    'search.query': 'Otsingusõnad',
    'search.hint':
      'Näiteks: Keila 2014 kaasav eelarve. Leitakse tekstid, kus on kõik sõnad (ka pikema sõna algusena).',
    'search.municipality': 'Omavalitsus',
    'search.year': 'Aasta',
    'search.kind': 'Mida otsida',
    'search.any': 'kõik',
    'search.submit': 'Otsi',
    'search.results': '{count, plural, one {# tulemus} other {# tulemust}}',
    'search.resultsMore': 'Üle {count} tulemuse',
    'search.capped':
      'Salvestistel öeldust on järjestatud ainult {cap, plural, one {uusim # vaste} other {uusimad # vastet}}. Täpsustage otsingut sõnade, omavalitsuse või aastaga.',
    'search.noResults': 'Midagi ei leitud. Proovige vähem või lühemaid sõnu.',
    'search.tryEstonian': 'Enamik sisust on eesti keeles: proovige eestikeelset sõna.',
    'search.understood': 'Otsin: {what}',
    'search.quoted': '„{words}“',
    'search.titleFor': 'Otsing: {what}',
    'search.pastEnd':
      'Sellel leheküljel tulemusi pole: tulemused mahuvad {pages, plural, one {ühele leheküljele} other {# leheküljele}}.',
    'search.lastPage': 'Viimasele leheküljele',
    'search.everything': 'kõike',
    'search.saidAt': 'öeldud {time}',
    'search.previous': 'Eelmised',
    'search.next': 'Järgmised',
    'search.page': 'Lehekülg {page} / {pages}',
    'search.pagination': 'Lehekülgede vahel liikumine',
    'search.nav': 'Otsing',
    'search.kind.event': 'Sündmused',
    'search.kind.outcome': 'Tulemused ja märkmed',
    'search.kind.plan_item': 'Tegevuskavade tegevused',
    'search.kind.plan_update': 'Edenemise aruanded',
    'search.kind.recording': 'Salvestised',
    'search.kind.caption': 'Salvestistel öeldu',
    'search.kind.document': 'Dokumendid',
  },
  {
    'search.title': 'Search',
    'search.intro':
      'Search events, agendas, outcomes, action plans, recordings and what was said in the recordings.',
    'search.query': 'Words to search for',
    'search.hint':
      'For example: Keila 2014 kaasav eelarve. Results hold every word (also as the start of a longer word). Most content is in Estonian, so Estonian words find the most.',
    'search.municipality': 'Municipality',
    'search.year': 'Year',
    'search.kind': 'What to search',
    'search.any': 'all',
    'search.submit': 'Search',
    'search.results': '{count, plural, one {# result} other {# results}}',
    'search.resultsMore': '{count, plural, one {More than # result} other {More than # results}}',
    'search.capped':
      'Of what was said in recordings, only {cap, plural, one {the newest # match is} other {the newest # matches are}} ranked. Add words, a municipality or a year to narrow the search.',
    'search.noResults': 'Nothing was found. Try fewer or shorter words.',
    'search.tryEstonian':
      'Most content is in Estonian: try the Estonian word, for example “eelarve” instead of “budget”.',
    'search.understood': 'Searching: {what}',
    'search.quoted': '“{words}”',
    'search.titleFor': 'Search: {what}',
    'search.pastEnd':
      'There are no results on this page: the results fill {pages, plural, one {one page} other {# pages}}.',
    'search.lastPage': 'Go to the last page',
    'search.everything': 'everything',
    'search.saidAt': 'said at {time}',
    'search.previous': 'Previous',
    'search.next': 'Next',
    'search.page': 'Page {page} of {pages}',
    'search.pagination': 'Pages',
    'search.nav': 'Search',
    'search.kind.event': 'Events',
    'search.kind.outcome': 'Outcomes and notes',
    'search.kind.plan_item': 'Action plan items',
    'search.kind.plan_update': 'Progress reports',
    'search.kind.recording': 'Recordings',
    'search.kind.caption': 'Said in recordings',
    'search.kind.document': 'Documents',
  },
  {
    'search.title': 'Поиск',
    'search.intro':
      'Поиск по мероприятиям, программам, результатам, планам действий, записям и тому, что было сказано в записях.',
    'search.query': 'Что искать',
    'search.hint':
      'Например: Keila 2014 kaasav eelarve. Находятся тексты, в которых есть все слова (в том числе как начало более длинного слова). Материалы в основном на эстонском языке, поэтому больше всего находят эстонские слова.',
    'search.municipality': 'Самоуправление',
    'search.year': 'Год',
    'search.kind': 'Где искать',
    'search.any': 'везде',
    'search.submit': 'Найти',
    'search.results':
      '{count, plural, one {# результат} few {# результата} many {# результатов} other {# результата}}',
    'search.resultsMore':
      '{count, plural, one {Больше # результата} few {Больше # результатов} many {Больше # результатов} other {Больше # результата}}',
    'search.capped':
      'Из сказанного в записях упорядочены только {cap, plural, one {# самое новое совпадение} few {# самых новых совпадения} many {# самых новых совпадений} other {# самого нового совпадения}}. Уточните поиск: добавьте слова, самоуправление или год.',
    'search.noResults': 'Ничего не найдено. Попробуйте меньше слов или более короткие слова.',
    'search.tryEstonian':
      'Материалы в основном на эстонском языке: попробуйте эстонское слово, например «eelarve» вместо «бюджет».',
    'search.understood': 'Ищем: {what}',
    'search.quoted': '«{words}»',
    'search.titleFor': 'Поиск: {what}',
    'search.pastEnd':
      'На этой странице результатов нет: результаты занимают {pages, plural, one {# страницу} few {# страницы} many {# страниц} other {# страницы}}.',
    'search.lastPage': 'На последнюю страницу',
    'search.everything': 'всё',
    'search.saidAt': 'сказано на {time}',
    'search.previous': 'Предыдущие',
    'search.next': 'Следующие',
    'search.page': 'Страница {page} из {pages}',
    'search.pagination': 'Страницы',
    'search.nav': 'Поиск',
    'search.kind.event': 'Мероприятия',
    'search.kind.outcome': 'Результаты и заметки',
    'search.kind.plan_item': 'Пункты планов действий',
    'search.kind.plan_update': 'Отчёты о ходе работы',
    'search.kind.recording': 'Записи',
    'search.kind.caption': 'Сказанное в записях',
    'search.kind.document': 'Документы',
  },
);

declare module '@/platform/i18n' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- adds these keys to the catalogue
  interface Messages extends Record<keyof typeof searchMessages.et, string> {}
}
