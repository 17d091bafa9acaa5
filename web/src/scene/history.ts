import { apply, isUndoable, type Operation } from './operations.js';
import { EMPTY_SCENE, type Scene } from './scene.js';

/** How many steps undo remembers; scenes share nothing mutable, so each step costs one scene's maps. */
const MAX_STEPS = 100;

/**
 * The scene plus its undo and redo stacks. `dispatch` applies an operation; undoable ones push the
 * previous scene. Undo keeps the current selection where it still exists (selection is not content).
 */
export class SceneHistory {
  private past: Scene[] = [];
  private future: Scene[] = [];

  constructor(private current: Scene = EMPTY_SCENE) {}

  get scene(): Scene {
    return this.current;
  }

  get canUndo(): boolean {
    return this.past.length > 0;
  }

  get canRedo(): boolean {
    return this.future.length > 0;
  }

  dispatch(op: Operation): Scene {
    const next = apply(this.current, op);
    if (next === this.current) return next;
    if (isUndoable(op)) {
      this.past.push(this.current);
      if (this.past.length > MAX_STEPS) this.past.shift();
      this.future = [];
    }
    this.current = next;
    return next;
  }

  /** Replaces the scene without an undo step (loading a permalink, the first overview). */
  reset(scene: Scene): void {
    this.current = scene;
    this.past = [];
    this.future = [];
  }

  undo(): Scene | undefined {
    const previous = this.past.pop();
    if (!previous) return undefined;
    this.future.push(this.current);
    this.current = keepSelection(previous, this.current.selection);
    return this.current;
  }

  redo(): Scene | undefined {
    const next = this.future.pop();
    if (!next) return undefined;
    this.past.push(this.current);
    this.current = keepSelection(next, this.current.selection);
    return this.current;
  }
}

function keepSelection(scene: Scene, selection: readonly string[]): Scene {
  return apply(scene, { type: 'select', ids: selection });
}
