import { Layout, type PageContext } from '@views/shell/layout';

/** Stopping a personal calendar feed: a confirmation button, then the outcome. */
export function RevokeFeedPage(props: PageContext & { token: string; state: 'ask' | 'done' }) {
  const { t } = props;
  return (
    <Layout {...props} title={t('calendar.revoke.title')}>
      <h1>{t('calendar.revoke.title')}</h1>
      {props.state === 'done' ? (
        <p class="notice" role="status">
          {t('calendar.revoke.done')}
        </p>
      ) : (
        <>
          <p>{t('calendar.revoke.explain')}</p>
          <form method="post" action={`/feeds/${encodeURIComponent(props.token)}/revoke`}>
            <button type="submit" class="button danger">
              {t('calendar.revoke.confirm')}
            </button>
          </form>
        </>
      )}
    </Layout>
  );
}
