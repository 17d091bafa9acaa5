import { el } from '../dom.js';
import { lookOf } from '../graph/style.js';
import type { EntitySummary } from '../model.js';
import { isNodeVisible, type Scene } from '../scene/scene.js';
import { kindMark } from '../swatch.js';

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

/** One entry of the list, kept from render to render while its entity stays in the scene. */
interface Row {
  li: HTMLLIElement;
  button: HTMLButtonElement;
  /** Name and kind: a different identity rebuilds the entry; selection and "+N more" change in place. */
  identity: string;
  /** What a screen reader says for it: name and kind (drawn as the swatch), with its "+N more". */
  spoken: string;
  selected: boolean;
  more: number;
}

/**
 * The accessible twin of the canvas: the scene's visible entities as a list of buttons, in name
 * order, reachable by Tab and read by screen readers. Choosing one selects it as a click would.
 * Entries are kept by id: a render builds only the entries that are new or changed and moves the
 * rest into order, so adding a hub's neighbours or selecting a node does not rebuild thousands.
 */
export class EntityList {
  private readonly list: HTMLUListElement;
  private readonly heading: HTMLElement;
  private key = '';
  /** Bumped by each render, so a slice of an older list never lands in a newer one. */
  private job = 0;
  private rows = new Map<string, Row>();

  constructor(
    root: HTMLElement,
    /** `additive`: Shift, Ctrl or Cmd held, as Shift+click on the canvas. */
    private readonly choose: (id: string, additive: boolean) => void,
    /** Resolves when the canvas is idle; entries after the first batch wait for it (see GraphView.settled). */
    private readonly settled: () => Promise<void> = () => Promise.resolve(),
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
    const identity = (n: EntitySummary) => `${n.kind}|${n.name}`;
    const key = nodes.map((n) => `${n.id}|${selected.has(n.id) ? '*' : ''}|${more(n.id)}|${identity(n)}`).join('\n');
    if (key === this.key) return;
    this.key = key;
    this.heading.textContent = `Entities (${nodes.length})`;
    const job = ++this.job;

    const wanted = new Set(nodes.map((n) => n.id));
    for (const [id, row] of this.rows) {
      if (wanted.has(id)) continue;
      row.li.remove();
      this.rows.delete(id);
    }
    // Kept entries are updated in place (so a focused one keeps the focus); new ones are built in
    // slices, the first ones now and the rest when the browser is idle, so thousands never block it.
    const fresh: Required<EntitySummary>[] = [];
    for (const n of nodes) {
      const row = this.rows.get(n.id);
      if (!row || row.identity !== identity(n)) {
        row?.li.remove();
        this.rows.delete(n.id);
        fresh.push(n);
        continue;
      }
      this.update(row, selected.has(n.id), more(n.id));
    }
    let at = 0;
    const build = (count: number): void => {
      for (const n of fresh.slice(at, at + count)) this.rows.set(n.id, this.row(n, selected.has(n.id), more(n.id)));
      at += count;
      this.order(nodes);
    };
    build(FIRST);
    // Each later batch waits for an idle canvas, then for the browser to be idle.
    const next = (): void => void this.settled().then(() => later(step));
    const step = (): void => {
      if (job !== this.job) return;
      build(SLICE);
      if (at < fresh.length) next();
      else this.list.removeAttribute('aria-busy');
    };
    if (at < fresh.length) {
      this.list.setAttribute('aria-busy', 'true');
      next();
    } else this.list.removeAttribute('aria-busy');
  }

  /** Puts the built entries in the list in the order of `nodes`, moving only those out of place. */
  private order(nodes: readonly EntitySummary[]): void {
    let cursor = this.list.firstElementChild;
    for (const n of nodes) {
      const li = this.rows.get(n.id)?.li;
      if (!li) continue;
      if (li === cursor) cursor = cursor.nextElementSibling;
      else this.list.insertBefore(li, cursor);
    }
  }

  private row(n: Required<EntitySummary>, selected: boolean, more: number): Row {
    // The kind is said in the button's name rather than in hidden text: a visually hidden span is
    // positioned and clipped, and thousands of those made every batch of new entries cost layout.
    const spoken = `${n.name}, ${lookOf(n.kind).label}`;
    const button = el('button', { className: 'entity-link', attrs: { type: 'button', 'aria-pressed': 'false', 'aria-label': spoken, 'data-id': n.id } }, kindMark(n.kind), n.name);
    button.addEventListener('click', (e) => this.choose(n.id, e.shiftKey || e.ctrlKey || e.metaKey));
    const row: Row = { li: el('li', {}, button), button, identity: `${n.kind}|${n.name}`, spoken, selected: false, more: 0 };
    this.update(row, selected, more);
    return row;
  }

  /** Selection and "+N more" (relationships the scene's answers left out; Load more (M) brings the next batch). */
  private update(row: Row, selected: boolean, more: number): void {
    if (row.selected !== selected) row.button.setAttribute('aria-pressed', selected ? 'true' : 'false');
    row.selected = selected;
    if (row.more === more) return;
    row.more = more;
    row.button.querySelector('.more-badge')?.remove();
    const unseen = `${more} more relationships not in the scene`;
    if (more) row.button.append(el('span', { className: 'more-badge', attrs: { title: unseen } }, ` +${more}`));
    row.button.setAttribute('aria-label', more ? `${row.spoken}, ${unseen}` : row.spoken);
  }

  focus(): void {
    (this.list.querySelector<HTMLElement>('[aria-pressed="true"]') ?? this.list.querySelector<HTMLElement>('button'))?.focus();
  }
}
