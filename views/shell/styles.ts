/** Widths of a progress bar's fill, one class per percent: a CSP that forbids inline styles still draws the value. */
const progressSteps = Array.from(
  { length: 101 },
  (_, n) => `.progress > .p-${n} { width: ${n}%; }`,
).join('\n');

/**
 * The site's one stylesheet, served at /assets/app.css (no inline styles, so the CSP can forbid
 * them). A small design system: tokens (colour, spacing, type scale), then components (cards
 * with date badges, status pills, progress bars, banners, buttons, form fields, tables that
 * become lists on phones), then the pages' own pieces and print.
 */
export const appCss = `
/* ----- tokens ----- */
:root {
  --ink: #16202b; --muted: #4b5766; --line: #d8dee6; --line-strong: #8b96a3;
  --bg: #f5f6f8; --card: #fff; --surface-2: #eef2f6;
  --accent: #0a58a8; --accent-strong: #083f7a; --accent-soft: #e7f0fb; --accent-ink: #fff;
  --brand: #0f2d4f;
  --ok: #17663a; --ok-soft: #e5f3e9;
  --warn: #8a4b00; --warn-soft: #fff3df;
  --danger: #a4161a; --danger-soft: #fdecec;
  --live: #b3001b; --focus: #f5a623;
  --s-1: .25rem; --s-2: .5rem; --s-3: .75rem; --s-4: 1rem; --s-5: 1.5rem; --s-6: 2rem; --s-7: 3rem;
  --t-xs: .8125rem; --t-sm: .9375rem; --t-base: 1.0625rem; --t-lg: 1.1875rem; --t-xl: 1.375rem;
  --t-2xl: 1.75rem; --t-3xl: 2.125rem;
  --radius: .5rem; --radius-sm: .25rem; --shadow: 0 1px 2px rgb(16 32 48 / 8%), 0 2px 8px rgb(16 32 48 / 6%);
  --content: 68rem;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
}
@media (min-width: 48rem) { :root { --t-2xl: 2rem; --t-3xl: 2.5rem; } }

/* ----- base ----- */
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; color: var(--ink); background: var(--bg); line-height: 1.55; font-size: var(--t-base); }
main, .site-footer, .card, td, th, dd, li, p, h1, h2, h3, blockquote, figcaption, label, legend, summary { overflow-wrap: anywhere; }
/* Long words in headings (Конфиденциальность at 360 px) break with a hyphen by the page's lang; URLs still wrap anywhere. */
h1, h2, h3, h4 { hyphens: auto; -webkit-hyphens: auto; }
pre, code { white-space: pre-wrap; overflow-wrap: anywhere; }
img, video, iframe, svg { max-width: 100%; }
a { color: var(--accent); text-underline-offset: .15em; }
a:hover { color: var(--accent-strong); }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
h1 { font-size: var(--t-2xl); line-height: 1.2; margin: var(--s-4) 0 var(--s-3); letter-spacing: -.01em; }
/* Where no hyphenation dictionary is at hand, an 18-letter Russian word still fits a 360 px phone. */
@media (max-width: 39.99rem) { h1 { font-size: 1.5rem; } }
h2 { font-size: var(--t-xl); line-height: 1.3; margin: var(--s-6) 0 var(--s-3); }
h3 { font-size: var(--t-lg); line-height: 1.35; margin: var(--s-4) 0 var(--s-2); }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.skip { position: absolute; left: -999px; top: 0; background: var(--card); padding: var(--s-2) var(--s-4); }
.skip:focus { left: 0; z-index: 10; }
.meta { color: var(--muted); font-size: var(--t-sm); }
.lead { font-size: var(--t-lg); color: var(--ink); }
.hint { color: var(--muted); font-size: var(--t-sm); }
.stack > * + * { margin-top: var(--s-2); }
.hp { position: absolute; left: -10000px; width: 1px; height: 1px; overflow: hidden; }
.icon { width: 1.25em; height: 1.25em; vertical-align: -.2em; flex: none; }

/* ----- header, footer, page ----- */
.site-header { background: var(--brand); color: #fff; }
.site-header a { color: #fff; }
.site-header .bar { display: grid; grid-template-columns: 1fr auto auto; grid-template-areas: "brand search lang" "nav nav nav";
  align-items: center; gap: var(--s-1) var(--s-4); max-width: var(--content); margin: 0 auto; padding: var(--s-2) var(--s-3); }
.brand { grid-area: brand; display: inline-flex; align-items: center; gap: var(--s-2); font-weight: 700; font-size: var(--t-xl); text-decoration: none; }
.brand { min-width: 0; }
.brand svg { width: 1.75rem; height: 1.75rem; flex-shrink: 0; }
.lang-switch { grid-area: lang; font-size: var(--t-sm); list-style: none; display: flex; flex-wrap: wrap; justify-content: flex-end; gap: 0 var(--s-3); margin: 0; padding: 0; }
.site-header nav { grid-area: nav; min-width: 0; }
.site-header nav ul { list-style: none; display: flex; justify-content: space-between; gap: .25rem; margin: 0; padding: 0; overflow-x: auto; white-space: nowrap; font-size: .8125rem; }
.site-header nav a { display: inline-block; padding: var(--s-2) 0; text-decoration: none; border-bottom: 2px solid transparent; }
.site-header nav a:hover, .site-header nav a[aria-current="page"] { border-bottom-color: #fff; }
.search-link { grid-area: search; display: inline-flex; align-items: center; justify-content: center; min-width: 2.75rem; min-height: 2.75rem; border-bottom: 2px solid transparent; }
.search-link svg { width: 1.5rem; height: 1.5rem; }
.search-link:hover, .search-link[aria-current="page"] { border-bottom-color: #fff; }
@media (min-width: 48rem) {
  .site-header .bar { grid-template-columns: auto 1fr auto auto; grid-template-areas: "brand nav search lang"; padding: var(--s-3) var(--s-4); }
  .site-header nav ul { font-size: var(--t-base); gap: var(--s-5); justify-content: flex-start; }
}
main { max-width: var(--content); margin: 0 auto; padding: var(--s-2) var(--s-4) var(--s-6); }
.site-footer { max-width: var(--content); margin: var(--s-6) auto 0; padding: var(--s-4); border-top: 1px solid var(--line); color: var(--muted); font-size: var(--t-sm); }

/* ----- buttons ----- */
select, input, textarea, button { font: inherit; max-width: 100%; }
button, .button { display: inline-flex; align-items: center; justify-content: center; gap: var(--s-2); min-height: 2.75rem;
  background: var(--accent); color: var(--accent-ink); border: 1px solid var(--accent); border-radius: var(--radius-sm);
  padding: var(--s-2) var(--s-4); font-weight: 600; cursor: pointer; text-decoration: none; justify-self: start; }
button:hover, .button:hover { background: var(--accent-strong); border-color: var(--accent-strong); color: var(--accent-ink); }
button.secondary, .button.secondary { background: var(--card); color: var(--accent); }
button.secondary:hover, .button.secondary:hover { background: var(--accent-soft); color: var(--accent-strong); }
button.danger, .button.danger { background: var(--danger); border-color: var(--danger); }
.button.large { font-size: var(--t-lg); padding: var(--s-3) var(--s-5); }
.link-button { background: none; border: 0; padding: 0; min-height: 0; color: var(--accent); text-decoration: underline; cursor: pointer; font: inherit; font-weight: 400; }
.link-button:hover { background: none; color: var(--accent-strong); }
.actions { display: flex; flex-wrap: wrap; gap: var(--s-2) var(--s-3); align-items: center; margin: var(--s-3) 0; }
form.inline { display: inline; }

/* ----- form fields ----- */
select, input[type=text], input[type=email], input[type=url], input[type=number], input[type=search], input[type=datetime-local], input[type=date], input[type=time], input[type=password], input:not([type]), textarea {
  padding: var(--s-2) var(--s-2); border: 1px solid #767676; border-radius: var(--radius-sm); background: #fff; color: var(--ink); max-width: 100%; min-height: 2.75rem; }
textarea { min-height: 5rem; }
.field { display: flex; flex-direction: column; gap: var(--s-1); margin: 0 0 var(--s-3); }
.field label { font-weight: 600; }
.translations { margin: calc(-1 * var(--s-2)) 0 var(--s-3); display: flex; flex-wrap: wrap; gap: var(--s-1) var(--s-2); align-items: flex-start; }
.translations > .hint { flex-basis: 100%; margin: 0; }
.translation { flex: 1 1 12rem; min-width: 0; }
.translation[open] { flex-basis: 100%; }
/* A form that picks its original's language shows no translation section for it (no JS). */
form:has(select[name="originalLang"] option[value="et"]:checked) .translation[data-lang="et"],
form:has(select[name="originalLang"] option[value="ru"]:checked) .translation[data-lang="ru"],
form:has(select[name="originalLang"] option[value="en"]:checked) .translation[data-lang="en"] { display: none; }
.translation > summary { cursor: pointer; border: 1px solid var(--line-strong); border-radius: 0.4rem 0.4rem 0 0; padding: var(--s-1) var(--s-2); font-size: var(--t-sm); }
.translation > .field { margin: var(--s-2) 0 0; }
.translation .missing { color: var(--danger); font-weight: 600; }
.field-error { color: var(--danger); font-weight: 600; margin: var(--s-1) 0; }
[aria-invalid="true"] { border-color: var(--danger) !important; border-width: 2px !important; }
.check, .choice { display: block; margin: var(--s-1) 0; }
fieldset { border: 1px solid var(--line); border-radius: var(--radius); margin: 0 0 var(--s-4); padding: var(--s-3) var(--s-4); min-width: 0; }
legend { font-weight: 700; padding: 0 var(--s-1); }
.form { display: grid; grid-template-columns: minmax(0, 1fr); gap: var(--s-3); max-width: 34rem; }
.form > *, .field, .field > * { min-width: 0; }
.form label { display: grid; gap: var(--s-1); font-weight: 600; }
.form input, .form select { font: inherit; }
.form fieldset label { display: flex; gap: var(--s-2); font-weight: 400; }
.row-fields { display: grid; gap: var(--s-2) var(--s-4); grid-template-columns: repeat(auto-fill, minmax(min(12rem, 100%), 1fr)); }
.row-fields .wide { grid-column: 1 / -1; }
.filters { display: flex; flex-wrap: wrap; gap: var(--s-3) var(--s-4); align-items: end; background: var(--card); border: 1px solid var(--line); border-radius: var(--radius); padding: var(--s-3) var(--s-4); }
.filters label { display: flex; flex-direction: column; font-size: var(--t-sm); font-weight: 600; min-width: 0; max-width: 100%; }
.filters fieldset { border: 0; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: var(--s-1) var(--s-4); }
.filters fieldset legend { font-size: var(--t-sm); font-weight: 600; padding: 0; margin-bottom: var(--s-1); }
.filters fieldset label { flex-direction: row; align-items: center; gap: var(--s-2); font-size: var(--t-base); font-weight: 400; }
.result-count { font-size: var(--t-base); color: var(--muted); font-weight: 600; }
.registration-form label:not(.choice) { display: block; font-weight: 600; }
.registration-form input:not([type=radio]):not([type=checkbox]), .registration-form textarea { width: 100%; max-width: 34rem; }
.secret { font-family: ui-monospace, monospace; word-break: break-all; background: #fff; border: 1px dashed var(--accent); padding: var(--s-2); }
.calendar-feed input[type=url] { width: 100%; }

/* ----- banners ----- */
.notice, .banner { border-left: 4px solid var(--accent); background: var(--accent-soft); padding: var(--s-3) var(--s-4); border-radius: 0 var(--radius-sm) var(--radius-sm) 0; }
.error-box, .banner.danger { border-left: 4px solid var(--danger); background: var(--danger-soft); padding: var(--s-3) var(--s-4); }
.banner.warn { border-left-color: var(--warn); background: var(--warn-soft); }
.banner.ok { border-left-color: var(--ok); background: var(--ok-soft); }
.banner > :first-child { margin-top: 0; }
.banner > :last-child { margin-bottom: 0; }
.banner-title { font-weight: 700; font-size: var(--t-lg); }
.event > .banner { margin: var(--s-4) 0 0; }

/* ----- status pills ----- */
.badge, .pill { display: inline-flex; align-items: center; gap: var(--s-1); font-size: var(--t-xs); font-weight: 700; line-height: 1.3;
  padding: .1rem .55rem; border-radius: 1rem; border: 1px solid currentColor; background: var(--card); color: var(--muted); white-space: nowrap; }
.badge.cancelled, .pill.danger { color: var(--danger); background: var(--danger-soft); }
.badge.warning, .pill.warn, .badge.status-delayed, .badge.status-at_risk { color: var(--warn); background: var(--warn-soft); }
.badge.live, .pill.live { color: #fff; background: var(--live); border-color: var(--live); }
.badge.example { color: var(--muted); }
.badge.status-done, .badge.status-completed, .pill.ok { color: var(--ok); background: var(--ok-soft); }
.badge.status-in_progress, .pill.info { color: var(--accent-strong); background: var(--accent-soft); }
.overdue { color: var(--danger); }

/* ----- progress bars: the fill's width is a class (.p-0 … .p-100), never an inline style ----- */
.progress { height: .625rem; background: var(--surface-2); border: 1px solid var(--line); border-radius: 1rem; overflow: hidden; min-width: 4rem; }
.progress > span { display: block; height: 100%; width: 0; background: var(--ok); border-radius: 1rem; }
${progressSteps}
.progress-line { display: grid; grid-template-columns: 1fr auto; gap: var(--s-3); align-items: center; }
.progress-line .value { font-variant-numeric: tabular-nums; font-weight: 700; font-size: var(--t-sm); }

/* ----- cards with date badges ----- */
.cards { list-style: none; padding: 0; margin: var(--s-4) 0; display: grid; gap: var(--s-4); grid-template-columns: repeat(auto-fill, minmax(min(18rem, 100%), 1fr)); }
.card { background: var(--card); border: 1px solid var(--line); border-radius: var(--radius); padding: var(--s-4); box-shadow: var(--shadow); min-width: 0; }
.card h3 { margin: var(--s-1) 0 var(--s-2); font-size: var(--t-lg); }
.card h3 a { text-decoration: none; }
.card > h4:first-child { margin-top: 0; }
.card h3 a:hover { text-decoration: underline; }
.card > :last-child { margin-bottom: 0; }
.event-card { display: grid; grid-template-columns: auto 1fr; gap: var(--s-3) var(--s-4); align-items: start; }
.event-card.cancelled { opacity: .85; }
.event-card.cancelled h3 a { text-decoration: line-through; }
.event-card .body { min-width: 0; }
.event-card .body p { margin: var(--s-1) 0; }
.event-card-image { grid-column: 1 / -1; display: block; width: calc(100% + 2 * var(--s-4)); max-width: none; height: auto; aspect-ratio: 16 / 9; object-fit: cover; margin: calc(-1 * var(--s-4)) calc(-1 * var(--s-4)) 0; border-radius: var(--radius) var(--radius) 0 0; background: var(--surface-2); }
.event-image { display: block; width: 100%; max-width: 40rem; height: auto; aspect-ratio: 16 / 9; object-fit: cover; margin: var(--s-3) 0; border-radius: var(--radius); background: var(--surface-2); }
.kind { display: inline-flex; align-items: center; gap: var(--s-1); color: var(--muted); font-size: var(--t-sm); font-weight: 600; }
.date-badge { display: flex; flex-direction: column; align-items: center; justify-content: center; width: 4rem; min-height: 4.25rem; border-radius: var(--radius);
  background: var(--accent-soft); color: var(--accent-strong); border: 1px solid #c8d9ee; line-height: 1.1; text-align: center; padding: var(--s-1); }
.date-badge .day { font-size: var(--t-2xl); font-weight: 800; }
.date-badge .month { font-size: var(--t-xs); font-weight: 700; text-transform: uppercase; letter-spacing: .04em; }
.date-badge .year { font-size: var(--t-xs); color: var(--muted); }
.date-badge.large { width: 5rem; min-height: 5.25rem; }
.date-badge.past { background: var(--surface-2); color: var(--ink); border-color: var(--line); }

/* ----- tables; .stack-table becomes a list of cards on a phone ----- */
.table-wrap { overflow-x: auto; }
.table, .admin-table { border-collapse: collapse; width: 100%; font-size: var(--t-sm); background: var(--card); }
.table th, .table td, .admin-table th, .admin-table td { text-align: left; vertical-align: top; border-bottom: 1px solid var(--line); padding: var(--s-2); }
.table thead th, .admin-table thead th { background: var(--surface-2); }
.table pre { margin: 0; white-space: pre-wrap; word-break: break-word; font-size: var(--t-xs); max-width: 28rem; }
@media (max-width: 40rem) {
  .stack-table, .stack-table tbody, .stack-table tr, .stack-table td, .stack-table th { display: block; width: 100%; }
  .stack-table thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  .stack-table tr { border: 1px solid var(--line); border-radius: var(--radius); margin: 0 0 var(--s-3); padding: var(--s-2) var(--s-3); background: var(--card); }
  .stack-table td, .stack-table th { border: 0; padding: var(--s-1) 0; }
  .stack-table td[data-label]::before { content: attr(data-label); display: block; font-weight: 700; font-size: var(--t-xs); color: var(--muted); }
}

/* ----- definition lists of facts ----- */
.facts { display: grid; grid-template-columns: minmax(0, max-content) minmax(0, 1fr); gap: var(--s-1) var(--s-4); margin: var(--s-4) 0; }
.facts dt { font-weight: 600; }
.facts dd { margin: 0; }
@media (max-width: 30rem) { .facts { grid-template-columns: minmax(0, 1fr); } .facts dd { margin-bottom: var(--s-2); } }

/* ----- the event page ----- */
.event-head { display: grid; grid-template-columns: auto 1fr; gap: var(--s-3) var(--s-4); align-items: start; margin: var(--s-4) 0 var(--s-2); }
.event-head h1 { margin: var(--s-1) 0 var(--s-2); }
.event-head .where-when { margin: 0; grid-column: 1 / -1; }
@media (min-width: 40rem) { .event-head .where-when { grid-column: 2; } }
@media (max-width: 39.99rem) { .event-head .date-badge.large { width: 4rem; min-height: 4.25rem; } .event-head h1 { font-size: var(--t-xl); } }
.event-head .where-when > span { display: block; }
.event-actions { display: flex; flex-wrap: wrap; gap: var(--s-2) var(--s-3); align-items: center; margin: var(--s-3) 0 var(--s-4); }
.seats-left { font-weight: 600; }
.calendar-menu { position: relative; }
.calendar-menu > summary { list-style: none; cursor: pointer; }
.calendar-menu > summary::-webkit-details-marker { display: none; }
.calendar-menu[open] > .menu { position: absolute; z-index: 5; min-width: 14rem; max-width: calc(100vw - 2rem); background: var(--card); border: 1px solid var(--line); border-radius: var(--radius); box-shadow: var(--shadow); padding: var(--s-2) 0; margin-top: var(--s-1); }
.calendar-menu .menu ul { list-style: none; margin: 0; padding: 0; }
.calendar-menu .menu a { display: block; padding: var(--s-2) var(--s-4); text-decoration: none; }
.calendar-menu .menu a:hover { background: var(--accent-soft); }
.phase-section { margin: var(--s-5) 0; }
.previous-time { text-decoration: line-through; color: var(--muted); }
table.agenda { border-collapse: collapse; width: 100%; background: var(--card); }
table.agenda th, table.agenda td { text-align: left; vertical-align: top; padding: var(--s-2); border-bottom: 1px solid var(--line); }
table.agenda tr.current { background: var(--warn-soft); }
.agenda-time { white-space: nowrap; font-variant-numeric: tabular-nums; }
.agenda-break { color: var(--muted); }
.now-on { border: 2px solid var(--live); border-radius: var(--radius); padding: var(--s-3) var(--s-4); background: var(--card); }
@media (min-width: 64rem) { .live-now { display: grid; grid-template-columns: minmax(0, 1fr) 18rem; gap: 0 var(--s-4); align-items: start; } .live-now .now-on { margin-top: var(--s-4); } }
.came-of-it-list { list-style: none; padding: 0; display: grid; gap: var(--s-3); }
.came-of-it-list > li { background: var(--card); border: 1px solid var(--line); border-radius: var(--radius); padding: var(--s-3) var(--s-4); }
.came-of-it-list .item-title { font-weight: 700; }
.follow { display: flex; flex-wrap: wrap; gap: var(--s-2); align-items: center; }

/* ----- pages' own pieces ----- */
.subnav ul { list-style: none; display: flex; flex-wrap: wrap; gap: var(--s-2) var(--s-4); padding: 0; margin: 0 0 var(--s-4); }
.subnav a[aria-current="page"] { font-weight: 700; text-decoration: none; }
.pagination { display: flex; flex-wrap: wrap; gap: var(--s-4); align-items: center; margin: var(--s-4) 0; }
.admin-nav { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: center; gap: var(--s-2) var(--s-4); border-bottom: 1px solid var(--line); padding: var(--s-1) 0 var(--s-3); margin-bottom: var(--s-4); }
.admin-nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: var(--s-1) var(--s-4); margin: 0; padding: 0; }
.admin-nav a[aria-current="page"] { font-weight: 700; text-decoration: none; color: var(--ink); }
.admin-user { display: flex; flex-wrap: wrap; gap: var(--s-3); align-items: center; color: var(--muted); font-size: var(--t-sm); }
.admin-user form { margin: 0; }
.player { position: relative; aspect-ratio: 16 / 9; background: #000; margin: 0 0 var(--s-3); border-radius: var(--radius); overflow: hidden; }
.player iframe, .player video { position: absolute; inset: 0; width: 100%; height: 100%; border: 0; }
.player-link { font-weight: 600; }
.embed-preview { width: 100%; border: 1px solid var(--line); border-radius: var(--radius); background: var(--card); }
.chapters, .agenda, .outcomes, .recording-list { padding-left: 1.25rem; }
.chapters li, .outcomes li { margin: var(--s-1) 0; }
.offset { white-space: nowrap; font-variant-numeric: tabular-nums; }
.chapters .offset { display: inline-block; min-width: 4.5rem; }
.live-panel { border: 1px solid var(--line); border-radius: var(--radius); padding: var(--s-1) var(--s-4) var(--s-4); background: var(--card); margin: var(--s-4) 0; }
.archive-search select, .archive-search input { font: inherit; }
@media (max-width: 40rem) {
  /* On a phone each filter is a row: its label, then its field, and the button below. */
  .archive-search p { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: var(--s-2) var(--s-3); align-items: center; }
  .archive-search p > :is(input, select) { width: 100%; }
  .archive-search p > :is(button, .hint) { grid-column: 1 / -1; justify-self: start; }
}
.checkin { list-style: none; padding: 0; }
.checkin li { display: flex; justify-content: space-between; align-items: center; gap: var(--s-3); padding: var(--s-3) 0; border-bottom: 1px solid var(--line); }
.checkin li.arrived .who { color: var(--ok); }
.checkin button { min-width: 7rem; min-height: 2.75rem; }
.checkin-search { display: flex; flex-wrap: wrap; gap: var(--s-2); align-items: center; }
.outbox { list-style: none; padding: 0; display: grid; gap: var(--s-2); }
.mail-text { white-space: pre-wrap; word-break: break-word; font-size: var(--t-sm); }

/* ----- print: an agenda on paper, without the site around it ----- */
@media print {
  @page { margin: 15mm; }
  .site-header, .site-footer, .no-print, nav, .skip, .event-actions, .calendar-menu, .player, form, button, .button, .embed-snippets { display: none !important; }
  body { background: #fff; color: #000; font-size: 11pt; line-height: 1.4; }
  main { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
  .card, .live-panel, .now-on { box-shadow: none; border-color: #999; }
  .date-badge { border-color: #999; background: #fff; color: #000; }
  h1 { font-size: 18pt; margin-top: 0; }
  h2 { font-size: 14pt; break-after: avoid; }
  table.agenda { background: #fff; }
  table.agenda th, table.agenda td { border-bottom: 1px solid #999; padding: 4pt 6pt; }
  table.agenda tr { break-inside: avoid; }
  .banner, .error-box, .notice { border: 1px solid #000; background: #fff; }
}
`;
