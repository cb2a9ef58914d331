import { defineMessages } from '@/platform/i18n/define';

/** Strings of feedback after an event: the email, the form, the organizers' summary. */
export const feedbackMessages = defineMessages(
  {
    'feedback.email.subject': 'Kuidas läks? {title}',
    'feedback.email.body':
      'Aitäh, et osalesite sündmusel „{title}“. Korraldajad soovivad teada, kuidas see läks. Vastamine võtab minuti; vastus on anonüümne.',
    'feedback.email.link': 'Vasta siin (link kehtib 30 päeva): {url}',
    'feedback.email.why':
      'Saite selle kirja, sest registreerusite sellele sündmusele. Teisi tagasiside kirju selle sündmuse kohta ei tule.',
    'feedback.title': 'Tagasiside: {title}',
    'feedback.intro':
      'Teie vastus on anonüümne: korraldajad näevad vastuseid ilma nimedeta, teised osalejad ei näe neid.',
    'feedback.rating': 'Kuidas hindate sündmust?',
    'feedback.rating.hint': '1 – üldse mitte hea, 5 – väga hea',
    'feedback.good': 'Mis oli hea? (valikuline)',
    'feedback.improve': 'Mida teha paremini? (valikuline)',
    'feedback.comeAgain': 'Kas tuleksite uuesti?',
    'feedback.yes': 'Jah',
    'feedback.no': 'Ei',
    'feedback.submit': 'Saada vastus',
    'feedback.thanks': 'Aitäh! Teie vastus on salvestatud. Kuni link kehtib, saate seda muuta.',
    'feedback.expired': 'Selle tagasiside lingi aeg on läbi.',
    'feedback.invalid': 'See tagasiside link ei kehti või on aegunud.',
    'feedback.error.rating': 'Valige hinne 1 kuni 5.',
    'feedback.admin.title': 'Tagasiside: {title}',
    'feedback.admin.nav': 'Tagasiside',
    'feedback.admin.summary':
      '{count, plural, one {# vastus} other {# vastust}} {sent, plural, one {# saadetud kirjale} other {# saadetud kirjale}}',
    'feedback.admin.average': 'Keskmine hinne: {average} / 5',
    'feedback.admin.noAnswers': 'Vastuseid veel ei ole.',
    'feedback.admin.notSent':
      'Tagasiside küsimine saadetakse osalejatele sündmusele järgneval päeval.',
    'feedback.admin.comeAgain': 'Tuleksid uuesti: {yes} · ei: {no}',
    'feedback.admin.answers': 'Vastused',
    'feedback.admin.published':
      'Kokkuvõte (vastuste arv ja keskmine hinne) on sündmuse lehel avalik.',
    'feedback.admin.publish': 'Avalda kokkuvõte sündmuse lehel',
    'feedback.admin.unpublish': 'Eemalda kokkuvõte sündmuse lehelt',
    'feedback.public':
      'Osalejate hinnang: {average} / 5 ({count, plural, one {# vastus} other {# vastust}})',
  },
  {
    'feedback.email.subject': 'How did it go? {title}',
    'feedback.email.body':
      'Thank you for taking part in “{title}”. The organizers would like to know how it went. Answering takes a minute, and it is anonymous.',
    'feedback.email.link': 'Answer here (the link works for 30 days): {url}',
    'feedback.email.why':
      'You got this email because you registered for this event. No other feedback emails about it will follow.',
    'feedback.title': 'Feedback: {title}',
    'feedback.intro':
      'Your answer is anonymous: the organizers see the answers without names, other participants do not see them.',
    'feedback.rating': 'How would you rate the event?',
    'feedback.rating.hint': '1 – not good at all, 5 – very good',
    'feedback.good': 'What was good? (optional)',
    'feedback.improve': 'What could be better? (optional)',
    'feedback.comeAgain': 'Would you come again?',
    'feedback.yes': 'Yes',
    'feedback.no': 'No',
    'feedback.submit': 'Send my answer',
    'feedback.thanks': 'Thank you! Your answer is saved. You can change it while the link works.',
    'feedback.expired': 'This feedback link has expired.',
    'feedback.invalid': 'This feedback link is not valid or has expired.',
    'feedback.error.rating': 'Choose a rating from 1 to 5.',
    'feedback.admin.title': 'Feedback: {title}',
    'feedback.admin.nav': 'Feedback',
    'feedback.admin.summary':
      '{count, plural, one {# answer} other {# answers}} to {sent, plural, one {# email sent} other {# emails sent}}',
    'feedback.admin.average': 'Average rating: {average} / 5',
    'feedback.admin.noAnswers': 'No answers yet.',
    'feedback.admin.notSent': 'Participants are asked for feedback the day after the event.',
    'feedback.admin.comeAgain': 'Would come again: {yes} · would not: {no}',
    'feedback.admin.answers': 'Answers',
    'feedback.admin.published':
      'The summary (number of answers and average rating) is public on the event page.',
    'feedback.admin.publish': 'Publish the summary on the event page',
    'feedback.admin.unpublish': 'Remove the summary from the event page',
    'feedback.public':
      'Participants’ rating: {average} / 5 ({count, plural, one {# answer} other {# answers}})',
  },
  {
    'feedback.email.subject': 'Как всё прошло? {title}',
    'feedback.email.body':
      'Спасибо, что участвовали в мероприятии «{title}». Организаторы хотят узнать, как всё прошло. Ответ займёт минуту и будет анонимным.',
    'feedback.email.link': 'Ответить можно здесь (ссылка действует 30 дней): {url}',
    'feedback.email.why':
      'Вы получили это письмо, потому что зарегистрировались на это мероприятие. Других писем с просьбой об отзыве о нём не будет.',
    'feedback.title': 'Отзыв: {title}',
    'feedback.intro':
      'Ваш ответ анонимен: организаторы видят ответы без имён, другие участники их не видят.',
    'feedback.rating': 'Как вы оцениваете мероприятие?',
    'feedback.rating.hint': '1 – совсем плохо, 5 – очень хорошо',
    'feedback.good': 'Что было хорошо? (необязательно)',
    'feedback.improve': 'Что можно сделать лучше? (необязательно)',
    'feedback.comeAgain': 'Пришли бы вы снова?',
    'feedback.yes': 'Да',
    'feedback.no': 'Нет',
    'feedback.submit': 'Отправить ответ',
    'feedback.thanks': 'Спасибо! Ваш ответ сохранён. Пока ссылка действует, его можно изменить.',
    'feedback.expired': 'Срок действия этой ссылки для отзыва истёк.',
    'feedback.invalid': 'Эта ссылка для отзыва недействительна или срок её действия истёк.',
    'feedback.error.rating': 'Выберите оценку от 1 до 5.',
    'feedback.admin.title': 'Отзывы: {title}',
    'feedback.admin.nav': 'Отзывы',
    'feedback.admin.summary':
      '{count, plural, one {# ответ} few {# ответа} many {# ответов} other {# ответа}} на {sent, plural, one {# отправленное письмо} few {# отправленных письма} many {# отправленных писем} other {# отправленного письма}}',
    'feedback.admin.average': 'Средняя оценка: {average} / 5',
    'feedback.admin.noAnswers': 'Ответов пока нет.',
    'feedback.admin.notSent':
      'Участникам предложат оставить отзыв на следующий день после мероприятия.',
    'feedback.admin.comeAgain': 'Пришли бы снова: {yes} · не пришли бы: {no}',
    'feedback.admin.answers': 'Ответы',
    'feedback.admin.published':
      'Итог (число ответов и средняя оценка) опубликован на странице мероприятия.',
    'feedback.admin.publish': 'Опубликовать итог на странице мероприятия',
    'feedback.admin.unpublish': 'Убрать итог со страницы мероприятия',
    'feedback.public':
      'Оценка участников: {average} / 5 ({count, plural, one {# ответ} few {# ответа} many {# ответов} other {# ответа}})',
  },
);

declare module '@/platform/i18n' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- adds these keys to the catalogue
  interface Messages extends Record<keyof typeof feedbackMessages.et, string> {}
}
