import { el } from '../dom.js';
import { ACTIONS, type ActionId } from '../keys.js';

/** The toolbar: one labelled button per action, its shortcut in the tooltip and aria-keyshortcuts. */
export class Toolbar {
  private readonly buttons = new Map<ActionId, HTMLButtonElement>();

  constructor(root: HTMLElement, run: (id: ActionId) => void) {
    root.setAttribute('role', 'toolbar');
    root.setAttribute('aria-label', 'Scene actions');
    for (const a of ACTIONS.filter((x) => x.toolbar)) {
      const b = el('button', { className: 'tool', attrs: { type: 'button', title: `${a.description} (${a.keys})`, 'aria-keyshortcuts': a.keys.replace('Ctrl', 'Control'), 'data-action': a.id } }, a.label);
      b.addEventListener('click', () => run(a.id));
      this.buttons.set(a.id, b);
      root.append(b);
    }
  }

  /** Greys out actions that would do nothing now (undo with no history, hide with no selection). */
  setEnabled(enabled: Partial<Record<ActionId, boolean>>): void {
    for (const [id, on] of Object.entries(enabled)) {
      const b = this.buttons.get(id as ActionId);
      if (b) b.disabled = !on;
    }
  }

  setLabel(id: ActionId, label: string): void {
    const b = this.buttons.get(id);
    if (b) b.textContent = label;
  }
}
