import type { HostRef } from '@/events';
import type { FilterQuery } from '@/search/filters';

export type SearchFiltersProps = {
  /** Where the form goes (/search, /archive); the fields' ids start with `id`. */
  action: string;
  id: string;
  query: FilterQuery;
  facets: { municipalities: HostRef[]; years: number[] };
  kinds: { value: string; label: string }[];
  labels: {
    query: string;
    municipality: string;
    year: string;
    kind: string;
    any: string;
    submit: string;
  };
  /** Said under the words (what a query may hold). */
  hint?: string | undefined;
  /** Focus the words on arrival (the header's search link leads to an empty /search). */
  autofocus?: boolean | undefined;
};

/**
 * The search form of /search and /archive: words, municipality, year and kind, sent by GET, so
 * every result list has its own address and works without JavaScript.
 */
export function SearchFilters(props: SearchFiltersProps) {
  const { id, query, labels } = props;
  return (
    <form method="get" action={props.action} role="search" class="archive-search">
      <p>
        <label for={`${id}-q`}>{labels.query}</label>{' '}
        <input
          id={`${id}-q`}
          type="search"
          name="q"
          value={query.q ?? ''}
          maxlength={200}
          autofocus={props.autofocus ? true : undefined}
          aria-describedby={props.hint ? `${id}-hint` : undefined}
        />
        {props.hint ? (
          <>
            {' '}
            <span id={`${id}-hint`} class="hint">
              {props.hint}
            </span>
          </>
        ) : null}
      </p>
      <p>
        <label for={`${id}-municipality`}>{labels.municipality}</label>{' '}
        <select id={`${id}-municipality`} name="municipality">
          <option value="">{labels.any}</option>
          {props.facets.municipalities.map((m) => (
            <option value={m.slug} selected={m.slug === query.municipality}>
              {m.name}
            </option>
          ))}
        </select>{' '}
        <label for={`${id}-year`}>{labels.year}</label>{' '}
        <select id={`${id}-year`} name="year">
          <option value="">{labels.any}</option>
          {props.facets.years.map((year) => (
            <option value={String(year)} selected={year === query.year}>
              {year}
            </option>
          ))}
        </select>{' '}
        <label for={`${id}-kind`}>{labels.kind}</label>{' '}
        <select id={`${id}-kind`} name="kind">
          <option value="">{labels.any}</option>
          {props.kinds.map((kind) => (
            <option value={kind.value} selected={kind.value === query.kind}>
              {kind.label}
            </option>
          ))}
        </select>{' '}
        <button type="submit">{labels.submit}</button>
      </p>
    </form>
  );
}
