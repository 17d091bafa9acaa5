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
 */

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
export interface DrawnElement {
  isEdge(): boolean;
  pstyle(name: string): { strValue?: string; pfValue?: number; value?: unknown };
  _private: { rscratch: { allpts?: number[] | null } };
}

/** Which of Cytoscape's texture caches a portion is drawn from (only identity matters here). */
export type TextureCache = object;

/** The parts of Cytoscape's canvas renderer the shortcuts replace or call (not in its typings). */
export interface CanvasRendererInternals {
  data: { lblTxrCache: TextureCache; slbTxrCache: TextureCache; tlbTxrCache: TextureCache };
  drawArrowheads(context: CanvasRenderingContext2D, edge: DrawnElement, opacity?: number): void;
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

/** Whether an underlay or overlay (Cytoscape draws neither at opacity 0) would show. */
function shows(ele: DrawnElement, layer: 'underlay' | 'overlay'): boolean {
  return Number(ele.pstyle(`${layer}-opacity`).value) > 0;
}

function unlabelledEdge(ele: DrawnElement): boolean {
  return ele.isEdge() && ele.pstyle('label').strValue === '' && ele.pstyle('source-label').strValue === '' && ele.pstyle('target-label').strValue === '';
}

/**
 * Installs the shortcuts on this renderer instance; its prototype keeps Cytoscape's own methods,
 * which everything else (nodes, labelled edges, arrowheads big enough to see) still goes through.
 */
export function leanCanvas(renderer: CanvasRendererInternals): void {
  const own = Object.getPrototypeOf(renderer) as CanvasRendererInternals;

  renderer.drawArrowheads = function (context, edge, opacity) {
    const width = this.getArrowWidth(edge.pstyle('width').pfValue ?? 0, Number(edge.pstyle('arrow-scale').value ?? 1));
    // The context's own scale: the view's zoom on screen, a layer's level in Cytoscape's caches, the
    // export's resolution in a PNG. The SVG export's context (canvas2svg) has no transform to read:
    // vectors scale, so it keeps every arrowhead.
    const scale = typeof context.getTransform === 'function' ? Math.abs(context.getTransform().a) : Infinity;
    if (arrowheadTooSmall(width, scale)) return;
    own.drawArrowheads.call(this, context, edge, opacity);
  };

  renderer.drawCachedElement = function (context, ele, pxRatio, extent, lvl, requestHighQuality) {
    if (!unlabelledEdge(ele)) {
      own.drawCachedElement.call(this, context, ele, pxRatio, extent, lvl, requestHighQuality);
      return;
    }
    // Edges are never texture-cached, so Cytoscape would draw this one directly after the label
    // lookups; it is culled from the control points its drawing uses (drawEdge skips bad lines itself).
    const points = ele._private.rscratch.allpts;
    if (extent && points && outsideExtent(points, extent, EDGE_REACH)) return;
    this.drawElementUnderlay(context, ele);
    this.drawElement(context, ele, undefined, false, false);
    this.drawElementOverlay(context, ele);
  };

  renderer.drawElementUnderlay = function (context, ele) {
    if (shows(ele, 'underlay')) own.drawElementUnderlay.call(this, context, ele);
  };
  renderer.drawElementOverlay = function (context, ele) {
    if (shows(ele, 'overlay')) own.drawElementOverlay.call(this, context, ele);
  };

  // An empty label's box is empty, where Cytoscape would stop after the lookups.
  renderer.drawCachedElementPortion = function (context, ele, cache, pxRatio, lvl, reason, getRotation, getOpacity) {
    const { lblTxrCache, slbTxrCache, tlbTxrCache } = this.data;
    const label = cache === lblTxrCache ? 'label' : cache === slbTxrCache ? 'source-label' : cache === tlbTxrCache ? 'target-label' : null;
    if (label && ele.pstyle(label).strValue === '') return;
    own.drawCachedElementPortion.call(this, context, ele, cache, pxRatio, lvl, reason, getRotation, getOpacity);
  };
}
