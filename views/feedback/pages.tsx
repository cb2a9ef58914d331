import type { CurrentUser } from '@/platform/auth/auth';
import type { FormProblems } from '@/platform/http/forms';
import type { Translate } from '@/platform/i18n';
import type { FeedbackAnswer } from '@/feedback/rules';
import { AdminLayout } from '@views/shell/admin-layout';
import { ErrorSummary, FieldMessages, fieldId, invalidAttrs } from '@views/shell/form';
import { Layout, type PageContext } from '@views/shell/layout';

export type FeedbackValues = {
  rating?: string;
  good?: string;
  improve?: string;
  comeAgain?: string;
};

/** The feedback form of one link (no JavaScript): 1–5, what was good, what to improve, again? */
export function FeedbackFormPage(
  props: PageContext & {
    token: string;
    title: string;
    values: FeedbackValues;
    saved: boolean;
    problems?: FormProblems;
  },
) {
  const { t, values } = props;
  const errors = props.problems?.errors ?? {};
  return (
    <Layout {...props} title={t('feedback.title', { title: props.title })}>
      <h1>{t('feedback.title', { title: props.title })}</h1>
      {/* Once answered the thanks replace the introduction: the rating stays in the first screen. */}
      {props.saved ? <p class="notice">{t('feedback.thanks')}</p> : <p>{t('feedback.intro')}</p>}
      <form method="post" action={`/feedback/${props.token}`}>
        <ErrorSummary
          t={t}
          errors={errors}
          general={props.problems?.general}
          labels={{ rating: t('feedback.rating') }}
        />
        <fieldset {...invalidAttrs('rating', errors)}>
          <legend>{t('feedback.rating')}</legend>
          <p class="hint">{t('feedback.rating.hint')}</p>
          <FieldMessages field="rating" errors={errors} />
          {['1', '2', '3', '4', '5'].map((value, index) => (
            <label class="choice">
              <input
                id={index === 0 ? fieldId('rating') : undefined}
                type="radio"
                name="rating"
                value={value}
                checked={values.rating === value}
                required
              />{' '}
              {value}
            </label>
          ))}
        </fieldset>
        <div class="field">
          <label for={fieldId('good')}>{t('feedback.good')}</label>
          <FieldMessages field="good" errors={errors} />
          <textarea id={fieldId('good')} name="good" maxlength={2000} rows={3}>
            {values.good ?? ''}
          </textarea>
        </div>
        <div class="field">
          <label for={fieldId('improve')}>{t('feedback.improve')}</label>
          <FieldMessages field="improve" errors={errors} />
          <textarea id={fieldId('improve')} name="improve" maxlength={2000} rows={3}>
            {values.improve ?? ''}
          </textarea>
        </div>
        <fieldset>
          <legend>{t('feedback.comeAgain')}</legend>
          {(['yes', 'no'] as const).map((value) => (
            <label class="choice">
              <input
                type="radio"
                name="comeAgain"
                value={value}
                checked={values.comeAgain === value}
              />{' '}
              {t(`feedback.${value}`)}
            </label>
          ))}
        </fieldset>
        <p>
          <button type="submit">{t('feedback.submit')}</button>
        </p>
      </form>
    </Layout>
  );
}

/** The published summary on the event page: the number of answers and the mean rating. */
export function FeedbackSummaryLine(props: {
  t: Translate;
  lang: string;
  count: number;
  averageRating: number | null;
}) {
  if (props.count === 0 || props.averageRating === null) return null;
  return (
    <p class="feedback-summary" data-feedback-summary="">
      {props.t('feedback.public', {
        count: props.count,
        average: props.averageRating.toLocaleString(props.lang, { minimumFractionDigits: 1 }),
      })}
    </p>
  );
}

/** The organizers' page: counts, the mean, every answer without a name, and publishing. */
export function FeedbackAdminPage(
  props: PageContext & {
    user: CurrentUser;
    event: { slug: string; title: string; feedbackPublishedAt: Date | null };
    sent: number;
    answers: FeedbackAnswer[];
    summary: { count: number; averageRating: number | null };
  },
) {
  const { t, event, answers, summary } = props;
  const again = answers.filter((a) => a.comeAgain === true).length;
  const notAgain = answers.filter((a) => a.comeAgain === false).length;
  return (
    <AdminLayout {...props} title={t('feedback.admin.title', { title: event.title })}>
      <h1>{t('feedback.admin.title', { title: event.title })}</h1>
      <p>
        <a href={`/admin/events/${event.slug}`}>{event.title}</a>
      </p>
      {props.sent === 0 ? <p>{t('feedback.admin.notSent')}</p> : null}
      <p data-feedback-counts="">
        {t('feedback.admin.summary', { count: summary.count, sent: props.sent })}
      </p>
      {summary.averageRating !== null ? (
        <p>
          {t('feedback.admin.average', {
            average: summary.averageRating.toLocaleString(props.lang, { minimumFractionDigits: 1 }),
          })}
        </p>
      ) : null}
      {answers.length > 0 ? (
        <p>{t('feedback.admin.comeAgain', { yes: again, no: notAgain })}</p>
      ) : null}
      {event.feedbackPublishedAt ? <p class="notice">{t('feedback.admin.published')}</p> : null}
      {summary.count > 0 || event.feedbackPublishedAt ? (
        <form method="post" action={`/admin/events/${event.slug}/feedback/publish`}>
          <input type="hidden" name="published" value={event.feedbackPublishedAt ? 'no' : 'yes'} />
          <button type="submit">
            {event.feedbackPublishedAt
              ? t('feedback.admin.unpublish')
              : t('feedback.admin.publish')}
          </button>
        </form>
      ) : null}
      <h2>{t('feedback.admin.answers')}</h2>
      {answers.length === 0 ? (
        <p>{t('feedback.admin.noAnswers')}</p>
      ) : (
        <ul class="feedback-answers">
          {answers.map((answer) => (
            <li>
              <strong>{answer.rating} / 5</strong>
              {answer.comeAgain === null
                ? null
                : ` · ${t('feedback.comeAgain')} ${t(answer.comeAgain ? 'feedback.yes' : 'feedback.no')}`}
              {answer.good ? (
                <p>
                  {t('feedback.good')}: {answer.good}
                </p>
              ) : null}
              {answer.improve ? (
                <p>
                  {t('feedback.improve')}: {answer.improve}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </AdminLayout>
  );
}
