import { el } from '../dom.js';
import { ACTIONS } from '../keys.js';

/** The `?` dialog: every action with its shortcut, from the same list the toolbar and keys use. */
export function fillHelp(dialog: HTMLDialogElement): void {
  const close = el('button', { className: 'icon-button', attrs: { type: 'button', 'aria-label': 'Close shortcuts' } }, '×');
  close.addEventListener('click', () => dialog.close());
  dialog.setAttribute('aria-labelledby', 'help-title');
  dialog.replaceChildren(
    el('header', { className: 'dialog-head' }, el('h2', { id: 'help-title' }, 'Keyboard shortcuts'), close),
    el(
      'table',
      { className: 'shortcuts' },
      el('thead', {}, el('tr', {}, el('th', { attrs: { scope: 'col' } }, 'Keys'), el('th', { attrs: { scope: 'col' } }, 'Action'))),
      el('tbody', {}, ...ACTIONS.map((a) => el('tr', {}, el('td', {}, el('kbd', {}, a.keys)), el('td', {}, a.description)))),
    ),
    el('p', { className: 'hint' }, 'Mouse: click selects (Shift+click adds), double-click expands, drag moves a node, click empty canvas clears.'),
  );
}
