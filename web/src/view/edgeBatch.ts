/**
 * Plain edges stroked together. Cytoscape strokes every edge on its own: a dozen style lookups, two
 * line-dash resets, a Path2D keyed by its points joined into a string, then the stroke. On a big scene
 * that was the largest part of a redraw (8,000 edges: about 170 ms of a 330 ms frame at zoom 0.345),
 * and in Chromium's canvas one stroke of many lines costs a fraction of as many strokes (8,000 curves:
 * 2-5 ms of script against 14-22, and half the raster). An edge is plain when its stroke is one solid
 * colour with nothing under, over or beside it (no dash, gradient, ghost, outline, underlay, overlay or
 * label): its line joins the current run of edges stroked alike, and the run is stroked when the next
 * edge is stroked differently or something else is drawn, so what is painted over what does not
 * change. Arrowheads of a run are drawn after its lines, each as before (they are filled, and one fill
 * of thousands of triangles costs more than thousands of fills).
 */

import { hasLabel, layerShows } from './elementStyle.js';

/** Edge types Cytoscape traces as quadratic curves through `allpts`, and as polylines. */
const CURVED = new Set(['bezier', 'multibezier', 'self', 'compound']);
const STRAIGHT = new Set(['straight', 'haystack']);

/** An edge as the batch reads it: Cytoscape's element with its drawing scratch. */
export interface BatchedEdge {
  visible(): boolean;
  pstyle(name: string): { strValue?: string; pfValue?: number; value?: unknown };
  _private: { rscratch: { allpts?: number[] | null; badLine?: boolean; edgeType?: string } };
}

/** The parts of Cytoscape's canvas renderer a run is stroked with. */
export interface StrokeRenderer {
  colorStrokeStyle(context: CanvasRenderingContext2D, color: readonly number[], opacity: number): void;
  drawArrowheads(context: CanvasRenderingContext2D, edge: BatchedEdge, opacity?: number): void;
}

interface Stroke {
  key: string;
  color: readonly number[];
  opacity: number;
  width: number;
  cap: CanvasLineCap;
}

/** How a plain edge is stroked, or null when Cytoscape must draw it (see the top of this file). */
export function plainStroke(edge: BatchedEdge): Stroke | null {
  const rs = edge._private.rscratch;
  const pts = rs.allpts;
  if (rs.badLine || !pts || pts.length < 4 || Number.isNaN(pts[0])) return null;
  if (!CURVED.has(rs.edgeType ?? '') && !STRAIGHT.has(rs.edgeType ?? '')) return null;
  const value = (name: string) => edge.pstyle(name).value;
  if (value('curve-style') === 'straight-triangle' || value('line-style') !== 'solid' || value('line-fill') !== 'solid' || value('ghost') !== 'no') return null;
  if (Number(value('line-outline-width')) > 0 || layerShows(edge, 'underlay') || layerShows(edge, 'overlay') || hasLabel(edge)) return null;
  if (!edge.visible()) return null;
  const color = value('line-color') as readonly number[];
  const opacity = Number(value('opacity')) * Number(value('line-opacity'));
  const width = edge.pstyle('width').pfValue ?? 0;
  const cap = value('line-cap') as CanvasLineCap;
  return { key: `${color.join(',')}|${opacity}|${width}|${cap}`, color, opacity, width, cap };
}

/** Runs of plain edges on one context, over one top-level drawing. */
export class EdgeBatch {
  private stroke: Stroke | null = null;
  private arrows: BatchedEdge[] = [];

  constructor(
    readonly context: CanvasRenderingContext2D,
    private readonly renderer: StrokeRenderer,
  ) {}

  /** Adds the edge's line to the current run (stroking the run first if it is stroked differently); false if it is not plain. */
  take(edge: BatchedEdge): boolean {
    const stroke = plainStroke(edge);
    if (!stroke) return false;
    if (this.stroke && this.stroke.key !== stroke.key) this.flush();
    if (!this.stroke) {
      this.stroke = stroke;
      this.context.beginPath();
    }
    trace(this.context, edge._private.rscratch.allpts!, edge._private.rscratch.edgeType!);
    this.arrows.push(edge);
    return true;
  }

  /** Strokes the current run and draws its arrowheads. */
  flush(): void {
    const stroke = this.stroke;
    if (!stroke) return;
    const ctx = this.context;
    ctx.lineJoin = 'round';
    ctx.lineWidth = stroke.width;
    ctx.lineCap = stroke.cap;
    this.renderer.colorStrokeStyle(ctx, stroke.color, stroke.opacity);
    ctx.stroke();
    ctx.lineCap = 'butt';
    for (const edge of this.arrows) this.renderer.drawArrowheads(ctx, edge, stroke.opacity);
    this.stroke = null;
    this.arrows = [];
  }
}

/** The edge's line as Cytoscape traces it (`drawEdgePath`), added to the context's current path. */
function trace(ctx: CanvasRenderingContext2D, pts: readonly number[], edgeType: string): void {
  ctx.moveTo(pts[0]!, pts[1]!);
  if (CURVED.has(edgeType)) {
    for (let i = 2; i + 3 < pts.length; i += 4) ctx.quadraticCurveTo(pts[i]!, pts[i + 1]!, pts[i + 2]!, pts[i + 3]!);
  } else {
    for (let i = 2; i + 1 < pts.length; i += 2) ctx.lineTo(pts[i]!, pts[i + 1]!);
  }
}
