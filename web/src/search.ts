import { isAbort } from './api/client.js';
import { Latest, debounce } from './async.js';
import { el } from './dom.js';
import { lookOf } from './graph/style.js';
import type { SearchHit } from './model.js';
import { kindSwatch } from './swatch.js';

export interface SearchBoxOptions {
  input: HTMLInputElement;
  list: HTMLUListElement;
  /** Runs the search; must honour `signal` so superseded requests stop. */
  search(query: string, signal: AbortSignal): Promise<SearchHit[]>;
  onChoose(hit: SearchHit): void;
  onError(error: unknown): void;
  /** A search answered (clears an earlier error). */
  onSuccess?(): void;
  debounceMs?: number;
}

/**
 * Type-ahead search as an ARIA combobox: the input owns a listbox of hits; arrow keys move the
 * active option (aria-activedescendant), Enter or a click chooses, Escape closes.
 */
export function attachSearchBox(options: SearchBoxOptions): void {
  const { input, list } = options;
  const latest = new Latest();
  let hits: SearchHit[] = [];
  let active = -1;
  // Enter pressed before the results arrive chooses the best hit once they do.
  let chooseWhenReady = false;

  const open = (isOpen: boolean): void => {
    list.hidden = !isOpen;
    input.setAttribute('aria-expanded', String(isOpen));
    if (!isOpen) setActive(-1);
  };

  const setActive = (index: number): void => {
    active = index;
    list.querySelectorAll('[role="option"]').forEach((option, i) => option.setAttribute('aria-selected', String(i === index)));
    const option = index >= 0 ? list.querySelector<HTMLElement>(`#search-option-${index}`) : null;
    if (option) {
      input.setAttribute('aria-activedescendant', option.id);
      option.scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  };

  const choose = (index: number): void => {
    const hit = hits[index];
    if (!hit) return;
    chooseWhenReady = false;
    input.value = hit.entity.name;
    open(false);
    options.onChoose(hit);
  };

  const render = (query: string): void => {
    if (!hits.length) {
      list.replaceChildren(el('li', { className: 'no-hits', attrs: { role: 'presentation' } }, `No matches for “${query}”`));
    } else {
      list.replaceChildren(
        ...hits.map((hit, i) => {
          const option = el(
            'li',
            { id: `search-option-${i}`, attrs: { role: 'option', 'aria-selected': 'false', 'data-id': hit.entity.id } },
            kindSwatch(hit.entity.kind, 14),
            el('span', { className: 'hit-name' }, hit.entity.name),
            el('span', { className: 'hit-kind' }, lookOf(hit.entity.kind).label),
          );
          // mousedown would blur the input and close the list before the click lands.
          option.addEventListener('mousedown', (event) => event.preventDefault());
          option.addEventListener('click', () => choose(i));
          return option;
        }),
      );
    }
    open(true);
    setActive(-1);
  };

  const run = async (raw: string): Promise<void> => {
    const query = raw.trim();
    if (!query) {
      latest.cancel();
      hits = [];
      open(false);
      return;
    }
    const ticket = latest.begin();
    input.setAttribute('aria-busy', 'true');
    try {
      const result = await options.search(query, ticket.signal);
      if (!ticket.isCurrent()) return;
      hits = result;
      options.onSuccess?.();
      render(query);
      if (chooseWhenReady) choose(0);
    } catch (error) {
      if (isAbort(error) || !ticket.isCurrent()) return;
      hits = [];
      open(false);
      options.onError(error);
    } finally {
      if (ticket.isCurrent()) input.removeAttribute('aria-busy');
    }
  };
  const debounced = debounce((value: string) => void run(value), options.debounceMs ?? 150);

  input.addEventListener('input', () => {
    chooseWhenReady = false;
    debounced(input.value);
  });
  input.addEventListener('keydown', (event) => {
    const count = list.hidden ? 0 : hits.length;
    switch (event.key) {
      case 'ArrowDown':
        if (!count) return;
        event.preventDefault();
        setActive((active + 1) % count);
        break;
      case 'ArrowUp':
        if (!count) return;
        event.preventDefault();
        setActive(active <= 0 ? count - 1 : active - 1);
        break;
      case 'Enter':
        event.preventDefault();
        if (count) choose(Math.max(0, active));
        else if (input.value.trim()) {
          chooseWhenReady = true;
          debounced.cancel();
          void run(input.value);
        }
        break;
      case 'Escape':
        if (!list.hidden) {
          event.preventDefault();
          open(false);
        }
        break;
    }
  });
  input.addEventListener('focus', () => {
    if (hits.length && input.value.trim()) open(true);
  });
  input.addEventListener('blur', () => open(false));
}
