import { el } from '../dom.js';
import { ACTIONS, FOCUS_KEYS } from '../keys.js';

/**
 * The `?` dialog: every action with its shortcut, from the same list the toolbar and keys use, then the keys
 * that act where the focus is (search list, toolbar, review panel), so it names every key the page knows.
 */
export function fillHelp(dialog: HTMLDialogElement): void {
  const close = el('button', { className: 'icon-button', attrs: { type: 'button', 'aria-label': 'Close shortcuts' } }, '×');
  close.addEventListener('click', () => dialog.close());
  dialog.setAttribute('aria-labelledby', 'help-title');
  const head = (...names: string[]) => el('thead', {}, el('tr', {}, ...names.map((n) => el('th', { attrs: { scope: 'col' } }, n))));
  dialog.replaceChildren(
    el('header', { className: 'dialog-head' }, el('h2', { id: 'help-title' }, 'Keyboard shortcuts'), close),
    el(
      'table',
      { className: 'shortcuts', attrs: { 'aria-label': 'Actions' } },
      head('Keys', 'Action'),
      el('tbody', {}, ...ACTIONS.map((a) => el('tr', { attrs: { 'data-action': a.id } }, el('td', {}, el('kbd', {}, a.keys)), el('td', {}, a.description)))),
    ),
    el('h3', {}, 'Where the focus is'),
    el(
      'table',
      { className: 'shortcuts', attrs: { 'aria-label': 'Keys where the focus is' } },
      head('Keys', 'Where', 'Action'),
      el('tbody', {}, ...FOCUS_KEYS.map((k) => el('tr', {}, el('td', {}, el('kbd', {}, k.keys)), el('td', {}, k.where), el('td', {}, k.description)))),
    ),
    el('p', { className: 'hint' }, 'Mouse: click selects (Shift+click adds), double-click expands, drag moves a node, click empty canvas clears.'),
  );
}
