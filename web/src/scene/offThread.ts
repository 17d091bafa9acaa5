import { layout, type LayoutName } from './layout.js';
import type { LayoutAnswer, LayoutRequest } from './layoutJob.js';
import type { Position, Scene } from './scene.js';

/**
 * Layouts in a Web Worker: fcose on a thousand nodes runs for about a second in one piece and cannot
 * be split into steps, so on the page's main thread it would freeze scrolling, typing and drawing for
 * that long. The worker runs the very same `layout` (seeded, deterministic) on a copy of the scene;
 * where workers are unavailable or fail, the layout runs here instead, with the same result.
 */

let worker: Worker | null | undefined;
let next = 0;
const waiting = new Map<number, { resolve: (p: Map<string, Position>) => void; reject: (e: Error) => void }>();

function startWorker(): Worker | null {
  if (typeof Worker === 'undefined') return null;
  try {
    const w = new Worker(new URL('./layoutWorker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (event: MessageEvent<LayoutAnswer>) => {
      const answer = event.data;
      const pending = waiting.get(answer.id);
      if (!pending) return;
      waiting.delete(answer.id);
      if ('error' in answer) pending.reject(new Error(answer.error));
      else pending.resolve(new Map(answer.positions));
    };
    // A worker that cannot start (blocked, failed to load) is given up for good: the layouts run here.
    w.onerror = () => {
      worker = null;
      for (const p of waiting.values()) p.reject(new Error('The layout worker failed.'));
      waiting.clear();
    };
    return w;
  } catch {
    return null;
  }
}

/** The positions `layout(scene, name)` gives, computed in the worker when there is one. */
export async function layoutOffThread(scene: Scene, name: LayoutName): Promise<Map<string, Position>> {
  if (worker === undefined) worker = startWorker();
  if (!worker) return layout(scene, name);
  const id = ++next;
  const request: LayoutRequest = { id, name, scene: { nodes: scene.nodes, edges: scene.edges, positions: scene.positions, hidden: scene.hidden, hiddenKinds: scene.hiddenKinds } };
  const answer = new Promise<Map<string, Position>>((resolve, reject) => waiting.set(id, { resolve, reject }));
  worker.postMessage(request);
  try {
    return await answer;
  } catch {
    return layout(scene, name);
  }
}
