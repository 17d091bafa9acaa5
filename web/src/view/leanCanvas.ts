/**
 * Shortcuts in Cytoscape's canvas renderer. When the elements of a big scene change, Cytoscape
 * draws every element one by one for a few frames (its layered cache is rebuilt only once changes
 * stop), and on a machine without a GPU one such frame is what blocks the page longest while a hub
 * expands. Profiled on the 5,000- and 2,000-node scenes, much of that frame was work that draws nothing:
 * - arrowheads of a few pixels, drawn in four passes per edge (two of them for mid-arrows we never
 *   use), invisible as arrows at that size;
 * - for every edge, the lookups of three label textures (main, source and target) that it does not
 *   have, each behind Cytoscape's bounding-box memo, which hashes both end positions on every call;
 * - for every node without a label (most of a big scene, see graph/labels.ts), the same lookup of
 *   its label texture;
 * - for every element, its underlay and overlay, which our stylesheet leaves transparent except while
 *   an element is pressed, each found empty only after a visibility check and four style lookups.
 * Each shortcut is decided per drawing, from what is about to be drawn, so a zoomed-in view, a
 * labelled element, a pressed one and a PNG export at high resolution draw exactly as before.
 *
 * Two more change how, not whether, something is drawn; both were most of a frame of the 2,000-node
 * scene zoomed to 0.34 (after a re-layout, then an expansion):
 * - a filled arrowhead is traced where it stands, as Cytoscape does where it does not use paths,
 *   instead of filling one cached unit path moved there by translate, rotate and scale and back
 *   (in Chromium's canvas about 30 µs per arrowhead against 1; 3,600 arrowheads: 80-120 ms);
 * - when the zoom reaches another texture level, every node's texture at that level is filled before
 *   anything is drawn (fillTextures below); the first frame at a new level had cost 236-340 ms, now
 *   106-118.
 * And two for the 5,000-node scene zoomed out to fit (zoom 0.055), whose every frame had taken
 * 200-300 ms while an expansion's slices arrived:
 * - a node under DOT_PX on screen is a square of its colour, not its texture (drawnAsDot);
 * - plain edges are stroked together, run by run (edgeBatch.ts).
 */

import { EdgeBatch, type BatchedEdge, type StrokeRenderer } from './edgeBatch.js';
import { hasLabel, layerShows } from './elementStyle.js';

/** Below this size in device pixels an arrowhead is a smudge at the line's end, not an arrow. */
export const MIN_ARROWHEAD_PX = 4;

/**
 * Model units around an edge's control points that its drawing may reach: half its width and its
 * arrowhead (Cytoscape's is about 26-29 units at our widths), with room to spare.
 */
export const EDGE_REACH = 40;

/** A bounding box as Cytoscape passes the visible extent. */
export interface Extent {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** The parts of a Cytoscape element the shortcuts read. */
export interface DrawnElement extends BatchedEdge {
  isEdge(): boolean;
  _private: BatchedEdge['_private'] & { position?: { x: number; y: number } };
}

/** One of Cytoscape's element texture caches: a picture of each element per zoom level, on shared pages. */
export interface TextureCache {
  getBoundingBox(ele: DrawnElement): Extent & { w: number; h: number };
  reasons: { highQuality: unknown };
  /** The element's texture at a level (by default the current zoom's), filled as the reason asks (null: drawn directly). */
  getElement(ele: DrawnElement, bb: Extent & { w: number; h: number }, pxRatio: number, lvl: number | undefined, reason: unknown): unknown;
}

/** One of Cytoscape's arrowhead shapes: `draw` traces it on a context at a place, angle and size. */
export interface ArrowShape {
  draw(context: CanvasRenderingContext2D, size: number, angle: number, translation: { x: number; y: number }, edgeWidth: number): void;
}

/** The parts of Cytoscape's canvas renderer the shortcuts replace or call (not in its typings). */
export interface CanvasRendererInternals extends StrokeRenderer {
  colorFillStyle(context: CanvasRenderingContext2D, color: readonly number[], opacity: number): void;
  drawArrowheads(context: CanvasRenderingContext2D, edge: DrawnElement, opacity?: number): void;
  arrowShapes: Record<string, ArrowShape>;
  drawArrowShape(edge: DrawnElement, context: CanvasRenderingContext2D, fill: string, edgeWidth: number, shape: string, shapeWidth: number, x: number, y: number, angle: number, prefix: string): void;
  cy: { zoom(): number };
  data: { eleTxrCache: TextureCache; lblTxrCache: TextureCache; slbTxrCache: TextureCache; tlbTxrCache: TextureCache };
  drawCachedElements(context: CanvasRenderingContext2D, eles: readonly DrawnElement[], pxRatio: number, extent: Extent | null): void;
  getArrowWidth(edgeWidth: number, scale: number): number;
  drawCachedElement(context: CanvasRenderingContext2D, ele: DrawnElement, pxRatio: number, extent: Extent | null, lvl?: number, requestHighQuality?: boolean): void;
  drawElementUnderlay(context: CanvasRenderingContext2D, ele: DrawnElement): void;
  drawElement(context: CanvasRenderingContext2D, ele: DrawnElement, shiftToOriginWithBb: undefined, showLabel: boolean, showOverlay: boolean): void;
  drawElementOverlay(context: CanvasRenderingContext2D, ele: DrawnElement): void;
  drawCachedElementPortion(context: CanvasRenderingContext2D, ele: DrawnElement, cache: TextureCache, pxRatio: number, lvl: number | undefined, reason: unknown, getRotation: unknown, getOpacity: unknown): void;
}

/** Whether an arrowhead this wide (model units) comes out under MIN_ARROWHEAD_PX at this context's scale. */
export function arrowheadTooSmall(modelWidth: number, scale: number): boolean {
  return modelWidth * scale < MIN_ARROWHEAD_PX;
}

/** Whether a curve through these control points (x, y, x, y, ...) stays at least `reach` outside the extent. */
export function outsideExtent(points: readonly number[], extent: Extent, reach: number): boolean {
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  for (let i = 0; i + 1 < points.length; i += 2) {
    const x = points[i]!;
    const y = points[i + 1]!;
    if (x < x1) x1 = x;
    if (x > x2) x2 = x;
    if (y < y1) y1 = y;
    if (y > y2) y2 = y;
  }
  return x2 + reach < extent.x1 || x1 - reach > extent.x2 || y2 + reach < extent.y1 || y1 - reach > extent.y2;
}

/** Below this size in device pixels a node is a dot: its shape, border and picture do not show. */
export const DOT_PX = 5;

/**
 * Draws a node too small to show its shape (under DOT_PX on this context) as a square of its colour,
 * instead of its texture: on a 5,600-node scene zoomed out to fit, the node textures were about half
 * of each frame, 20 µs a node, each a picture of a few pixels. A node with a label that would show,
 * or with an underlay or overlay, is left to Cytoscape. Returns whether the node is done (drawn, or
 * culled outside the extent).
 */
function drawnAsDot(renderer: CanvasRendererInternals, context: CanvasRenderingContext2D, node: DrawnElement, extent: Extent | null): boolean {
  const scale = scaleOf(context);
  const size = Math.max(node.pstyle('width').pfValue ?? 0, node.pstyle('height').pfValue ?? 0);
  if (!(size * scale < DOT_PX)) return false;
  if (node.pstyle('label').strValue !== '' && (node.pstyle('font-size').pfValue ?? 0) * scale >= (node.pstyle('min-zoomed-font-size').pfValue ?? 0)) return false;
  if (layerShows(node, 'underlay') || layerShows(node, 'overlay') || !node.visible()) return false;
  const { x, y } = node._private.position!;
  const half = size / 2;
  if (extent && (x + half < extent.x1 || x - half > extent.x2 || y + half < extent.y1 || y - half > extent.y2)) return true;
  renderer.colorFillStyle(context, node.pstyle('background-color').value as number[], Number(node.pstyle('background-opacity').value) * Number(node.pstyle('opacity').value));
  context.fillRect(x - half, y - half, size, size);
  return true;
}

/** Cytoscape's texture level for a zoom: textures are drawn at powers of two, none below 1/16. */
export function textureLevel(zoom: number, pxRatio: number): number {
  // `|| 0`: Math.ceil(-0.3) is -0, a level to compare but not to print.
  return Math.max(MIN_TEXTURE_LEVEL, Math.ceil(Math.log2(zoom * pxRatio))) || 0;
}

const MIN_TEXTURE_LEVEL = -4;

/**
 * Fills the body textures of these elements at the level of the current zoom. Asked for the texture
 * of its own level (Cytoscape's "high quality" request), the cache fills it from a higher level or
 * draws it, once per style, since nodes of the same style share a texture (107 pictures for the
 * 2,000-node scene). Asked as the drawing asks, it hands back a texture of another level, queues the
 * right one to be filled a few per frame, and first clears a strip of its newest texture page, every
 * time: each node left a page changed just before it was drawn from, and Chromium copies a canvas
 * drawn from after a change (1,700 copies in the first frame at a new level). Edge bodies are never
 * cached; labels are each their own texture and stay with the drawing.
 */
export function fillTextures(renderer: CanvasRendererInternals, eles: readonly DrawnElement[], pxRatio: number): void {
  const cache = renderer.data.eleTxrCache;
  for (const ele of eles) {
    if (ele.isEdge()) continue;
    cache.getElement(ele, cache.getBoundingBox(ele), pxRatio, undefined, cache.reasons.highQuality);
  }
}

/** An arrowhead's scale as Cytoscape reads it: its end's own, else the edge's. */
function arrowScale(edge: DrawnElement, prefix: string): number {
  const own = edge.pstyle(`${prefix}-arrow-scale`) as { value?: unknown } | undefined;
  return Number(own && own.value !== 'inherit' ? own.value : edge.pstyle('arrow-scale').value);
}

function unlabelledEdge(ele: DrawnElement): boolean {
  return ele.isEdge() && !hasLabel(ele);
}

/**
 * The context's own scale: the view's zoom on screen, a layer's level in Cytoscape's caches, the
 * export's resolution in a PNG. The SVG export's context (canvas2svg) has no transform to read:
 * vectors scale, so to the shortcuts nothing there is ever too small.
 */
function scaleOf(context: CanvasRenderingContext2D): number {
  return typeof context.getTransform === 'function' ? Math.abs(context.getTransform().a) : Infinity;
}

/**
 * Installs the shortcuts on this renderer instance; its prototype keeps Cytoscape's own methods,
 * which everything else (nodes, labelled edges, arrowheads big enough to see) still goes through.
 */
export function leanCanvas(renderer: CanvasRendererInternals): void {
  const own = Object.getPrototypeOf(renderer) as CanvasRendererInternals;

  renderer.drawArrowheads = function (context, edge, opacity) {
    const width = this.getArrowWidth(edge.pstyle('width').pfValue ?? 0, Number(edge.pstyle('arrow-scale').value ?? 1));
    if (arrowheadTooSmall(width, scaleOf(context))) return;
    own.drawArrowheads.call(this, context, edge, opacity);
  };

  // Filled when the zoom reaches another texture level (every node misses then); afterwards only a
  // new style misses, once.
  let filledLevel: number | null = null;
  // Open only while Cytoscape draws a frame's elements in order (not while it fills its layer caches,
  // which draw elements one at a time).
  let batch: EdgeBatch | null = null;
  renderer.drawCachedElements = function (context, eles, pxRatio, extent) {
    const level = textureLevel(this.cy.zoom(), pxRatio);
    if (level !== filledLevel) {
      fillTextures(this, eles, pxRatio);
      filledLevel = level;
    }
    const outer = batch;
    batch = new EdgeBatch(context, this);
    try {
      own.drawCachedElements.call(this, context, eles, pxRatio, extent);
      batch.flush();
    } finally {
      batch = outer;
    }
  };

  // Traced where it stands with the shape's own drawing (see the top of this file); hollow ones, which
  // we do not use, are left to Cytoscape.
  renderer.drawArrowShape = function (edge, context, fill, edgeWidth, shape, shapeWidth, x, y, angle, prefix) {
    const arrow = this.arrowShapes[shape];
    if (fill !== 'filled' || !arrow) {
      own.drawArrowShape.call(this, edge, context, fill, edgeWidth, shape, shapeWidth, x, y, angle, prefix);
      return;
    }
    const size = this.getArrowWidth(edgeWidth, arrowScale(edge, prefix));
    context.beginPath();
    arrow.draw(context, size, angle, { x, y }, edgeWidth);
    context.closePath();
    context.fill();
  };

  renderer.drawCachedElement = function (context, ele, pxRatio, extent, lvl, requestHighQuality) {
    const open = batch?.context === context ? batch : null;
    if (!unlabelledEdge(ele)) {
      // The edges before it are painted first, dot or not.
      open?.flush();
      if (!ele.isEdge() && drawnAsDot(this, context, ele, extent)) return;
      own.drawCachedElement.call(this, context, ele, pxRatio, extent, lvl, requestHighQuality);
      return;
    }
    // Edges are never texture-cached, so Cytoscape would draw this one directly after the label
    // lookups; it is culled from the control points its drawing uses (drawEdge skips bad lines itself).
    const points = ele._private.rscratch.allpts;
    if (extent && points && outsideExtent(points, extent, EDGE_REACH)) return;
    if (open?.take(ele)) return;
    open?.flush();
    this.drawElementUnderlay(context, ele);
    this.drawElement(context, ele, undefined, false, false);
    this.drawElementOverlay(context, ele);
  };

  renderer.drawElementUnderlay = function (context, ele) {
    if (layerShows(ele, 'underlay')) own.drawElementUnderlay.call(this, context, ele);
  };
  renderer.drawElementOverlay = function (context, ele) {
    if (layerShows(ele, 'overlay')) own.drawElementOverlay.call(this, context, ele);
  };

  // An empty label's box is empty, where Cytoscape would stop after the lookups.
  renderer.drawCachedElementPortion = function (context, ele, cache, pxRatio, lvl, reason, getRotation, getOpacity) {
    const { lblTxrCache, slbTxrCache, tlbTxrCache } = this.data;
    const label = cache === lblTxrCache ? 'label' : cache === slbTxrCache ? 'source-label' : cache === tlbTxrCache ? 'target-label' : null;
    if (label && ele.pstyle(label).strValue === '') return;
    own.drawCachedElementPortion.call(this, context, ele, cache, pxRatio, lvl, reason, getRotation, getOpacity);
  };
}
