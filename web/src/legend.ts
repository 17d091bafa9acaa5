import { el } from './dom.js';
import { lookOf } from './graph/style.js';
import { ENTITY_KINDS, type EntityKind } from './model.js';
import { kindSwatch } from './swatch.js';

/** The legend: one row per kind with its swatch, a count, and a checkbox that shows or hides it. */
export class Legend {
  private readonly counts = new Map<EntityKind, HTMLElement>();
  private readonly boxes = new Map<EntityKind, HTMLInputElement>();

  constructor(root: HTMLElement, onToggle: (kind: EntityKind, visible: boolean) => void) {
    const list = el('ul', { className: 'legend-list' });
    for (const kind of ENTITY_KINDS) {
      const box = el('input', { attrs: { type: 'checkbox', checked: true, 'data-kind': kind } });
      box.addEventListener('change', () => onToggle(kind, box.checked));
      const count = el('span', { className: 'legend-count', attrs: { title: 'entities in the graph' } }, '0');
      this.boxes.set(kind, box);
      this.counts.set(kind, count);
      list.append(el('li', {}, el('label', {}, box, kindSwatch(kind, 16), el('span', { className: 'legend-name' }, lookOf(kind).label), count)));
    }
    root.replaceChildren(el('h2', { id: 'legend-title' }, 'Kinds'), list);
    root.setAttribute('aria-labelledby', 'legend-title');
  }

  /** Updates the per-kind counts of entities in the graph. */
  setCounts(counts: ReadonlyMap<EntityKind, number>): void {
    for (const [kind, node] of this.counts) {
      const n = counts.get(kind) ?? 0;
      node.textContent = String(n);
      node.closest('li')?.classList.toggle('absent', n === 0);
    }
  }

  /** Ticks or unticks a kind without firing the toggle callback (for programmatic changes). */
  setChecked(kind: EntityKind, checked: boolean): void {
    const box = this.boxes.get(kind);
    if (box) box.checked = checked;
  }
}
