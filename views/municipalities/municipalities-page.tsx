import { Layout, type PageContext } from '@views/shell/layout';

export type MunicipalityListItem = {
  slug: string;
  name: string;
  kind: 'city' | 'parish' | 'county' | 'other';
};

export function MunicipalitiesPage(
  props: PageContext & { municipalities: MunicipalityListItem[] },
) {
  const { t } = props;
  return (
    <Layout {...props} title={t('municipalities.title')} canonicalPath="/municipalities">
      <h1>{t('municipalities.title')}</h1>
      <ul class="cards">
        {props.municipalities.map((m) => (
          <li class="card">
            <h2>
              <a href={`/municipalities/${m.slug}`}>{m.name}</a>
            </h2>
            <p class="meta">{t(`municipality.kind.${m.kind}`)}</p>
          </li>
        ))}
      </ul>
    </Layout>
  );
}
