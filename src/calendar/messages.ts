import { defineMessages } from '@/platform/i18n/define';

/** Strings of the calendar feeds (inside the .ics files) and of the subscribe/add links. */
export const calendarMessages = defineMessages(
  {
    'calendar.feedName': 'Koda: kõik sündmused',
    'calendar.feedNameFor': 'Koda: {names}',
    'calendar.feedNameKind': 'Koda: {kinds}',
    'calendar.personalFeedName': 'Koda: minu sündmused',
    'calendar.feedDescription': 'Mõttekodade, foorumite ja arutelude kalender',
    'calendar.agenda': 'Päevakava',
    'calendar.livestream': 'Otseülekanne',
    'calendar.recording': 'Salvestis',
    'calendar.details': 'Lisainfo ja registreerimine',
    'calendar.cancelledPrefix': 'ÄRA JÄETUD',
    'calendar.cancelledReason': 'Sündmus jäi ära: {reason}',
    'calendar.cancelled': 'Sündmus jäi ära.',
    'calendar.subscribeTitle': 'Kalender',
    'calendar.subscribe': 'Telli kalendrisse',
    'calendar.copyLabel': 'Kalendri aadress (kopeeri oma kalendrirakendusse)',
    'calendar.download': 'Laadi alla (.ics)',
    'calendar.explain':
      'Tellimisel uuendab sinu kalendrirakendus (Google, Apple, Outlook, Thunderbird) sündmusi ise: muudatused ja ärajäämised jõuavad sinu kalendrisse mõne tunni jooksul. Allalaaditud fail on ühekordne koopia ega uuene.',
    'calendar.addTitle': 'Lisa kalendrisse',
    'calendar.google': 'Google Calendar',
    'calendar.outlook': 'Outlook',
    'calendar.ics': 'Apple / muu kalender (.ics)',
    'calendar.personal.subject': 'Sinu isiklik Koda kalender',
    'calendar.personal.greeting': 'Tere!',
    'calendar.personal.body':
      'Siin on sinu isiklik kalendrivoog: see näitab kõiki sündmusi, kuhu oled selle aadressiga registreerunud, ja uueneb ise.',
    'calendar.personal.subscribe': 'Telli kalendrisse (Apple, Outlook, Thunderbird): {url}',
    'calendar.personal.copy':
      'Või kopeeri see aadress oma kalendrirakendusse (nt Google Calendar → Lisa URL-i kaudu): {url}',
    'calendar.personal.private':
      'Hoia link enda teada: igaüks, kellel see on, näeb, kuhu oled registreerunud.',
    'calendar.personal.revoke': 'Voo peatamiseks ava: {url}',
    'calendar.personal.ignore': 'Kui sa seda ei küsinud, võid kirja lihtsalt kustutada.',
    'calendar.personal.signature': 'Koda',
    'calendar.revoke.title': 'Isikliku kalendrivoo peatamine',
    'calendar.revoke.explain':
      'Pärast peatamist ei näita kalendrirakendused selle voo sündmusi enam. Uue lingi saad igal ajal oma registreeringu lehelt.',
    'calendar.revoke.confirm': 'Peata see kalendrivoog',
    'calendar.revoke.done':
      'Kalendrivoog on peatatud. Kalendrirakendus eemaldab sündmused järgmisel uuendamisel.',
    'calendar.revoke.gone': 'Seda kalendrivoogu pole enam: see on peatatud või link on vale.',
  },
  {
    'calendar.feedName': 'Koda: all events',
    'calendar.feedNameFor': 'Koda: {names}',
    'calendar.feedNameKind': 'Koda: {kinds}',
    'calendar.personalFeedName': 'Koda: my events',
    'calendar.feedDescription': 'Think tanks, forums and public deliberation',
    'calendar.agenda': 'Agenda',
    'calendar.livestream': 'Livestream',
    'calendar.recording': 'Recording',
    'calendar.details': 'Details and registration',
    'calendar.cancelledPrefix': 'CANCELLED',
    'calendar.cancelledReason': 'The event is cancelled: {reason}',
    'calendar.cancelled': 'The event is cancelled.',
    'calendar.subscribeTitle': 'Calendar',
    'calendar.subscribe': 'Subscribe in your calendar',
    'calendar.copyLabel': 'Calendar address (paste it into your calendar app)',
    'calendar.download': 'Download (.ics)',
    'calendar.explain':
      'When you subscribe, your calendar app (Google, Apple, Outlook, Thunderbird) keeps the events up to date by itself: changes and cancellations reach your calendar within a few hours. A downloaded file is a one-off copy that does not update.',
    'calendar.addTitle': 'Add to calendar',
    'calendar.google': 'Google Calendar',
    'calendar.outlook': 'Outlook',
    'calendar.ics': 'Apple / other calendar (.ics)',
    'calendar.personal.subject': 'Your personal Koda calendar',
    'calendar.personal.greeting': 'Hello,',
    'calendar.personal.body':
      'Here is your personal calendar feed: it shows every event you have registered for with this address, and keeps itself up to date.',
    'calendar.personal.subscribe':
      'Subscribe in your calendar (Apple, Outlook, Thunderbird): {url}',
    'calendar.personal.copy':
      'Or paste this address into your calendar app (e.g. Google Calendar → From URL): {url}',
    'calendar.personal.private':
      'Keep the link to yourself: anyone who has it can see which events you registered for.',
    'calendar.personal.revoke': 'To stop this feed, open: {url}',
    'calendar.personal.ignore': 'If you did not ask for this, you can simply delete this email.',
    'calendar.personal.signature': 'Koda',
    'calendar.revoke.title': 'Stop a personal calendar feed',
    'calendar.revoke.explain':
      'Once stopped, calendar apps no longer show this feed’s events. You can get a new link from your registration page at any time.',
    'calendar.revoke.confirm': 'Stop this calendar feed',
    'calendar.revoke.done':
      'The calendar feed is stopped. Your calendar app removes its events at its next refresh.',
    'calendar.revoke.gone':
      'This calendar feed no longer exists: it was stopped or the link is wrong.',
  },
  {
    'calendar.feedName': 'Koda: все мероприятия',
    'calendar.feedNameFor': 'Koda: {names}',
    'calendar.feedNameKind': 'Koda: {kinds}',
    'calendar.personalFeedName': 'Koda: мои мероприятия',
    'calendar.feedDescription': 'Календарь аналитических групп, форумов и общественных обсуждений',
    'calendar.agenda': 'Программа',
    'calendar.livestream': 'Прямая трансляция',
    'calendar.recording': 'Запись',
    'calendar.details': 'Подробности и регистрация',
    'calendar.cancelledPrefix': 'ОТМЕНЕНО',
    'calendar.cancelledReason': 'Мероприятие отменено: {reason}',
    'calendar.cancelled': 'Мероприятие отменено.',
    'calendar.subscribeTitle': 'Календарь',
    'calendar.subscribe': 'Подписаться в календаре',
    'calendar.copyLabel': 'Адрес календаря (вставьте его в своё приложение-календарь)',
    'calendar.download': 'Скачать (.ics)',
    'calendar.explain':
      'При подписке ваше приложение-календарь (Google, Apple, Outlook, Thunderbird) само обновляет мероприятия: изменения и отмены появятся в вашем календаре в течение нескольких часов. Скачанный файл — разовая копия, он не обновляется.',
    'calendar.addTitle': 'Добавить в календарь',
    'calendar.google': 'Google Календарь',
    'calendar.outlook': 'Outlook',
    'calendar.ics': 'Apple / другой календарь (.ics)',
    'calendar.personal.subject': 'Ваш личный календарь Koda',
    'calendar.personal.greeting': 'Здравствуйте!',
    'calendar.personal.body':
      'Вот ваша личная календарная лента: в ней все мероприятия, на которые вы зарегистрировались с этим адресом, и она обновляется сама.',
    'calendar.personal.subscribe': 'Подписаться в календаре (Apple, Outlook, Thunderbird): {url}',
    'calendar.personal.copy':
      'Или вставьте этот адрес в своё приложение-календарь (например, Google Календарь → Добавить по URL): {url}',
    'calendar.personal.private':
      'Не передавайте ссылку другим: любой, у кого она есть, увидит, на какие мероприятия вы зарегистрировались.',
    'calendar.personal.revoke': 'Чтобы отключить эту ленту, откройте: {url}',
    'calendar.personal.ignore': 'Если вы об этом не просили, просто удалите это письмо.',
    'calendar.personal.signature': 'Koda',
    'calendar.revoke.title': 'Отключение личной календарной ленты',
    'calendar.revoke.explain':
      'После отключения приложения-календари перестанут показывать мероприятия этой ленты. Новую ссылку можно в любое время получить на странице вашей регистрации.',
    'calendar.revoke.confirm': 'Отключить эту календарную ленту',
    'calendar.revoke.done':
      'Календарная лента отключена. Приложение-календарь удалит её мероприятия при следующем обновлении.',
    'calendar.revoke.gone': 'Этой календарной ленты больше нет: она отключена или ссылка неверна.',
  },
);

declare module '@/platform/i18n' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- adds these keys to the catalogue
  interface Messages extends Record<keyof typeof calendarMessages.et, string> {}
}
