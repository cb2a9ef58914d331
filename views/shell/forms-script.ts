/**
 * Served as /assets/forms.js (CSP script-src 'self', no inline script). Every form works without
 * it; it only makes them easier:
 * - focus moves to a form's error summary when the page shows one, and a summary link moves
 *   focus to its field with the field's label and message in view (a plain jump to the fragment
 *   would leave them above the screen's top edge on a phone);
 * - a row editor (`[data-row-editor]`) adds rows from its `<template>` (`__row__` in names
 *   becomes the next free number) and removes them in place; without it, "Add a row" posts the
 *   rows back with one more and a checkbox removes one;
 * - choosing a known place in a venue field (`[data-venue-name]` with a datalist) fills in its
 *   address and map point, unless the organizer typed their own;
 * - beside a time field (`[data-offset-input]`, its value the button's words) on a page with a
 *   player (`#player`), a button puts in the player's current time as h:mm:ss: a <video>'s own,
 *   YouTube's and Vimeo's as their players report it by postMessage. With
 *   `data-offset-recording="<select's name>"`, a form that has not chosen its recording yet gets
 *   the player's (`data-recording-id` on `#player`).
 */
export const formsScript = `(() => {
  const summary = document.querySelector('[data-error-summary]');
  if (summary) {
    summary.focus();
    summary.addEventListener('click', (event) => {
      const link = event.target instanceof Element ? event.target.closest('a[href^="#"]') : null;
      const field = link && document.getElementById(link.getAttribute('href').slice(1));
      if (!field) return;
      event.preventDefault();
      const around = field.closest('.field, fieldset, p') || field;
      around.scrollIntoView({ block: 'start' });
      field.focus({ preventScroll: true });
      history.replaceState(null, '', link.getAttribute('href'));
    });
  }

  for (const editor of document.querySelectorAll('[data-row-editor]')) {
    const rows = editor.querySelector('[data-rows]');
    const template = editor.querySelector('template[data-row-template]');
    const add = editor.querySelector('[data-add-row]');
    if (!rows || !template || !add) continue;
    const removable = (row) => {
      const label = row.querySelector('[data-remove-row]');
      if (!label) return;
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'secondary';
      button.textContent = label.textContent.trim();
      button.addEventListener('click', () => {
        const next = row.nextElementSibling || row.previousElementSibling || add;
        row.remove();
        (next.querySelector('input, select, textarea') || next).focus();
      });
      label.replaceWith(button);
    };
    for (const row of rows.children) removable(row);
    add.addEventListener('click', (event) => {
      event.preventDefault();
      let free = 0;
      for (const field of editor.querySelectorAll('[name]')) {
        const match = /^\\w+\\.(\\d+)\\./.exec(field.getAttribute('name'));
        if (match) free = Math.max(free, Number(match[1]) + 1);
      }
      rows.insertAdjacentHTML('beforeend', template.innerHTML.replaceAll('__row__', String(free)));
      const row = rows.lastElementChild;
      removable(row);
      row.querySelector('input, select, textarea').focus();
    });
  }

  for (const venue of document.querySelectorAll('input[data-venue-name][list]')) {
    const form = venue.form;
    const filled = new Map();
    venue.addEventListener('change', () => {
      const option = [...(venue.list ? venue.list.options : [])].find((o) => o.value === venue.value);
      if (!option || !form) return;
      for (const [name, key] of [['venueAddress', 'address'], ['venueLat', 'lat'], ['venueLon', 'lon']]) {
        const field = form.elements.namedItem(name);
        if (!field || (field.value !== '' && field.value !== filled.get(name))) continue;
        field.value = option.dataset[key] || '';
        filled.set(name, field.value);
      }
    });
  }

  const player = document.getElementById('player');
  const offsetFields = document.querySelectorAll('[data-offset-input]');
  if (player && offsetFields.length > 0) {
    const kind = player.getAttribute('data-player');
    const video = player.querySelector('video');
    const frame = player.querySelector('iframe');
    const origins = { youtube: 'https://www.youtube-nocookie.com', vimeo: 'https://player.vimeo.com' };
    let reported = null;
    if (frame && origins[kind]) {
      window.addEventListener('message', (event) => {
        if (event.source !== frame.contentWindow || event.origin !== origins[kind]) return;
        let data = event.data;
        try {
          if (typeof data === 'string') data = JSON.parse(data);
        } catch {
          return;
        }
        if (kind === 'youtube' && data && data.info && typeof data.info.currentTime === 'number') reported = data.info.currentTime;
        if (kind === 'vimeo' && data && data.event === 'timeupdate' && data.data) reported = data.data.seconds;
      });
      frame.addEventListener('load', () => {
        const message = kind === 'youtube' ? { event: 'listening', id: 'player' } : { method: 'addEventListener', value: 'timeupdate' };
        frame.contentWindow.postMessage(JSON.stringify(message), origins[kind]);
      });
    }
    const now = () => (video ? video.currentTime : reported);
    const hms = (seconds) => {
      const whole = Math.floor(seconds);
      const h = Math.floor(whole / 3600);
      const m = Math.floor((whole % 3600) / 60);
      const s = String(whole % 60).padStart(2, '0');
      return h > 0 ? h + ':' + String(m).padStart(2, '0') + ':' + s : m + ':' + s;
    };
    for (const field of offsetFields) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'secondary';
      button.textContent = field.getAttribute('data-offset-input');
      button.addEventListener('click', () => {
        const seconds = now();
        if (typeof seconds !== 'number' || !isFinite(seconds)) return;
        if (field.tagName === 'TEXTAREA') {
          const before = field.value.replace(/\\s+$/, '');
          field.value = (before ? before + '\\n' : '') + hms(seconds) + ' ';
        } else {
          field.value = hms(seconds);
        }
        const choice = field.form && field.form.elements.namedItem(field.getAttribute('data-offset-recording') || '');
        const playing = player.getAttribute('data-recording-id');
        if (choice && choice.tagName === 'SELECT' && choice.value === '' && playing) choice.value = playing;
        field.focus();
        field.setSelectionRange(field.value.length, field.value.length);
      });
      field.insertAdjacentElement('afterend', button);
    }
  }
})();
`;
