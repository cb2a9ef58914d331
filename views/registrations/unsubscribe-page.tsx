import { Layout, type PageContext } from '@views/shell/layout';

/** Stopping organizers' messages for one registration: a confirmation button, then the outcome. */
export function UnsubscribePage(
  props: PageContext & { token: string; eventTitle: string; state: 'ask' | 'done' },
) {
  const { t } = props;
  const title = props.eventTitle;
  return (
    <Layout {...props} title={t('registration.unsubscribe.title')}>
      <h1>{t('registration.unsubscribe.title')}</h1>
      {props.state === 'done' ? (
        <p class="notice" role="status">
          {t('registration.unsubscribe.done', { title })}
        </p>
      ) : (
        <>
          <p>{t('registration.unsubscribe.explain', { title })}</p>
          <form method="post" action={`/messages/${encodeURIComponent(props.token)}/unsubscribe`}>
            <button type="submit" class="button">
              {t('registration.unsubscribe.confirm')}
            </button>
          </form>
        </>
      )}
    </Layout>
  );
}
