import { catalogues } from '@/messages';
import { languages, locales, type Lang, type MessageKey } from '@/platform/i18n';
import { formatDay } from '@/platform/time';

/**
 * Served as /embed/frame.js by every embed page (an external script: the pages' CSP allows no
 * inline one). It tells the page that frames it how tall its content is, whenever that changes,
 * so /embed.js on the host page can fit the frame, and again when /embed.js asks (it may have
 * started after the first report). The height is no secret: any origin may hear it.
 *
 * WordPress pastes an oEmbed answer of another site as the iframe alone, sandboxed, with a
 * `#?secret=…` on its address and its own script on the page (wp-embed), which fits a frame that
 * posts `{message: 'height', value, secret}` and opens in the top window a link the frame posts
 * as `{message: 'link', value, secret}` (the sandbox opens no new tab). Given such a secret, the
 * frame speaks that too.
 */
export const frameScript = `(() => {
  if (window.parent === window) return;
  const secret = (/[#&?]secret=([0-9A-Za-z]{1,64})/.exec(location.hash) || [])[1];
  let last = 0;
  const report = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: 'koda:height', height }, '*');
    if (secret) window.parent.postMessage({ message: 'height', value: height, secret }, '*');
  };
  // Observe the body (the root element's box may not change when content grows past the
  // frame); the observer is kept on the document so it lives as long as the page.
  const start = () => {
    if ('ResizeObserver' in window) {
      document.kodaHeight = new ResizeObserver(report);
      document.kodaHeight.observe(document.body);
    }
    report();
  };
  if (document.body) start();
  else document.addEventListener('DOMContentLoaded', start);
  window.addEventListener('load', report);
  // /embed.js on the host page may start after this page reported: it asks again.
  window.addEventListener('message', (event) => {
    if (event.source !== window.parent || !event.data || event.data.type !== 'koda:measure') return;
    last = 0;
    report();
  });
  // Sandboxed by WordPress (an opaque origin, no new tabs): the host opens the link instead.
  if (secret && window.origin === 'null') {
    document.addEventListener('click', (event) => {
      const link = event.target.closest && event.target.closest('a[href]');
      if (!link) return;
      event.preventDefault();
      window.parent.postMessage({ message: 'link', value: link.href, secret }, '*');
    });
  }
})();
`;

/**
 * The strings /embed.js needs, in every language: the embeds' own and the site's words for kinds,
 * statuses and counts (the same as the frames and pages say), short names on the client.
 */
function componentStrings(): Record<Lang, Record<string, string>> {
  const keys = (Object.keys(catalogues.et) as MessageKey[]).filter(
    (key) =>
      /^embeds\.(events|event|js)\./.test(key) ||
      /^(event\.kind|plans\.status)\./.test(key) ||
      ['embeds.newTab', 'event.hostedBy', 'plan.progress', 'plans.summary.overdue'].includes(key),
  );
  const short = (key: string) =>
    key
      .replace(/^embeds\.(js\.|events\.)?/, '')
      .replace(/^event\.kind\./, 'kind.')
      .replace(/^plans\.status\./, 'status.')
      .replace(/^plans\.summary\./, '');
  return Object.fromEntries(
    languages.map((lang) => [
      lang,
      Object.fromEntries(keys.map((key) => [short(key), catalogues[lang][key]])),
    ]),
  ) as Record<Lang, Record<string, string>>;
}

/**
 * The words a date is said with, per language, taken from the pages' own phrasing (formatDay in
 * src/platform/time): weekdays Monday first ("teisipäeval", "во вторник", "Tuesday") and months
 * ("detsembril", "декабря", "December").
 */
function dateWords(): Record<Lang, { w: string[]; m: string[] }> {
  const utc = (month: number, day: number) => new Date(Date.UTC(2026, month, day, 12));
  return Object.fromEntries(
    languages.map((lang) => {
      // 5 January 2026 is a Monday; 15 of each month, in its own year, is written without a year.
      const w = [0, 1, 2, 3, 4, 5, 6].map((i) => {
        const day = utc(0, 5 + i);
        const text = formatDay(day, 'UTC', lang, { now: day });
        return lang === 'en' ? text.split(' ')[0]! : text.split(', ')[0]!;
      });
      const m = [...Array(12).keys()].map((month) => {
        const day = utc(month, 15);
        return formatDay(day, 'UTC', lang, { weekday: false, now: day }).replace(/^15\.? /, '');
      });
      return [lang, { w, m }];
    }),
  ) as Record<Lang, { w: string[]; m: string[] }>;
}

/**
 * The client's `when(startIso, endIso, zone, lang, now)`: an event's time as the pages say it
 * (formatWhen in src/platform/time, the year left out in `now`'s year), from the browser's Intl
 * (the zone's calendar day and clock) and the words of dateWords(). An expression, so a test
 * can evaluate it and compare it with formatWhen.
 */
export function whenSource(): string {
  return String.raw`((WORDS) => (start, end, zone, lang, now) => {
  const at = (date) => {
    const p = {};
    for (const part of new Intl.DateTimeFormat('en-US', { timeZone: zone, year: 'numeric',
      month: 'numeric', day: 'numeric', weekday: 'short', hour: '2-digit', minute: '2-digit',
      hourCycle: 'h23' }).formatToParts(new Date(date))) p[part.type] = part.value;
    return { y: +p.year, m: +p.month, d: +p.day, w: 'MonTueWedThuFriSatSun'.indexOf(p.weekday) / 3,
      c: p.hour + (lang === 'et' ? '.' : ':') + p.minute };
  };
  const words = WORDS[lang];
  const day = (x, thisYear) => {
    const year = x.y === thisYear ? '' : ' ' + x.y;
    const weekday = words.w[x.w];
    const month = words.m[x.m - 1];
    if (lang === 'et') return weekday + ', ' + x.d + '. ' + month + year;
    if (lang === 'ru') return weekday + ', ' + x.d + ' ' + month + (year && year + ' г.');
    return weekday + ' ' + x.d + ' ' + month + year;
  };
  const a = at(start);
  const b = at(end);
  const y = at(now).y;
  const sep = lang === 'et' ? ' kell ' : ', ';
  if (a.y === b.y && a.m === b.m && a.d === b.d) return day(a, y) + sep + a.c + '–' + b.c;
  return day(a, a.y === b.y ? b.y : y) + sep + a.c + ' – ' + day(b, y) + sep + b.c;
})(${JSON.stringify(dateWords())})`;
}

/** The component's stylesheet; `:host([theme])` paints the theme's colours like the frames. */
const COMPONENT_CSS = [
  ':host{display:block;font:inherit;color:inherit}',
  ':host([theme=light]){color:#16202b;background:#fff;color-scheme:light;--l:#0a58a8;padding:.75em 1em}',
  ':host([theme=dark]){color:#eef2f6;background:#121a22;color-scheme:dark;--l:#8cc4ff;padding:.75em 1em}',
  'ul{list-style:none;margin:0;padding:0}',
  'li{padding:.6em 0;border-top:1px solid color-mix(in srgb,currentColor 25%,transparent)}',
  'li:first-child{border-top:0}',
  'h2{font-size:1.2em;margin:0 0 .4em}h3{font-size:1em;margin:0}p{margin:.2em 0}',
  '.meta{font-size:.9em}.notice{font-weight:600}',
  // Without a theme the host's colours show through: links in its text colour, underlined
  // (LinkText, a dark blue, is unreadable on a dark host page).
  'a{color:var(--l,inherit);text-decoration:underline}',
  '.actions{display:flex;flex-wrap:wrap;gap:.5em 1em;align-items:center;margin-top:.5em}',
  '.button{display:inline-block;padding:.35em .9em;border:2px solid;border-radius:.375em;font-weight:600;text-decoration:none}',
  'progress{width:100%}',
  '.vh{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}',
].join('');

/**
 * Served as /embed.js. Defines `<koda-events>`, `<koda-event>` and `<koda-plan>`: each renders,
 * in its shadow root, what the public JSON API answers (CORS), with real lists, headings and
 * link text, its links opening Koda in a new tab; `theme="light|dark"` and `accent="RRGGBB"` as
 * the frames take them. While loading, and if Koda does not answer, the element's own content (a
 * plain link, all a reader without JavaScript sees) stays visible through a slot.
 * It also fits Koda's iframes on the host page to the height they report (only messages from
 * Koda's origin, only to the frame that sent them, never taller than a frame's
 * `data-koda-max-height`). Included twice, it does nothing the second time.
 */
export function componentScript(): string {
  return String.raw`(() => {
  if (window.customElements.get('koda-events')) return;
  const script = document.currentScript;
  const koda = new URL(script ? script.src : location.href).origin;
  const STRINGS = ${JSON.stringify(componentStrings()).replace(/</g, '\\u003c')};
  const LOCALES = ${JSON.stringify(locales)};
  const CSS = ${JSON.stringify(COMPONENT_CSS)};
  const when = ${whenSource()};

  const langOf = (el) => {
    const wanted = (el.getAttribute('lang') || document.documentElement.lang || 'et').slice(0, 2);
    return wanted === 'en' || wanted === 'ru' ? wanted : 'et';
  };
  // {name} and {count, plural, one {# …} other {# …}} as the catalogues write them.
  const say = (lang, key, params) =>
    (STRINGS[lang][key] || key).replace(/\{(\w+)(?:, *plural, *((?:[^{}]|\{[^{}]*\})*))?\}/g,
      (whole, name, forms) => {
        if (!params || !(name in params)) return whole;
        if (forms === undefined) return String(params[name]);
        const count = Number(params[name]);
        const form = {};
        forms.replace(/(=?\w+) *\{([^{}]*)\}/g, (all, rule, text) => { form[rule] = text; });
        const chosen = form['=' + count] ?? form[new Intl.PluralRules(LOCALES[lang]).select(count)] ?? form.other ?? '';
        return chosen.replace(/#/g, new Intl.NumberFormat(LOCALES[lang]).format(count));
      });
  const h = (tag, attrs, ...children) => {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value !== null && value !== undefined) node.setAttribute(name, String(value));
    }
    for (const child of children) {
      if (child !== null && child !== undefined && child !== false) node.append(child);
    }
    return node;
  };
  // A text of the API in the reader's language where translated, else the original marked with
  // its language (read right by screen readers, hyphenated right).
  const text = (row, field, lang, value) => {
    const shown = (row.translations || {})[field]?.[lang] ? lang : row.originalLang || lang;
    return shown === lang ? value : h('span', { lang: shown }, value);
  };
  // A Koda page in the reader's language, in a new tab, and saying so to screen readers.
  const link = (lang, href, text, attrs) => {
    const url = new URL(href, koda);
    url.searchParams.set('lang', lang);
    return h('a', { href: url.href, target: '_blank', rel: 'noopener', ...attrs }, text, ' ',
      h('span', { class: 'vh' }, say(lang, 'newTab')));
  };
  // The host's colour for borders, the button and the bar; its text black or white (WCAG).
  const accentCss = (raw) => {
    const match = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec((raw || '').trim());
    if (!match) return '';
    const hex = match[1].length === 3 ? match[1].replace(/./g, '$&$&') : match[1];
    const l = [0, 2, 4].map((at) => {
      const v = parseInt(hex.slice(at, at + 2), 16) / 255;
      return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    }).reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
    const ink = (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? '#000' : '#fff';
    return 'li,article{border-left:4px solid #' + hex + ';padding-left:.75em}' +
      '.button{background:#' + hex + ';border-color:#' + hex + ';color:' + ink + '}' +
      'progress{accent-color:#' + hex + '}';
  };

  // The language as Accept-Language (no ?lang=, which Koda would remember in a cookie).
  const getJson = (path, lang) => fetch(new URL(path, koda), {
    headers: { Accept: 'application/json', 'Accept-Language': lang }, credentials: 'omit' })
    .then((response) => {
      if (!response.ok) throw new Error(String(response.status));
      return response.json();
    });

  class KodaElement extends HTMLElement {
    connectedCallback() {
      if (this.shadowRoot) return;
      const root = this.attachShadow({ mode: 'open' });
      if ('adoptedStyleSheets' in root && 'replaceSync' in CSSStyleSheet.prototype) {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(CSS + accentCss(this.getAttribute('accent')));
        root.adoptedStyleSheets = [sheet];
      }
      // The element's own content (the plain link) shows until Koda answers, and if it does not.
      root.append(h('slot'));
      this.setAttribute('aria-busy', 'true');
      const lang = langOf(this);
      const path = this.path();
      (path ? this.load(path, lang) : Promise.reject(new Error('attribute')))
        .then((data) => {
          root.replaceChildren(this.render(data, lang));
          this.dispatchEvent(new CustomEvent('koda-rendered', { bubbles: true }));
        })
        .catch(() => {
          root.append(h('p', { class: 'meta' }, say(lang, 'failed')));
        })
        .finally(() => this.removeAttribute('aria-busy'));
    }
    load(path, lang) {
      return getJson(path, lang);
    }
  }

  const time = (event, lang) => h('time', { datetime: event.startsAt },
    when(event.startsAt, event.endsAt, event.timezone, lang, new Date()));

  class KodaEvents extends KodaElement {
    path() {
      const query = new URLSearchParams({ when: 'upcoming' });
      const limit = Number(this.getAttribute('limit') || 5);
      query.set('perPage', String(Number.isInteger(limit) && limit >= 1 && limit <= 20 ? limit : 5));
      for (const name of ['municipality', 'kind']) {
        const value = (this.getAttribute(name) || '').trim();
        if (value) query.set(name, value);
      }
      return '/api/v1/events?' + query;
    }
    // A typo in the municipality attribute is said, as the frame says it, not shown as an
    // empty list: the names Koda does not have, as the host wrote them.
    load(path, lang) {
      const written = [...new Set((this.getAttribute('municipality') || '').split(',')
        .map((name) => name.trim()).filter(Boolean))].slice(0, 20);
      return Promise.all([
        getJson(path, lang),
        written.length ? getJson('/api/v1/municipalities', lang) : [],
      ]).then(([data, known]) => {
        const slugs = new Set(known.map((municipality) => municipality.slug));
        const has = (name) => slugs.has(name.toLowerCase());
        return { ...data, known: written.filter(has), unknown: written.filter((name) => !has(name)) };
      });
    }
    render(data, lang) {
      const section = h('section', {}, h('h2', {}, say(lang, 'title')));
      for (const name of data.unknown) {
        section.append(h('p', { class: 'notice', role: 'alert' },
          say(lang, 'unknownMunicipality', { name: name.slice(0, 100) })));
      }
      if (data.items.length > 0) {
        section.append(h('ul', {}, ...data.items.map((event) => h('li', {},
          h('h3', {}, link(lang, event.url, text(event, 'title', lang, event.title))),
          h('p', { class: 'meta' }, say(lang, 'kind.' + event.kind), ' · ', time(event, lang)),
          event.venueName ? h('p', { class: 'meta' }, text(event, 'venueName', lang, event.venueName)) : null,
        ))));
      } else if (data.unknown.length === 0) {
        section.append(h('p', {}, say(lang, 'none')));
      }
      const more = new URL('/events', koda);
      if (data.known.length) more.searchParams.set('municipality', data.known.join(','));
      section.append(h('p', {}, link(lang, more.href, say(lang, 'all'))));
      return section;
    }
  }

  class KodaEvent extends KodaElement {
    path() {
      const slug = (this.getAttribute('slug') || '').trim();
      return /^[a-z0-9-]{1,200}$/.test(slug) ? '/api/v1/events/' + slug : null;
    }
    render(event, lang) {
      const past = new Date(event.endsAt) <= new Date();
      const cancelled = event.status === 'cancelled';
      const seats = event.seats && event.seats.available;
      const full = !cancelled && !past && typeof seats === 'number' && seats <= 0;
      return h('article', {},
        h('p', { class: 'meta' }, say(lang, 'kind.' + event.kind)),
        h('h2', {}, link(lang, event.url, text(event, 'title', lang, event.title))),
        h('p', {}, time(event, lang)),
        event.venue ? h('p', { class: 'meta' }, text(event, 'venueName', lang, event.venue.name)) : null,
        event.hosts.length > 0 ? h('p', { class: 'meta' },
          say(lang, 'event.hostedBy', { hosts: event.hosts.map((host) => host.name).join(', ') })) : null,
        event.summary ? h('p', {}, text(event, 'summary', lang, event.summary)) : null,
        cancelled ? h('p', {}, say(lang, 'event.cancelled')) : past ? h('p', {}, say(lang, 'event.past')) : null,
        !cancelled && !past && typeof seats === 'number' ? h('p', { class: 'meta' },
          seats > 0 ? say(lang, 'event.seatsLeft', { count: seats })
            : say(lang, event.waitlist ? 'event.fullWaitlist' : 'event.full')) : null,
        h('p', { class: 'actions' },
          // Full: the waitlist when there is one, else nothing to register for in person.
          event.registration && event.registration.state === 'open' && !(full && !event.waitlist)
            ? link(lang, event.url + '#registration',
              say(lang, full ? 'event.joinWaitlist' : 'event.register'), { class: 'button' }) : null,
          link(lang, event.url, say(lang, 'event.details'))),
      );
    }
  }

  class KodaPlan extends KodaElement {
    path() {
      const id = (this.getAttribute('plan') || '').trim();
      return /^[1-9][0-9]{0,9}$/.test(id) ? '/api/v1/plans/' + id : null;
    }
    render(plan, lang) {
      const progress = plan.progress;
      const done = say(lang, 'plan.progress', { done: progress.done, total: progress.total });
      return h('section', {},
        h('h2', {}, link(lang, plan.url, text(plan, 'title', lang, plan.title))),
        h('p', { class: 'meta' }, plan.municipality.name),
        h('p', {}, done, progress.overdue > 0 ? ' · ' + say(lang, 'overdue', { count: progress.overdue }) : ''),
        h('progress', { max: 100, value: progress.donePercent, 'aria-label': done }),
        h('ul', {}, ...plan.items.map((item) => h('li', {},
          h('h3', {}, text(item, 'title', lang, item.title)),
          h('p', { class: 'meta' }, say(lang, 'status.' + item.status), ' · ', item.progress + '%'),
        ))),
      );
    }
  }

  window.customElements.define('koda-events', KodaEvents);
  window.customElements.define('koda-event', KodaEvent);
  window.customElements.define('koda-plan', KodaPlan);

  // Koda's frames on this page report their height; fit the one that spoke.
  window.addEventListener('message', (event) => {
    if (event.origin !== koda) return;
    const data = event.data;
    if (!data || data.type !== 'koda:height' || typeof data.height !== 'number') return;
    for (const frame of document.querySelectorAll('iframe')) {
      if (frame.contentWindow === event.source) {
        const max = Number(frame.getAttribute('data-koda-max-height')) || 20000;
        frame.style.height = Math.min(Math.max(40, Math.round(data.height)), max, 20000) + 'px';
      }
    }
  });
  // Frames that reported before this script ran (it may load after them) are asked again; the
  // question carries nothing, so any frame may hear it.
  for (const frame of document.querySelectorAll('iframe')) {
    if (frame.contentWindow) frame.contentWindow.postMessage({ type: 'koda:measure' }, '*');
  }
})();
`;
}
