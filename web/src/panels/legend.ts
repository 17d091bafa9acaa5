import { el } from '../dom.js';
import { lookOf } from '../graph/style.js';
import { ENTITY_KINDS, type EntityKind } from '../model.js';
import { kindSwatch } from '../swatch.js';

/**
 * The legend: one row per kind (swatch, count, a checkbox that shows or hides it) and one per
 * relationship type in the scene (count and checkbox). Checkboxes follow the scene (`render`).
 */
export class Legend {
  private readonly counts = new Map<EntityKind, HTMLElement>();
  private readonly boxes = new Map<EntityKind, HTMLInputElement>();
  private readonly types: HTMLUListElement;
  private typesKey = '';

  constructor(
    root: HTMLElement,
    onKind: (kind: EntityKind, visible: boolean) => void,
    private readonly onType: (type: string, visible: boolean) => void,
  ) {
    const list = el('ul', { className: 'legend-list' });
    for (const kind of ENTITY_KINDS) {
      const box = el('input', { attrs: { type: 'checkbox', checked: true, 'data-kind': kind } });
      box.addEventListener('change', () => onKind(kind, box.checked));
      const count = el('span', { className: 'legend-count', attrs: { title: 'entities in the scene' } }, '0');
      this.boxes.set(kind, box);
      this.counts.set(kind, count);
      list.append(el('li', {}, el('label', {}, box, kindSwatch(kind, 16), el('span', { className: 'legend-name' }, lookOf(kind).label), count)));
    }
    this.types = el('ul', { className: 'legend-list legend-types', attrs: { 'aria-labelledby': 'legend-types-title' } });
    root.replaceChildren(el('h2', { id: 'legend-title' }, 'Kinds'), list, el('h2', { id: 'legend-types-title' }, 'Relationships'), this.types);
    root.setAttribute('aria-labelledby', 'legend-title');
  }

  render(kinds: ReadonlyMap<EntityKind, number>, hiddenKinds: ReadonlySet<EntityKind>, types: ReadonlyMap<string, number>, hiddenTypes: ReadonlySet<string>): void {
    for (const [kind, node] of this.counts) {
      const n = kinds.get(kind) ?? 0;
      node.textContent = String(n);
      node.closest('li')?.classList.toggle('absent', n === 0);
      this.boxes.get(kind)!.checked = !hiddenKinds.has(kind);
    }
    const key = [...types].map(([t, n]) => `${t}:${n}:${hiddenTypes.has(t)}`).join('|');
    if (key === this.typesKey) return;
    this.typesKey = key;
    this.types.replaceChildren(
      ...[...types].map(([type, n]) => {
        const box = el('input', { attrs: { type: 'checkbox', checked: !hiddenTypes.has(type), 'data-type': type } });
        box.addEventListener('change', () => this.onType(type, box.checked));
        return el('li', {}, el('label', {}, box, el('span', { className: 'legend-name rel-type' }, type), el('span', { className: 'legend-count' }, String(n))));
      }),
    );
  }
}
