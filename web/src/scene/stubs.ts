import { nodeSize } from '../graph/style.js';
import { isEdgeVisible, isNodeVisible, type Position, type Scene } from './scene.js';

/**
 * "+N more" stubs: for every visible node whose relationships the scene's answers left out, a small
 * node on the canvas beside it saying how many, which pages through the rest when clicked. Stubs are
 * derived from the scene (its `more` counts and positions), never stored in it: they are not entities,
 * so they stay out of the status counts, the URL and undo.
 */

export interface MoreStub {
  /** The stub's own element id (`more:` + the entity's id); its edge is `more-edge:` + the entity's id. */
  id: string;
  edgeId: string;
  /** The entity whose remaining relationships the stub stands for. */
  of: string;
  count: number;
  label: string;
  position: Position;
}

export const STUB_PREFIX = 'more:';
export const STUB_EDGE_PREFIX = 'more-edge:';

/** The entity a stub element id stands for, or null for any other id. */
export function stubOwner(elementId: string): string | null {
  return elementId.startsWith(STUB_PREFIX) ? elementId.slice(STUB_PREFIX.length) : null;
}

/** "+35 more"; thousands with a thin space so "+4 800 more" reads at a glance. */
export function stubLabel(count: number): string {
  return `+${count.toLocaleString('en-US').replace(/,/g, '\u202f')} more`;
}

/** Gap between a node's edge and its stub, in graph units. */
const GAP = 46;

/**
 * The stubs the scene calls for. Each sits just outside its node on the side facing away from the
 * node's drawn neighbours (where the rest would come in), or below it when it has none, so it does not
 * land on the edges already there. Deterministic: the same scene gives the same stubs in the same places.
 */
export function moreStubs(scene: Scene): MoreStub[] {
  const wanted = [...scene.more].filter(([id, count]) => count > 0 && isNodeVisible(scene, id) && scene.positions.has(id));
  if (!wanted.length) return [];
  const owners = new Set(wanted.map(([id]) => id));
  // Sum of unit vectors towards each drawn neighbour, per owner.
  const pull = new Map<string, Position>();
  for (const e of scene.edges.values()) {
    if (e.source === e.target || !(owners.has(e.source) || owners.has(e.target)) || !isEdgeVisible(scene, e.id)) continue;
    for (const [from, to] of [
      [e.source, e.target],
      [e.target, e.source],
    ] as const) {
      if (!owners.has(from)) continue;
      const a = scene.positions.get(from)!;
      const b = scene.positions.get(to);
      if (!b) continue;
      const d = Math.hypot(b.x - a.x, b.y - a.y);
      if (!d) continue;
      const p = pull.get(from) ?? { x: 0, y: 0 };
      pull.set(from, { x: p.x + (b.x - a.x) / d, y: p.y + (b.y - a.y) / d });
    }
  }
  return wanted
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([id, count]) => {
      const at = scene.positions.get(id)!;
      const p = pull.get(id);
      const length = p ? Math.hypot(p.x, p.y) : 0;
      // Neighbours all round (or none): straight down, under the label's side.
      const dir = length > 0.3 ? { x: -p!.x / length, y: -p!.y / length } : { x: 0.6, y: 0.8 };
      const distance = nodeSize(scene.nodes.get(id)!.degree) / 2 + GAP;
      return {
        id: STUB_PREFIX + id,
        edgeId: STUB_EDGE_PREFIX + id,
        of: id,
        count,
        label: stubLabel(count),
        position: { x: Math.round(at.x + dir.x * distance), y: Math.round(at.y + dir.y * distance) },
      };
    });
}
