import type { Lang } from '@/platform/i18n';
import { dateBadgeParts, formatDate } from '@/platform/time';

/** A calendar-leaf badge: the day large, the month short, the year when it is not this one. */
export function DateBadge(props: {
  date: Date;
  zone: string;
  lang: Lang;
  /** The year is shown when it differs from now's (and always on past events). */
  now?: Date;
  past?: boolean;
  large?: boolean;
}) {
  const parts = dateBadgeParts(props.date, props.zone, props.lang);
  const showYear =
    props.past ||
    !props.now ||
    dateBadgeParts(props.now, props.zone, props.lang).year !== parts.year;
  const classes = ['date-badge', props.large ? 'large' : '', props.past ? 'past' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <time class={classes} datetime={props.date.toISOString()}>
      <span class="visually-hidden">{formatDate(props.date, props.zone, props.lang)}</span>
      <span class="day" aria-hidden="true">
        {parts.day}
      </span>
      <span class="month" aria-hidden="true">
        {parts.month}
      </span>
      {showYear ? (
        <span class="year" aria-hidden="true">
          {parts.year}
        </span>
      ) : null}
    </time>
  );
}
