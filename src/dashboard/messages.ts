import { defineMessages } from '@/platform/i18n/define';

/** Strings of the dashboard: what needs attention in what the user manages. */
export const dashboardMessages = defineMessages(
  {
    'dashboard.title': 'Töölaud',
    'dashboard.welcome': 'Tere, {name}!',
    'dashboard.scopeAll': 'Administraatorina haldad kõiki omavalitsusi.',
    'dashboard.scope': 'Haldad: {municipalities}.',
    'dashboard.scopeNone': 'Sind pole veel ühegi omavalitsuse juurde lisatud.',
    'dashboard.events': 'Sinu sündmused',
    'dashboard.noEvents': 'Sündmusi pole.',
    'dashboard.plans': 'Tegevuskavad',
    'dashboard.noPlans': 'Tegevuskavu pole.',
    'dashboard.upcoming':
      '{days, plural, one {Tulemas: järgmine # päev} other {Tulemas: järgmised # päeva}}',
    'dashboard.noUpcoming': 'Järgmise {days} päeva jooksul sündmusi pole.',
    'dashboard.seats': 'kinnitatud kohapeal {confirmed} / {capacity}',
    'dashboard.seatsUnlimited': 'kinnitatud kohapeal {confirmed}',
    'dashboard.online': 'veebis {count}',
    'dashboard.waitlist': 'ootenimekirjas {count}',
    'dashboard.warnings': 'Vajab tähelepanu:',
    'dashboard.warning.draft': 'mustand, avaldamata',
    'dashboard.warning.noAgenda': 'päevakava puudub',
    'dashboard.warning.closingSoon': 'registreerimine sulgub {days} päeva jooksul',
    'dashboard.warning.fullWithWaitlist': 'täis, ootajad järjekorras',
    'dashboard.awaiting': 'Ootab tulemusi: lõppenud viimase {days} päeva jooksul',
    'dashboard.noAwaiting':
      'Kõigil hiljuti lõppenud sündmustel on salvestis ja tulemused avaldatud.',
    'dashboard.ended': 'lõppes {when}',
    'dashboard.noRecording': 'salvestis avaldamata',
    'dashboard.noOutcome': 'tulemused avaldamata',
    'dashboard.overdue': 'tähtaja ületanud tegevusi: {count}',
    'dashboard.noOverdue': 'tähtaja ületanud tegevusi pole',
    'dashboard.outbox': 'Väljuvad kirjad',
    'dashboard.failedEmails': 'Saatmine ebaõnnestus: {count, plural, one {# kiri} other {# kirja}}',
    'dashboard.noFailedEmails': 'Ükski kiri pole saatmata jäänud.',
    'dashboard.plan.status.draft': 'mustand',
    'dashboard.plan.status.adopted': 'vastu võetud',
    'dashboard.plan.status.archived': 'arhiveeritud',
  },
  {
    'dashboard.title': 'Dashboard',
    'dashboard.welcome': 'Hello, {name}!',
    'dashboard.scopeAll': 'As an admin you manage every municipality.',
    'dashboard.scope': 'You manage: {municipalities}.',
    'dashboard.scopeNone': 'You have not been added to any municipality yet.',
    'dashboard.events': 'Your events',
    'dashboard.noEvents': 'No events.',
    'dashboard.plans': 'Action plans',
    'dashboard.noPlans': 'No action plans.',
    'dashboard.upcoming':
      '{days, plural, one {Coming up: the next day} other {Coming up: the next # days}}',
    'dashboard.noUpcoming':
      '{days, plural, one {No events in the next day.} other {No events in the next # days.}}',
    'dashboard.seats': '{confirmed} of {capacity} confirmed in person',
    'dashboard.seatsUnlimited': '{confirmed} confirmed in person',
    'dashboard.online': '{count} online',
    'dashboard.waitlist': '{count} on the waitlist',
    'dashboard.warnings': 'Needs attention:',
    'dashboard.warning.draft': 'draft, not published',
    'dashboard.warning.noAgenda': 'no agenda',
    'dashboard.warning.closingSoon':
      '{days, plural, one {registration closes within a day} other {registration closes within # days}}',
    'dashboard.warning.fullWithWaitlist': 'full, people waiting',
    'dashboard.awaiting':
      '{days, plural, one {Waiting for what came of it: ended in the last day} other {Waiting for what came of it: ended in the last # days}}',
    'dashboard.noAwaiting':
      'Every event that ended recently has a published recording and outcome notes.',
    'dashboard.ended': 'ended {when}',
    'dashboard.noRecording': 'no published recording',
    'dashboard.noOutcome': 'no published outcome notes',
    'dashboard.overdue': 'overdue items: {count}',
    'dashboard.noOverdue': 'nothing overdue',
    'dashboard.outbox': 'Outbox',
    'dashboard.failedEmails': 'Failed to send: {count, plural, one {# email} other {# emails}}',
    'dashboard.noFailedEmails': 'No email has failed.',
    'dashboard.plan.status.draft': 'draft',
    'dashboard.plan.status.adopted': 'adopted',
    'dashboard.plan.status.archived': 'archived',
  },
  {
    'dashboard.title': 'Рабочий стол',
    'dashboard.welcome': 'Здравствуйте, {name}!',
    'dashboard.scopeAll': 'Как администратор вы управляете всеми самоуправлениями.',
    'dashboard.scope': 'Вы управляете: {municipalities}.',
    'dashboard.scopeNone': 'Вас пока не добавили ни к одному самоуправлению.',
    'dashboard.events': 'Ваши мероприятия',
    'dashboard.noEvents': 'Мероприятий нет.',
    'dashboard.plans': 'Планы действий',
    'dashboard.noPlans': 'Планов действий нет.',
    'dashboard.upcoming':
      'Скоро: {days, plural, one {ближайший # день} few {ближайшие # дня} many {ближайшие # дней} other {ближайшие # дня}}',
    'dashboard.noUpcoming':
      'В {days, plural, one {ближайший # день} few {ближайшие # дня} many {ближайшие # дней} other {ближайшие # дня}} мероприятий нет.',
    'dashboard.seats': 'подтверждено в зале: {confirmed} из {capacity}',
    'dashboard.seatsUnlimited': 'подтверждено в зале: {confirmed}',
    'dashboard.online': 'онлайн: {count}',
    'dashboard.waitlist': 'в листе ожидания: {count}',
    'dashboard.warnings': 'Требует внимания:',
    'dashboard.warning.draft': 'черновик, не опубликовано',
    'dashboard.warning.noAgenda': 'нет программы',
    'dashboard.warning.closingSoon':
      'регистрация закроется в течение {days, plural, one {# дня} few {# дней} many {# дней} other {# дня}}',
    'dashboard.warning.fullWithWaitlist': 'мест нет, есть ожидающие',
    'dashboard.awaiting':
      'Ждут результатов: закончились за {days, plural, one {последний # день} few {последние # дня} many {последние # дней} other {последние # дня}}',
    'dashboard.noAwaiting':
      'У всех недавно прошедших мероприятий опубликованы запись и результаты.',
    'dashboard.ended': 'закончилось {when}',
    'dashboard.noRecording': 'запись не опубликована',
    'dashboard.noOutcome': 'результаты не опубликованы',
    'dashboard.overdue': 'просроченных действий: {count}',
    'dashboard.noOverdue': 'просроченных действий нет',
    'dashboard.outbox': 'Исходящие письма',
    'dashboard.failedEmails':
      'Не удалось отправить: {count, plural, one {# письмо} few {# письма} many {# писем} other {# письма}}',
    'dashboard.noFailedEmails': 'Все письма отправлены.',
    'dashboard.plan.status.draft': 'черновик',
    'dashboard.plan.status.adopted': 'принят',
    'dashboard.plan.status.archived': 'в архиве',
  },
);

declare module '@/platform/i18n' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- adds these keys to the catalogue
  interface Messages extends Record<keyof typeof dashboardMessages.et, string> {}
}
