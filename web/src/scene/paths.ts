import { isEdgeVisible, isNodeVisible, type Scene } from './scene.js';

/**
 * The shortest path between two nodes through what is drawn (edges taken in either direction),
 * as node and edge ids in order; null when none. The client-side fallback until the API's
 * `shortestPath` exists; breadth-first, so it is exact for the unweighted scene.
 */
export function shortestPath(scene: Scene, from: string, to: string): { nodes: string[]; edges: string[] } | null {
  if (!isNodeVisible(scene, from) || !isNodeVisible(scene, to)) return null;
  const adjacent = new Map<string, { node: string; edge: string }[]>();
  const link = (a: string, b: string, edge: string) => adjacent.set(a, [...(adjacent.get(a) ?? []), { node: b, edge }]);
  // Sorted so that among equally short paths the same one is always chosen.
  for (const e of [...scene.edges.values()].sort((a, b) => a.id.localeCompare(b.id))) {
    if (!isEdgeVisible(scene, e.id)) continue;
    link(e.source, e.target, e.id);
    link(e.target, e.source, e.id);
  }
  const via = new Map<string, { node: string; edge: string } | null>([[from, null]]);
  const queue = [from];
  while (queue.length) {
    const at = queue.shift()!;
    if (at === to) break;
    for (const next of adjacent.get(at) ?? []) {
      if (via.has(next.node)) continue;
      via.set(next.node, { node: at, edge: next.edge });
      queue.push(next.node);
    }
  }
  if (!via.has(to)) return null;
  const nodes = [to];
  const edges: string[] = [];
  for (let step = via.get(to); step; step = via.get(step.node)) {
    edges.unshift(step.edge);
    nodes.unshift(step.node);
  }
  return { nodes, edges };
}
