import type { Child } from 'hono/jsx';
import type { EventSummary } from '@/events';
import { EventCard } from '@/events';
import { Layout, type PageContext } from '@views/shell/layout';

export type MunicipalityPageProps = PageContext & {
  municipality: {
    slug: string;
    name: string;
    kind: 'city' | 'parish' | 'county' | 'other';
    website: string | null;
  };
  upcoming: EventSummary[];
  past: EventSummary[];
  /** Sections other features contribute: the action plan, calendar feed links. */
  plan?: Child;
  feeds?: Child;
  /** Following its new events by email (src/follows). */
  follow?: Child;
  /** The oEmbed address for the head, and the embed snippets (src/embeds). */
  oembed?: string;
  embed?: Child;
};

export function MunicipalityPage(props: MunicipalityPageProps) {
  const { t, municipality } = props;
  const list = (events: EventSummary[]) =>
    events.length > 0 ? (
      <ul class="cards">
        {events.map((event) => (
          <EventCard event={event} ctx={props} />
        ))}
      </ul>
    ) : (
      <p>{t('municipality.noEvents')}</p>
    );
  return (
    <Layout
      {...props}
      title={municipality.name}
      canonicalPath={`/municipalities/${municipality.slug}`}
    >
      <h1>{municipality.name}</h1>
      <p class="meta">
        {t(`municipality.kind.${municipality.kind}`)}
        {municipality.website ? (
          <>
            {' · '}
            <a href={municipality.website} rel="noopener">
              {t('municipality.website')}
            </a>
          </>
        ) : null}
      </p>
      {props.plan}
      <section aria-labelledby="upcoming">
        <h2 id="upcoming">{t('municipality.upcoming')}</h2>
        {list(props.upcoming)}
      </section>
      <section aria-labelledby="past">
        <h2 id="past">{t('municipality.past')}</h2>
        {list(props.past)}
      </section>
      {props.feeds}
      {props.follow}
      {props.embed}
    </Layout>
  );
}
