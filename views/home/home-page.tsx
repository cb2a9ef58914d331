import type { EventSummary } from '@/events';
import { FeedLinks } from '@/calendar';
import { EventCard } from '@/events';
import { HomePlans, type HomePlan } from '@/plans';
import { Layout, type PageContext } from '@views/shell/layout';

export type HomePageProps = PageContext & {
  live: EventSummary[];
  upcoming: EventSummary[];
  recent: EventSummary[];
  /** Adopted action plans with their progress. */
  plans?: HomePlan[];
};

export function HomePage(props: HomePageProps) {
  const { t } = props;
  const list = (items: EventSummary[]) => (
    <ul class="cards">
      {items.map((event) => (
        <EventCard event={event} ctx={props} />
      ))}
    </ul>
  );
  return (
    <Layout {...props} title={t('site.name')} description={t('site.tagline')} canonicalPath="/">
      <h1>{t('home.title')}</h1>
      <p>{t('site.tagline')}</p>
      {props.live.length > 0 ? (
        <section aria-labelledby="live">
          <h2 id="live">{t('home.live')}</h2>
          {list(props.live)}
        </section>
      ) : null}
      <section aria-labelledby="upcoming">
        <h2 id="upcoming">{t('home.upcoming')}</h2>
        {props.upcoming.length > 0 ? list(props.upcoming) : <p>{t('home.noUpcoming')}</p>}
      </section>
      <section aria-labelledby="recent">
        <h2 id="recent">{t('home.recent')}</h2>
        {list(props.recent)}
        <p>
          <a href="/events">{t('home.allEvents')}</a>
        </p>
      </section>
      {props.plans ? <HomePlans ctx={props} plans={props.plans} /> : null}
      <FeedLinks ctx={props} feedPath="/calendar.ics" />
    </Layout>
  );
}
