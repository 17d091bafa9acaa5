import './review.css';
import { humanError } from '../api/errors.js';
import { el } from '../dom.js';
import { acceptProposal, importDocument, pendingProposals, rejectProposal, token, type ProposalEdit, type ProposalView } from './review-api.js';
import { describe, details, editFields, quoteInSentence } from './review-view.js';

/**
 * The review list (issue 7): import a document by paste or upload, then walk its pending proposals and accept,
 * reject or edit-then-accept each one. Keys: j / k move, a accepts, r rejects, e edits. Self-contained, so the
 * page only has to mount it.
 */
export class ReviewPanel {
  readonly root: HTMLElement;
  private readonly list = el('ol', { className: 'review-list', attrs: { 'aria-label': 'Pending proposals' } });
  private readonly status = el('p', { className: 'review-status', attrs: { role: 'status', 'aria-live': 'polite' } });
  private proposals: ProposalView[] = [];
  private selected = 0;
  private documentId: string | null = null;
  private busy = false;

  constructor() {
    this.root = el('section', { id: 'review', className: 'review', attrs: { 'aria-label': 'Review imported proposals', hidden: true } });
    const close = el('button', { className: 'icon-button', attrs: { type: 'button', 'aria-label': 'Close the import panel' } }, '×');
    close.addEventListener('click', () => this.close());
    this.root.append(el('header', { className: 'dialog-head' }, el('h2', {}, 'Import and review'), close), this.tokenForm(), this.importForm(), this.openForm(), this.status, this.list);
    this.root.addEventListener('keydown', (event) => this.onKey(event));
  }

  /** The button that opens the panel, told when it opens and closes (aria-expanded), and focused on closing. */
  toggleButton: HTMLButtonElement | undefined;

  toggle(open = this.root.hidden): void {
    if (open) this.place();
    this.root.hidden = !open;
    this.toggleButton?.setAttribute('aria-expanded', String(open));
    if (open) this.root.querySelector<HTMLInputElement>('input')?.focus();
  }

  private toolbarWatch: ResizeObserver | undefined;

  /**
   * Below the toolbar, whose height depends on the width (it wraps on narrower windows), so every action stays
   * reachable while the panel is open; placed again whenever the toolbar's height changes.
   */
  private place(): void {
    const toolbar = document.querySelector('.toolbar-row');
    if (!toolbar) return;
    this.root.style.top = `${Math.round(toolbar.getBoundingClientRect().bottom + 8)}px`;
    if (this.toolbarWatch) return;
    this.toolbarWatch = new ResizeObserver(() => {
      if (!this.root.hidden) this.place();
    });
    this.toolbarWatch.observe(toolbar);
  }

  /** Closes the panel (Escape, its × button); false when it was not open. The focus goes back to its button. */
  close(): boolean {
    if (this.root.hidden) return false;
    const hadFocus = this.root.contains(document.activeElement);
    this.toggle(false);
    if (hadFocus) this.toggleButton?.focus();
    return true;
  }

  contains(node: Node | null): boolean {
    return !!node && this.root.contains(node);
  }

  private tokenForm(): HTMLElement {
    const input = el('input', { attrs: { type: 'password', name: 'token', autocomplete: 'off', placeholder: 'Write token (kept for this tab only)', 'aria-label': 'Write token' } });
    input.value = token.get();
    input.addEventListener('change', () => token.set(input.value));
    return el('div', { className: 'review-token' }, input);
  }

  private importForm(): HTMLFormElement {
    const field = (name: string, placeholder: string) => el('input', { attrs: { name, placeholder, 'aria-label': placeholder } });
    const title = field('title', 'Title');
    const publishedAt = field('publishedAt', 'Published (2026-03-01)');
    const source = field('source', 'Source URL');
    const language = field('language', 'Language (nb, nn)');
    const text = el('textarea', { attrs: { name: 'text', rows: 6, placeholder: 'Paste the article (text, Markdown or HTML)', 'aria-label': 'Article text' } });
    const file = el('input', { attrs: { type: 'file', accept: '.txt,.md,.html,.htm,text/plain,text/markdown,text/html', 'aria-label': 'Upload an article' } });
    file.addEventListener('change', async () => {
      const chosen = file.files?.[0];
      if (!chosen) return;
      text.value = await chosen.text();
      if (!title.value) title.value = chosen.name.replace(/\.[^.]+$/, '');
    });
    const form = el('form', { className: 'review-import' }, title, el('div', { className: 'review-row' }, publishedAt, language), source, text, file, el('button', { className: 'button', attrs: { type: 'submit' } }, 'Import'));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const optional = (input: HTMLInputElement) => input.value.trim() || undefined;
      void this.run('Importing', async () => {
        const result = await importDocument({ title: title.value, text: text.value, publishedAt: optional(publishedAt), source: optional(source), language: optional(language) });
        this.documentId = result.document.id;
        this.show(result.proposals.filter((p) => p.status === 'PENDING'));
        return `${result.document.id}: ${result.unchanged ? 'already imported; ' : ''}${result.mentions.length} mentions, ${this.proposals.length} pending proposals`;
      });
    });
    return form;
  }

  /** Opens a document imported elsewhere (the command line, another tab) by its id. */
  private openForm(): HTMLFormElement {
    const id = el('input', { attrs: { name: 'documentId', placeholder: 'or open an imported document: doc:…', 'aria-label': 'Document id' } });
    const form = el('form', { className: 'review-row' }, id, el('button', { className: 'button', attrs: { type: 'submit' } }, 'Open'));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (id.value.trim()) void this.load(id.value.trim());
    });
    return form;
  }

  /** Opens the pending proposals of a stored document. */
  async load(documentId: string): Promise<void> {
    this.documentId = documentId;
    await this.run('Loading', async () => {
      this.show(await pendingProposals(documentId));
      return `${documentId}: ${this.proposals.length} pending proposals`;
    });
  }

  private show(proposals: ProposalView[]): void {
    this.proposals = proposals;
    this.selected = Math.min(this.selected, Math.max(0, proposals.length - 1));
    this.list.replaceChildren(
      ...proposals.map((p, i) => {
        const accept = el('button', { className: 'button', attrs: { type: 'button', title: 'Accept (a)' } }, 'Accept');
        const reject = el('button', { className: 'button', attrs: { type: 'button', title: 'Reject (r)' } }, 'Reject');
        const edit = el('button', { className: 'button', attrs: { type: 'button', title: 'Edit, then accept (e)' } }, 'Edit');
        accept.addEventListener('click', () => void this.decide(i, 'accept'));
        reject.addEventListener('click', () => void this.decide(i, 'reject'));
        edit.addEventListener('click', () => this.edit(i));
        const item = el(
          'li',
          { className: 'review-item', attrs: { tabindex: i === this.selected ? 0 : -1, 'aria-selected': i === this.selected, 'data-id': p.id } },
          el('p', { className: 'review-what' }, describe(p)),
          quoteInSentence(p),
          details(p),
          el('div', { className: 'review-actions' }, accept, reject, edit),
        );
        item.addEventListener('click', () => this.select(i, false));
        return item;
      }),
    );
    if (proposals.length === 0 && this.documentId) this.list.append(el('li', { className: 'review-empty' }, 'Nothing left to review.'));
  }

  private select(index: number, focus = true): void {
    if (this.proposals.length === 0) return;
    this.selected = Math.max(0, Math.min(this.proposals.length - 1, index));
    this.list.querySelectorAll<HTMLElement>('.review-item').forEach((item, i) => {
      item.tabIndex = i === this.selected ? 0 : -1;
      item.setAttribute('aria-selected', String(i === this.selected));
      if (i === this.selected && focus) item.focus();
    });
  }

  private onKey(event: KeyboardEvent): void {
    const target = event.target as HTMLElement;
    if (target.closest('input, textarea, select') || event.ctrlKey || event.metaKey || event.altKey) return;
    const actions: Record<string, () => void> = {
      j: () => this.select(this.selected + 1),
      k: () => this.select(this.selected - 1),
      a: () => void this.decide(this.selected, 'accept'),
      r: () => void this.decide(this.selected, 'reject'),
      e: () => this.edit(this.selected),
    };
    const action = actions[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  }

  private edit(index: number): void {
    const p = this.proposals[index];
    const item = this.list.children[index];
    if (!p || !item || item.querySelector('.review-edit')) return;
    const { form, inputs } = editFields(p);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const edit: ProposalEdit = {};
      for (const [name, input] of inputs) if (input.value.trim() !== '') edit[name as keyof ProposalEdit] = input.value.trim();
      void this.decide(index, 'accept', edit);
    });
    item.append(form);
    inputs.values().next().value?.focus();
  }

  private async decide(index: number, decision: 'accept' | 'reject', edit?: ProposalEdit): Promise<void> {
    const p = this.proposals[index];
    if (!p) return;
    await this.run(decision === 'accept' ? 'Accepting' : 'Rejecting', async () => {
      const done = decision === 'accept' ? await acceptProposal(p.id, edit) : await rejectProposal(p.id);
      this.show(this.proposals.filter((other) => other.id !== p.id));
      this.select(index);
      return decision === 'accept' ? `Accepted: ${describe(done)} (${done.writtenId ?? ''})` : `Rejected: ${describe(done)}`;
    });
  }

  /** One request at a time; its outcome or its error (with the API's code) goes to the status line. */
  private async run(action: string, work: () => Promise<string>): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.status.dataset.tone = 'busy';
    this.status.textContent = `${action} …`;
    try {
      this.status.textContent = await work();
      this.status.dataset.tone = 'info';
    } catch (error) {
      this.status.dataset.tone = 'error';
      this.status.textContent = `${action} failed. ${humanError(error)}`;
    } finally {
      this.busy = false;
    }
  }
}

/** Adds the review panel and a topbar button that opens it; the only hook the page needs. */
export function mountReview(): ReviewPanel {
  const panel = new ReviewPanel();
  const button = el('button', { id: 'review-toggle', className: 'button', attrs: { type: 'button', 'aria-controls': 'review', 'aria-expanded': 'false' } }, 'Review');
  panel.toggleButton = button;
  button.addEventListener('click', () => panel.toggle());
  (document.querySelector('.topbar') ?? document.body).append(button);
  document.body.append(panel.root);
  return panel;
}
