import { describe, expect, it } from 'vitest';
import { ACTIONS, FOCUS_KEYS, TOOL_GROUPS, actionFor, type KeyLike } from './keys.js';

const press = (key: string, mods: Partial<KeyLike> = {}): KeyLike => ({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

describe('shortcuts', () => {
  it('map keys to actions, with undo and redo on Ctrl/Cmd+Z', () => {
    expect(actionFor(press('z', { ctrlKey: true }), false)).toBe('undo');
    expect(actionFor(press('Z', { ctrlKey: true, shiftKey: true }), false)).toBe('redo');
    expect(actionFor(press('z', { metaKey: true }), false)).toBe('undo');
    expect(actionFor(press('y', { ctrlKey: true }), false)).toBe('redo');
    expect(actionFor(press('h'), false)).toBe('hide');
    expect(actionFor(press('X', { shiftKey: true }), false)).toBe('exportSvg');
    expect(actionFor(press('?', { shiftKey: true }), false)).toBe('help');
    expect(actionFor(press('Delete'), false)).toBe('remove');
    expect(actionFor(press('s', { ctrlKey: true }), false)).toBe('saveScene');
    expect(actionFor(press('s'), false)).toBe('showHidden');
    expect(actionFor(press('n'), false)).toBe('scenes');
  });

  it('leave typing alone in fields, except Escape', () => {
    expect(actionFor(press('h'), true)).toBeUndefined();
    expect(actionFor(press('z', { ctrlKey: true }), true)).toBeUndefined();
    expect(actionFor(press('Escape'), true)).toBe('escape');
  });

  it('every action has a shortcut that maps back to it', () => {
    const keyOf = (keys: string): KeyLike => {
      const parts = keys === '+' ? ['+'] : keys.split('+');
      const key = parts.at(-1)!;
      return press(key.length === 1 ? key.toLowerCase() : key, { ctrlKey: parts.includes('Ctrl'), shiftKey: parts.includes('Shift') });
    };
    for (const a of ACTIONS) expect(actionFor(keyOf(a.keys), false), a.id).toBe(a.id);
  });

  it('give each toolbar group one unbroken run of buttons, so a group never splits across the bar', () => {
    const groups = ACTIONS.flatMap((a) => (a.group ? [a.group] : []));
    const runs = groups.filter((g, i) => g !== groups[i - 1]);
    expect(new Set(runs).size, runs.join(' ')).toBe(runs.length);
    expect(new Set(runs)).toEqual(new Set(Object.keys(TOOL_GROUPS)));
  });

  it('keep the toolbar to the actions a mouse needs; keyboard-only moves (list, search, Escape) stay off it', () => {
    const offBar = ACTIONS.filter((a) => !a.group).map((a) => a.id);
    expect(offBar.sort()).toEqual(['escape', 'list', 'search']);
    // An icon button's face is not its name: the label is, and it must differ from the face.
    for (const a of ACTIONS.filter((x) => x.icon)) expect(a.label.length, a.id).toBeGreaterThan(a.icon!.length);
  });

  it('list the keys that act where the focus is, each once per place', () => {
    const seen = FOCUS_KEYS.map((k) => `${k.where}|${k.keys}`);
    expect(new Set(seen).size).toBe(seen.length);
    // The second keys of page-wide actions really do those actions.
    expect(actionFor(press('Backspace'), false)).toBe('remove');
    expect(actionFor(press('='), false)).toBe('zoomIn');
  });
});
