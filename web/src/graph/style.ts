import type { StylesheetJson } from 'cytoscape';
import { ENTITY_KINDS, type EntityKind } from '../model.js';

/**
 * How each kind is drawn. Colours are the Okabe–Ito palette (distinguishable with the common
 * colour-vision deficiencies); every kind also gets its own shape so colour is never the only cue.
 */
export type KindShape = 'round-rectangle' | 'ellipse' | 'hexagon' | 'diamond' | 'triangle' | 'star' | 'vee' | 'rhomboid';

export interface KindLook {
  label: string;
  colour: string;
  /** A darker shade of `colour` for the outline, so light fills (yellow) still stand out on white. */
  border: string;
  shape: KindShape;
}

export const KIND_LOOK: Readonly<Record<EntityKind, KindLook>> = {
  ORGANISATION: { label: 'Organisation', colour: '#0072B2', border: '#004a75', shape: 'round-rectangle' },
  PERSON: { label: 'Person', colour: '#D55E00', border: '#8a3d00', shape: 'ellipse' },
  PROGRAMME: { label: 'Programme', colour: '#009E73', border: '#006149', shape: 'hexagon' },
  VENDOR: { label: 'Vendor', colour: '#CC79A7', border: '#8f4874', shape: 'diamond' },
  PRODUCT: { label: 'Product', colour: '#E69F00', border: '#946600', shape: 'triangle' },
  EVENT: { label: 'Event', colour: '#56B4E9', border: '#1f6f9c', shape: 'star' },
  PLACE: { label: 'Place', colour: '#F0E442', border: '#8c8417', shape: 'vee' },
  TOPIC: { label: 'Topic', colour: '#999999', border: '#5c5c5c', shape: 'rhomboid' },
};

const UNKNOWN_LOOK: KindLook = { label: 'Other', colour: '#bbbbbb', border: '#6b6b6b', shape: 'ellipse' };

/**
 * The look of a kind, tolerating kinds this page does not know yet (a newer server may add some):
 * they are drawn as grey circles and labelled with their raw name instead of breaking the page.
 */
export function lookOf(kind: string): KindLook {
  return (KIND_LOOK as Record<string, KindLook | undefined>)[kind] ?? { ...UNKNOWN_LOOK, label: kind };
}

/** The class a node of `kind` carries in the graph; the stylesheet keys its colour and shape on it. */
export function kindClass(kind: EntityKind): string {
  return `kind-${kind.toLowerCase()}`;
}

/** Class toggled on nodes whose kind the legend filter hides. */
export const HIDDEN_CLASS = 'kind-hidden';
/** Class on edges touching the selection: drawn in the highlight colour, their labels shown where they fit. */
export const FOCUS_CLASS = 'focus';
/** Class on focus edges whose label covers no node and no other focus label (see placeFocusLabels). */
export const FITS_CLASS = 'label-fits';
/**
 * Class on an edge that is the only one between its two nodes: drawn straight, which looks the same as
 * a lone bezier but spares Cytoscape looking for parallel edges among all of a hub's thousands.
 */
export const LONE_CLASS = 'lone';
/** Class on edges under the pointer (or touching the node under it): their labels show too. */
export const HOVER_CLASS = 'hover';
/** Class on edges while the view is zoomed in far enough for every relationship label to fit. */
export const ZOOM_LABEL_CLASS = 'zoom-label';
/** Zoom from which all edge labels show; below it only hovered and selected edges carry one. */
export const EDGE_LABEL_ZOOM = 1.6;
/** Class on less-connected nodes while zoomed out on a big graph: their labels are left off. */
export const MINOR_CLASS = 'minor';
/** Zoom from which every node label shows, however big the graph. */
export const NODE_LABEL_ZOOM = 1;

/** Class on "+N more" stub nodes (not entities: a click pages through the entity's remaining relationships). */
export const STUB_CLASS = 'more-stub';
/** Class on the dashed edge from an entity to its "+N more" stub. */
export const STUB_EDGE_CLASS = 'more-stub-edge';

/** Class on nodes and edges that are not part of a hovered neighbourhood or a highlighted path. */
export const FADED_CLASS = 'faded';
/** Class on the nodes and edges of a highlighted path. */
export const PATH_CLASS = 'path';

export type Theme = 'light' | 'dark';

// Label ink against the canvas: both pairs are above 4.5:1 (see style.test.ts). Edge lines are opaque,
// in the colour the earlier 80% grey made over the canvas: an edge drawn with opacity makes Cytoscape
// clear each arrowhead in a second pass, which was a fifth of a big scene's drawing time.
export const THEME_COLOURS = {
  light: { ink: '#1d2733', halo: '#ffffff', edge: '#9eaab7', edgeInk: '#3b4a5c', highlight: '#1b4d89', canvas: '#f7f8fa' },
  dark: { ink: '#e6ebf1', halo: '#15191f', edge: '#5a6776', edgeInk: '#c9d3de', highlight: '#8cb8ff', canvas: '#15191f' },
} as const;

/** Node diameter in px from the number of relationships, so hubs read as hubs without swamping leaves. */
export function nodeSize(degree: number | undefined): number {
  const d = Math.max(0, degree ?? 0);
  return Math.round(Math.min(64, 22 + Math.sqrt(d) * 7));
}

/** The Cytoscape stylesheet for the explorer. */
export function graphStylesheet(theme: Theme = 'light'): StylesheetJson {
  const { ink: INK, halo: HALO, edge: EDGE, edgeInk: EDGE_INK, highlight: HIGHLIGHT } = THEME_COLOURS[theme];
  const kindRules: StylesheetJson = ENTITY_KINDS.map((kind) => ({
    selector: `node.${kindClass(kind)}`,
    style: {
      'background-color': KIND_LOOK[kind].colour,
      'border-color': KIND_LOOK[kind].border,
      shape: KIND_LOOK[kind].shape,
    },
  }));
  return [
    {
      selector: 'node',
      style: {
        label: 'data(label)',
        width: 'data(size)',
        height: 'data(size)',
        'border-width': 1.5,
        'background-color': '#bbbbbb',
        color: INK,
        'font-family': 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
        // Hubs get larger labels, so they stay readable (and survive min-zoomed-font-size) when zoomed out.
        'font-size': 'mapData(degree, 1, 20, 13, 16)',
        'font-weight': 500,
        'text-valign': 'bottom',
        'text-margin-y': 4,
        'text-wrap': 'wrap',
        'text-max-width': '140px',
        // A white halo keeps labels legible where they cross edges.
        'text-outline-color': HALO,
        'text-outline-width': 2.5,
        'text-outline-opacity': 0.9,
        // Labels drop out when zoomed so far out they would be unreadable smudges anyway.
        // (Cytoscape compares against font size × zoom rounded up to a power of two.)
        'min-zoomed-font-size': 8,
        'overlay-opacity': 0,
        // Manual stacking everywhere (nodes over edges by default) so the focused edges below can
        // rise above unrelated nodes and keep their labels readable.
        'z-index-compare': 'manual',
        'z-index': 10,
      },
    },
    ...kindRules,
    {
      selector: `node.${MINOR_CLASS}`,
      style: { label: '' },
    },
    {
      // Whatever the user is looking at shows its name, minor or not.
      selector: `node.${MINOR_CLASS}:selected, node.${MINOR_CLASS}.${HOVER_CLASS}`,
      style: { label: 'data(label)' },
    },
    {
      selector: 'edge',
      style: {
        width: 1.4,
        'line-color': EDGE,
        'target-arrow-color': EDGE,
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.9,
        'curve-style': 'bezier',
        // No label by default: on an overview, dozens of "DISCUSSED" labels hide the structure.
        label: '',
        'z-index-compare': 'manual',
        'z-index': 0,
        'font-size': 10,
        color: EDGE_INK,
        'text-rotation': 'autorotate',
        // Long titles wrap rather than run under the nodes at either end of a short edge.
        'text-wrap': 'wrap',
        'text-max-width': '130px',
        // A soft plate rather than an outline: edge labels cross other edges and must stay legible.
        'text-background-color': HALO,
        'text-background-opacity': 0.88,
        'text-background-padding': '2px',
        'text-background-shape': 'roundrectangle',
        'overlay-opacity': 0,
      },
    },
    {
      selector: `edge.${LONE_CLASS}`,
      style: { 'curve-style': 'straight' },
    },
    {
      selector: `edge.${ZOOM_LABEL_CLASS}`,
      style: { label: 'data(label)' },
    },
    {
      selector: `edge.${FOCUS_CLASS}, edge.${HOVER_CLASS}, edge:selected`,
      style: {
        'font-size': 11,
        color: INK,
        width: 2.4,
        opacity: 1,
        'line-color': HIGHLIGHT,
        'target-arrow-color': HIGHLIGHT,
        // Drawn above other nodes so the label of a short edge is not hidden under its neighbours.
        'z-index': 20,
      },
    },
    {
      // A selected node's relationships name themselves where the name covers nothing; the rest on hover.
      selector: `edge.${FOCUS_CLASS}.${FITS_CLASS}, edge.${HOVER_CLASS}, edge:selected`,
      style: { label: 'data(label)' },
    },
    {
      selector: 'node:selected',
      style: {
        'border-width': 4,
        'border-color': HIGHLIGHT,
        'font-weight': 700,
        'z-index': 30,
      },
    },
    {
      selector: `.${FADED_CLASS}`,
      style: { opacity: 0.18, 'text-opacity': 0.3 },
    },
    {
      selector: `node.${PATH_CLASS}`,
      style: { 'border-width': 4, 'border-color': HIGHLIGHT },
    },
    {
      selector: `edge.${PATH_CLASS}`,
      style: { label: 'data(label)', width: 3.5, opacity: 1, 'line-color': HIGHLIGHT, 'target-arrow-color': HIGHLIGHT, color: INK, 'z-index': 20 },
    },
    {
      // "+N more": a small pill with its count inside, so it reads as a control, not an entity.
      selector: `node.${STUB_CLASS}`,
      style: {
        label: 'data(label)',
        shape: 'round-rectangle',
        // Sized from the label's length (Cytoscape's 'label' width is deprecated).
        width: 'data(w)',
        height: 18,
        padding: '5px',
        'background-color': HALO,
        'border-width': 1.5,
        'border-style': 'dashed',
        'border-color': HIGHLIGHT,
        color: HIGHLIGHT,
        'font-size': 11,
        'font-weight': 600,
        'text-valign': 'center',
        'text-halign': 'center',
        'text-margin-y': 0,
        'text-outline-width': 0,
        'text-wrap': 'none',
        'min-zoomed-font-size': 0,
        'z-index': 15,
      },
    },
    {
      selector: `edge.${STUB_EDGE_CLASS}`,
      style: { 'line-style': 'dashed', 'line-color': HIGHLIGHT, 'target-arrow-shape': 'none', width: 1.2, opacity: 0.7, label: '' },
    },
    {
      selector: `.${HIDDEN_CLASS}`,
      style: { display: 'none' },
    },
  ];
}

/**
 * The kind's shape as SVG geometry in a 2×2 box centred on 0,0 (y down), for legend swatches that
 * match what Cytoscape draws. Polygons follow Cytoscape's conventions: odd-sided shapes point up, hexagons lie flat.
 */
export function legendGeometry(shape: KindShape): { type: 'circle' } | { type: 'rect'; radius: number } | { type: 'polygon'; points: [number, number][] } {
  switch (shape) {
    case 'ellipse':
      return { type: 'circle' };
    case 'round-rectangle':
      return { type: 'rect', radius: 0.35 };
    case 'hexagon':
      return { type: 'polygon', points: fitToBox(regularPolygon(6, 0)) };
    case 'triangle':
      return { type: 'polygon', points: fitToBox(regularPolygon(3, -Math.PI / 2)) };
    case 'diamond':
      return { type: 'polygon', points: [[0, -1], [1, 0], [0, 1], [-1, 0]] };
    case 'star':
      return { type: 'polygon', points: fitToBox(starPolygon(5, 0.6)) };
    case 'vee':
      return { type: 'polygon', points: [[-1, -1], [0, -0.33], [1, -1], [0, 1]] };
    case 'rhomboid':
      return { type: 'polygon', points: [[-1, -1], [0.33, -1], [1, 1], [-0.33, 1]] };
  }
}

function regularPolygon(sides: number, startAngle: number): [number, number][] {
  return Array.from({ length: sides }, (_, i) => {
    const a = startAngle + (i * 2 * Math.PI) / sides;
    return [Math.cos(a), Math.sin(a)] as [number, number];
  });
}

function starPolygon(tips: number, innerRatio: number): [number, number][] {
  return Array.from({ length: tips * 2 }, (_, i) => {
    const r = i % 2 === 0 ? 1 : innerRatio;
    const a = -Math.PI / 2 + (i * Math.PI) / tips;
    return [r * Math.cos(a), r * Math.sin(a)] as [number, number];
  });
}

// Cytoscape stretches every polygon to fill the node's box; do the same so swatches look alike.
function fitToBox(points: [number, number][]): [number, number][] {
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  return points.map(([x, y]) => [((x - minX) / (maxX - minX)) * 2 - 1, ((y - minY) / (maxY - minY)) * 2 - 1]);
}
