import { el } from '../dom.js';
import type { Evidence } from '../model.js';
import { highlightSegments } from './highlight.js';

/**
 * The document behind a quote: title, date, source, the full text with every quote supporting the
 * selected item marked, and the clicked quote scrolled into view. A modal <dialog>: Escape closes
 * it and focus returns to where it was. Text only: the document is untrusted.
 */
export class DocumentView {
  constructor(private readonly dialog: HTMLDialogElement) {
    dialog.addEventListener('click', (event) => {
      // A click on the backdrop (the dialog element itself, outside its content) closes it.
      if (event.target === dialog) dialog.close();
    });
  }

  /** `fullText` is fetched by the caller when the view opens: entity details carry no document texts. */
  open(evidence: Evidence, all: readonly Evidence[], fullText: string): void {
    const doc = evidence.document;
    const ranges = all.filter((e) => e.document.id === doc.id);
    const segments = highlightSegments(fullText, ranges, evidence);
    const text = el('div', { className: 'doc-text' });
    let current: HTMLElement | null = null;
    for (const s of segments) {
      if (!s.mark) {
        text.append(s.text);
        continue;
      }
      const mark = el('mark', { className: s.current ? 'current' : undefined }, s.text);
      if (s.current) current = mark;
      text.append(mark);
    }
    const source = doc.source && /^https?:\/\//i.test(doc.source)
      ? el('a', { attrs: { href: doc.source, rel: 'noopener noreferrer', target: '_blank' } }, doc.source)
      : doc.source;
    const close = el('button', { className: 'icon-button', attrs: { type: 'button', 'aria-label': 'Close document' } }, '×');
    close.addEventListener('click', () => this.dialog.close());
    const marks = segments.filter((s) => s.mark).length;
    this.dialog.replaceChildren(
      el(
        'header',
        { className: 'dialog-head' },
        el('div', {}, el('div', { className: 'panel-eyebrow' }, 'Document'), el('h2', { id: 'document-title' }, doc.title)),
        close,
      ),
      el(
        'dl',
        { className: 'facts doc-meta' },
        el('dt', {}, 'Published'),
        el('dd', {}, doc.publishedAt ?? 'unknown'),
        el('dt', {}, 'Source'),
        el('dd', {}, source ?? 'unknown'),
        el('dt', {}, 'Marked'),
        el('dd', {}, `${marks} ${marks === 1 ? 'passage' : 'passages'} supporting the selection`),
      ),
      text,
    );
    this.dialog.setAttribute('aria-labelledby', 'document-title');
    if (!this.dialog.open) this.dialog.showModal();
    current?.scrollIntoView({ block: 'center' });
  }

  get isOpen(): boolean {
    return this.dialog.open;
  }
}
