// The console's script: it makes the pages faster, never possible. Every form works without it.
import { initAll } from '/assets/govuk-frontend.min.js';

document.body.classList.add('js-enabled', 'govuk-frontend-supported');
initAll();

// The dashboard's charts: their script (and Chart.js) load only on a page that has one.
async function drawCharts(scope) {
  if (!scope.querySelector('canvas[data-chart]')) return;
  const charts = await import('/assets/dashboard-charts.js');
  charts.drawCharts(scope);
}
drawCharts(document);

// After htmx puts new content in (a boosted page, a fragment), start the design system's
// components in it, and tell screen readers what changed: the error summary and the success
// banner take focus themselves; a new page otherwise moves focus to its main content.
document.addEventListener('htmx:afterSwap', (event) => {
  const target = event.detail.target;
  initAll({ scope: target });
  drawCharts(target);
  if (!event.detail.boosted) return;
  if (target.querySelector('.govuk-error-summary, [data-status-message]')) return;
  const main = document.getElementById('main-content');
  if (main) main.focus({ preventScroll: true });
  const autofocus = target.querySelector('[autofocus]');
  if (autofocus) autofocus.focus();
});

// The desk: "use this type" puts the suggestion in the case type field; Ctrl+Enter (or Cmd+Enter)
// anywhere in the form logs the contact.
document.addEventListener('click', (event) => {
  const button = event.target instanceof Element ? event.target.closest('[data-use-case-type]') : null;
  if (!button) return;
  const select = document.getElementById('catalogCode');
  if (!select) return;
  select.value = button.getAttribute('data-use-case-type');
  select.dispatchEvent(new Event('change', { bubbles: true }));
  select.focus();
});

document.addEventListener('keydown', (event) => {
  if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey)) return;
  const form = event.target instanceof Element ? event.target.closest('[data-desk-form]') : null;
  if (!form) return;
  event.preventDefault();
  form.requestSubmit(form.querySelector('[data-primary]'));
});
