import cytoscape from 'cytoscape';
import { describe, expect, it, vi } from 'vitest';
import { arrowheadTooSmall, EDGE_REACH, leanCanvas, MIN_ARROWHEAD_PX, outsideExtent, type CanvasRendererInternals, type DrawnElement, type Extent } from './leanCanvas.js';

/** Cytoscape's own canvas renderer, whose prototype the shortcuts call through to. */
const CanvasRenderer = (cytoscape as unknown as (type: string, name: string) => { prototype: Record<string, unknown> })('renderer', 'canvas');

function element(kind: 'node' | 'edge', labels: { label?: string; source?: string; target?: string } = {}, allpts: number[] | null = [0, 0, 100, 0], layers: { underlay?: number; overlay?: number } = {}): DrawnElement {
  const style: Record<string, { strValue?: string; pfValue?: number; value?: unknown }> = {
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

/** Cytoscape's texture caches, as the renderer keeps them in `data` (only their identity is read). */
const caches = { eleTxrCache: { name: 'elements' }, lblTxrCache: { name: 'labels' }, slbTxrCache: { name: 'source labels' }, tlbTxrCache: { name: 'target labels' } };

/** A renderer instance over a prototype of spies standing for Cytoscape's methods, with Cytoscape's arrow width. */
function renderer() {
  const proto = {
    drawArrowheads: vi.fn(),
    getArrowWidth: CanvasRenderer.prototype.getArrowWidth as CanvasRendererInternals['getArrowWidth'],
    drawCachedElement: vi.fn(),
    drawElementUnderlay: vi.fn(),
    drawElement: vi.fn(),
    drawElementOverlay: vi.fn(),
    drawCachedElementPortion: vi.fn(),
  };
  const instance = Object.create(proto) as CanvasRendererInternals;
  instance.data = caches;
  leanCanvas(instance);
  return { proto, instance };
}

const screen: Extent = { x1: 0, y1: 0, x2: 1000, y2: 600 };

describe('the lean canvas shortcuts', () => {
  it('replace methods Cytoscape 3.35 canvas renderer has, with the arities it calls them with', () => {
    const arity = { drawArrowheads: 3, getArrowWidth: 2, drawCachedElement: 6, drawElementUnderlay: 2, drawElement: 6, drawElementOverlay: 2, drawCachedElementPortion: 8 };
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
});
