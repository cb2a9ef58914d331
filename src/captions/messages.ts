import { defineMessages } from '@/platform/i18n/define';

/** Strings of captions, transcripts and their organizer page. */
export const captionMessages = defineMessages(
  {
    'captions.error.language': 'Keele kood peab olema näiteks et, en või ru.',
    'captions.problem.timing':
      'Rida {line}: aega ei saa lugeda. Kirjutage see kujul 00:01:02.500 --> 00:01:04.000 (minutid ja sekundid kahe numbriga, millisekundid kolmega).',
    'captions.problem.endBeforeStart':
      'Rida {line}: repliik lõpeb enne, kui algab. Lõpuaeg peab olema algusajast hilisem.',
    'captions.problem.signature':
      'Rida 1: WebVTT-fail peab algama sõnaga WEBVTT. Lisage see esimeseks reaks või valige SubRip-fail (.srt).',
    'captions.problem.srtBlock':
      'Rida {line}: siin peaks olema repliik: selle number, siis aeg kujul 00:00:01,000 --> 00:00:04,000 ja siis tekst.',
    'captions.problem.nul':
      'Rida {line}: failis on nullmärk (NUL), nagu binaarfailides. Salvestage subtiitrid tekstifailina.',
    'captions.problem.noCues': 'Failis pole ühtegi repliiki. Kontrollige, kas valisite õige faili.',
    'captions.problem.tooMany':
      'Failis võib olla kuni {max} repliiki, selles on rohkem. Liitke lühikesi repliike kokku.',
    'captions.problem.tooLong':
      'Rida {line}: repliigis võib olla kuni {max} märki. Jagage see mitmeks repliigiks.',
    'captions.problem.tooLate':
      'Rida {line}: repliik algab hiljem kui 24 tunni pärast. Kontrollige selle aega.',
    'captions.problem.pastEnd':
      'Rida {line}: repliik algab {at}, kuid salvestis kestab {duration}. Kontrollige aegu või salvestise kestust.',
    'captions.problem.encoding':
      'Fail ei ole UTF-8 kodeeringus. Salvestage see UTF-8-na ja laadige uuesti üles.',
    'captions.error.format': 'Valige WebVTT- (.vtt) või SubRip-fail (.srt).',
    'captions.error.tooLarge':
      'Subtiitrifail võib olla kuni {size}. See fail on suurem: jagage see osadeks või eemaldage tarbetu vormindus.',
    'captions.error.file': 'Valige subtiitrifail.',
    'captions.quote.title': 'Tsitaat: {title}',
    'captions.quote.back': 'Tagasi tulemuste juurde',
    'captions.quote.intro':
      'Otsige salvestise subtiitritest sõnu ja valige repliik, mida tulemus tsiteerib. Avalikul lehel näidatakse seda tsitaadina, mis mängib salvestist sellest sekundist.',
    'captions.quote.current': 'Praegune tsitaat',
    'captions.quote.remove': 'Eemalda tsitaat',
    'captions.quote.recording': 'Salvestis',
    'captions.quote.anyRecording': 'Kõik salvestised',
    'captions.quote.words': 'Sõnad',
    'captions.quote.hint': 'Sõnade algusest piisab; täpitähed ja suurtähed ei loe.',
    'captions.quote.find': 'Otsi',
    'captions.quote.none': 'Ükski repliik ei sisalda neid sõnu.',
    'captions.quote.choose':
      '{count, plural, one {Leitud # repliik: valige tsitaat} other {Leitud # repliiki: valige tsitaat}}',
    'captions.quote.more': 'Näidatakse esimesi 50. Lisage sõnu, et leida täpsemalt.',
    'captions.quote.save': 'Tsiteeri seda repliiki',
    'captions.quote.notHere': 'See repliik ei ole selle sündmuse salvestisest. Valige loetelust.',
    'captions.quote.link': 'Tsiteeri salvestist',
    'captions.quote.noChoice': 'Valige loetelust repliik, mida tsiteerida.',
    'captions.quote.unpublished':
      'Selle repliigi salvestis ei ole avaldatud: tsitaat teeks avalikuks sõnad, mida pole avaldatud. Avaldage enne salvestis või valige avaldatud salvestise repliik.',
    'captions.field.fileHint': 'WebVTT (.vtt) või SubRip (.srt), kuni {size} ja {max} repliiki.',
    'captions.field.language': 'Keel',
    'captions.field.file': 'Subtiitrifail (WebVTT või SubRip)',
    'captions.admin.title': 'Subtiitrid: {title}',
    'captions.admin.intro':
      'Subtiitrid näidatakse videopleieris, kui salvestis on videofail või HLS-voog; YouTube’i ja Vimeo salvestistel neid pleieris ei näidata, vaid transkriptsioonina salvestise lehe kõrval. Nende tekst on ka otsingus leitav. Uus fail samas keeles asendab varasema.',
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
    'captions.transcript.none':
      'Sellel salvestisel pole subtiitreid, seega pole ka transkriptsiooni.',
    'captions.transcript.text': 'Salvestise tekst',
  },
  {
    'captions.error.language': 'The language code must be like et, en or ru.',
    'captions.problem.timing':
      'Line {line}: the time does not read. Write it as 00:01:02.500 --> 00:01:04.000 (two digits for minutes and seconds, three for milliseconds).',
    'captions.problem.endBeforeStart':
      'Line {line}: the cue ends before it starts. Its end time must be later than its start.',
    'captions.problem.signature':
      'Line 1: a WebVTT file must begin with WEBVTT. Add it as the first line, or choose a SubRip (.srt) file.',
    'captions.problem.srtBlock':
      'Line {line}: a cue should be here: its number, then its time as 00:00:01,000 --> 00:00:04,000, then its text.',
    'captions.problem.nul':
      'Line {line}: the file holds a NUL character, as binary files do. Save the captions as a text file.',
    'captions.problem.noCues': 'The file holds no cues. Check that you chose the right file.',
    'captions.problem.tooMany':
      'A file may hold at most {max} cues; this one holds more. Join short cues together.',
    'captions.problem.tooLong':
      'Line {line}: a cue may hold at most {max} characters. Split it into several cues.',
    'captions.problem.tooLate':
      'Line {line}: the cue starts more than 24 hours in. Check its time.',
    'captions.problem.pastEnd':
      'Line {line}: the cue starts at {at}, but the recording lasts {duration}. Check the times, or the recording’s duration.',
    'captions.problem.encoding': 'The file is not in UTF-8. Save it as UTF-8 and upload it again.',
    'captions.error.format': 'Choose a WebVTT (.vtt) or SubRip (.srt) file.',
    'captions.error.tooLarge':
      'A captions file may be at most {size}. This one is larger: split it, or remove formatting it does not need.',
    'captions.error.file': 'Choose a captions file.',
    'captions.quote.title': 'Quote: {title}',
    'captions.quote.back': 'Back to the outcomes',
    'captions.quote.intro':
      "Find words in the recordings' captions and choose the cue this note quotes. The public page shows it as a quote that plays the recording from that second.",
    'captions.quote.current': 'The quote now',
    'captions.quote.remove': 'Remove the quote',
    'captions.quote.recording': 'Recording',
    'captions.quote.anyRecording': 'All recordings',
    'captions.quote.words': 'Words',
    'captions.quote.hint': 'The start of a word is enough; accents and capitals do not matter.',
    'captions.quote.find': 'Find',
    'captions.quote.none': 'No cue holds these words.',
    'captions.quote.choose':
      '{count, plural, one {# cue found: choose the quote} other {# cues found: choose the quote}}',
    'captions.quote.more': 'The first 50 are shown. Add words to narrow them down.',
    'captions.quote.save': 'Quote this cue',
    'captions.quote.notHere':
      "This cue is not from this event's recordings. Choose one from the list.",
    'captions.quote.link': 'Quote the recording',
    'captions.quote.noChoice': 'Choose the cue to quote from the list.',
    'captions.quote.unpublished':
      'The recording of this cue is not published: a quote would make public words that were not published. Publish the recording first, or choose a cue of a published one.',
    'captions.field.fileHint': 'WebVTT (.vtt) or SubRip (.srt), at most {size} and {max} cues.',
    'captions.field.language': 'Language',
    'captions.field.file': 'Captions file (WebVTT or SubRip)',
    'captions.admin.title': 'Captions: {title}',
    'captions.admin.intro':
      'Captions are shown in the player when the recording is a video file or an HLS stream; YouTube and Vimeo players do not show them, so there they appear as the transcript next to the recording. Their words can be found by the search. A new file in the same language replaces the old one.',
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
    'captions.transcript.none': 'This recording has no captions, so it has no transcript.',
    'captions.transcript.text': 'What was said',
  },
  {
    'captions.error.language': 'Код языка должен быть, например, et, en или ru.',
    'captions.problem.timing':
      'Строка {line}: время не читается. Запишите его в виде 00:01:02.500 --> 00:01:04.000 (минуты и секунды двумя цифрами, миллисекунды тремя).',
    'captions.problem.endBeforeStart':
      'Строка {line}: реплика заканчивается раньше, чем начинается. Время конца должно быть позже времени начала.',
    'captions.problem.signature':
      'Строка 1: файл WebVTT должен начинаться со слова WEBVTT. Добавьте его первой строкой или выберите файл SubRip (.srt).',
    'captions.problem.srtBlock':
      'Строка {line}: здесь должна быть реплика: её номер, затем время в виде 00:00:01,000 --> 00:00:04,000, затем текст.',
    'captions.problem.nul':
      'Строка {line}: в файле есть нулевой символ (NUL), как в двоичных файлах. Сохраните субтитры как текстовый файл.',
    'captions.problem.noCues': 'В файле нет ни одной реплики. Проверьте, тот ли файл выбран.',
    'captions.problem.tooMany':
      'В файле может быть не больше {max} реплик, а в этом больше. Объедините короткие реплики.',
    'captions.problem.tooLong':
      'Строка {line}: в реплике может быть не больше {max} символов. Разделите её на несколько реплик.',
    'captions.problem.tooLate':
      'Строка {line}: реплика начинается позже чем через 24 часа. Проверьте её время.',
    'captions.problem.pastEnd':
      'Строка {line}: реплика начинается в {at}, а запись длится {duration}. Проверьте время или длительность записи.',
    'captions.problem.encoding':
      'Файл не в кодировке UTF-8. Сохраните его в UTF-8 и загрузите снова.',
    'captions.error.format': 'Выберите файл WebVTT (.vtt) или SubRip (.srt).',
    'captions.error.tooLarge':
      'Файл субтитров может быть не больше {size}. Этот файл больше: разделите его на части или удалите лишнее форматирование.',
    'captions.error.file': 'Выберите файл субтитров.',
    'captions.quote.title': 'Цитата: {title}',
    'captions.quote.back': 'Назад к итогам',
    'captions.quote.intro':
      'Найдите слова в субтитрах записей и выберите реплику, которую цитирует этот итог. На публичной странице она показывается цитатой, которая воспроизводит запись с этой секунды.',
    'captions.quote.current': 'Текущая цитата',
    'captions.quote.remove': 'Удалить цитату',
    'captions.quote.recording': 'Запись',
    'captions.quote.anyRecording': 'Все записи',
    'captions.quote.words': 'Слова',
    'captions.quote.hint': 'Достаточно начала слова; диакритика и регистр не важны.',
    'captions.quote.find': 'Найти',
    'captions.quote.none': 'Ни одна реплика не содержит этих слов.',
    'captions.quote.choose':
      '{count, plural, one {Найдена # реплика: выберите цитату} few {Найдено # реплики: выберите цитату} many {Найдено # реплик: выберите цитату} other {Найдено # реплики: выберите цитату}}',
    'captions.quote.more': 'Показаны первые 50. Добавьте слова, чтобы уточнить поиск.',
    'captions.quote.save': 'Цитировать эту реплику',
    'captions.quote.notHere': 'Эта реплика не из записей этого мероприятия. Выберите из списка.',
    'captions.quote.link': 'Цитировать запись',
    'captions.quote.noChoice': 'Выберите в списке реплику для цитаты.',
    'captions.quote.unpublished':
      'Запись этой реплики не опубликована: цитата сделала бы публичными слова, которые не публиковались. Сначала опубликуйте запись или выберите реплику из опубликованной записи.',
    'captions.field.fileHint': 'WebVTT (.vtt) или SubRip (.srt), не больше {size} и {max} реплик.',
    'captions.field.language': 'Язык',
    'captions.field.file': 'Файл субтитров (WebVTT или SubRip)',
    'captions.admin.title': 'Субтитры: {title}',
    'captions.admin.intro':
      'Субтитры показываются в плеере, если запись — видеофайл или поток HLS; плееры YouTube и Vimeo их не показывают, поэтому там они видны как расшифровка рядом с записью. Их текст находится поиском. Новый файл на том же языке заменяет прежний.',
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
    'captions.transcript.none': 'У этой записи нет субтитров, поэтому нет и расшифровки.',
    'captions.transcript.text': 'Что было сказано',
  },
);

declare module '@/platform/i18n' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- adds these keys to the catalogue
  interface Messages extends Record<keyof typeof captionMessages.et, string> {}
}
