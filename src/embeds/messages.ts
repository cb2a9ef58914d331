import { defineMessages } from '@/platform/i18n/define';

/**
 * Strings of the embeds: the framed pages, the snippets on Koda's pages, and the web component
 * (`embeds.js.*`, written into /embed.js in both languages).
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
    'embeds.snippets.oembed':
      'Kui sinu sisuhaldus toetab oEmbedi (nt WordPress), piisab ka selle lehe aadressi kleepimisest.',
    'embeds.snippets.preview': 'Eelvaade',
    'embeds.snippets.fallbackEvents': '{name}: sündmused Kodas',
    'embeds.snippets.fallbackEvent': '{title} Kodas',
    'embeds.snippets.fallbackPlan': '{title} Kodas',
    'embeds.js.loading': 'Laadin…',
    'embeds.js.failed': 'Koda ei vastanud.',
    'embeds.js.kind.think_tank': 'Mõttekoda',
    'embeds.js.kind.forum': 'Foorum',
    'embeds.js.kind.workshop': 'Töötuba',
    'embeds.js.kind.meeting': 'Koosolek',
    'embeds.js.status.planned': 'Kavandatud',
    'embeds.js.status.in_progress': 'Töös',
    'embeds.js.status.done': 'Tehtud',
    'embeds.js.status.delayed': 'Hilinenud',
    'embeds.js.status.dropped': 'Loobutud',
    'embeds.js.progress': '{done} / {total} tegevust tehtud',
    'embeds.js.overdue': 'tähtaeg möödas: {count}',
  },
  {
    'embeds.events.title': 'Upcoming events',
    'embeds.events.none': 'No upcoming events at the moment.',
    'embeds.events.all': 'All events on Koda',
    'embeds.newTab': '(opens in a new tab)',
    'embeds.event.register': 'Register',
    'embeds.event.details': 'See it on Koda',
    'embeds.event.seatsLeft': '{count} seats left',
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
    'embeds.snippets.oembed':
      'If your content management system supports oEmbed (WordPress does), pasting this page’s address is enough.',
    'embeds.snippets.preview': 'Preview',
    'embeds.snippets.fallbackEvents': '{name}: events on Koda',
    'embeds.snippets.fallbackEvent': '{title} on Koda',
    'embeds.snippets.fallbackPlan': '{title} on Koda',
    'embeds.js.loading': 'Loading…',
    'embeds.js.failed': 'Koda did not answer.',
    'embeds.js.kind.think_tank': 'Think tank',
    'embeds.js.kind.forum': 'Forum',
    'embeds.js.kind.workshop': 'Workshop',
    'embeds.js.kind.meeting': 'Meeting',
    'embeds.js.status.planned': 'Planned',
    'embeds.js.status.in_progress': 'In progress',
    'embeds.js.status.done': 'Done',
    'embeds.js.status.delayed': 'Delayed',
    'embeds.js.status.dropped': 'Dropped',
    'embeds.js.progress': '{done} of {total} actions done',
    'embeds.js.overdue': 'overdue: {count}',
  },
);

type EmbedsMessages = Record<keyof typeof embedsMessages.et, string>;

declare module '@/platform/i18n' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merges the keys
  interface Messages extends EmbedsMessages {}
}
