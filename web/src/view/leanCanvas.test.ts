import cytoscape from 'cytoscape';
import { describe, expect, it, vi } from 'vitest';
import { arrowheadTooSmall, EDGE_REACH, leanCanvas, MIN_ARROWHEAD_PX, outsideExtent, textureLevel, type CanvasRendererInternals, type DrawnElement, type Extent, type TextureCache } from './leanCanvas.js';

/** Cytoscape's own canvas renderer, whose prototype the shortcuts call through to. */
const CanvasRenderer = (cytoscape as unknown as (type: string, name: string) => { prototype: Record<string, unknown> })('renderer', 'canvas');

function element(kind: 'node' | 'edge', labels: { label?: string; source?: string; target?: string } = {}, allpts: number[] | null = [0, 0, 100, 0], layers: { underlay?: number; overlay?: number } = {}): DrawnElement {
  const style: Record<string, { strValue?: string; pfValue?: number; value?: unknown }> = {
    'target-arrow-scale': { value: 'inherit' },
    label: { strValue: labels.label ?? '' },
    'source-label': { strValue: labels.source ?? '' },
    'target-label': { strValue: labels.target ?? '' },
    width: { pfValue: 1.4 },
    'arrow-scale': { value: 0.9 },
    'underlay-opacity': { value: layers.underlay ?? 0 },
    'overlay-opacity': { value: layers.overlay ?? 0 },
  };
  return { isEdge: () => kind === 'edge', pstyle: (name) => style[name]!, _private: { rscratch: { allpts } } };
}

/** A context whose transform scales by `scale`, as the view's zoom, a cache level or an export does. */
function contextAt(scale: number): CanvasRenderingContext2D {
  return { getTransform: () => ({ a: scale }) } as unknown as CanvasRenderingContext2D;
}

/** One of Cytoscape's texture caches, recording what it is asked for. */
function textureCache(name: string) {
  const bb = { x1: 0, y1: 0, x2: 30, y2: 30, w: 30, h: 30 };
  return { name, reasons: { highQuality: 'highQuality' }, getBoundingBox: () => bb, getElement: vi.fn<TextureCache['getElement']>(() => null) };
}

/** Cytoscape's texture caches, as the renderer keeps them in `data`. */
const caches = { eleTxrCache: textureCache('elements'), lblTxrCache: textureCache('labels'), slbTxrCache: textureCache('source labels'), tlbTxrCache: textureCache('target labels') };

/** Cytoscape's arrowhead shapes, as its renderer registers them. */
function arrowShapes(): CanvasRendererInternals['arrowShapes'] {
  const real = Object.create(CanvasRenderer.prototype) as { registerArrowShapes(): void; arrowShapes: CanvasRendererInternals['arrowShapes'] };
  real.registerArrowShapes();
  return real.arrowShapes;
}

/** A renderer instance over a prototype of spies standing for Cytoscape's methods, with Cytoscape's arrow width. */
function renderer(zoom = { level: 1 }) {
  const calls: string[] = [];
  const proto = {
    drawCachedElements: vi.fn(() => calls.push('draw')),
    drawArrowShape: vi.fn(),
    drawArrowheads: vi.fn(),
    getArrowWidth: CanvasRenderer.prototype.getArrowWidth as CanvasRendererInternals['getArrowWidth'],
    drawCachedElement: vi.fn(),
    drawElementUnderlay: vi.fn(),
    drawElement: vi.fn(),
    drawElementOverlay: vi.fn(),
    drawCachedElementPortion: vi.fn(),
  };
  const instance = Object.create(proto) as CanvasRendererInternals;
  const data = { ...caches, eleTxrCache: textureCache('elements') };
  data.eleTxrCache.getElement.mockImplementation(() => calls.push('fill'));
  instance.data = data;
  instance.cy = { zoom: () => zoom.level };
  instance.arrowShapes = arrowShapes();
  leanCanvas(instance);
  return { proto, instance, calls, fills: data.eleTxrCache.getElement };
}

/** A 2D context that records the path traced on it; any other call (a transform) throws. */
function tracingContext() {
  const path: string[] = [];
  const point = (op: string) => (x: number, y: number) => path.push(`${op} ${x.toFixed(3)} ${y.toFixed(3)}`);
  const context = { beginPath: () => path.push('begin'), moveTo: point('M'), lineTo: point('L'), closePath: () => path.push('close'), fill: () => path.push('fill') };
  return { path, context: context as unknown as CanvasRenderingContext2D };
}

const screen: Extent = { x1: 0, y1: 0, x2: 1000, y2: 600 };

describe('the lean canvas shortcuts', () => {
  it('replace methods Cytoscape 3.35 canvas renderer has, with the arities it calls them with', () => {
    const arity = { drawArrowheads: 3, getArrowWidth: 2, drawCachedElement: 6, drawElementUnderlay: 2, drawElement: 6, drawElementOverlay: 2, drawCachedElementPortion: 8, drawCachedElements: 4, drawArrowShape: 10 };
    for (const [name, length] of Object.entries(arity)) {
      const method = CanvasRenderer.prototype[name];
      expect(typeof method, name).toBe('function');
      expect((method as (...args: unknown[]) => unknown).length, name).toBe(length);
    }
  });

  it('call an arrowhead too small below four device pixels', () => {
    expect(arrowheadTooSmall(26.1, 0.15)).toBe(true);
    expect(arrowheadTooSmall(26.1, 0.16)).toBe(false);
    expect(arrowheadTooSmall(MIN_ARROWHEAD_PX, 1)).toBe(false);
  });

  it('cull a curve only when all its control points lie beyond the reach outside the extent', () => {
    expect(outsideExtent([-200, 10, -100, 20], screen, EDGE_REACH)).toBe(true);
    expect(outsideExtent([-200, 10, -30, 20], screen, EDGE_REACH)).toBe(false);
    // Crossing the screen with both ends outside it.
    expect(outsideExtent([-200, 300, 1200, 300], screen, EDGE_REACH)).toBe(false);
    // A bezier whose control point bulges into the screen.
    expect(outsideExtent([-200, -100, 500, 50, 1200, -100], screen, EDGE_REACH)).toBe(false);
    expect(outsideExtent([1100, 700, 1300, 900], screen, EDGE_REACH)).toBe(true);
  });

  it('skip arrowheads at the scale of a zoomed-out view and draw them zoomed in or exported (PNG at high resolution, SVG)', () => {
    const { proto, instance } = renderer();
    const edge = element('edge');
    instance.drawArrowheads(contextAt(0.05), edge, 1);
    expect(proto.drawArrowheads).not.toHaveBeenCalled();
    instance.drawArrowheads(contextAt(1), edge, 1);
    instance.drawArrowheads(contextAt(4), edge, 0.5);
    // The SVG export draws into canvas2svg, which has no getTransform.
    instance.drawArrowheads({} as CanvasRenderingContext2D, edge, 0.8);
    expect(proto.drawArrowheads.mock.calls.map((c) => c[2] as number)).toEqual([1, 0.5, 0.8]);
  });

  it('draw an edge without labels directly, with its underlay and overlay, and cull it off screen', () => {
    const { proto, instance } = renderer();
    const ctx = contextAt(1);
    const shown = element('edge', {}, [0, 0, 100, 0], { underlay: 0.3, overlay: 0.2 });
    instance.drawCachedElement(ctx, shown, 1, screen);
    expect(proto.drawElement).toHaveBeenCalledWith(ctx, shown, undefined, false, false);
    expect(proto.drawElementUnderlay).toHaveBeenCalledWith(ctx, shown);
    expect(proto.drawElementOverlay).toHaveBeenCalledWith(ctx, shown);
    instance.drawCachedElement(ctx, element('edge', {}, [2000, 0, 3000, 0]), 1, screen);
    // No extent (drawing into a cache layer) or no control points yet: drawn, as Cytoscape would.
    instance.drawCachedElement(ctx, element('edge', {}, [2000, 0, 3000, 0]), 1, null);
    instance.drawCachedElement(ctx, element('edge', {}, null), 1, screen);
    expect(proto.drawElement).toHaveBeenCalledTimes(3);
    expect(proto.drawCachedElement).not.toHaveBeenCalled();
  });

  it('leave nodes and labelled edges to Cytoscape, with every argument', () => {
    const { proto, instance } = renderer();
    const ctx = contextAt(1);
    const node = element('node');
    instance.drawCachedElement(ctx, node, 2, screen, 1, true);
    for (const labels of [{ label: 'ROLE_AT' }, { source: 'from' }, { target: 'to' }]) instance.drawCachedElement(ctx, element('edge', labels), 1, screen);
    expect(proto.drawCachedElement).toHaveBeenCalledTimes(4);
    expect(proto.drawCachedElement.mock.calls[0]).toEqual([ctx, node, 2, screen, 1, true]);
    expect(proto.drawElement).not.toHaveBeenCalled();
  });

  it('skip underlays and overlays only while they are transparent (a pressed element shows its overlay)', () => {
    const { proto, instance } = renderer();
    const ctx = contextAt(1);
    for (const kind of ['node', 'edge'] as const) {
      instance.drawElementUnderlay(ctx, element(kind));
      instance.drawElementOverlay(ctx, element(kind));
    }
    expect(proto.drawElementUnderlay).not.toHaveBeenCalled();
    expect(proto.drawElementOverlay).not.toHaveBeenCalled();
    const pressed = element('node', {}, null, { overlay: 0.25 });
    const haloed = element('edge', {}, null, { underlay: 0.5 });
    instance.drawElementOverlay(ctx, pressed);
    instance.drawElementUnderlay(ctx, haloed);
    expect(proto.drawElementOverlay.mock.calls).toEqual([[ctx, pressed]]);
    expect(proto.drawElementUnderlay.mock.calls).toEqual([[ctx, haloed]]);
  });

  it('skip the lookup of a label texture for an empty label, and pass every other portion on with its arguments', () => {
    const { proto, instance } = renderer();
    const ctx = contextAt(1);
    const rotation = () => 0;
    const opacity = () => 1;
    const unnamed = element('node');
    for (const cache of [caches.lblTxrCache, caches.slbTxrCache, caches.tlbTxrCache]) instance.drawCachedElementPortion(ctx, unnamed, cache, 1, undefined, null, rotation, opacity);
    expect(proto.drawCachedElementPortion).not.toHaveBeenCalled();
    instance.drawCachedElementPortion(ctx, unnamed, caches.eleTxrCache, 2, 3, 'highQuality', rotation, opacity);
    const named = element('node', { label: 'Gro Jære' });
    instance.drawCachedElementPortion(ctx, named, caches.lblTxrCache, 1, undefined, null, rotation, opacity);
    const ends = element('edge', { source: 'from', target: 'to' });
    instance.drawCachedElementPortion(ctx, ends, caches.slbTxrCache, 1, undefined, null, rotation, opacity);
    instance.drawCachedElementPortion(ctx, ends, caches.tlbTxrCache, 1, undefined, null, rotation, opacity);
    instance.drawCachedElementPortion(ctx, ends, caches.lblTxrCache, 1, undefined, null, rotation, opacity);
    expect(proto.drawCachedElementPortion.mock.calls).toEqual([
      [ctx, unnamed, caches.eleTxrCache, 2, 3, 'highQuality', rotation, opacity],
      [ctx, named, caches.lblTxrCache, 1, undefined, null, rotation, opacity],
      [ctx, ends, caches.slbTxrCache, 1, undefined, null, rotation, opacity],
      [ctx, ends, caches.tlbTxrCache, 1, undefined, null, rotation, opacity],
    ]);
  });

  it('trace a filled arrowhead where it stands, with the points of Cytoscape\'s triangle, and no transform', () => {
    const { proto, instance } = renderer();
    const { path, context } = tracingContext();
    const edge = element('edge');
    // Pointing down (angle π/2 turns the triangle's tip, at its origin, towards +y), at (100, 50).
    instance.drawArrowShape(edge, context, 'filled', 1.4, 'triangle', 1.4, 100, 50, Math.PI / 2, 'target');
    const size = instance.getArrowWidth(1.4, 0.9);
    // Cytoscape's unit triangle: (-0.15, -0.3), (0, 0), (0.15, -0.3), rotated, scaled, then moved.
    const at = (x: number, y: number) => [100 - y * size, 50 + x * size].map((v) => v.toFixed(3)).join(' ');
    // Cytoscape's polygon starts with a lineTo, which after beginPath moves there.
    expect(path).toEqual(['begin', `L ${at(-0.15, -0.3)}`, `L ${at(0, 0)}`, `L ${at(0.15, -0.3)}`, 'close', 'fill']);
    expect(proto.drawArrowShape).not.toHaveBeenCalled();
  });

  it('leave hollow arrowheads and unknown shapes to Cytoscape, with every argument', () => {
    const { proto, instance } = renderer();
    const ctx = contextAt(1);
    const edge = element('edge');
    instance.drawArrowShape(edge, ctx, 'hollow', 1.4, 'triangle', 1.4, 1, 2, 0, 'target');
    instance.drawArrowShape(edge, ctx, 'filled', 1.4, 'made-up', 1.4, 1, 2, 0, 'source');
    expect(proto.drawArrowShape.mock.calls).toEqual([
      [edge, ctx, 'hollow', 1.4, 'triangle', 1.4, 1, 2, 0, 'target'],
      [edge, ctx, 'filled', 1.4, 'made-up', 1.4, 1, 2, 0, 'source'],
    ]);
  });

  it('name the texture level of a zoom as Cytoscape does: the power of two at or above it, none below 1/16', () => {
    expect(textureLevel(1, 1)).toBe(0);
    expect(textureLevel(0.81, 1)).toBe(0);
    expect(textureLevel(0.34, 1)).toBe(-1);
    expect(textureLevel(0.5, 1)).toBe(-1);
    expect(textureLevel(0.5, 2)).toBe(0);
    expect(textureLevel(1.5, 1)).toBe(1);
    expect(textureLevel(0.01, 1)).toBe(-4);
  });

  it('fill every node\'s texture at a new level, at that level only, before anything is drawn; not again at the same level', () => {
    const zoom = { level: 0.81 };
    const { proto, instance, calls, fills } = renderer(zoom);
    const ctx = contextAt(1);
    const nodes = [element('node'), element('node', { label: 'Gro Jære' })];
    const eles = [nodes[0]!, element('edge'), nodes[1]!];
    instance.drawCachedElements(ctx, eles, 1, screen);
    expect(calls).toEqual(['fill', 'fill', 'draw']);
    expect(fills.mock.calls.map((c) => [c[0], c[2], c[3], c[4]])).toEqual(nodes.map((n) => [n, 1, undefined, 'highQuality']));
    expect(proto.drawCachedElements).toHaveBeenCalledWith(ctx, eles, 1, screen);
    // Panning, or zooming within the level: drawn as it is.
    zoom.level = 0.6;
    instance.drawCachedElements(ctx, eles, 1, screen);
    expect(calls).toEqual(['fill', 'fill', 'draw', 'draw']);
    // Zoomed out past a power of two: filled again.
    zoom.level = 0.34;
    instance.drawCachedElements(ctx, eles, 1, screen);
    expect(calls.slice(4)).toEqual(['fill', 'fill', 'draw']);
  });
});
