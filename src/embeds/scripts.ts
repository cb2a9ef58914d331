import { embedsMessages } from './messages';

/**
 * Served as /embed/frame.js by every embed page (an external script: the pages' CSP allows no
 * inline one). It tells the page that frames it how tall its content is, whenever that changes,
 * so /embed.js on the host page can fit the frame, and again when /embed.js asks (it may have
 * started after the first report). The height is no secret: any origin may hear it.
 */
export const frameScript = `(() => {
  if (window.parent === window) return;
  let last = 0;
  const report = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: 'koda:height', height }, '*');
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
})();
`;

/** The strings /embed.js needs, in both languages, from the embeds' catalogue. */
function componentStrings() {
  const pick = (messages: Record<string, string>) =>
    Object.fromEntries(
      Object.entries(messages)
        .filter(([key]) => key.startsWith('embeds.js.') || key.startsWith('embeds.events.'))
        .concat([['embeds.newTab', messages['embeds.newTab']!]])
        .map(([key, value]) => [key.replace(/^embeds\.(js\.|events\.)?/, ''), value]),
    );
  return {
    et: pick(embedsMessages.et),
    ru: pick(embedsMessages.ru),
    en: pick(embedsMessages.en),
  };
}

/**
 * Served as /embed.js. Defines `<koda-events>` and `<koda-plan>`: each renders, in its shadow
 * root, what the public JSON API answers (CORS), with real lists, headings and link text, its
 * links opening Koda in a new tab. While loading, and if Koda does not answer, the element's own
 * content (a plain link, all a reader without JavaScript sees) stays visible through a slot.
 * It also fits Koda's iframes on the host page to the height they report (only messages from
 * Koda's origin, only to the frame that sent them). Included twice, it does nothing the second time.
 */
export function componentScript(): string {
  return `(() => {
  if (window.customElements.get('koda-events')) return;
  const script = document.currentScript;
  const koda = new URL(script ? script.src : location.href).origin;
  const STRINGS = ${JSON.stringify(componentStrings()).replace(/</g, '\\u003c')};
  const CSS = ':host{display:block;font:inherit;color:inherit}ul{list-style:none;margin:0;padding:0}li{padding:.6em 0;border-top:1px solid color-mix(in srgb,currentColor 20%,transparent)}li:first-child{border-top:0}h2{font-size:1.2em;margin:0 0 .4em}h3{font-size:1em;margin:0}p{margin:.2em 0}.meta{opacity:.8;font-size:.9em}a{color:var(--koda-accent,LinkText)}progress{width:100%;accent-color:var(--koda-accent,auto)}.vh{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}';

  const langOf = (el) => {
    const wanted = (el.getAttribute('lang') || document.documentElement.lang || 'et').slice(0, 2);
    return wanted === 'en' || wanted === 'ru' ? wanted : 'et';
  };
  const say = (lang, key, params) =>
    (STRINGS[lang][key] || key).replace(/\\{(\\w+)\\}/g, (whole, name) =>
      params && name in params ? String(params[name]) : whole);
  const h = (tag, attrs, ...children) => {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value !== null && value !== undefined) node.setAttribute(name, String(value));
    }
    for (const child of children) {
      if (child !== null && child !== undefined) node.append(child);
    }
    return node;
  };
  const link = (lang, href, text) =>
    h('a', { href, target: '_blank', rel: 'noopener' }, text, ' ', h('span', { class: 'vh' }, say(lang, 'newTab')));

  class KodaElement extends HTMLElement {
    connectedCallback() {
      if (this.shadowRoot) return;
      const root = this.attachShadow({ mode: 'open' });
      if ('adoptedStyleSheets' in root && 'replaceSync' in CSSStyleSheet.prototype) {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(CSS);
        root.adoptedStyleSheets = [sheet];
      }
      // The element's own content (the plain link) shows until Koda answers, and if it does not.
      const fallback = h('slot');
      root.append(fallback);
      this.setAttribute('aria-busy', 'true');
      const lang = langOf(this);
      fetch(new URL(this.path(lang), koda), { headers: { Accept: 'application/json' }, credentials: 'omit' })
        .then((response) => {
          if (!response.ok) throw new Error(String(response.status));
          return response.json();
        })
        .then((data) => {
          root.replaceChildren(this.render(data, lang));
          this.dispatchEvent(new CustomEvent('koda-rendered', { bubbles: true }));
        })
        .catch(() => {
          root.append(h('p', { class: 'meta' }, say(lang, 'failed')));
        })
        .finally(() => this.removeAttribute('aria-busy'));
    }
  }

  const when = (iso, zone, lang) => {
    try {
      return new Intl.DateTimeFormat({ et: 'et-EE', ru: 'ru-RU', en: 'en-GB' }[lang], {
        dateStyle: 'full', timeStyle: 'short', timeZone: zone,
      }).format(new Date(iso));
    } catch {
      return iso;
    }
  };

  class KodaEvents extends KodaElement {
    path(lang) {
      const query = new URLSearchParams({ when: 'upcoming' });
      const limit = Number(this.getAttribute('limit') || 5);
      query.set('perPage', String(Number.isInteger(limit) && limit >= 1 && limit <= 20 ? limit : 5));
      for (const name of ['municipality', 'kind']) {
        const value = (this.getAttribute(name) || '').trim();
        if (value) query.set(name, value);
      }
      return '/api/v1/events?' + query;
    }
    render(data, lang) {
      const section = h('section', {}, h('h2', {}, say(lang, 'title')));
      if (data.items.length === 0) {
        section.append(h('p', {}, say(lang, 'none')));
      } else {
        section.append(h('ul', {}, ...data.items.map((event) => h('li', {},
          h('h3', {}, link(lang, event.url, event.title)),
          h('p', { class: 'meta' }, say(lang, 'kind.' + event.kind), ' · ',
            h('time', { datetime: event.startsAt }, when(event.startsAt, event.timezone, lang))),
          event.venueName ? h('p', { class: 'meta' }, event.venueName) : null,
        ))));
      }
      const more = new URL('/events', koda);
      const municipality = (this.getAttribute('municipality') || '').trim();
      if (municipality) more.searchParams.set('municipality', municipality);
      more.searchParams.set('lang', lang);
      section.append(h('p', {}, link(lang, more.href, say(lang, 'all'))));
      return section;
    }
  }

  class KodaPlan extends KodaElement {
    path() {
      const id = (this.getAttribute('plan') || '').trim();
      return '/api/v1/plans/' + (/^[1-9][0-9]{0,9}$/.test(id) ? id : '0');
    }
    render(plan, lang) {
      const progress = plan.progress;
      return h('section', {},
        h('h2', {}, link(lang, plan.url, plan.title)),
        h('p', { class: 'meta' }, plan.municipality.name),
        h('p', {}, say(lang, 'progress', { done: progress.done, total: progress.total }),
          progress.overdue > 0 ? ' · ' + say(lang, 'overdue', { count: progress.overdue }) : ''),
        h('progress', { max: 100, value: progress.donePercent,
          'aria-label': say(lang, 'progress', { done: progress.done, total: progress.total }) }),
        h('ul', {}, ...plan.items.map((item) => h('li', {},
          h('h3', {}, item.title),
          h('p', { class: 'meta' }, say(lang, 'status.' + item.status), ' · ', item.progress + '%'),
        ))),
      );
    }
  }

  window.customElements.define('koda-events', KodaEvents);
  window.customElements.define('koda-plan', KodaPlan);

  // Koda's frames on this page report their height; fit the one that spoke.
  window.addEventListener('message', (event) => {
    if (event.origin !== koda) return;
    const data = event.data;
    if (!data || data.type !== 'koda:height' || typeof data.height !== 'number') return;
    for (const frame of document.querySelectorAll('iframe')) {
      if (frame.contentWindow === event.source) {
        frame.style.height = Math.max(40, Math.min(Math.round(data.height), 20000)) + 'px';
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
