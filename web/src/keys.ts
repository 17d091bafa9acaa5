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

/** Toolbar groups, in toolbar order: a group's buttons stay together on one line. */
export type ToolGroup = 'history' | 'explore' | 'hide' | 'view' | 'share' | 'scenes' | 'help';

export const TOOL_GROUPS: Readonly<Record<ToolGroup, string>> = {
  history: 'Undo and redo',
  explore: 'Explore',
  hide: 'Hide and remove',
  view: 'View',
  share: 'Export and query',
  scenes: 'Saved scenes',
  help: 'Help',
};

export interface ActionSpec {
  id: ActionId;
  /** The button's accessible name (and its text unless it has an icon). */
  label: string;
  /** As shown to people. */
  keys: string;
  description: string;
  /** The toolbar group it is a button in; none: keyboard (and elsewhere in the page) only. */
  group?: ToolGroup;
  /** A one-character face for buttons whose meaning is universal (zoom, help); the label stays the name. */
  icon?: string;
}

export const ACTIONS: readonly ActionSpec[] = [
  { id: 'undo', label: 'Undo', keys: 'Ctrl+Z', description: 'Undo the last change to the scene', group: 'history' },
  { id: 'redo', label: 'Redo', keys: 'Ctrl+Shift+Z', description: 'Redo what was undone (Ctrl+Y too)', group: 'history' },
  { id: 'expand', label: 'Expand', keys: 'E', description: 'Bring in the neighbours of the selected node (or double-click it)', group: 'explore' },
  { id: 'more', label: 'Load more', keys: 'M', description: 'Bring in the next batch of the selected node’s relationships the scene leaves out (“+N more”)', group: 'explore' },
  { id: 'paths', label: 'Paths', keys: 'P', description: 'Shortest path between the two selected nodes (Shift+click selects a second)', group: 'explore' },
  { id: 'hide', label: 'Hide', keys: 'H', description: 'Hide the selection', group: 'hide' },
  { id: 'hideOthers', label: 'Only selection', keys: 'O', description: 'Hide everything but the selection', group: 'hide' },
  { id: 'showHidden', label: 'Show hidden', keys: 'S', description: 'Show everything hidden and every filtered kind and type', group: 'hide' },
  { id: 'remove', label: 'Remove', keys: 'Delete', description: 'Remove the selection from the scene', group: 'hide' },
  { id: 'fit', label: 'Fit', keys: 'F', description: 'Fit the whole scene into view', group: 'view' },
  { id: 'zoomIn', label: 'Zoom in', keys: '+', description: 'Zoom in on the middle of the view', group: 'view', icon: '+' },
  { id: 'zoomOut', label: 'Zoom out', keys: '-', description: 'Zoom out', group: 'view', icon: '−' },
  { id: 'layout', label: 'Layout', keys: 'L', description: 'Lay the scene out again: force-directed, concentric, hierarchical in turn', group: 'view' },
  { id: 'exportPng', label: 'Export PNG', keys: 'X', description: 'Download the whole scene as a PNG at twice screen resolution', group: 'share' },
  { id: 'exportSvg', label: 'SVG', keys: 'Shift+X', description: 'Download the whole scene as SVG', group: 'share' },
  { id: 'query', label: 'Query', keys: 'Q', description: 'Show the GraphQL queries behind the scene, as curl or Python', group: 'share' },
  { id: 'saveScene', label: 'Save scene', keys: 'Ctrl+S', description: 'Save the scene under a name (needs the write token from Review)', group: 'scenes' },
  { id: 'scenes', label: 'Scenes', keys: 'N', description: 'List the saved scenes: open one (positions included) or delete it', group: 'scenes' },
  { id: 'list', label: 'List', keys: 'T', description: 'Move to the list of entities in the scene (the canvas as text)' },
  { id: 'search', label: 'Search', keys: '/', description: 'Move to the search box' },
  { id: 'help', label: 'Shortcuts', keys: '?', description: 'List every shortcut (this dialog)', group: 'help', icon: '?' },
  { id: 'escape', label: 'Close', keys: 'Escape', description: 'Close dialogs and panels, clear the selection and any path' },
];

/**
 * Keys that act only where the focus is (the search list, the toolbar, the review panel) or repeat an action
 * under a second key. Not page-wide actions, but the `?` dialog lists them too, so it names every key the page knows.
 */
export const FOCUS_KEYS: readonly { where: string; keys: string; description: string }[] = [
  { where: 'Anywhere', keys: 'Ctrl+Y', description: 'Redo (as Ctrl+Shift+Z)' },
  { where: 'Anywhere', keys: 'Backspace', description: 'Remove the selection (as Delete)' },
  { where: 'Anywhere', keys: '=', description: 'Zoom in (as +)' },
  { where: 'Search box', keys: '↓ / ↑', description: 'Move through the matches' },
  { where: 'Search box', keys: 'Enter', description: 'Bring the highlighted match into the scene and select it' },
  { where: 'Search box', keys: 'Escape', description: 'Close the matches (a second Escape clears the selection)' },
  { where: 'Toolbar', keys: '← / →', description: 'Move to the previous or next button (Home, End: the first, the last)' },
  { where: 'Entity list', keys: '↓ / ↑', description: 'Move to the next or previous entity (Home, End: the first, the last)' },
  { where: 'Entity list', keys: 'Shift+Enter', description: 'Add the entity to the selection instead of selecting it alone' },
  { where: 'Review panel', keys: 'J / K', description: 'Next or previous proposal' },
  { where: 'Review panel', keys: 'A / R', description: 'Accept or reject the proposal' },
  { where: 'Review panel', keys: 'E', description: 'Edit the proposal, then accept it' },
  { where: 'Review panel', keys: 'Escape', description: 'Close the panel' },
  { where: 'Dialogs', keys: 'Escape', description: 'Close the dialog' },
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
