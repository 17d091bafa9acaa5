import type { Position, Scene } from '../scene/scene.js';

/**
 * What the canvas must do to go from the scene it last drew to the next one, worked out from the two
 * scenes alone (they are immutable, so an unchanged map is the same object): a hub expansion touches
 * its few thousand new elements, not the thousands already drawn.
 */
export interface DrawPlan {
  /** Node and edge ids to take off the canvas. */
  remove: string[];
  /** Nodes whose place may have changed (the view compares with where they are). */
  move: Map<string, Position>;
  /** Ids to add, nodes first, then edges (an edge needs both its nodes on the canvas). */
  add: string[];
  /** Elements already drawn whose hidden, selected or focus classes must be set again. */
  restyle: 'all' | string[];
}

/**
 * `last` is the scene the canvas was last asked to show (null: an empty canvas); `drawn` tells whether
 * an element is on the canvas, asked only when `last` may not be all there yet (`lastComplete` false).
 */
export function drawPlan(last: Scene | null, scene: Scene, drawn: (id: string) => boolean, lastComplete = true): DrawPlan {
  const remove: string[] = [];
  if (last) {
    if (last.nodes !== scene.nodes) for (const id of last.nodes.keys()) if (!scene.nodes.has(id)) remove.push(id);
    if (last.edges !== scene.edges) for (const id of last.edges.keys()) if (!scene.edges.has(id)) remove.push(id);
  }
  // Only elements the last scene lacked can be missing, unless the last one was still being drawn.
  const known = last && lastComplete ? last : null;
  const missing = (id: string, inLast: boolean) => (known ? !inLast : !drawn(id));
  const add: string[] = [];
  for (const id of scene.nodes.keys()) if (missing(id, !!known?.nodes.has(id))) add.push(id);
  for (const id of scene.edges.keys()) if (missing(id, !!known?.edges.has(id))) add.push(id);
  const adding = new Set(add);

  const move = new Map<string, Position>();
  if (last && last.positions !== scene.positions) {
    for (const [id, p] of scene.positions) {
      if (adding.has(id) || !scene.nodes.has(id)) continue;
      const before = last.positions.get(id);
      if (!before || before.x !== p.x || before.y !== p.y) move.set(id, p);
    }
  }

  let restyle: DrawPlan['restyle'] = [];
  if (last) {
    if (last.hidden !== scene.hidden || last.hiddenKinds !== scene.hiddenKinds || last.hiddenTypes !== scene.hiddenTypes) restyle = 'all';
    else {
      const was = new Set(last.selection);
      const now = new Set(scene.selection);
      restyle = [...last.selection.filter((id) => !now.has(id)), ...scene.selection.filter((id) => !was.has(id))].filter((id) => !adding.has(id));
    }
  }
  return { remove, move, add, restyle };
}

/** Two nodes' key, whichever way the edge points; null for a loop (Cytoscape draws loops its own way). */
function pairOf(edge: { source: string; target: string }): string | null {
  if (edge.source === edge.target) return null;
  return edge.source < edge.target ? `${edge.source}\u0000${edge.target}` : `${edge.target}\u0000${edge.source}`;
}

/**
 * Which edges are alone between their two nodes (drawn straight, see LONE_CLASS), and which edges
 * already drawn stop being alone because `added` brings a parallel one.
 */
export function loneEdges(scene: Scene, added: readonly string[]): { isLone: (id: string) => boolean; notLoneAnyMore: string[] } {
  const counts = new Map<string, number>();
  for (const e of scene.edges.values()) {
    const pair = pairOf(e);
    if (pair) counts.set(pair, (counts.get(pair) ?? 0) + 1);
  }
  const isLone = (id: string): boolean => {
    const e = scene.edges.get(id);
    const pair = e && pairOf(e);
    return !!pair && counts.get(pair) === 1;
  };
  const newPairs = new Set<string>();
  for (const id of added) {
    const e = scene.edges.get(id);
    const pair = e && pairOf(e);
    if (pair && counts.get(pair)! > 1) newPairs.add(pair);
  }
  const addedSet = new Set(added);
  const notLoneAnyMore: string[] = [];
  if (newPairs.size) {
    for (const e of scene.edges.values()) {
      const pair = pairOf(e);
      if (pair && newPairs.has(pair) && !addedSet.has(e.id)) notLoneAnyMore.push(e.id);
    }
  }
  return { isLone, notLoneAnyMore };
}
