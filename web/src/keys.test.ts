import { describe, expect, it } from 'vitest';
import { ACTIONS, actionFor, type KeyLike } from './keys.js';

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
});
