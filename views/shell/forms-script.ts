/**
 * Served as /assets/forms.js (CSP script-src 'self', no inline script). Every form works without
 * it; it only makes them easier:
 * - focus moves to a form's error summary when the page shows one, and a summary link moves
 *   focus to its field with the field's label and message in view (a plain jump to the fragment
 *   would leave them above the screen's top edge on a phone);
 * - a row editor (`[data-row-editor]`) adds rows from its `<template>` (`__row__` in names
 *   becomes the next free number) and removes them in place; without it, "Add a row" posts the
 *   rows back with one more and a checkbox removes one.
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
})();
`;
