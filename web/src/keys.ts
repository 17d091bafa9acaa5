/**
 * Every action the explorer offers, with its toolbar label and keyboard shortcut. The toolbar,
 * the keyboard handler and the `?` dialog are all built from this one list, so they cannot drift.
 */

export type ActionId =
  | 'undo'
  | 'redo'
  | 'expand'
  | 'more'
  | 'hide'
  | 'hideOthers'
  | 'showHidden'
  | 'remove'
  | 'paths'
  | 'fit'
  | 'zoomIn'
  | 'zoomOut'
  | 'layout'
  | 'exportPng'
  | 'exportSvg'
  | 'query'
  | 'saveScene'
  | 'scenes'
  | 'list'
  | 'search'
  | 'help'
  | 'escape';

export interface ActionSpec {
  id: ActionId;
  label: string;
  /** As shown to people. */
  keys: string;
  description: string;
  /** Shown as a toolbar button. */
  toolbar: boolean;
}

export const ACTIONS: readonly ActionSpec[] = [
  { id: 'undo', label: 'Undo', keys: 'Ctrl+Z', description: 'Undo the last change to the scene', toolbar: true },
  { id: 'redo', label: 'Redo', keys: 'Ctrl+Shift+Z', description: 'Redo what was undone (Ctrl+Y too)', toolbar: true },
  { id: 'expand', label: 'Expand', keys: 'E', description: 'Bring in the neighbours of the selected node (or double-click it)', toolbar: true },
  { id: 'more', label: 'Load more', keys: 'M', description: 'Bring in the next batch of the selected node’s relationships the scene leaves out (“+N more”)', toolbar: true },
  { id: 'hide', label: 'Hide', keys: 'H', description: 'Hide the selection', toolbar: true },
  { id: 'hideOthers', label: 'Only selection', keys: 'O', description: 'Hide everything but the selection', toolbar: true },
  { id: 'showHidden', label: 'Show hidden', keys: 'S', description: 'Show everything hidden and every filtered kind and type', toolbar: true },
  { id: 'remove', label: 'Remove', keys: 'Delete', description: 'Remove the selection from the scene', toolbar: true },
  { id: 'paths', label: 'Paths', keys: 'P', description: 'Shortest path between the two selected nodes (Shift+click selects a second)', toolbar: true },
  { id: 'fit', label: 'Fit', keys: 'F', description: 'Fit the whole scene into view', toolbar: true },
  { id: 'zoomIn', label: 'Zoom in', keys: '+', description: 'Zoom in on the middle of the view', toolbar: true },
  { id: 'zoomOut', label: 'Zoom out', keys: '-', description: 'Zoom out', toolbar: true },
  { id: 'layout', label: 'Layout', keys: 'L', description: 'Lay the scene out again: force-directed, concentric, hierarchical in turn', toolbar: true },
  { id: 'exportPng', label: 'Export PNG', keys: 'X', description: 'Download the whole scene as a PNG at twice screen resolution', toolbar: true },
  { id: 'exportSvg', label: 'SVG', keys: 'Shift+X', description: 'Download the whole scene as SVG', toolbar: true },
  { id: 'query', label: 'Query', keys: 'Q', description: 'Show the GraphQL queries behind the scene, as curl or Python', toolbar: true },
  { id: 'saveScene', label: 'Save scene', keys: 'Ctrl+S', description: 'Save the scene under a name (needs the write token from Review)', toolbar: true },
  { id: 'scenes', label: 'Scenes', keys: 'N', description: 'List the saved scenes: open one (positions included) or delete it', toolbar: true },
  { id: 'list', label: 'List', keys: 'T', description: 'Move to the list of entities in the scene (the canvas as text)', toolbar: false },
  { id: 'search', label: 'Search', keys: '/', description: 'Move to the search box', toolbar: false },
  { id: 'help', label: 'Shortcuts', keys: '?', description: 'Show this list', toolbar: true },
  { id: 'escape', label: 'Close', keys: 'Escape', description: 'Close dialogs and panels, clear the selection and any path', toolbar: false },
];

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/** The action a key press asks for, or undefined. `inField`: typing in an input, where letters are text. */
export function actionFor(e: KeyLike, inField: boolean): ActionId | undefined {
  const mod = e.ctrlKey || e.metaKey;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  if (e.key === 'Escape') return 'escape';
  if (mod && !e.altKey) {
    if (inField) return undefined;
    if (key === 'z') return e.shiftKey ? 'redo' : 'undo';
    if (key === 'y') return 'redo';
    if (key === 's' && !e.shiftKey) return 'saveScene';
    return undefined;
  }
  if (inField || e.altKey) return undefined;
  switch (key) {
    case 'e':
      return 'expand';
    case 'm':
      return 'more';
    case 'h':
      return 'hide';
    case 'o':
      return 'hideOthers';
    case 's':
      return 'showHidden';
    case 'Delete':
    case 'Backspace':
      return 'remove';
    case 'p':
      return 'paths';
    case 'f':
      return 'fit';
    case '+':
    case '=':
      return 'zoomIn';
    case '-':
      return 'zoomOut';
    case 'l':
      return 'layout';
    case 'x':
      return e.shiftKey ? 'exportSvg' : 'exportPng';
    case 'q':
      return 'query';
    case 'n':
      return 'scenes';
    case 't':
      return 'list';
    case '/':
      return 'search';
    case '?':
      return 'help';
  }
  return undefined;
}
