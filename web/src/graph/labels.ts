import type { Core, EdgeSingular, NodeSingular } from 'cytoscape';
import { EDGE_LABEL_ZOOM, MINOR_CLASS, NODE_LABEL_ZOOM, ZOOM_LABEL_CLASS } from './style.js';

// Remembers which node-label state is applied, so zoom events that change nothing cost nothing.
const SCRATCH = '_kgxLabels';
// Set while the edge labels shown match the current positions; moves, adds and removes clear it.
const EDGE_SCRATCH = '_kgxEdgeLabels';

/**
 * Keeps labels in step with the zoom from now on: re-applies on every zoom, and re-ranks nodes
 * whenever elements come or go (a new hub must get its label).
 */
export function attachLabels(cy: Core): void {
  cy.on('add remove', () => {
    cy.removeScratch(SCRATCH);
    cy.removeScratch(EDGE_SCRATCH);
  });
  cy.on('position', () => {
    cy.removeScratch(EDGE_SCRATCH);
  });
  // After a drag or a re-layout the free spots for edge labels have changed.
  cy.on('dragfree', () => syncLabels(cy));
  cy.on('zoom', () => syncLabels(cy));
  syncLabels(cy);
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
 *  - Nodes: below NODE_LABEL_ZOOM only the MAJOR_NODES highest-degree nodes keep their label.
 */
export function syncLabels(cy: Core, edgeZoom = EDGE_LABEL_ZOOM, nodeZoom = NODE_LABEL_ZOOM, major = MAJOR_NODES): void {
  const zoom = cy.zoom();
  cy.batch(() => {
    const edgesOn = zoom >= edgeZoom;
    // Only touch what differs: zoom events fire many times a second.
    if (!edgesOn) {
      const shown = cy.edges(`.${ZOOM_LABEL_CLASS}`);
      if (shown.nonempty()) shown.removeClass(ZOOM_LABEL_CLASS);
      cy.removeScratch(EDGE_SCRATCH);
    } else if (!cy.scratch(EDGE_SCRATCH)) {
      cy.scratch(EDGE_SCRATCH, true);
      const boxes = cy.nodes(':visible').map(nodeBox);
      cy.edges().forEach((edge) => {
        const box = edgeLabelBox(edge);
        edge.toggleClass(ZOOM_LABEL_CLASS, !boxes.some((b) => overlaps(b, box)));
      });
    }

    const nodes = cy.nodes();
    const allOn = !minorLabels(zoom, nodes.length, nodeZoom, major);
    const key = allOn ? 'all' : 'minor';
    if (cy.scratch(SCRATCH) === key) return;
    cy.scratch(SCRATCH, key);
    if (allOn) {
      cy.nodes(`.${MINOR_CLASS}`).removeClass(MINOR_CLASS);
      return;
    }
    const keep = majorNodes(nodes.map((n) => ({ id: n.id(), degree: Number(n.data('degree')) || 0 })), major);
    // Only the nodes whose class changes are restyled (toggleClass skips the rest).
    nodes.forEach((node) => {
      node.toggleClass(MINOR_CLASS, !keep.has(node.id()));
    });
  });
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

interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
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
