import { el } from '../dom.js';
import { lookOf } from '../graph/style.js';
import { isNodeVisible, type Scene } from '../scene/scene.js';
import { kindSwatch } from '../swatch.js';

/**
 * The accessible twin of the canvas: the scene's visible entities as a list of buttons, in name
 * order, reachable by Tab and read by screen readers. Choosing one selects it as a click would.
 */
export class EntityList {
  private readonly list: HTMLUListElement;
  private readonly heading: HTMLElement;
  private key = '';

  constructor(
    root: HTMLElement,
    /** `additive`: Shift, Ctrl or Cmd held, as Shift+click on the canvas. */
    private readonly choose: (id: string, additive: boolean) => void,
  ) {
    this.heading = el('h2', { id: 'entity-list-title' }, 'Entities');
    this.list = el('ul', { className: 'entity-list', attrs: { 'aria-labelledby': 'entity-list-title' } });
    root.replaceChildren(this.heading, this.list);
  }

  render(scene: Scene): void {
    const nodes = [...scene.nodes.values()].filter((n) => isNodeVisible(scene, n.id)).sort((a, b) => a.name.localeCompare(b.name, 'nb') || a.id.localeCompare(b.id));
    const selected = new Set(scene.selection);
    const more = (id: string) => scene.more.get(id) ?? 0;
    const key = nodes.map((n) => `${n.id}${selected.has(n.id) ? '*' : ''}${more(n.id) || ''}`).join('|');
    if (key === this.key) return;
    this.key = key;
    this.heading.textContent = `Entities (${nodes.length})`;
    this.list.replaceChildren(
      ...nodes.map((n) => {
        const b = el(
          'button',
          { className: 'entity-link', attrs: { type: 'button', 'aria-pressed': selected.has(n.id) ? 'true' : 'false', 'data-id': n.id } },
          kindSwatch(n.kind, 12),
          n.name,
          el('span', { className: 'visually-hidden' }, `, ${lookOf(n.kind).label}`),
          // "+N more": relationships the scene's answers left out; Load more (M) brings the next batch.
          more(n.id) ? el('span', { className: 'more-badge', attrs: { title: `${more(n.id)} more relationships not in the scene` } }, ` +${more(n.id)}`) : null,
        );
        b.addEventListener('click', (e) => this.choose(n.id, e.shiftKey || e.ctrlKey || e.metaKey));
        return el('li', {}, b);
      }),
    );
  }

  focus(): void {
    (this.list.querySelector<HTMLElement>('[aria-pressed="true"]') ?? this.list.querySelector<HTMLElement>('button'))?.focus();
  }
}
