import { Layout, type PageContext } from '@views/shell/layout';

export function PrivacyPage(props: PageContext & { retentionDays: number }) {
  const { t } = props;
  return (
    <Layout {...props} title={t('privacy.title')} canonicalPath="/privacy">
      <h1>{t('privacy.title')}</h1>
      <p>{t('privacy.body', { days: props.retentionDays })}</p>
      <p>{t('follows.privacy', { days: props.retentionDays })}</p>
    </Layout>
  );
}
