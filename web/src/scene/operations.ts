import type { EntityKind, Subgraph } from '../model.js';
import { redate } from './asof.js';
import { updateMore } from './more.js';
import type { Position, QueryRecord, Scene } from './scene.js';

/**
 * Every change to the scene is one of these. `apply` is pure: it returns a new scene and never
 * touches the old one, so undo is "go back to the previous scene" and the URL is "encode the scene".
 */
export type Operation =
  | { type: 'add'; subgraph: Pick<Subgraph, 'nodes' | 'edges' | 'truncated' | 'hidden'>; positions: ReadonlyMap<string, Position>; query?: QueryRecord | readonly QueryRecord[] }
  | { type: 'remove'; ids: readonly string[] }
  | { type: 'hide'; ids: readonly string[] }
  /** Hide every node except these (and the edges among them stay). */
  | { type: 'hideOthers'; ids: readonly string[] }
  | { type: 'showAll' }
  /** Unhide these nodes or edges (a search hit the analyst had hidden). */
  | { type: 'show'; ids: readonly string[] }
  | { type: 'setKindVisible'; kind: EntityKind; visible: boolean }
  | { type: 'setTypeVisible'; relType: string; visible: boolean }
  | { type: 'move'; positions: ReadonlyMap<string, Position> }
  | { type: 'select'; ids: readonly string[] }
  /** The whole scene at once: a saved scene reopened (undo goes back to the one before). */
  | { type: 'replace'; scene: Scene }
  /** A new date; with `answers` (the scene's queries re-run for it, in order) the data follows the date. */
  | { type: 'setAsOf'; asOf: string | null; answers?: readonly Pick<Subgraph, 'nodes' | 'edges' | 'truncated' | 'hidden'>[]; positions?: ReadonlyMap<string, Position> };

/** Operations that only change what is pointed at; undo skips them (selection is not content). */
export function isUndoable(op: Operation): boolean {
  return op.type !== 'select';
}

export function apply(scene: Scene, op: Operation): Scene {
  switch (op.type) {
    case 'add':
      return add(scene, op);
    case 'remove':
      return remove(scene, op.ids);
    case 'hide':
      return withSelection({ ...scene, hidden: union(scene.hidden, op.ids.filter((id) => has(scene, id))) });
    case 'hideOthers': {
      const keep = new Set(op.ids);
      const hidden = new Set(scene.hidden);
      for (const id of scene.nodes.keys()) if (!keep.has(id)) hidden.add(id);
      // Shown nodes keep their edges: unhide the ones the user asked to keep.
      for (const id of keep) hidden.delete(id);
      return withSelection({ ...scene, hidden });
    }
    case 'show': {
      const hidden = new Set(scene.hidden);
      for (const id of op.ids) hidden.delete(id);
      return { ...scene, hidden };
    }
    case 'showAll':
      return { ...scene, hidden: new Set(), hiddenKinds: new Set(), hiddenTypes: new Set() };
    case 'setKindVisible':
      return withSelection({ ...scene, hiddenKinds: toggled(scene.hiddenKinds, op.kind, !op.visible) });
    case 'setTypeVisible':
      return withSelection({ ...scene, hiddenTypes: toggled(scene.hiddenTypes, op.relType, !op.visible) });
    case 'move': {
      const positions = new Map(scene.positions);
      for (const [id, p] of op.positions) if (scene.nodes.has(id)) positions.set(id, round(p));
      return { ...scene, positions };
    }
    case 'select':
      return { ...scene, selection: op.ids.filter((id) => has(scene, id)) };
    case 'replace':
      return op.scene;
    case 'setAsOf':
      return op.answers ? redate(scene, op.asOf, op.answers, op.positions ?? new Map()) : { ...scene, asOf: op.asOf };
  }
}

function add(scene: Scene, op: Extract<Operation, { type: 'add' }>): Scene {
  const nodes = new Map(scene.nodes);
  const positions = new Map(scene.positions);
  for (const n of op.subgraph.nodes) {
    if (nodes.has(n.id)) continue;
    nodes.set(n.id, { id: n.id, kind: n.kind, name: n.name, degree: n.degree ?? 0 });
    const p = op.positions.get(n.id);
    if (p) positions.set(n.id, round(p));
  }
  const edges = new Map(scene.edges);
  const removedEdges = new Set(scene.removedEdges);
  for (const e of op.subgraph.edges) {
    // A truncated neighbourhood can name entities it did not return: such edges cannot be drawn.
    if (!nodes.has(e.source) || !nodes.has(e.target)) continue;
    // Asking for data again brings back what was removed: the analyst asked for it.
    removedEdges.delete(e.id);
    if (!edges.has(e.id)) edges.set(e.id, { id: e.id, type: e.type, source: e.source, target: e.target, title: e.title });
  }
  return {
    ...scene,
    nodes,
    edges,
    positions,
    removedEdges,
    queries: op.query ? scene.queries.concat(op.query) : scene.queries,
    truncated: scene.truncated || op.subgraph.truncated,
    more: updateMore(scene.more, op.subgraph, op.query),
  };
}

function remove(scene: Scene, ids: readonly string[]): Scene {
  const gone = new Set(ids);
  const nodes = new Map(scene.nodes);
  const positions = new Map(scene.positions);
  const hidden = new Set(scene.hidden);
  for (const id of gone) {
    nodes.delete(id);
    positions.delete(id);
    hidden.delete(id);
  }
  const edges = new Map(scene.edges);
  const removedEdges = new Set(scene.removedEdges);
  for (const [id, e] of scene.edges) {
    if (gone.has(e.source) || gone.has(e.target)) edges.delete(id);
    else if (gone.has(id)) {
      edges.delete(id);
      hidden.delete(id);
      removedEdges.add(id);
    }
  }
  return withSelection({ ...scene, nodes, edges, positions, hidden, removedEdges });
}

/** Keeps the selection to what is still drawn, so panel and canvas never disagree. */
function withSelection(scene: Scene): Scene {
  const selection = scene.selection.filter((id) => has(scene, id) && !scene.hidden.has(id) && visibleKindAndType(scene, id));
  return selection.length === scene.selection.length ? scene : { ...scene, selection };
}

function visibleKindAndType(scene: Scene, id: string): boolean {
  const node = scene.nodes.get(id);
  if (node) return !scene.hiddenKinds.has(node.kind);
  const edge = scene.edges.get(id);
  return !!edge && !scene.hiddenTypes.has(edge.type);
}

function has(scene: Scene, id: string): boolean {
  return scene.nodes.has(id) || scene.edges.has(id);
}

function union<T>(set: ReadonlySet<T>, items: Iterable<T>): Set<T> {
  const next = new Set(set);
  for (const item of items) next.add(item);
  return next;
}

function toggled<T>(set: ReadonlySet<T>, item: T, on: boolean): Set<T> {
  const next = new Set(set);
  if (on) next.add(item);
  else next.delete(item);
  return next;
}

// Whole pixels: sub-pixel precision is invisible and would bloat permalinks.
function round(p: Position): Position {
  return { x: Math.round(p.x) || 0, y: Math.round(p.y) || 0 };
}

