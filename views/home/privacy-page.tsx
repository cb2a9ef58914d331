import { Layout, type PageContext } from '@views/shell/layout';

/** The deployment's controller and contact (config.privacy); unset in a demo. */
export type PrivacySettings = {
  controller: string | undefined;
  contact: { kind: 'email' | 'url'; value: string } | undefined;
};

export function PrivacyPage(
  props: PageContext & { retentionDays: number; privacy: PrivacySettings },
) {
  const { t, privacy } = props;
  const contact = privacy.contact;
  return (
    <Layout {...props} title={t('privacy.title')} canonicalPath="/privacy">
      <h1>{t('privacy.title')}</h1>
      <p>{t('privacy.body', { days: props.retentionDays })}</p>
      <p>{t('follows.privacy', { days: props.retentionDays })}</p>
      <p class="privacy-controller">
        {privacy.controller
          ? t('privacy.controller', { controller: privacy.controller })
          : t('privacy.controllerUnset')}{' '}
        {contact ? (
          <>
            {t('privacy.contact')}{' '}
            <a href={contact.kind === 'email' ? `mailto:${contact.value}` : contact.value}>
              {contact.value}
            </a>
          </>
        ) : (
          t('privacy.contactUnset')
        )}
        {!privacy.controller || !contact ? (
          <>
            {' '}
            {t('privacy.settings')} <code>PRIVACY_CONTROLLER</code>, <code>PRIVACY_CONTACT</code>.
          </>
        ) : null}
      </p>
      <p>{t('privacy.legalBasis')}</p>
    </Layout>
  );
}
