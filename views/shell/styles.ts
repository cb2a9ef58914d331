/** The site's one stylesheet, served at /assets/app.css (no inline styles, so the CSP can forbid them). */
export const appCss = `
:root { --ink: #1b1f24; --muted: #4a5561; --line: #d5dae0; --accent: #0b5cad; --accent-ink: #fff;
  --bg: #fbfbfa; --card: #fff; --warn: #8a3b00; --ok: #1d6b33; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: var(--bg); line-height: 1.5; font-size: 1.0625rem; }
a { color: var(--accent); }
a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible, summary:focus-visible {
  outline: 3px solid #f5a623; outline-offset: 2px; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; }
.facts dt { font-weight: 600; }
.facts dd { margin: 0; }
.lead { font-size: 1.125rem; }
table.agenda { border-collapse: collapse; width: 100%; }
table.agenda th, table.agenda td { text-align: left; vertical-align: top; padding: .5rem; border-bottom: 1px solid var(--line); }
.agenda-time { white-space: nowrap; font-variant-numeric: tabular-nums; }
.agenda-break { color: var(--muted); }
.filters { display: flex; flex-wrap: wrap; gap: .75rem 1rem; align-items: end; background: var(--card); border: 1px solid var(--line); border-radius: .5rem; padding: .75rem 1rem; }
.filters label { display: flex; flex-direction: column; font-size: .9375rem; font-weight: 600; }
select, input, textarea, button { font: inherit; }
select, input[type=text], input[type=email], input[type=url], input[type=number], input[type=search], input[type=datetime-local], input[type=date], input[type=password], textarea { padding: .4rem .5rem; border: 1px solid #767676; border-radius: .25rem; background: #fff; color: var(--ink); max-width: 100%; }
button, .button { background: var(--accent); color: var(--accent-ink); border: 0; border-radius: .25rem; padding: .5rem 1rem; cursor: pointer; text-decoration: none; display: inline-block; }
button.secondary, .button.secondary { background: #fff; color: var(--accent); border: 1px solid var(--accent); }
.result-count { font-size: 1rem; color: var(--muted); font-weight: 600; }
.field { display: flex; flex-direction: column; gap: .25rem; margin: 0 0 .75rem; }
.field label { font-weight: 600; }
.field-error { color: #a4161a; font-weight: 600; margin: .25rem 0; }
[aria-invalid="true"] { border-color: #a4161a !important; border-width: 2px !important; }
.stack > * + * { margin-top: .5rem; }
.check { display: block; margin: .25rem 0; }
fieldset { border: 1px solid var(--line); border-radius: .5rem; margin: 0 0 1rem; padding: .75rem 1rem; }
legend { font-weight: 700; padding: 0 .25rem; }
.subnav ul { list-style: none; display: flex; flex-wrap: wrap; gap: .5rem 1rem; padding: 0; margin: 0 0 1rem; }
.subnav a[aria-current="page"] { font-weight: 700; text-decoration: none; }
.row-fields { display: grid; gap: .5rem 1rem; grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr)); }
.row-fields .wide { grid-column: 1 / -1; }
.admin-table { border-collapse: collapse; width: 100%; }
.admin-table th, .admin-table td { text-align: left; padding: .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
.pagination { display: flex; gap: 1rem; align-items: center; margin: 1rem 0; }
.skip { position: absolute; left: -999px; top: 0; background: var(--card); padding: .5rem 1rem; }
.skip:focus { left: 0; z-index: 10; }
.site-header { background: #12355b; color: #fff; }
.site-header a { color: #fff; }
.site-header .bar { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; align-items: center; max-width: 64rem; margin: 0 auto; padding: .75rem 1rem; }
.brand { font-weight: 700; font-size: 1.25rem; text-decoration: none; margin-right: auto; }
.site-header nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: 1rem; margin: 0; padding: 0; }
main { max-width: 64rem; margin: 0 auto; padding: 1rem; }
.site-footer { max-width: 64rem; margin: 2rem auto 0; padding: 1rem; border-top: 1px solid var(--line); color: var(--muted); font-size: .9375rem; }
h1 { font-size: 1.875rem; line-height: 1.2; margin: 1rem 0; }
h2 { font-size: 1.375rem; margin: 1.5rem 0 .75rem; }
.cards { list-style: none; padding: 0; display: grid; gap: 1rem; grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr)); }
.card { background: var(--card); border: 1px solid var(--line); border-radius: .5rem; padding: 1rem; }
.card h3 { margin: .25rem 0 .5rem; font-size: 1.125rem; }
.meta { color: var(--muted); font-size: .9375rem; }
.badge { display: inline-block; font-size: .8125rem; font-weight: 600; padding: .05rem .5rem; border-radius: 1rem; border: 1px solid currentColor; }
.badge.cancelled { color: var(--warn); }
.badge.warning { color: var(--warn); background: #fff4e5; }
.badge.live { color: #b00020; }
.badge.example { color: var(--muted); }
.notice { border-left: 4px solid var(--accent); background: #eef4fb; padding: .75rem 1rem; }
.error-box { border-left: 4px solid var(--warn); background: #fff4ec; padding: .75rem 1rem; }
.progress { height: .5rem; background: var(--line); border-radius: .25rem; overflow: hidden; }
.progress > span { display: block; height: 100%; background: var(--ok); }
.admin-nav { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: center; gap: .5rem 1rem; border-bottom: 1px solid var(--line); padding: .25rem 0 .75rem; margin-bottom: 1rem; }
.admin-nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: .25rem 1rem; margin: 0; padding: 0; }
.admin-nav a[aria-current="page"] { font-weight: 700; text-decoration: none; color: var(--ink); }
.admin-user { display: flex; gap: .75rem; align-items: center; color: var(--muted); font-size: .9375rem; }
.admin-user form { margin: 0; }
.link-button { background: none; border: 0; padding: 0; color: var(--accent); text-decoration: underline; cursor: pointer; font: inherit; }
.form { display: grid; gap: .75rem; max-width: 32rem; }
.form label { display: grid; gap: .25rem; font-weight: 600; }
.form input, .form select { font: inherit; padding: .4rem .5rem; border: 1px solid #8b96a3; border-radius: .25rem; background: #fff; }
.form fieldset { border: 1px solid var(--line); border-radius: .25rem; }
.form fieldset label { display: flex; gap: .5rem; font-weight: 400; }
.button { font: inherit; font-weight: 600; padding: .45rem 1rem; border-radius: .25rem; border: 1px solid var(--accent); background: var(--accent); color: var(--accent-ink); cursor: pointer; justify-self: start; }
.button.secondary { background: #fff; color: var(--accent); }
.table-wrap { overflow-x: auto; }
.table { border-collapse: collapse; width: 100%; font-size: .9375rem; }
.table th, .table td { text-align: left; vertical-align: top; border-bottom: 1px solid var(--line); padding: .4rem .5rem; }
.table pre { margin: 0; white-space: pre-wrap; word-break: break-word; font-size: .8125rem; max-width: 28rem; }
.secret { font-family: ui-monospace, monospace; word-break: break-all; background: #fff; border: 1px dashed var(--accent); padding: .5rem; }
.player { position: relative; aspect-ratio: 16 / 9; background: #000; margin: 0 0 .75rem; }
.player iframe, .player video { position: absolute; inset: 0; width: 100%; height: 100%; border: 0; }
.player-link { font-weight: 600; }
.chapters, .agenda, .outcomes, .recording-list { padding-left: 1.25rem; }
.chapters li, .outcomes li { margin: .25rem 0; }
.chapters .offset { font-variant-numeric: tabular-nums; display: inline-block; min-width: 4.5rem; }
.live-panel { border: 1px solid var(--line); border-radius: .5rem; padding: .25rem 1rem 1rem; background: var(--card); margin: 1rem 0; }
.archive-search select, .archive-search input { font: inherit; padding: .3rem .4rem; }
.pagination { display: flex; gap: 1rem; align-items: center; margin: 1rem 0; }
.hp { position: absolute; left: -10000px; width: 1px; height: 1px; overflow: hidden; }
.registration-form label:not(.choice) { display: block; font-weight: 600; }
.registration-form input:not([type=radio]):not([type=checkbox]), .registration-form textarea { width: 100%; max-width: 32rem; }
.choice { display: block; margin: .25rem 0; }
form.inline { display: inline; }
button.danger { background: #a4161a; }
.checkin { list-style: none; padding: 0; }
.checkin li { display: flex; justify-content: space-between; align-items: center; gap: .75rem; padding: .75rem 0; border-bottom: 1px solid var(--line); }
.checkin li.arrived .who { color: var(--ok); }
.checkin button { min-width: 7rem; min-height: 2.75rem; }
.checkin-search { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; }
.outbox { list-style: none; padding: 0; display: grid; gap: .5rem; }
.mail-text { white-space: pre-wrap; word-break: break-word; font-size: .875rem; }
@media print { .site-header, .site-footer, .no-print, nav { display: none !important; } body { background: #fff; font-size: 11pt; } main { max-width: none; padding: 0; } a { color: inherit; text-decoration: none; } }
`;
