import { el } from '../dom.js';
import { ACTIONS, TOOL_GROUPS, type ActionId, type ActionSpec, type ToolGroup } from '../keys.js';

/**
 * The toolbar: one labelled button per action, in groups that keep together (so at 1440 px it is one line,
 * and narrower it breaks between groups, never inside one). Each button's shortcut is in its tooltip and
 * aria-keyshortcuts. One Tab stop for the whole bar; the arrow keys, Home and End move within it (the ARIA
 * toolbar pattern), so the graph and panel are not 19 Tab presses away.
 */
export class Toolbar {
  private readonly buttons = new Map<ActionId, HTMLButtonElement>();
  private readonly order: HTMLButtonElement[] = [];
  /** The button that holds the bar's Tab stop. */
  private current: HTMLButtonElement | undefined;

  constructor(root: HTMLElement, run: (id: ActionId) => void) {
    root.setAttribute('role', 'toolbar');
    root.setAttribute('aria-label', 'Scene actions');
    const groups = new Map<ToolGroup, HTMLElement>();
    for (const a of ACTIONS) {
      if (!a.group) continue;
      let group = groups.get(a.group);
      if (!group) {
        group = el('div', { className: 'tool-group', attrs: { role: 'group', 'aria-label': TOOL_GROUPS[a.group] } });
        groups.set(a.group, group);
        root.append(group);
      }
      const b = button(a);
      b.addEventListener('click', () => run(a.id));
      b.addEventListener('focus', () => this.rove(b));
      this.buttons.set(a.id, b);
      this.order.push(b);
      group.append(b);
    }
    root.addEventListener('keydown', (event) => this.onKey(event));
    this.rove(this.order[0]);
    // The hairline between groups belongs between them: a group that starts a line has none.
    const groupList = [...groups.values()];
    new ResizeObserver(() => markLineStarts(groupList)).observe(root);
  }

  /** Greys out actions that would do nothing now (undo with no history, hide with no selection). */
  setEnabled(enabled: Partial<Record<ActionId, boolean>>): void {
    for (const [id, on] of Object.entries(enabled)) {
      const b = this.buttons.get(id as ActionId);
      if (b) b.disabled = !on;
    }
    // A disabled button cannot take the focus: the Tab stop moves to one that can.
    if (!this.current || this.current.disabled) this.rove(this.order.find((b) => !b.disabled));
  }

  setLabel(id: ActionId, label: string): void {
    const b = this.buttons.get(id);
    if (b) b.textContent = label;
  }

  private rove(to: HTMLButtonElement | undefined): void {
    if (!to) return;
    this.current = to;
    for (const b of this.order) b.tabIndex = b === to ? 0 : -1;
  }

  private onKey(event: KeyboardEvent): void {
    const enabled = this.order.filter((b) => !b.disabled);
    const at = enabled.indexOf(document.activeElement as HTMLButtonElement);
    if (at < 0 || event.ctrlKey || event.metaKey || event.altKey) return;
    const next = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: enabled.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const target = enabled[(next + enabled.length) % enabled.length];
    this.rove(target);
    target?.focus();
  }
}

/** Marks each group that begins a line of the wrapped bar (`line-start`), so its divider is not drawn. */
function markLineStarts(groups: readonly HTMLElement[]): void {
  let top = Number.NaN;
  for (const group of groups) {
    group.classList.toggle('line-start', group.offsetTop !== top);
    top = group.offsetTop;
  }
}

function button(a: ActionSpec): HTMLButtonElement {
  const attrs: Record<string, string> = {
    type: 'button',
    title: `${a.icon ? `${a.label}: ` : ''}${a.description} (${a.keys})`,
    'aria-keyshortcuts': a.keys.replace('Ctrl', 'Control'),
    'data-action': a.id,
  };
  // An icon button is named by its label, so screen readers and tests find "Zoom in", not "+".
  if (a.icon) attrs['aria-label'] = a.label;
  return el('button', { className: a.icon ? 'tool tool-icon' : 'tool', attrs }, a.icon ?? a.label);
}
