/**
 * Served as /assets/forms.js: moves focus to a form's error summary when the page shows one,
 * and a summary link moves focus to its field with the field's label and message in view (a
 * plain jump to the fragment would leave them above the screen's top edge on a phone).
 */
export const formsScript = `(() => {
  const summary = document.querySelector('[data-error-summary]');
  if (!summary) return;
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
})();
`;
