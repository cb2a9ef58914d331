/** Served as /assets/forms.js: moves focus to a form's error summary when the page shows one. */
export const formsScript = `(() => {
  const summary = document.querySelector('[data-error-summary]');
  if (summary) summary.focus();
})();
`;
