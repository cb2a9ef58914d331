import { defineMessages } from '@/platform/i18n/define';

/** Strings of captions, transcripts and their organizer page. */
export const captionMessages = defineMessages(
  {
    'captions.error.language': 'Keele kood peab olema näiteks et, en või ru.',
    'captions.error.line': 'Rida {line}: {problem}',
    'captions.error.format': 'Valige WebVTT- (.vtt) või SubRip-fail (.srt).',
    'captions.error.tooLarge':
      'Subtiitrifail võib olla kuni {size}. See fail on suurem: jagage see osadeks või eemaldage tarbetu vormindus.',
    'captions.error.file': 'Valige subtiitrifail.',
    'captions.field.fileHint': 'WebVTT (.vtt) või SubRip (.srt), kuni {size}.',
    'captions.field.language': 'Keel',
    'captions.field.file': 'Subtiitrifail (WebVTT või SubRip)',
    'captions.admin.title': 'Subtiitrid: {title}',
    'captions.admin.intro':
      'Subtiitrid näidatakse videopleieris ja transkriptsioonina ning nende tekst on otsingus leitav. Uus fail samas keeles asendab varasema.',
    'captions.admin.none': 'Sellel salvestisel pole veel subtiitreid.',
    'captions.admin.cues': '{count, plural, one {# repliik} other {# repliiki}}',
    'captions.admin.upload': 'Laadi üles',
    'captions.admin.uploadTitle': 'Lisa või asenda subtiitrid',
    'captions.admin.remove': 'Eemalda',
    'captions.admin.removeQuestion': 'Kas eemaldada salvestise „{title}” subtiitrid ({language})?',
    'captions.admin.removeDetail':
      'Subtiitrid kaovad videopleierist, transkriptsioonist ja otsingust. Tsitaadid tulemuste märkmetes jäävad alles.',
    'captions.admin.removeConfirm': 'Jah, eemalda subtiitrid',
    'captions.admin.saved': 'Subtiitrid on salvestatud.',
    'captions.admin.removed': 'Subtiitrid on eemaldatud.',
    'captions.admin.link': 'Subtiitrid ja transkriptsioon',
    'captions.admin.back': 'Tagasi salvestise juurde',
    'captions.transcript.title': 'Transkriptsioon: {title}',
    'captions.transcript.intro': 'Iga repliigi link käivitab salvestise sellest hetkest.',
    'captions.transcript.languages': 'Transkriptsioon on ka teistes keeltes:',
    'captions.transcript.recording': 'Salvestise leht',
    'captions.transcript.download': 'Subtiitrid WebVTT-failina',
    'captions.transcript.start': 'Algus',
    'captions.transcript.link': 'Transkriptsioon',
    'captions.transcript.text': 'Salvestise tekst',
  },
  {
    'captions.error.language': 'The language code must be like et, en or ru.',
    'captions.error.line': 'Line {line}: {problem}',
    'captions.error.format': 'Choose a WebVTT (.vtt) or SubRip (.srt) file.',
    'captions.error.tooLarge':
      'A captions file may be at most {size}. This one is larger: split it, or remove formatting it does not need.',
    'captions.error.file': 'Choose a captions file.',
    'captions.field.fileHint': 'WebVTT (.vtt) or SubRip (.srt), at most {size}.',
    'captions.field.language': 'Language',
    'captions.field.file': 'Captions file (WebVTT or SubRip)',
    'captions.admin.title': 'Captions: {title}',
    'captions.admin.intro':
      'Captions are shown in the player and as a transcript, and their words can be found by the search. A new file in the same language replaces the old one.',
    'captions.admin.none': 'This recording has no captions yet.',
    'captions.admin.cues': '{count, plural, one {# cue} other {# cues}}',
    'captions.admin.upload': 'Upload',
    'captions.admin.uploadTitle': 'Add or replace captions',
    'captions.admin.remove': 'Remove',
    'captions.admin.removeQuestion': 'Remove the captions ({language}) of “{title}”?',
    'captions.admin.removeDetail':
      'The captions disappear from the player, the transcript and the search. Quotes in outcome notes stay.',
    'captions.admin.removeConfirm': 'Yes, remove the captions',
    'captions.admin.saved': 'The captions are saved.',
    'captions.admin.removed': 'The captions are removed.',
    'captions.admin.link': 'Captions and transcript',
    'captions.admin.back': 'Back to the recording',
    'captions.transcript.title': 'Transcript: {title}',
    'captions.transcript.intro': 'Each line’s link plays the recording from that moment.',
    'captions.transcript.languages': 'The transcript in other languages:',
    'captions.transcript.recording': 'The recording’s page',
    'captions.transcript.download': 'Captions as a WebVTT file',
    'captions.transcript.start': 'Beginning',
    'captions.transcript.link': 'Transcript',
    'captions.transcript.text': 'What was said',
  },
  {
    'captions.error.language': 'Код языка должен быть, например, et, en или ru.',
    'captions.error.line': 'Строка {line}: {problem}',
    'captions.error.format': 'Выберите файл WebVTT (.vtt) или SubRip (.srt).',
    'captions.error.tooLarge':
      'Файл субтитров может быть не больше {size}. Этот файл больше: разделите его на части или удалите лишнее форматирование.',
    'captions.error.file': 'Выберите файл субтитров.',
    'captions.field.fileHint': 'WebVTT (.vtt) или SubRip (.srt), не больше {size}.',
    'captions.field.language': 'Язык',
    'captions.field.file': 'Файл субтитров (WebVTT или SubRip)',
    'captions.admin.title': 'Субтитры: {title}',
    'captions.admin.intro':
      'Субтитры показываются в плеере и в виде расшифровки, их текст находится поиском. Новый файл на том же языке заменяет прежний.',
    'captions.admin.none': 'У этой записи пока нет субтитров.',
    'captions.admin.cues':
      '{count, plural, one {# реплика} few {# реплики} many {# реплик} other {# реплики}}',
    'captions.admin.upload': 'Загрузить',
    'captions.admin.uploadTitle': 'Добавить или заменить субтитры',
    'captions.admin.remove': 'Удалить',
    'captions.admin.removeQuestion': 'Удалить субтитры ({language}) записи «{title}»?',
    'captions.admin.removeDetail':
      'Субтитры исчезнут из плеера, расшифровки и поиска. Цитаты в заметках о результатах сохранятся.',
    'captions.admin.removeConfirm': 'Да, удалить субтитры',
    'captions.admin.saved': 'Субтитры сохранены.',
    'captions.admin.removed': 'Субтитры удалены.',
    'captions.admin.link': 'Субтитры и расшифровка',
    'captions.admin.back': 'Назад к записи',
    'captions.transcript.title': 'Расшифровка: {title}',
    'captions.transcript.intro': 'Ссылка у каждой реплики запускает запись с этого момента.',
    'captions.transcript.languages': 'Расшифровка на других языках:',
    'captions.transcript.recording': 'Страница записи',
    'captions.transcript.download': 'Субтитры в файле WebVTT',
    'captions.transcript.start': 'Начало',
    'captions.transcript.link': 'Расшифровка',
    'captions.transcript.text': 'Что было сказано',
  },
);

declare module '@/platform/i18n' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- adds these keys to the catalogue
  interface Messages extends Record<keyof typeof captionMessages.et, string> {}
}
