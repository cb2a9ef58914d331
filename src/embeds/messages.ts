import { defineMessages } from '@/platform/i18n/define';

/**
 * Strings of the embeds: the framed pages, the snippets on Koda's pages, and the web component
 * (`embeds.js.*`, `embeds.events.*` and `embeds.event.*` are written into /embed.js in every language).
 */
export const embedsMessages = defineMessages(
  {
    'embeds.events.title': 'Tulevased sündmused',
    'embeds.events.none': 'Praegu ei ole ühtegi sündmust tulemas.',
    'embeds.events.all': 'Kõik sündmused Kodas',
    'embeds.newTab': '(avaneb uuel vahelehel)',
    'embeds.event.register': 'Registreeru',
    'embeds.event.details': 'Vaata Kodas',
    'embeds.event.seatsLeft': 'Vabu kohti: {count}',
    'embeds.event.full': 'Kohad on täis',
    'embeds.event.cancelled': 'Sündmus jääb ära.',
    'embeds.event.past': 'Sündmus on toimunud.',
    'embeds.recording.watch': 'Vaata salvestist Kodas',
    'embeds.recording.of': 'Salvestis sündmusest {event}',
    'embeds.plan.items': 'Tegevused',
    'embeds.plan.period': 'Periood {from}–{to}',
    'embeds.plan.open': 'Vaata tegevuskava Kodas',
    'embeds.plan.itemProgress': 'Edenemine: {percent}%',
    'embeds.plan.doneShare': 'Tehtud tegevusi',
    'embeds.snippets.summary': 'Näita seda oma veebilehel',
    'embeds.snippets.intro':
      'Kopeeri üks neist koodijuppidest oma veebilehele (näiteks WordPressi HTML-plokki). Sisu uueneb iseenesest; lingid avavad Koda uuel vahelehel.',
    'embeds.snippets.iframe': 'Raam (iframe): töötab igal veebilehel',
    'embeds.snippets.component':
      'Veebikomponent: sobib lehe kujundusega; ilma JavaScriptita jääb alles tavaline link',
    'embeds.snippets.look':
      'Kui sinu leht on tume, lisa raami aadressile &theme=dark või komponendile theme="dark". Oma lehe põhivärvi annad kujul accent=RRGGBB (näiteks accent=0a7d3b).',
    'embeds.snippets.oembed':
      'Kui sinu sisuhaldus toetab oEmbedi (nt WordPress), piisab ka selle lehe aadressi kleepimisest.',
    'embeds.snippets.preview': 'Eelvaade',
    'embeds.snippets.fallbackEvents': '{name}: sündmused Kodas',
    'embeds.snippets.fallbackEvent': '{title} Kodas',
    'embeds.snippets.fallbackPlan': '{title} Kodas',
    'embeds.js.failed': 'Koda ei vastanud.',
    'embeds.event.fullWaitlist': 'Kohapeal on kohad täis, saab ootenimekirja',
    'embeds.event.joinWaitlist': 'Registreeru ootenimekirja',
    'embeds.events.unknownMunicipality':
      'Kodas ei ole omavalitsust „{name}“. Kontrolli koodijupis omavalitsuse nime.',
    'embeds.notFound.title': 'Ei leitud',
    'embeds.notFound.body': 'Seda lehte Kodas ei ole või see pole avalik.',
    'embeds.notFound.home': 'Ava Koda',
  },
  {
    'embeds.events.title': 'Upcoming events',
    'embeds.events.none': 'No upcoming events at the moment.',
    'embeds.events.all': 'All events on Koda',
    'embeds.newTab': '(opens in a new tab)',
    'embeds.event.register': 'Register',
    'embeds.event.details': 'See it on Koda',
    'embeds.event.seatsLeft': '{count, plural, one {# seat left} other {# seats left}}',
    'embeds.event.full': 'All seats are taken',
    'embeds.event.cancelled': 'This event is cancelled.',
    'embeds.event.past': 'This event has taken place.',
    'embeds.recording.watch': 'Watch the recording on Koda',
    'embeds.recording.of': 'Recording of {event}',
    'embeds.plan.items': 'Actions',
    'embeds.plan.period': 'Period {from}–{to}',
    'embeds.plan.open': 'See the action plan on Koda',
    'embeds.plan.itemProgress': 'Progress: {percent}%',
    'embeds.plan.doneShare': 'Actions done',
    'embeds.snippets.summary': 'Show this on your website',
    'embeds.snippets.intro':
      'Copy one of these snippets into your website (a WordPress HTML block, for example). It stays up to date by itself; its links open Koda in a new tab.',
    'embeds.snippets.iframe': 'Frame (iframe): works on any website',
    'embeds.snippets.component':
      'Web component: takes on your page’s look; without JavaScript a plain link remains',
    'embeds.snippets.look':
      'If your page is dark, add &theme=dark to the frame’s address or theme="dark" to the component. Give your site’s main colour as accent=RRGGBB (for example accent=0a7d3b).',
    'embeds.snippets.oembed':
      'If your content management system supports oEmbed (WordPress does), pasting this page’s address is enough.',
    'embeds.snippets.preview': 'Preview',
    'embeds.snippets.fallbackEvents': '{name}: events on Koda',
    'embeds.snippets.fallbackEvent': '{title} on Koda',
    'embeds.snippets.fallbackPlan': '{title} on Koda',
    'embeds.js.failed': 'Koda did not answer.',
    'embeds.event.fullWaitlist': 'All seats are taken; you can join the waitlist',
    'embeds.event.joinWaitlist': 'Join the waitlist',
    'embeds.events.unknownMunicipality':
      'Koda has no municipality “{name}”. Check the municipality’s name in the snippet.',
    'embeds.notFound.title': 'Not found',
    'embeds.notFound.body': 'Koda has no such page, or it is not public.',
    'embeds.notFound.home': 'Open Koda',
  },
  {
    'embeds.events.title': 'Предстоящие мероприятия',
    'embeds.events.none': 'Сейчас мероприятий не запланировано.',
    'embeds.events.all': 'Все мероприятия в Koda',
    'embeds.newTab': '(откроется в новой вкладке)',
    'embeds.event.register': 'Зарегистрироваться',
    'embeds.event.details': 'Смотреть в Koda',
    'embeds.event.seatsLeft': 'Свободных мест: {count}',
    'embeds.event.full': 'Мест нет',
    'embeds.event.cancelled': 'Мероприятие отменено.',
    'embeds.event.past': 'Мероприятие состоялось.',
    'embeds.recording.watch': 'Смотреть запись в Koda',
    'embeds.recording.of': 'Запись мероприятия «{event}»',
    'embeds.plan.items': 'Действия',
    'embeds.plan.period': 'Период {from}–{to}',
    'embeds.plan.open': 'Открыть план действий в Koda',
    'embeds.plan.itemProgress': 'Выполнено: {percent}%',
    'embeds.plan.doneShare': 'Выполнено действий',
    'embeds.snippets.summary': 'Показать это на вашем сайте',
    'embeds.snippets.intro':
      'Скопируйте один из этих фрагментов кода на свой сайт (например, в HTML-блок WordPress). Содержимое обновляется само; ссылки открывают Koda в новой вкладке.',
    'embeds.snippets.iframe': 'Фрейм (iframe): работает на любом сайте',
    'embeds.snippets.component':
      'Веб-компонент: принимает оформление вашей страницы; без JavaScript остаётся обычная ссылка',
    'embeds.snippets.look':
      'Если ваша страница тёмная, добавьте &theme=dark к адресу фрейма или theme="dark" к веб-компоненту. Основной цвет вашего сайта задаётся как accent=RRGGBB (например, accent=0a7d3b).',
    'embeds.snippets.oembed':
      'Если ваша система управления содержимым поддерживает oEmbed (например, WordPress), достаточно вставить адрес этой страницы.',
    'embeds.snippets.preview': 'Предпросмотр',
    'embeds.snippets.fallbackEvents': '{name}: мероприятия в Koda',
    'embeds.snippets.fallbackEvent': '{title} в Koda',
    'embeds.snippets.fallbackPlan': '{title} в Koda',
    'embeds.js.failed': 'Koda не ответила.',
    'embeds.event.fullWaitlist': 'Мест нет, можно записаться в лист ожидания',
    'embeds.event.joinWaitlist': 'Записаться в лист ожидания',
    'embeds.events.unknownMunicipality':
      'В Koda нет муниципалитета «{name}». Проверьте название муниципалитета во фрагменте кода.',
    'embeds.notFound.title': 'Не найдено',
    'embeds.notFound.body': 'Такой страницы в Koda нет, или она не опубликована.',
    'embeds.notFound.home': 'Открыть Koda',
  },
);

type EmbedsMessages = Record<keyof typeof embedsMessages.et, string>;

declare module '@/platform/i18n' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merges the keys
  interface Messages extends EmbedsMessages {}
}
