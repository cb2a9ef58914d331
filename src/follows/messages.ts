import { defineMessages } from '@/platform/i18n/define';

/** Strings of following by email: the form, the pages, the emails, the privacy paragraph. */
export const followMessages = defineMessages(
  {
    'follows.form.title': 'Jälgi e-postiga',
    'follows.form.municipality': 'Saada mulle kiri, kui {name} lisab uue sündmuse.',
    'follows.form.plan':
      'Saada mulle kiri, kui tegevuskava tegevuste kohta on uudiseid (edenemine, tähtaja muutus, valmimine).',
    'follows.form.item': 'Mida jälgida',
    'follows.form.wholePlan': 'kogu tegevuskava',
    'follows.form.series': 'Saada mulle kiri, kui selle sarja järgmine sündmus avaldatakse.',
    'follows.form.email': 'E-post',
    'follows.form.frequency': 'Kui tihti',
    'follows.frequency.immediate': 'kohe',
    'follows.frequency.weekly': 'kord nädalas kokkuvõttena',
    'follows.form.submit': 'Jälgi',
    'follows.form.hint':
      'Kinnitusviide saadetakse e-postile. Kontot pole vaja; loobuda saab igast kirjast ühe klikiga.',
    'follows.error.target': 'Valige üks: omavalitsus, sari, tegevuskava või selle tegevus.',
    'follows.error.unknown': 'Seda ei leitud.',
    'follows.sent.title': 'Vaadake oma postkasti',
    'follows.sent.body':
      'Kui aadress on õige, saabub sinna kiri kinnitusviitega. Jälgimine algab alles pärast kinnitamist; kinnitamata soov kustutatakse 7 päeva pärast.',
    'follows.confirm.title': 'Kinnitage jälgimine',
    'follows.confirm.body': 'Kas soovite e-postiga teada saada: {target}?',
    'follows.confirm.button': 'Jah, kinnitan',
    'follows.confirm.done':
      'Kinnitatud. Kirjad tulevad aadressile, millele kinnitusviide saadeti; igas kirjas on viide loobumiseks.',
    'follows.confirm.expired': 'See kinnitusviide ei kehti enam. Saate jälgimist uuesti soovida.',
    'follows.unsubscribe.title': 'Loobu jälgimisest',
    'follows.unsubscribe.ask': 'Kas lõpetada kirjad teemal: {target}?',
    'follows.unsubscribe.button': 'Jah, lõpeta kirjad',
    'follows.unsubscribe.done':
      'Tehtud. Rohkem kirju sellel teemal ei tule ja aadress on kustutatud.',
    'follows.target.municipality': 'uued sündmused: {name}',
    'follows.target.series': 'sarja „{name}“ järgmised sündmused',
    'follows.target.plan': 'tegevuskava „{name}“ uudised',
    'follows.target.plan_item': 'tegevuse „{name}“ uudised',
    'follows.email.confirm.subject': 'Kinnitage jälgimine: {target}',
    'follows.email.confirm.body':
      'Keegi (loodetavasti teie) soovis selle aadressiga jälgida: {target}. Kinnitamiseks avage viide ja vajutage nuppu:',
    'follows.email.confirm.ignore':
      'Kui see polnud teie, ärge tehke midagi: kirju ei tule ja soov kustutatakse 7 päeva pärast.',
    'follows.email.news.subject': 'Uudised: {target}',
    'follows.email.news.intro': 'Uut alates viimasest kirjast ({target}):',
    'follows.email.news.event': '• {title}, {when}: {url}',
    'follows.email.news.update': '• {item} ({date}): {change} {url}',
    'follows.email.news.status': 'seis: {status}',
    'follows.email.news.progress': 'edenemine {progress}%',
    'follows.email.news.dueMoved': 'uus tähtaeg {due}',
    'follows.email.news.dueMovedFrom': 'uus tähtaeg {due} (oli {from})',
    'follows.email.news.dueRemoved': 'tähtaeg eemaldati',
    'follows.email.news.report': 'uus edenemisaruanne',
    'follows.email.unsubscribe': 'Loobumiseks avage: {url}',
    'follows.privacy':
      'Kui jälgite midagi e-postiga, hoiame teie aadressi, keelt, valitud teemat ja sagedust, kuni loobute (loobumise link on igas kirjas; aadress kustutatakse kohe). Kinnitamata soov kustutatakse 7 päeva pärast. Registreerumisel esitatud küsimuste vastuseid näevad ainult sündmuse korraldajad ning need kustutatakse koos registreeringu isikuandmetega {days} päeva pärast sündmuse lõppu. Tagasiside pärast sündmust on anonüümne: korraldajad näevad vastuseid ilma nimedeta ja tagasiside link kehtib 30 päeva. Kui registreeringu andmed kustutatakse, jääb vastus alles, kuid ei ole enam kellegagi seotud. Avalikuks saab teha ainult vastuste arvu ja keskmise hinde.',
  },
  {
    'follows.form.title': 'Follow by email',
    'follows.form.municipality': 'Email me when {name} adds a new event.',
    'follows.form.plan':
      'Email me when the plan’s actions have news (progress, a moved due date, completion).',
    'follows.form.item': 'What to follow',
    'follows.form.wholePlan': 'the whole plan',
    'follows.form.series': 'Email me when the next event of this series is published.',
    'follows.form.email': 'Email',
    'follows.form.frequency': 'How often',
    'follows.frequency.immediate': 'right away',
    'follows.frequency.weekly': 'once a week, as a summary',
    'follows.form.submit': 'Follow',
    'follows.form.hint':
      'We send a confirmation link to this address. No account is needed; every email has a one-click way out.',
    'follows.error.target': 'Choose one: a municipality, a series, a plan or one of its actions.',
    'follows.error.unknown': 'Not found.',
    'follows.sent.title': 'Check your inbox',
    'follows.sent.body':
      'If the address is right, an email with a confirmation link is on its way. Nothing is sent before you confirm; an unconfirmed request is deleted after 7 days.',
    'follows.confirm.title': 'Confirm following',
    'follows.confirm.body': 'Do you want to hear by email about: {target}?',
    'follows.confirm.button': 'Yes, confirm',
    'follows.confirm.done':
      'Confirmed. Emails go to the address the link was sent to; each has a link to stop them.',
    'follows.confirm.expired':
      'This confirmation link no longer works. You can ask to follow again.',
    'follows.unsubscribe.title': 'Stop following',
    'follows.unsubscribe.ask': 'Stop the emails about: {target}?',
    'follows.unsubscribe.button': 'Yes, stop the emails',
    'follows.unsubscribe.done': 'Done. No more emails about this, and the address is deleted.',
    'follows.target.municipality': 'new events: {name}',
    'follows.target.series': 'the next events of the series “{name}”',
    'follows.target.plan': 'news of the action plan “{name}”',
    'follows.target.plan_item': 'news of the action “{name}”',
    'follows.email.confirm.subject': 'Confirm following: {target}',
    'follows.email.confirm.body':
      'Someone (we hope you) asked to follow with this address: {target}. To confirm, open the link and press the button:',
    'follows.email.confirm.ignore':
      'If it was not you, do nothing: no emails will come and the request is deleted after 7 days.',
    'follows.email.news.subject': 'News: {target}',
    'follows.email.news.intro': 'New since the last email ({target}):',
    'follows.email.news.event': '• {title}, {when}: {url}',
    'follows.email.news.update': '• {item} ({date}): {change} {url}',
    'follows.email.news.status': 'status: {status}',
    'follows.email.news.progress': 'progress {progress}%',
    'follows.email.news.dueMoved': 'new due date {due}',
    'follows.email.news.dueMovedFrom': 'new due date {due} (was {from})',
    'follows.email.news.dueRemoved': 'due date removed',
    'follows.email.news.report': 'a new progress report',
    'follows.email.unsubscribe': 'To stop these emails: {url}',
    'follows.privacy':
      'If you follow something by email, we keep your address, language, what you follow and how often until you stop (every email has the link for that; the address is deleted at once). An unconfirmed request is deleted after 7 days. Answers to an event’s registration questions are seen only by its organizers and are deleted with the registration’s personal data, {days} days after the event ends. Feedback after an event is anonymous: organizers see the answers without names, and the feedback link works for 30 days. When the registration’s data is deleted, the answer stays but is linked to nobody. Only the number of answers and the average rating can be made public.',
  },
  {
    'follows.form.title': 'Следить по электронной почте',
    'follows.form.municipality': 'Сообщать мне, когда {name} добавит новое мероприятие.',
    'follows.form.plan':
      'Сообщать мне о новостях по мероприятиям плана (ход работ, перенос срока, завершение).',
    'follows.form.item': 'За чем следить',
    'follows.form.wholePlan': 'весь план действий',
    'follows.form.series':
      'Сообщать мне, когда будет опубликовано следующее мероприятие этой серии.',
    'follows.form.email': 'Эл. почта',
    'follows.form.frequency': 'Как часто',
    'follows.frequency.immediate': 'сразу',
    'follows.frequency.weekly': 'раз в неделю, сводкой',
    'follows.form.submit': 'Следить',
    'follows.form.hint':
      'Мы отправим на этот адрес ссылку для подтверждения. Учётная запись не нужна; отписаться можно одним щелчком из любого письма.',
    'follows.error.target':
      'Выберите одно: самоуправление, серию, план действий или его мероприятие.',
    'follows.error.unknown': 'Не найдено.',
    'follows.sent.title': 'Проверьте почту',
    'follows.sent.body':
      'Если адрес указан верно, на него придёт письмо со ссылкой для подтверждения. До подтверждения писем не будет; неподтверждённый запрос удаляется через 7 дней.',
    'follows.confirm.title': 'Подтвердите подписку',
    'follows.confirm.body': 'Вы хотите получать письма о следующем: {target}?',
    'follows.confirm.button': 'Да, подтверждаю',
    'follows.confirm.done':
      'Подтверждено. Письма будут приходить на адрес, на который была отправлена ссылка; в каждом есть ссылка для отписки.',
    'follows.confirm.expired':
      'Эта ссылка для подтверждения больше не действует. Вы можете подписаться снова.',
    'follows.unsubscribe.title': 'Отписаться',
    'follows.unsubscribe.ask': 'Прекратить письма о следующем: {target}?',
    'follows.unsubscribe.button': 'Да, прекратить письма',
    'follows.unsubscribe.done': 'Готово. Писем об этом больше не будет, адрес удалён.',
    'follows.target.municipality': 'новые мероприятия: {name}',
    'follows.target.series': 'следующие мероприятия серии «{name}»',
    'follows.target.plan': 'новости плана действий «{name}»',
    'follows.target.plan_item': 'новости мероприятия плана «{name}»',
    'follows.email.confirm.subject': 'Подтвердите подписку: {target}',
    'follows.email.confirm.body':
      'Кто-то (надеемся, вы) подписался с этим адресом: {target}. Чтобы подтвердить, откройте ссылку и нажмите кнопку:',
    'follows.email.confirm.ignore':
      'Если это были не вы, ничего не делайте: писем не будет, а запрос удалится через 7 дней.',
    'follows.email.news.subject': 'Новости: {target}',
    'follows.email.news.intro': 'Новое с прошлого письма ({target}):',
    'follows.email.news.event': '• {title}, {when}: {url}',
    'follows.email.news.update': '• {item} ({date}): {change} {url}',
    'follows.email.news.status': 'статус: {status}',
    'follows.email.news.progress': 'выполнено {progress}%',
    'follows.email.news.dueMoved': 'новый срок {due}',
    'follows.email.news.dueMovedFrom': 'новый срок {due} (был {from})',
    'follows.email.news.dueRemoved': 'срок снят',
    'follows.email.news.report': 'новый отчёт о ходе работ',
    'follows.email.unsubscribe': 'Чтобы отписаться: {url}',
    'follows.privacy':
      'Если вы следите за чем-либо по электронной почте, мы храним ваш адрес, язык, выбранную тему и частоту писем, пока вы не отпишетесь (ссылка для этого есть в каждом письме; адрес удаляется сразу). Неподтверждённый запрос удаляется через 7 дней. Ответы на вопросы при регистрации видят только организаторы мероприятия; они удаляются вместе с персональными данными регистрации через {days, plural, one {# день} few {# дня} many {# дней} other {# дня}} после окончания мероприятия. Отзыв после мероприятия анонимен: организаторы видят ответы без имён, а ссылка для отзыва действует 30 дней. Когда данные регистрации удаляются, ответ остаётся, но больше ни с кем не связан. Опубликовать можно только число ответов и среднюю оценку.',
  },
);

declare module '@/platform/i18n' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- adds these keys to the catalogue
  interface Messages extends Record<keyof typeof followMessages.et, string> {}
}
