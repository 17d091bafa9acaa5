import { humanError } from '../api/errors.js';
import { deleteScene, fetchScene, listScenes, saveScene, type SavedSceneSummary } from '../api/scenes.js';
import { el } from '../dom.js';
import { token } from './review-api.js';

/** What the dialog needs from the page: the current scene's encoding, and a way to open a saved one. */
export interface SceneHost {
  /** The scene as the permalink encodes it (the server counts its entities). */
  current(): Promise<{ state: string }>;
  /** Restores a saved scene's state (as a permalink would), as one undoable step. */
  open(state: string, name: string): Promise<void>;
  /** Tells the page what happened (the toolbar message). */
  say(message: string, tone?: 'info' | 'error'): void;
}

const NAME_MAX = 100;
/** Scenes per page of the list; "More scenes" brings the next page after the last one shown. */
export const SCENES_PAGE = 20;

/**
 * Saved scenes: save the current scene under a name, and a list to reopen or delete one. Saving and deleting
 * need the write token the review panel keeps for this tab (sessionStorage); without it the dialog says so.
 */
export class ScenesDialog {
  private readonly nameInput = el('input', {
    id: 'scene-name',
    attrs: { type: 'text', name: 'name', maxlength: NAME_MAX, required: true, autocomplete: 'off', placeholder: 'e.g. Regional IT leaders' },
  });
  private readonly status = el('p', { className: 'scenes-status', attrs: { role: 'status', 'aria-live': 'polite' } });
  private readonly list = el('ul', { className: 'scenes-list', attrs: { 'aria-label': 'Saved scenes' } });
  private readonly count = el('p', { className: 'scenes-count', attrs: { 'aria-live': 'polite' } });
  private readonly moreButton = el('button', { className: 'button scenes-more', attrs: { type: 'button', hidden: true } }, 'Show more scenes');
  /** Only the latest listing is shown: one started on opening may answer after one started by a save. */
  private listing = 0;
  /** Where the next page starts (the server's keyset cursor), null when the last page is shown. */
  private next: string | null = null;
  private total = 0;

  constructor(
    private readonly dialog: HTMLDialogElement,
    private readonly host: SceneHost,
  ) {
    const close = el('button', { className: 'icon-button', attrs: { type: 'button', 'aria-label': 'Close saved scenes' } }, '×');
    close.addEventListener('click', () => dialog.close());
    const form = el(
      'form',
      { className: 'scenes-save' },
      el('label', { attrs: { for: 'scene-name' } }, 'Scene name'),
      this.nameInput,
      el('button', { className: 'button', attrs: { type: 'submit' } }, 'Save'),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.save();
    });
    dialog.setAttribute('aria-labelledby', 'scenes-title');
    dialog.replaceChildren(
      el('header', { className: 'dialog-head' }, el('h2', { id: 'scenes-title' }, 'Saved scenes'), close),
      form,
      this.status,
      el('h3', {}, 'Open a saved scene'),
      this.list,
      el('footer', { className: 'scenes-footer' }, this.count, this.moreButton),
    );
    this.moreButton.addEventListener('click', () => void this.more());
  }

  /** Opens the dialog; `focus` says whether the name field (Save scene) or the list (Scenes) gets the focus. */
  show(focus: 'save' | 'list'): void {
    if (!this.dialog.open) this.dialog.showModal();
    this.setStatus(token.get() ? '' : 'Saving and deleting need a write token: open Review (top right) and paste it there; it is kept for this tab only.');
    if (focus === 'save') {
      this.nameInput.focus();
      this.nameInput.select();
    }
    void this.refresh(focus === 'list');
  }

  private setStatus(message: string, tone: 'info' | 'error' = 'info'): void {
    this.status.textContent = message;
    this.status.dataset.tone = tone;
  }

  /** The first page again (on opening, after a save): the newest scenes first. */
  private async refresh(focusList = false): Promise<void> {
    const mine = ++this.listing;
    try {
      const page = await listScenes(SCENES_PAGE);
      if (mine !== this.listing) return;
      this.next = page.next;
      this.total = page.totalCount;
      this.list.replaceChildren(...(page.scenes.length ? page.scenes.map((scene) => this.item(scene)) : [el('li', { className: 'empty' }, 'No saved scenes yet.')]));
      this.showCount();
      if (focusList) this.list.querySelector<HTMLButtonElement>('button')?.focus();
    } catch (error) {
      if (mine === this.listing) this.setStatus(`The saved scenes could not be listed. ${humanError(error)}`, 'error');
    }
  }

  /** The next page, after the last scene shown; the focus goes to the first of them, where reading goes on. */
  private async more(): Promise<void> {
    if (!this.next) return;
    const mine = ++this.listing;
    this.moreButton.disabled = true;
    try {
      const page = await listScenes(SCENES_PAGE, this.next);
      if (mine !== this.listing) return;
      const shown = new Set([...this.list.querySelectorAll<HTMLElement>('[data-scene-id]')].map((li) => li.dataset.sceneId));
      const fresh = page.scenes.filter((scene) => !shown.has(scene.id)).map((scene) => this.item(scene));
      this.list.append(...fresh);
      this.next = page.next;
      this.total = page.totalCount;
      this.showCount();
      (fresh[0]?.querySelector<HTMLButtonElement>('button') ?? this.nameInput).focus();
    } catch (error) {
      if (mine === this.listing) this.setStatus(`More saved scenes could not be listed. ${humanError(error)}`, 'error');
    } finally {
      this.moreButton.disabled = false;
    }
  }

  /** "20 of 57 saved scenes", and the More button while there are more. */
  private showCount(): void {
    const shown = this.list.querySelectorAll('[data-scene-id]').length;
    this.count.textContent = this.total > shown ? `${shown} of ${this.total} saved scenes, most recent first.` : this.total > 1 ? `All ${this.total} saved scenes, most recent first.` : '';
    this.moreButton.hidden = !this.next;
    const coming = Math.max(1, Math.min(SCENES_PAGE, this.total - shown));
    this.moreButton.textContent = `Show ${coming} more ${coming === 1 ? 'scene' : 'scenes'}`;
  }

  private item(scene: SavedSceneSummary): HTMLLIElement {
    const when = scene.updatedAt ? new Date(scene.updatedAt).toLocaleString() : '';
    const meta = [scene.entityCount === null ? null : `${scene.entityCount} entities`, when, scene.updatedBy].filter(Boolean).join(' · ');
    const open = el('button', { className: 'button scene-open', attrs: { type: 'button', 'aria-label': `Open ${scene.name}` } }, 'Open');
    const remove = el('button', { className: 'button scene-delete', attrs: { type: 'button', 'aria-label': `Delete ${scene.name}` } }, 'Delete');
    open.addEventListener('click', () => void this.open(scene));
    remove.addEventListener('click', () => void this.remove(scene, remove));
    return el(
      'li',
      { className: 'scene-item', attrs: { 'data-scene-id': scene.id } },
      el('span', { className: 'scene-name' }, scene.name),
      el('span', { className: 'scene-meta' }, meta),
      scene.description ? el('span', { className: 'scene-meta' }, scene.description) : null,
      el('span', { className: 'actions' }, open, remove),
    );
  }

  private async save(): Promise<void> {
    const name = this.nameInput.value.trim();
    if (!name) {
      this.setStatus('Give the scene a name first.', 'error');
      this.nameInput.focus();
      return;
    }
    if (!token.get()) {
      this.setStatus('Saving needs a write token: open Review (top right) and paste it there; it is kept for this tab only.', 'error');
      return;
    }
    this.setStatus(`Saving “${name}”…`);
    try {
      const { state } = await this.host.current();
      const saved = await saveScene({ name, state }, { token: token.get() });
      this.setStatus(`Saved “${saved.name}” (${saved.entityCount ?? 0} entities). Saving again under this name overwrites it.`);
      this.host.say(`Saved the scene as “${saved.name}”.`);
      await this.refresh();
    } catch (error) {
      this.setStatus(`“${name}” could not be saved. ${humanError(error)}`, 'error');
    }
  }

  private async open(scene: SavedSceneSummary): Promise<void> {
    this.setStatus(`Opening “${scene.name}”…`);
    try {
      const stored = await fetchScene(scene.id);
      if (!stored) {
        this.setStatus(`“${scene.name}” was deleted meanwhile.`, 'error');
        await this.refresh();
        return;
      }
      await this.host.open(stored.state, stored.name);
      this.dialog.close();
    } catch (error) {
      this.setStatus(`“${scene.name}” could not be opened. ${humanError(error)}`, 'error');
    }
  }

  /** The first press arms the button ("Really delete?"), the second deletes: a deleted scene cannot be undone. */
  private async remove(scene: SavedSceneSummary, button: HTMLButtonElement): Promise<void> {
    if (!token.get()) {
      this.setStatus('Deleting needs a write token: open Review (top right) and paste it there; it is kept for this tab only.', 'error');
      return;
    }
    if (button.dataset.armed !== 'true') {
      button.dataset.armed = 'true';
      button.textContent = 'Really delete?';
      this.setStatus(`Press “Really delete?” to delete “${scene.name}”; this cannot be undone.`);
      return;
    }
    try {
      await deleteScene(scene.id, { token: token.get() });
      this.setStatus(`Deleted “${scene.name}”.`);
      // Only this one goes: the pages already shown stay, and the focus moves to the scene after it.
      const item = button.closest('li');
      const after = item?.nextElementSibling ?? item?.previousElementSibling;
      item?.remove();
      this.total = Math.max(0, this.total - 1);
      if (!this.list.querySelector('[data-scene-id]')) {
        // The last one shown went: list from the start again (there may be pages not yet shown).
        await this.refresh(true);
        return;
      }
      this.showCount();
      (after?.querySelector<HTMLButtonElement>('button') ?? this.nameInput).focus();
    } catch (error) {
      this.setStatus(`“${scene.name}” could not be deleted. ${humanError(error)}`, 'error');
    }
  }
}
