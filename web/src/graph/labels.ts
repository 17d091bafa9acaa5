import type { Core, EdgeSingular, NodeSingular } from 'cytoscape';
import { dropClass, setClass, settleStyles } from './classes.js';
import { EDGE_LABEL_ZOOM, FITS_CLASS, FOCUS_CLASS, MINOR_CLASS, NODE_LABEL_ZOOM, ZOOM_LABEL_CLASS } from './style.js';

/**
 * Which label state each canvas has applied: the node-label state ('all' / 'minor'), and whether the
 * edge labels shown still match the positions (moves, adds and removes clear it). Kept here, not in
 * Cytoscape's scratch: setting or removing core scratch data restyles every element of the graph.
 */
interface LabelState {
  nodes?: 'all' | 'minor' | 'sight';
  /** With nodes 'sight': the box within which every node has its label. */
  sight?: Box;
  edgesPlaced?: boolean;
}
const states = new WeakMap<Core, LabelState>();

function stateOf(cy: Core): LabelState {
  let state = states.get(cy);
  if (!state) states.set(cy, (state = {}));
  return state;
}

/**
 * A zoom that flips more node labels than this flips them in chunks of this size, a task each: a flip
 * restyles the node and recomputes its edges, ~0.3 ms a node with its edges on a 2-core machine.
 */
export const LABEL_FLIP_CHUNK = 200;

/**
 * Keeps labels in step with the view from now on: re-applies on every zoom and pan, and re-ranks
 * nodes whenever elements come or go (a new hub must get its label). Zooming out across
 * NODE_LABEL_ZOOM on a big scene restyles thousands of nodes (zooming in, those near the screen);
 * those flips go `flipChunk` at a time, each chunk in a task of its own with its styles computed
 * there, so the zoom never blocks the page for the whole restyle.
 * Returns the same catch-up for callers that changed the canvas (`follow`): the first chunk now,
 * the rest in tasks of their own; `busy` says whether chunks are still to come.
 */
export function attachLabels(cy: Core, flipChunk = LABEL_FLIP_CHUNK): LabelCatchUp {
  const state = stateOf(cy);
  cy.on('add remove', () => {
    state.nodes = undefined;
    state.edgesPlaced = false;
  });
  cy.on('position', () => {
    state.edgesPlaced = false;
  });
  let pending = false;
  const follow = (): void => {
    if (syncLabels(cy, EDGE_LABEL_ZOOM, NODE_LABEL_ZOOM, MAJOR_NODES, flipChunk) || pending) return;
    pending = true;
    setTimeout(() => {
      pending = false;
      follow();
      settleStyles(cy);
    }, 0);
  };
  // After a drag or a re-layout the free spots for edge labels have changed.
  cy.on('dragfree', follow);
  cy.on('zoom', follow);
  // Zoomed in on a big scene, nodes coming into sight get their labels; otherwise a pan changes none
  // (and pan events come many a second).
  cy.on('pan', () => {
    if (state.nodes === 'sight') follow();
  });
  syncLabels(cy);
  return { follow, busy: () => pending };
}

/** The labels' catch-up after a change to the canvas, and whether it is still under way. */
export interface LabelCatchUp {
  follow(): void;
  busy(): boolean;
}

/** A selection touching more relationships than this shows their labels on hover only (placing them costs edges × nodes). */
export const FOCUS_LABELS_MAX = 150;

/**
 * Which of the selection's relationships show their label (FITS_CLASS): those whose label covers no
 * node (nor its name) and no label placed before it, nearest first, so a selected node's labels never
 * hide a neighbour's name; the others show theirs on hover. The view calls it after each render (a
 * selection, a drag, an expansion).
 */
export function placeFocusLabels(cy: Core, max = FOCUS_LABELS_MAX): void {
  const focused = cy.edges(`.${FOCUS_CLASS}`);
  cy.batch(() => {
    dropClass(cy.edges(`.${FITS_CLASS}`).not(`.${FOCUS_CLASS}`), FITS_CLASS);
    if (focused.length > max) {
      setClass(focused, FITS_CLASS, false);
      return;
    }
    const taken = new BoxGrid(cy.nodes(':visible').map(nodeBox));
    const length = (edge: EdgeSingular) => Math.hypot(edge.source().position().x - edge.target().position().x, edge.source().position().y - edge.target().position().y);
    const fits = new Set<string>();
    for (const edge of focused.sort((a, b) => length(a) - length(b) || (a.id() < b.id() ? -1 : 1)).toArray() as EdgeSingular[]) {
      const box = edgeLabelBox(edge);
      if (taken.overlaps(box)) continue;
      fits.add(edge.id());
      taken.add(box);
    }
    setClass(focused, FITS_CLASS, (edge) => fits.has(edge.id()));
  });
}

/** When zoomed out, only this many nodes (the best connected) keep their labels. */
export const MAJOR_NODES = 60;

/**
 * Puts labels on or off for the current zoom, so the overview shows structure and the names that
 * matter, and zooming in reveals the rest. Cytoscape's own min-zoomed-font-size rounds zoom to
 * powers of two and depends on the screen's pixel ratio, so it cannot give one predictable
 * threshold; classes toggled here can.
 *  - Edges: from EDGE_LABEL_ZOOM, every label that would not cover a node or its name (hovered
 *    and selected ones always show).
 *  - Nodes: below NODE_LABEL_ZOOM only the MAJOR_NODES highest-degree nodes keep their label; from
 *    it, every node within SIGHT_MARGIN of the screen has one too.
 * Flips at most `flipLimit` node labels; returns false when some are left for another call.
 */
export function syncLabels(cy: Core, edgeZoom = EDGE_LABEL_ZOOM, nodeZoom = NODE_LABEL_ZOOM, major = MAJOR_NODES, flipLimit = Infinity): boolean {
  const zoom = cy.zoom();
  const state = stateOf(cy);
  let done = true;
  cy.batch(() => {
    const edgesOn = zoom >= edgeZoom;
    // Only touch what differs: zoom events fire many times a second.
    if (!edgesOn) {
      dropClass(cy, ZOOM_LABEL_CLASS);
      state.edgesPlaced = false;
    } else if (!state.edgesPlaced) {
      state.edgesPlaced = true;
      const boxes = new BoxGrid(cy.nodes(':visible').map(nodeBox));
      setClass(cy.edges(), ZOOM_LABEL_CLASS, (edge) => {
        const box = edgeLabelBox(edge);
        return !boxes.overlaps(box);
      });
    }

    const nodes = cy.nodes();
    const allOn = !minorLabels(zoom, nodes.length, nodeZoom, major);
    if (allOn) {
      done = labelInSight(cy, state, flipLimit);
      return;
    }
    if (state.nodes === 'minor') return;
    const keep = majorNodes(nodes.map((n) => ({ id: n.id(), degree: Number(n.data('degree')) || 0 })), major);
    const flips = nodes.filter((node) => node.hasClass(MINOR_CLASS) !== !keep.has(node.id()));
    if (flips.length > flipLimit) {
      flips.slice(0, flipLimit).toggleClass(MINOR_CLASS);
      done = false;
      return;
    }
    if (flips.nonempty()) flips.toggleClass(MINOR_CLASS);
    state.nodes = 'minor';
    state.sight = undefined;
  });
  return done;
}

/**
 * How far beyond the screen, in screens, a zoomed-in view labels nodes ahead of a pan: a big scene's
 * minor nodes get their label when they come near the screen, not all at once when the zoom crosses
 * NODE_LABEL_ZOOM (5,000 nodes flipped 200 a task, each task followed by a redraw of the whole scene
 * at that zoom, froze a 5,000-node page for seconds after an entity was picked from the list).
 */
export const SIGHT_MARGIN = 0.5;

/**
 * Zoomed in: gives its label to every minor node within SIGHT_MARGIN of the screen (all of them when
 * the canvas has no size, as headless), at most `flipLimit` at a time. A label once given stays until
 * the view zooms out. Returns false when some are left for another call.
 */
function labelInSight(cy: Core, state: LabelState, flipLimit: number, sight = sightBox(cy)): boolean {
  if (state.nodes === 'all') return true;
  if (state.nodes === 'sight' && sight && state.sight && contains(state.sight, cy.extent())) return true;
  const flips = cy.nodes(`.${MINOR_CLASS}`).filter((node) => !sight || inside(node.position(), sight));
  if (flips.length > flipLimit) {
    flips.slice(0, flipLimit).removeClass(MINOR_CLASS);
    return false;
  }
  if (flips.nonempty()) flips.removeClass(MINOR_CLASS);
  const everyone = !sight || cy.nodes(`.${MINOR_CLASS}`).empty();
  state.nodes = everyone ? 'all' : 'sight';
  state.sight = everyone ? undefined : sight;
  return true;
}

/**
 * For an export of the whole scene: zoomed in, every node gets its label now, not only those that
 * have come near the screen, so the picture shows what any part of the screen would.
 */
export function labelEveryNode(cy: Core, nodeZoom = NODE_LABEL_ZOOM, major = MAJOR_NODES): void {
  if (minorLabels(cy.zoom(), cy.nodes().length, nodeZoom, major)) return;
  labelInSight(cy, stateOf(cy), Infinity, null);
}

/** The screen's extent grown by SIGHT_MARGIN screens each way; null when the canvas has no size. */
function sightBox(cy: Core): Box | null {
  if (cy.width() === 0 || cy.height() === 0) return null;
  const { x1, y1, x2, y2, w, h } = cy.extent();
  return { x1: x1 - w * SIGHT_MARGIN, y1: y1 - h * SIGHT_MARGIN, x2: x2 + w * SIGHT_MARGIN, y2: y2 + h * SIGHT_MARGIN };
}

function contains(outer: Box, inner: Box): boolean {
  return outer.x1 <= inner.x1 && outer.y1 <= inner.y1 && inner.x2 <= outer.x2 && inner.y2 <= outer.y2;
}

function inside(point: { x: number; y: number }, box: Box): boolean {
  return point.x >= box.x1 && point.x <= box.x2 && point.y >= box.y1 && point.y <= box.y2;
}

/** True when, at this zoom and with this many nodes, only the `major` best-connected keep their labels. */
export function minorLabels(zoom: number, nodeCount: number, nodeZoom = NODE_LABEL_ZOOM, major = MAJOR_NODES): boolean {
  return !(zoom >= nodeZoom || nodeCount <= major);
}

/**
 * The ids of the `major` best-connected nodes, ties broken by id so the same graph always labels the
 * same nodes. Linear apart from sorting the nodes at the cut-off degree: a view adding thousands of
 * leaves can give each its class up front instead of re-ranking (and restyling) everything after.
 */
export function majorNodes(nodes: readonly { id: string; degree: number }[], major = MAJOR_NODES): Set<string> {
  if (nodes.length <= major) return new Set(nodes.map((n) => n.id));
  const degrees = Float64Array.from(nodes, (n) => n.degree).sort();
  const cut = degrees[degrees.length - major]!;
  const out = new Set<string>();
  const tied: string[] = [];
  for (const n of nodes) {
    if (n.degree > cut) out.add(n.id);
    else if (n.degree === cut) tied.push(n.id);
  }
  tied.sort((a, b) => a.localeCompare(b));
  for (const id of tied.slice(0, major - out.size)) out.add(id);
  return out;
}

export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/**
 * Boxes filed by the square cells (GRID_CELL model units) they touch, so whether a box overlaps any
 * of them looks at its neighbourhood only, not at every node of the scene: when the zoom crosses
 * EDGE_LABEL_ZOOM every edge label is tried against the nodes (7,500 labels against 5,000 nodes,
 * under Node with styles computed: 144-238 ms for the placement before, 62-181 with the grid).
 */
export class BoxGrid {
  private readonly cells = new Map<string, Box[]>();
  /** Boxes too big to file cell by cell (none a layout makes), checked against every query. */
  private readonly huge: Box[] = [];

  constructor(boxes: Iterable<Box> = []) {
    for (const box of boxes) this.add(box);
  }

  add(box: Box): void {
    const cells = cellsOf(box);
    if (cells === 'huge') {
      this.huge.push(box);
      return;
    }
    for (const key of cells) {
      const cell = this.cells.get(key);
      if (cell) cell.push(box);
      else this.cells.set(key, [box]);
    }
  }

  overlaps(box: Box): boolean {
    const hit = (other: Box) => overlaps(other, box);
    if (this.huge.some(hit)) return true;
    const cells = cellsOf(box);
    if (cells === 'huge') return [...this.cells.values()].some((cell) => cell.some(hit));
    return cells.some((key) => this.cells.get(key)?.some(hit) ?? false);
  }
}

const GRID_CELL = 200;
const MAX_CELLS = 64;

/** The keys of the cells a box touches, or 'huge' past MAX_CELLS; none for a box without a place (NaN). */
function cellsOf(box: Box): string[] | 'huge' {
  const x1 = Math.floor(box.x1 / GRID_CELL);
  const x2 = Math.floor(box.x2 / GRID_CELL);
  const y1 = Math.floor(box.y1 / GRID_CELL);
  const y2 = Math.floor(box.y2 / GRID_CELL);
  if ((x2 - x1 + 1) * (y2 - y1 + 1) > MAX_CELLS) return 'huge';
  const keys: string[] = [];
  for (let x = x1; x <= x2; x++) for (let y = y1; y <= y2; y++) keys.push(`${x},${y}`);
  return keys;
}

// Estimates in graph units (labels scale with the zoom, so these hold at any zoom): node names are
// ~7 px a character at 13–16 px and wrap at 140 px; edge labels ~5.6 px a character at 10 px, wrap at 130 px.
function nodeBox(node: NodeSingular): Box {
  const { x, y } = node.position();
  const size = Number(node.data('size')) || 30;
  const chars = String(node.data('label') ?? '').length * 7;
  const half = Math.max(size, Math.min(140, chars)) / 2;
  return { x1: x - half, x2: x + half, y1: y - size / 2, y2: y + size / 2 + 6 + Math.ceil(chars / 140) * 17 };
}

function edgeLabelBox(edge: EdgeSingular): Box {
  const a = edge.source().position();
  const b = edge.target().position();
  const chars = String(edge.data('label') ?? '').length * 5.6;
  const half = Math.min(130, chars) / 2 + 2;
  const halfHeight = (Math.ceil(chars / 130) * 13) / 2 + 2;
  const x = (a.x + b.x) / 2;
  const y = (a.y + b.y) / 2;
  return { x1: x - half, x2: x + half, y1: y - halfHeight, y2: y + halfHeight };
}

function overlaps(a: Box, b: Box): boolean {
  return a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
}
