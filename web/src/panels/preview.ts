import { el } from '../dom.js';
import { lookOf } from '../graph/style.js';
import { chosenCount, type ExpansionGroup } from '../scene/preview.js';
import { kindSwatch } from '../swatch.js';

/**
 * The expansion preview for a hub: one checkbox per group (relationship type, direction, kind) with
 * its count; the analyst picks what to bring in. Resolves with the chosen groups, or null if cancelled.
 */
export class PreviewDialog {
  private resolve: ((groups: ExpansionGroup[] | null) => void) | undefined;

  constructor(private readonly dialog: HTMLDialogElement) {
    dialog.addEventListener('close', () => this.finish(null));
  }

  /** `name` is the hub's; arrows read from it: → OUT to the group, ← IN from it. */
  choose(name: string, groups: readonly ExpansionGroup[], truncated: boolean): Promise<ExpansionGroup[] | null> {
    this.finish(null);
    const boxes = groups.map((g) => {
      const box = el('input', { attrs: { type: 'checkbox', 'data-key': g.key } });
      const arrow = g.direction === 'OUT' ? `→ ${g.type} →` : `← ${g.type} ←`;
      const label = el(
        'label',
        { className: 'preview-row' },
        box,
        el('span', { className: 'rel-type' }, arrow),
        kindSwatch(g.kind, 14),
        el('span', {}, lookOf(g.kind).label),
        el('span', { className: 'legend-count' }, String(g.count)),
      );
      return { g, box, label };
    });
    const total = chosenCount(groups);
    const add = el('button', { className: 'button primary', attrs: { type: 'button' } }, 'Add chosen');
    const count = () => chosenCount(boxes.filter((b) => b.box.checked).map((b) => b.g));
    const refresh = () => {
      const n = count();
      add.textContent = n ? `Add ${n} ${n === 1 ? 'entity' : 'entities'}` : 'Choose groups to add';
      add.disabled = n === 0;
    };
    for (const b of boxes) b.box.addEventListener('change', refresh);
    const all = el('button', { className: 'button', attrs: { type: 'button' } }, `Add all ${total}`);
    const cancel = el('button', { className: 'button', attrs: { type: 'button' } }, 'Cancel');
    add.addEventListener('click', () => this.finish(boxes.filter((b) => b.box.checked).map((b) => b.g)));
    all.addEventListener('click', () => this.finish([...groups]));
    cancel.addEventListener('click', () => this.finish(null));
    refresh();
    this.dialog.setAttribute('aria-labelledby', 'preview-title');
    this.dialog.replaceChildren(
      el('header', { className: 'dialog-head' }, el('h2', { id: 'preview-title' }, `Expand ${name}: ${total} ${groups.every((g) => g.ids) ? 'new entities' : 'neighbours'}`)),
      el('p', { className: 'hint' }, 'Pick the groups to bring in; the rest stay out of the scene until you expand again.' + (truncated ? ' The server cut this neighbourhood at its limit: there are more.' : '')),
      el('fieldset', { className: 'preview-groups' }, el('legend', {}, 'Groups by relationship, direction and kind'), ...boxes.map((b) => b.label)),
      el('div', { className: 'actions' }, add, all, cancel),
    );
    if (!this.dialog.open) this.dialog.showModal();
    return new Promise((resolve) => {
      this.resolve = resolve;
    });
  }

  private finish(groups: ExpansionGroup[] | null): void {
    const resolve = this.resolve;
    this.resolve = undefined;
    if (this.dialog.open) this.dialog.close();
    resolve?.(groups);
  }
}
