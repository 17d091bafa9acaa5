import cytoscape, { type Core, type LayoutOptions } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { nodeSize } from '../graph/style.js';
import type { Position, Scene } from './scene.js';

/**
 * Positions for the scene, computed in a headless Cytoscape so the same code runs under Node in
 * tests and in the page. Deterministic: fcose's randomness is fed from a seed derived from the
 * node ids, so the same data always gets the same picture.
 */

cytoscape.use(fcose);

export type LayoutName = 'fcose' | 'concentric' | 'hierarchical';
export const LAYOUTS: readonly LayoutName[] = ['fcose', 'concentric', 'hierarchical'];

/** Above this many nodes fcose's spectral draft is good enough and much faster. */
export const DRAFT_ABOVE = 300;

/** More new nodes than this round one anchor go on rings round it, without physics (fcose on demand). */
export const RINGS_ABOVE = 150;
/** Scenes larger than this relax new nodes among their own neighbours only, not against every node. */
export const LOCAL_ABOVE = 1000;
/**
 * A whole scene larger than this is first placed without physics (`quickLayout`): fcose on 500
 * nodes already takes a second on the main thread and cannot be split into steps, so before the
 * first paint it runs only on the overview's 300; for more it runs on demand (L, in a worker).
 */
export const QUICK_ABOVE = DRAFT_ABOVE;

export interface PlaceOptions {
  /** New nodes start around this node (the one they were expanded from). */
  anchor?: string | undefined;
}

/**
 * Positions for nodes that have none yet, leaving every positioned node exactly where it is: new
 * nodes start on a ring round their anchor and fcose relaxes only them (the rest are fixed).
 */
export function placeNew(scene: Scene, options: PlaceOptions = {}): Map<string, Position> {
  const fresh = [...scene.nodes.keys()].filter((id) => !scene.positions.has(id));
  if (!fresh.length) return new Map();
  if (fresh.length === scene.nodes.size) return fresh.length > QUICK_ABOVE ? quickLayout(scene) : layout(scene, 'fcose');

  const anchorAt = options.anchor ? scene.positions.get(options.anchor) : undefined;
  // A hub's thousands of leaves need no physics: rings round it are instant and readable.
  if (anchorAt && fresh.length > RINGS_ABOVE) return rings(scene, options.anchor!, anchorAt, fresh);
  const centre = anchorAt || centroid(scene.positions);
  const start = new Map<string, Position>();
  const radius = 90 + fresh.length * 6;
  fresh.forEach((id, i) => {
    const angle = (i / fresh.length) * 2 * Math.PI;
    start.set(id, { x: centre.x + radius * Math.cos(angle), y: centre.y + radius * Math.sin(angle) });
  });
  // In a big scene only the new nodes and what they touch take part: the rest is fixed and far away,
  // and relaxing against thousands of fixed nodes would block the page for seconds.
  const only = scene.nodes.size > LOCAL_ABOVE ? withNeighbours(scene, fresh) : undefined;
  const cy = headless(scene, start, only);
  const fixed = [...scene.positions].filter(([id]) => scene.nodes.has(id) && (!only || only.has(id))).map(([nodeId, position]) => ({ nodeId, position: { ...position } }));
  withSeed(seedOf(scene), () =>
    cy
      .layout({
        ...fcoseOptions(cy.nodes().length),
        quality: 'default',
        randomize: false,
        fixedNodeConstraint: fixed,
      } as unknown as LayoutOptions)
      .run(),
  );
  return positionsOf(cy, fresh);
}

/**
 * New nodes on concentric rings round their anchor, in id order, each ring as full as its circumference
 * allows at `SPACING`, starting just outside the anchor. Deterministic and linear in the number of nodes.
 */
function rings(scene: Scene, anchor: string, at: Position, fresh: readonly string[]): Map<string, Position> {
  const SPACING = 48;
  const out = new Map<string, Position>();
  const ids = [...fresh].sort();
  let radius = nodeSize(scene.nodes.get(anchor)?.degree) / 2 + 120;
  let i = 0;
  let ring = 0;
  while (i < ids.length) {
    const capacity = Math.max(6, Math.floor((2 * Math.PI * radius) / SPACING));
    const count = Math.min(capacity, ids.length - i);
    // Alternate rings are turned by half a step, so neighbours on adjacent rings do not line up.
    const offset = ring % 2 ? Math.PI / capacity : 0;
    for (let k = 0; k < count; k++, i++) {
      const angle = offset + (k / count) * 2 * Math.PI;
      out.set(ids[i]!, { x: Math.round(at.x + radius * Math.cos(angle)) || 0, y: Math.round(at.y + radius * Math.sin(angle)) || 0 });
    }
    radius += SPACING * 1.5;
    ring += 1;
  }
  return out;
}

/**
 * A placement with no physics for big scenes: nodes on a sunflower spiral (even density, no
 * overlaps), hubs in the middle, grouped by kind within equal degree, ties by id. O(n log n) and
 * deterministic; fcose (L) can tidy it afterwards.
 */
export function quickLayout(scene: Scene): Map<string, Position> {
  const SPACING = 80;
  const GOLDEN = Math.PI * (3 - Math.sqrt(5));
  const nodes = [...scene.nodes.values()].sort((a, b) => b.degree - a.degree || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const out = new Map<string, Position>();
  nodes.forEach((n, i) => {
    const r = SPACING * Math.sqrt(i + 0.5);
    out.set(n.id, { x: Math.round(r * Math.cos(i * GOLDEN)) || 0, y: Math.round(r * Math.sin(i * GOLDEN)) || 0 });
  });
  return out;
}

/** The fresh nodes and every node one edge from them. */
function withNeighbours(scene: Scene, fresh: readonly string[]): Set<string> {
  const out = new Set(fresh);
  const isFresh = new Set(fresh);
  for (const e of scene.edges.values()) {
    if (isFresh.has(e.source)) out.add(e.target);
    if (isFresh.has(e.target)) out.add(e.source);
  }
  return out;
}

/** A full layout of the scene's visible nodes (hidden ones keep their places). */
export function layout(scene: Scene, name: LayoutName): Map<string, Position> {
  const ids = [...scene.nodes.keys()].filter((id) => !scene.hidden.has(id) && !scene.hiddenKinds.has(scene.nodes.get(id)!.kind));
  const cy = headless(scene, new Map(), new Set(ids));
  withSeed(seedOf(scene), () => cy.layout(optionsFor(name, cy.nodes().length) as unknown as LayoutOptions).run());
  const positions = positionsOf(cy, ids);
  if (name !== 'fcose' || ids.length <= DRAFT_ABOVE) return positions;
  // Hubs claim their spot first; ties by id, so the same data gives the same picture.
  const byDegree = [...ids].sort((a, b) => scene.nodes.get(b)!.degree - scene.nodes.get(a)!.degree || (a < b ? -1 : a > b ? 1 : 0));
  return spreadOnLattice(positions, byDegree);
}

/** A cell of the lattice `spreadOnLattice` puts nodes on: a node and its label (wrapped at 140 px) beside its neighbours. */
export const SPREAD_CELL = { w: 150, h: 80 } as const;

/**
 * fcose's spectral draft places nodes by their hop distances to a few pivots, so nodes with the same
 * distances land on one spot: the leaves of one parent, and on a small-world graph most of the scene
 * (on a 5,000-node scene, 4,975 nodes were within 30 units of another, all inside 880 × 791). This
 * keeps the draft's picture and makes it readable: the draft's box is scaled to twice the room the
 * nodes need (where the draft leaves space, the picture keeps it), then each node, in the given
 * order, takes a free cell of a hexagonal lattice (odd rows shifted by half a cell) near its scaled
 * spot: the nearest in the first ring of cells round the spot that has one. A stack of k nodes costs
 * about k² cell checks.
 */
export function spreadOnLattice(positions: ReadonlyMap<string, Position>, order: readonly string[]): Map<string, Position> {
  const { w, h } = SPREAD_CELL;
  const points = order.map((id) => positions.get(id)!);
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  for (const p of points) {
    x1 = Math.min(x1, p.x);
    y1 = Math.min(y1, p.y);
    x2 = Math.max(x2, p.x);
    y2 = Math.max(y2, p.y);
  }
  const cx = (x1 + x2) / 2;
  const cy = (y1 + y2) / 2;
  const scale = Math.max(1, Math.sqrt((2 * points.length * w * h) / Math.max(1, (x2 - x1) * (y2 - y1))));
  const taken = new Set<number>();
  const key = (i: number, j: number) => (i + 0x8000) * 0x10000 + (j + 0x8000);
  // `j & 1` is 1 for odd rows below zero too (two's complement).
  const xOf = (i: number, j: number) => (i + (j & 1) / 2) * w;
  const out = new Map<string, Position>();
  order.forEach((id, n) => {
    const tx = (points[n]!.x - cx) * scale;
    const ty = (points[n]!.y - cy) * scale;
    const tj = Math.round(ty / h);
    const ti = Math.round(tx / w - (tj & 1) / 2);
    let best: [number, number] | null = null;
    let bestDistance = Infinity;
    const consider = (i: number, j: number) => {
      if (taken.has(key(i, j))) return;
      const d = (xOf(i, j) - tx) ** 2 + (j * h - ty) ** 2;
      if (d < bestDistance) {
        bestDistance = d;
        best = [i, j];
      }
    };
    for (let ring = 0; !best; ring++) {
      if (ring === 0) consider(ti, tj);
      // The ring's border only: its top and bottom rows, then the two sides between them.
      for (let i = ti - ring; ring > 0 && i <= ti + ring; i++) {
        consider(i, tj - ring);
        consider(i, tj + ring);
      }
      for (let j = tj - ring + 1; ring > 0 && j <= tj + ring - 1; j++) {
        consider(ti - ring, j);
        consider(ti + ring, j);
      }
    }
    const [i, j] = best as [number, number];
    taken.add(key(i, j));
    out.set(id, { x: Math.round(cx + xOf(i, j)) || 0, y: Math.round(cy + j * h) || 0 });
  });
  return out;
}

function optionsFor(name: LayoutName, count: number): Record<string, unknown> {
  switch (name) {
    case 'fcose':
      return { ...fcoseOptions(count), randomize: true };
    case 'concentric':
      return {
        name: 'concentric',
        animate: false,
        fit: false,
        minNodeSpacing: 40,
        // Hubs in the middle; ties by id so the order is stable.
        concentric: (n: cytoscape.NodeSingular) => n.degree(false),
        levelWidth: () => 2,
      };
    case 'hierarchical':
      return { name: 'breadthfirst', animate: false, fit: false, directed: true, spacingFactor: 1.2, grid: false, avoidOverlap: true };
  }
}

function fcoseOptions(count: number): Record<string, unknown> {
  return {
    name: 'fcose',
    quality: count > DRAFT_ABOVE ? 'draft' : 'default',
    animate: false,
    fit: false,
    // Headless Cytoscape cannot measure text; labels get room through the separation below.
    nodeDimensionsIncludeLabels: false,
    nodeRepulsion: 9000,
    idealEdgeLength: 110,
    nodeSeparation: 110,
    numIter: 2500,
  };
}

/** A throw-away headless Cytoscape holding the scene's nodes (sized as drawn) and edges. */
function headless(scene: Scene, start: ReadonlyMap<string, Position>, only?: ReadonlySet<string>): Core {
  const cy = cytoscape({ headless: true, styleEnabled: true, style: [{ selector: 'node', style: { width: 'data(w)', height: 'data(h)' } }] });
  // Sorted, so insertion order (which layouts see) does not depend on the order data arrived in.
  const ids = [...scene.nodes.keys()].filter((id) => !only || only.has(id)).sort();
  cy.add(
    ids.map((id) => ({
      group: 'nodes' as const,
      data: { id, ...box(scene.nodes.get(id)!) },
      position: { ...(scene.positions.get(id) ?? start.get(id) ?? { x: 0, y: 0 }) },
    })),
  );
  const present = new Set(ids);
  const edges = [...scene.edges.values()].filter((e) => present.has(e.source) && present.has(e.target) && e.source !== e.target);
  edges.sort((a, b) => a.id.localeCompare(b.id));
  cy.add(edges.map((e) => ({ group: 'edges' as const, data: { id: e.id, source: e.source, target: e.target } })));
  return cy;
}

/**
 * The space a node needs with its label under it. Headless Cytoscape cannot measure text, so the
 * label is estimated (7 px a character, wrapped at 140 px as the stylesheet does, 17 px a line).
 */
function box(node: { name: string; degree: number }): { w: number; h: number } {
  const size = nodeSize(node.degree);
  const chars = node.name.length * 7;
  const lines = Math.ceil(chars / 140);
  return { w: Math.max(size, Math.min(140, chars)), h: size + 6 + lines * 17 };
}

function positionsOf(cy: Core, ids: readonly string[]): Map<string, Position> {
  const out = new Map<string, Position>();
  for (const id of ids) {
    const n = cy.getElementById(id);
    // `|| 0` turns -0 into 0, so positions compare equal after a trip through JSON.
    if (n.nonempty()) out.set(id, { x: Math.round(n.position('x')) || 0, y: Math.round(n.position('y')) || 0 });
  }
  return out;
}

function centroid(positions: ReadonlyMap<string, Position>): Position {
  let x = 0;
  let y = 0;
  for (const p of positions.values()) {
    x += p.x;
    y += p.y;
  }
  const n = Math.max(1, positions.size);
  return { x: x / n, y: y / n };
}

/** FNV-1a over the sorted node ids: the same data gives the same seed. */
export function seedOf(scene: Scene): number {
  let h = 0x811c9dc5;
  for (const id of [...scene.nodes.keys()].sort()) {
    for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
    h = Math.imul(h ^ 10, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: small, fast, good enough to scatter nodes. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Runs `fn` with Math.random seeded. fcose (and layout-base under it) call Math.random directly and
 * offer no seed option; the layouts run synchronously (animate: false), so the swap is contained.
 */
export function withSeed<T>(seed: number, fn: () => T): T {
  const original = Math.random;
  Math.random = seededRandom(seed);
  try {
    return fn();
  } finally {
    Math.random = original;
  }
}
