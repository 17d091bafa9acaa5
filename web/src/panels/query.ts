import { operationOf } from '../api/explorer.js';
import { asCurl, asPython } from '../api/snippets.js';
import { el } from '../dom.js';
import { tidyQuery } from './queryText.js';
import type { QueryRecord } from '../scene/scene.js';

/**
 * The query drawer: the GraphQL operations and variables that built the scene, in order, each
 * with copy-as-curl and copy-as-Python, so a view can be handed to a script.
 */
export class QueryDrawer {
  constructor(
    private readonly dialog: HTMLDialogElement,
    private readonly endpoint: string,
  ) {}

  open(queries: readonly QueryRecord[]): void {
    const close = el('button', { className: 'icon-button', attrs: { type: 'button', 'aria-label': 'Close queries' } }, '×');
    close.addEventListener('click', () => this.dialog.close());
    const items = queries.map((record, i) => {
      const op = operationOf(record);
      const status = el('span', { className: 'copy-status', attrs: { role: 'status' } });
      const copy = (label: string, text: string) => {
        const b = el('button', { className: 'button', attrs: { type: 'button', 'data-copy': label } }, `Copy as ${label}`);
        b.addEventListener('click', () => void this.copy(text, status, label));
        return b;
      };
      return el(
        'li',
        { className: 'query-item' },
        el('h3', {}, `${i + 1}. ${op.name}`),
        el('pre', { className: 'query-text' }, tidyQuery(op.query)),
        el('h4', {}, 'Variables'),
        el('pre', { className: 'query-vars' }, JSON.stringify(op.variables, null, 2)),
        el('div', { className: 'actions' }, copy('curl', asCurl(this.endpoint, op)), copy('Python', asPython(this.endpoint, op)), status),
      );
    });
    this.dialog.replaceChildren(
      el('header', { className: 'dialog-head' }, el('h2', { id: 'query-title' }, 'Queries behind this scene'), close),
      el('p', { className: 'hint' }, `Endpoint ${this.endpoint}. Run them in this order; removals, hiding and positions are the analyst's own and live in the page's link.`),
      items.length ? el('ol', { className: 'query-list' }, ...items) : el('p', { className: 'empty' }, 'No queries yet.'),
    );
    this.dialog.setAttribute('aria-labelledby', 'query-title');
    if (!this.dialog.open) this.dialog.showModal();
  }

  private async copy(text: string, status: HTMLElement, label: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(text);
      status.textContent = `${label} copied.`;
    } catch {
      // No clipboard permission (or an insecure origin): show the text to copy by hand.
      status.replaceChildren(el('textarea', { className: 'copy-fallback', attrs: { readonly: true, rows: 4, 'aria-label': `${label} to copy` } }, text));
    }
  }
}
