import { layout, type LayoutName } from './layout.js';
import { EMPTY_SCENE, type Position, type Scene } from './scene.js';

/** One layout for the worker (scene/layoutWorker.ts): the request, the answer, and the work itself. */

/** What the worker is sent: the parts of the scene a layout reads (Maps and Sets survive structured cloning). */
export interface LayoutRequest {
  id: number;
  name: LayoutName;
  scene: Pick<Scene, 'nodes' | 'edges' | 'positions' | 'hidden' | 'hiddenKinds'>;
}

export type LayoutAnswer = { id: number; positions: [string, Position][] } | { id: number; error: string };

/** The worker's side: pure, so it is tested under Node like the rest of the scene code. */
export function answerLayout(request: LayoutRequest): LayoutAnswer {
  try {
    const scene: Scene = { ...EMPTY_SCENE, ...request.scene };
    return { id: request.id, positions: [...layout(scene, request.name)] };
  } catch (error) {
    return { id: request.id, error: error instanceof Error ? error.message : String(error) };
  }
}


