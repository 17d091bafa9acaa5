import { el } from '../dom.js';
import { lookOf } from '../graph/style.js';
import type { EntitySummary } from '../model.js';
import { isNodeVisible, type Scene } from '../scene/scene.js';
import { kindSwatch } from '../swatch.js';

/** The first entries are built at once (what fits on screen and more); the rest follow in slices. */
const FIRST = 200;
/** Entries built per idle slice: a few milliseconds each, so thousands never block the page. */
const SLICE = 300;
const byName = new Intl.Collator('nb');

/** Runs `fn` when the browser is idle (soon in any case), or on the next task where there is no idle callback. */
function later(fn: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(fn, { timeout: 100 });
  else setTimeout(fn, 0);
}

/**
 * The accessible twin of the canvas: the scene's visible entities as a list of buttons, in name
 * order, reachable by Tab and read by screen readers. Choosing one selects it as a click would.
 */
export class EntityList {
  private readonly list: HTMLUListElement;
  private readonly heading: HTMLElement;
  private key = '';
  /** Bumped by each render, so a slice of an older list never lands in a newer one. */
  private job = 0;

  constructor(
    root: HTMLElement,
    /** `additive`: Shift, Ctrl or Cmd held, as Shift+click on the canvas. */
    private readonly choose: (id: string, additive: boolean) => void,
  ) {
    this.heading = el('h2', { id: 'entity-list-title' }, 'Entities');
    this.list = el('ul', { className: 'entity-list', attrs: { 'aria-labelledby': 'entity-list-title' } });
    root.replaceChildren(this.heading, this.list);
    // ↑ ↓ Home End move through the list, so a long scene is not only reachable one Tab at a time.
    this.list.addEventListener('keydown', (event) => {
      const buttons = [...this.list.querySelectorAll<HTMLButtonElement>('button')];
      const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
      if (at < 0 || event.ctrlKey || event.metaKey || event.altKey) return;
      const next = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: buttons.length - 1 }[event.key];
      const target = next === undefined ? undefined : buttons[Math.max(0, Math.min(buttons.length - 1, next))];
      if (!target) return;
      event.preventDefault();
      target.focus();
    });
  }

  render(scene: Scene): void {
    const nodes = [...scene.nodes.values()].filter((n) => isNodeVisible(scene, n.id)).sort((a, b) => byName.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const selected = new Set(scene.selection);
    const more = (id: string) => scene.more.get(id) ?? 0;
    const key = nodes.map((n) => `${n.id}${selected.has(n.id) ? '*' : ''}${more(n.id) || ''}`).join('|');
    if (key === this.key) return;
    this.key = key;
    this.heading.textContent = `Entities (${nodes.length})`;
    const item = (n: Required<EntitySummary>): HTMLLIElement => {
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
    };
    // Thousands of buttons built in one go block the page for seconds: the first ones now, the rest
    // in idle slices; the heading counts them all at once and aria-busy says the list is still filling.
    const job = ++this.job;
    // Rebuilding drops the focused button: choosing with Enter must leave the keyboard where it was.
    const focusedId = this.list.contains(document.activeElement) ? (document.activeElement as HTMLElement).dataset.id : undefined;
    this.list.replaceChildren(...nodes.slice(0, FIRST).map(item));
    if (focusedId) this.list.querySelector<HTMLElement>(`button[data-id="${CSS.escape(focusedId)}"]`)?.focus({ preventScroll: true });
    let at = FIRST;
    const step = (): void => {
      if (job !== this.job) return;
      this.list.append(...nodes.slice(at, at + SLICE).map(item));
      at += SLICE;
      if (at < nodes.length) later(step);
      else this.list.removeAttribute('aria-busy');
    };
    if (at < nodes.length) {
      this.list.setAttribute('aria-busy', 'true');
      later(step);
    } else this.list.removeAttribute('aria-busy');
  }

  focus(): void {
    (this.list.querySelector<HTMLElement>('[aria-pressed="true"]') ?? this.list.querySelector<HTMLElement>('button'))?.focus();
  }
}
