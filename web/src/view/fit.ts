import { nodeSize } from '../graph/style.js';
import { isNodeVisible, type Position, type Scene } from '../scene/scene.js';

/**
 * Fitting a view computed from the scene rather than from the canvas: a hub's thousands of new
 * neighbours are drawn a slice per frame, and fitting only when the last slice is in would change
 * the zoom after everything is drawn, making Cytoscape redraw every element at the new scale in one
 * long frame. With the box known from the scene's positions, the view moves first (while the canvas
 * still holds only the old elements) and the new ones are drawn once, at their final scale.
 */

export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface Viewport {
  zoom: number;
  pan: Position;
}

/** Room under a node for its name (one or two lines at 13–16 px); the canvas measures it exactly, the scene cannot. */
const LABEL_ROOM = 40;

/** The box round the scene's visible nodes (their drawn size plus room for a label), or null when none is placed. */
export function sceneBox(scene: Scene): Box | null {
  let box: Box | null = null;
  for (const [id, node] of scene.nodes) {
    const p = scene.positions.get(id);
    if (!p || !isNodeVisible(scene, id)) continue;
    const half = nodeSize(node.degree) / 2;
    const b = { x1: p.x - half, y1: p.y - half, x2: p.x + half, y2: p.y + half + LABEL_ROOM };
    box = box ? { x1: Math.min(box.x1, b.x1), y1: Math.min(box.y1, b.y1), x2: Math.max(box.x2, b.x2), y2: Math.max(box.y2, b.y2) } : b;
  }
  return box;
}

/** The zoom and pan that show `box` in a `width`×`height` canvas with `padding` round it, as Cytoscape's fit does. */
export function viewportFor(box: Box, width: number, height: number, padding: number, limits: { min: number; max: number }): Viewport {
  const w = Math.max(1, box.x2 - box.x1);
  const h = Math.max(1, box.y2 - box.y1);
  const fitted = Math.min((width - 2 * padding) / w, (height - 2 * padding) / h);
  const zoom = Math.min(limits.max, Math.max(limits.min, fitted > 0 ? fitted : limits.min));
  return { zoom, pan: { x: (width - zoom * (box.x1 + box.x2)) / 2, y: (height - zoom * (box.y1 + box.y2)) / 2 } };
}

/** Identifies what is visible, so the view fits again only when that changed. */
export function visibleKey(scene: Scene): string {
  const ids: string[] = [];
  for (const id of scene.nodes.keys()) if (isNodeVisible(scene, id)) ids.push(id);
  return ids.join('|');
}
