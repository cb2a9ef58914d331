import type { FormProblems } from '@/platform/http/forms';
import type { Lang, Translate } from '@/platform/i18n';
import { followFrequencies } from '@/follows/rules';
import { EmailField } from '@views/shell/email-field';
import { ErrorSummary, fieldId } from '@views/shell/form';
import { Layout, type PageContext } from '@views/shell/layout';

/** What a follow form follows: one hidden field, or (a plan) a choice of the plan or an item. */
export type FollowFormTarget =
  | { kind: 'municipality'; slug: string; name: string }
  | { kind: 'series'; slug: string }
  | {
      kind: 'plan';
      planId: number;
      /** `lang`: the title's language when it is shown untranslated (not the page's). */
      items: { id: number; title: string; lang?: Lang | undefined }[];
    };

/**
 * "Follow by email" on a municipality, event or plan page: an address and how often, posted to
 * /follows (no JavaScript). Nothing is shown about whether the address already follows.
 */
export function FollowForm(props: {
  t: Translate;
  target: FollowFormTarget;
  values?: { email?: string; frequency?: string; planItemId?: string };
  problems?: FormProblems;
}) {
  const { t, target } = props;
  const errors = props.problems?.errors ?? {};
  const values = props.values ?? {};
  const id = (field: string) => fieldId(`follow-${field}`);
  // The address field's id is the form's own: an event page has a registration form's too.
  const { email: emailErrors, ...otherErrors } = errors;
  const summaryErrors = emailErrors ? { 'follow-email': emailErrors, ...otherErrors } : errors;
  return (
    <section class="follow-by-email" aria-labelledby={id('title')}>
      <h2 id={id('title')}>{t('follows.form.title')}</h2>
      <form method="post" action="/follows">
        <ErrorSummary t={t} errors={summaryErrors} general={props.problems?.general} />
        {target.kind === 'municipality' ? (
          <>
            <p>{t('follows.form.municipality', { name: target.name })}</p>
            <input type="hidden" name="municipality" value={target.slug} />
          </>
        ) : null}
        {target.kind === 'series' ? (
          <>
            <p>{t('follows.form.series')}</p>
            <input type="hidden" name="series" value={target.slug} />
          </>
        ) : null}
        {target.kind === 'plan' ? (
          <>
            <p>{t('follows.form.plan')}</p>
            <div class="field">
              <label for={id('item')}>{t('follows.form.item')}</label>
              <select id={id('item')} name="planItemId">
                <option value="">{t('follows.form.wholePlan')}</option>
                {target.items.map((item) => (
                  <option
                    value={String(item.id)}
                    selected={values.planItemId === String(item.id)}
                    lang={item.lang}
                  >
                    {item.title}
                  </option>
                ))}
              </select>
            </div>
            <input type="hidden" name="planId" value={String(target.planId)} />
          </>
        ) : null}
        <EmailField
          id={id('email')}
          label={t('follows.form.email')}
          value={values.email}
          errors={errors}
        />
        <fieldset>
          <legend>{t('follows.form.frequency')}</legend>
          {followFrequencies.map((frequency, index) => (
            <label class="choice">
              <input
                type="radio"
                name="frequency"
                value={frequency}
                checked={(values.frequency ?? 'immediate') === frequency}
                id={index === 0 ? id('frequency') : undefined}
              />{' '}
              {t(`follows.frequency.${frequency}`)}
            </label>
          ))}
        </fieldset>
        <p class="hint">{t('follows.form.hint')}</p>
        <p>
          <button type="submit">{t('follows.form.submit')}</button>
        </p>
      </form>
    </section>
  );
}

/** A refused follow form, on a page of its own (the page it came from is another feature's). */
export function FollowFormPage(
  props: PageContext & {
    target: FollowFormTarget;
    values: { email?: string; frequency?: string; planItemId?: string };
    problems: FormProblems;
  },
) {
  return (
    <Layout {...props} title={props.t('follows.form.title')}>
      <FollowForm
        t={props.t}
        target={props.target}
        values={props.values}
        problems={props.problems}
      />
    </Layout>
  );
}

export function FollowSentPage(props: PageContext) {
  const { t } = props;
  return (
    <Layout {...props} title={t('follows.sent.title')}>
      <h1>{t('follows.sent.title')}</h1>
      <p role="status">{t('follows.sent.body')}</p>
    </Layout>
  );
}

/** The confirmation link's page: a button (a link checker's GET confirms nothing), then done. */
export function FollowConfirmPage(
  props: PageContext & { token: string; target: string; state: 'ask' | 'done' | 'expired' },
) {
  const { t } = props;
  return (
    <Layout {...props} title={t('follows.confirm.title')}>
      <h1>{t('follows.confirm.title')}</h1>
      {props.state === 'done' ? (
        <p class="notice" role="status">
          {t('follows.confirm.done')}
        </p>
      ) : props.state === 'expired' ? (
        <p class="notice">{t('follows.confirm.expired')}</p>
      ) : (
        <>
          <p>{t('follows.confirm.body', { target: props.target })}</p>
          <form method="post" action={`/follows/${encodeURIComponent(props.token)}/confirm`}>
            <button type="submit" class="button">
              {t('follows.confirm.button')}
            </button>
          </form>
        </>
      )}
    </Layout>
  );
}

/** Stopping one follow: GET asks, POST (the button or a mail provider's one-click) stops it. */
export function FollowUnsubscribePage(
  props: PageContext & { token: string; target: string | null; state: 'ask' | 'done' },
) {
  const { t } = props;
  return (
    <Layout {...props} title={t('follows.unsubscribe.title')}>
      <h1>{t('follows.unsubscribe.title')}</h1>
      {props.state === 'done' ? (
        <p class="notice" role="status">
          {t('follows.unsubscribe.done')}
        </p>
      ) : (
        <>
          <p>{t('follows.unsubscribe.ask', { target: props.target ?? '' })}</p>
          <form method="post" action={`/follows/${encodeURIComponent(props.token)}/unsubscribe`}>
            <button type="submit" class="button">
              {t('follows.unsubscribe.button')}
            </button>
          </form>
        </>
      )}
    </Layout>
  );
}
