import cytoscape from 'cytoscape';
import { describe, expect, it, vi } from 'vitest';
import { EdgeBatch, plainStroke, type BatchedEdge } from './edgeBatch.js';
import { arrowheadTooSmall, EDGE_REACH, leanCanvas, MIN_ARROWHEAD_PX, outsideExtent, textureLevel, type CanvasRendererInternals, type DrawnElement, type Extent, type TextureCache } from './leanCanvas.js';

/** Cytoscape's own canvas renderer, whose prototype the shortcuts call through to. */
const CanvasRenderer = (cytoscape as unknown as (type: string, name: string) => { prototype: Record<string, unknown> })('renderer', 'canvas');

/** An edge's style as our stylesheet gives it: one solid colour, nothing under, over or beside it. */
const PLAIN_EDGE_STYLE: Record<string, { strValue?: string; pfValue?: number; value?: unknown }> = {
  'curve-style': { value: 'bezier' },
  'line-style': { value: 'solid' },
  'line-fill': { value: 'solid' },
  ghost: { value: 'no' },
  'line-outline-width': { value: 0 },
  'line-color': { value: [148, 163, 184] },
  opacity: { value: 1 },
  'line-opacity': { value: 1 },
  'line-cap': { value: 'butt' },
};

function element(kind: 'node' | 'edge', labels: { label?: string; source?: string; target?: string } = {}, allpts: number[] | null = [0, 0, 100, 0], layers: { underlay?: number; overlay?: number } = {}): DrawnElement {
  const style: Record<string, { strValue?: string; pfValue?: number; value?: unknown }> = {
    'target-arrow-scale': { value: 'inherit' },
    label: { strValue: labels.label ?? '' },
    'source-label': { strValue: labels.source ?? '' },
    'target-label': { strValue: labels.target ?? '' },
    // An edge's stroke; a node's box, big enough on screen to be drawn by Cytoscape.
    width: { pfValue: kind === 'edge' ? 1.4 : 30 },
    height: { pfValue: 30 },
    'arrow-scale': { value: 0.9 },
    'underlay-opacity': { value: layers.underlay ?? 0 },
    'overlay-opacity': { value: layers.overlay ?? 0 },
    ...PLAIN_EDGE_STYLE,
  };
  return { isEdge: () => kind === 'edge', visible: () => true, pstyle: (name) => style[name]!, _private: { rscratch: { allpts, edgeType: 'straight' } } };
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

/** A 2D context that records what is drawn on it, in order. */
function recordingContext() {
  const log: string[] = [];
  const context = {
    beginPath: () => log.push('begin'),
    moveTo: (x: number, y: number) => log.push(`M ${x} ${y}`),
    lineTo: (x: number, y: number) => log.push(`L ${x} ${y}`),
    stroke: () => log.push('stroke'),
    fillRect: (x: number, y: number) => log.push(`dot ${x} ${y}`),
    getTransform: () => ({ a: 1 }),
  };
  return { log, context: context as unknown as CanvasRenderingContext2D };
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

  it('stroke the plain edges of a frame together, and finish a run before a node (a dot too) or a labelled edge is drawn over it', () => {
    const { proto, instance } = renderer();
    const { log, context } = recordingContext();
    proto.drawCachedElements.mockImplementation(function (this: CanvasRendererInternals, ctx: CanvasRenderingContext2D, eles: readonly DrawnElement[], pxRatio: number, extent: Extent | null) {
      for (const ele of eles) this.drawCachedElement(ctx, ele, pxRatio, extent);
    } as never);
    proto.drawCachedElement.mockImplementation(() => log.push('cytoscape'));
    instance.colorStrokeStyle = vi.fn();
    proto.drawArrowheads.mockImplementation(() => log.push('arrow'));
    instance.colorFillStyle = vi.fn();
    // A node of 2 units: at this scale a dot.
    const node = element('node');
    const tiny: DrawnElement = {
      ...node,
      pstyle: (name) => (name === 'width' || name === 'height' ? { pfValue: 2 } : name === 'background-color' ? { value: [1, 2, 3] } : name === 'background-opacity' || name === 'opacity' ? { value: 1 } : node.pstyle(name)),
      _private: { rscratch: {}, position: { x: 5, y: 5 } },
    };
    const eles = [element('edge', {}, [0, 0, 10, 0]), element('edge', {}, [0, 5, 10, 5]), node, element('edge', {}, [0, 9, 10, 9]), tiny, element('edge', {}, [0, 7, 10, 7]), element('edge', { label: 'RUNS' })];
    instance.drawCachedElements(context, eles, 1, screen);
    expect(log).toEqual(['begin', 'M 0 0', 'L 10 0', 'M 0 5', 'L 10 5', 'stroke', 'arrow', 'arrow', 'cytoscape', 'begin', 'M 0 9', 'L 10 9', 'stroke', 'arrow', 'dot 4 4', 'begin', 'M 0 7', 'L 10 7', 'stroke', 'arrow', 'cytoscape']);
    // Outside a frame's drawing (a layer cache filling, one element at a time) each edge is drawn on its own.
    instance.drawCachedElement(context, eles[0]!, 1, null);
    expect(proto.drawElement).toHaveBeenCalledTimes(1);
  });
});

describe('nodes too small to show their shape', () => {
  /** A node of 30 units at (100, 50), its style changed by `changes`. */
  function node(changes: Record<string, { strValue?: string; pfValue?: number; value?: unknown }> = {}): DrawnElement {
    const style: Record<string, { strValue?: string; pfValue?: number; value?: unknown }> = {
      width: { pfValue: 30 },
      height: { pfValue: 30 },
      label: { strValue: '' },
      'font-size': { pfValue: 11 },
      'min-zoomed-font-size': { pfValue: 8 },
      'underlay-opacity': { value: 0 },
      'overlay-opacity': { value: 0 },
      'background-color': { value: [37, 99, 235] },
      'background-opacity': { value: 1 },
      opacity: { value: 0.5 },
      ...changes,
    };
    return { isEdge: () => false, visible: () => true, pstyle: (name) => style[name]!, _private: { rscratch: {}, position: { x: 100, y: 50 } } };
  }

  /** A context at this scale that records its rectangles. */
  function dotContext(scale: number) {
    const rects: number[][] = [];
    const context = { getTransform: () => ({ a: scale }), fillRect: (...r: number[]) => rects.push(r) };
    return { rects, context: context as unknown as CanvasRenderingContext2D };
  }

  it('draw a node under five device pixels as a square of its colour, and leave bigger ones to Cytoscape', () => {
    const { proto, instance } = renderer();
    instance.colorFillStyle = vi.fn();
    const small = dotContext(0.15);
    instance.drawCachedElement(small.context, node(), 1, screen);
    expect(small.rects).toEqual([[85, 35, 30, 30]]);
    expect(instance.colorFillStyle).toHaveBeenCalledWith(small.context, [37, 99, 235], 0.5);
    expect(proto.drawCachedElement).not.toHaveBeenCalled();
    const big = dotContext(0.2);
    instance.drawCachedElement(big.context, node(), 1, screen);
    expect(big.rects).toEqual([]);
    expect(proto.drawCachedElement).toHaveBeenCalledTimes(1);
  });

  it('leave to Cytoscape a small node whose label shows at that scale, or with an underlay or overlay, or drawn into SVG', () => {
    const { proto, instance } = renderer();
    instance.colorFillStyle = vi.fn();
    const { rects, context } = dotContext(0.1);
    const unlike: Record<string, { strValue?: string; pfValue?: number; value?: unknown }>[] = [{ label: { strValue: 'Helse Vest' }, 'font-size': { pfValue: 80 } }, { 'overlay-opacity': { value: 0.25 } }, { 'underlay-opacity': { value: 0.5 } }];
    for (const changes of unlike) instance.drawCachedElement(context, node(changes), 1, screen);
    instance.drawCachedElement({} as CanvasRenderingContext2D, node(), 1, screen);
    expect(proto.drawCachedElement).toHaveBeenCalledTimes(4);
    // A label too small to show at that scale (Cytoscape's min-zoomed-font-size) does not keep the dot from being drawn.
    instance.drawCachedElement(context, node({ label: { strValue: 'Helse Vest' } }), 1, screen);
    expect(rects).toHaveLength(1);
  });

  it('cull a small node outside the extent, and draw it into a cache layer, which has none', () => {
    const { proto, instance } = renderer();
    instance.colorFillStyle = vi.fn();
    const { rects, context } = dotContext(0.1);
    instance.drawCachedElement(context, node(), 1, { x1: 200, y1: 0, x2: 400, y2: 100 });
    expect(rects).toEqual([]);
    instance.drawCachedElement(context, node(), 1, null);
    expect(rects).toHaveLength(1);
    expect(proto.drawCachedElement).not.toHaveBeenCalled();
  });
});

describe('plain edges stroked together', () => {
  /** A plain edge, with these style values changed and this drawing scratch. */
  function edge(changes: Record<string, unknown> = {}, scratch: Partial<BatchedEdge['_private']['rscratch']> = {}, visible = true): BatchedEdge {
    const base = element('edge');
    const style = (name: string) => (name in changes ? (name === 'label' ? { strValue: changes[name] as string } : { value: changes[name], pfValue: changes[name] as number }) : base.pstyle(name));
    return { visible: () => visible, pstyle: style, _private: { rscratch: { allpts: [0, 0, 10, 0], edgeType: 'straight', ...scratch } } };
  }

  it('take only an edge Cytoscape would stroke in one solid colour with nothing under, over or beside it', () => {
    expect(plainStroke(edge())?.key).toBe('148,163,184|1|1.4|butt');
    const refused = [
      edge({ 'line-style': 'dashed' }),
      edge({ 'line-fill': 'linear-gradient' }),
      edge({ ghost: 'yes' }),
      edge({ 'line-outline-width': 2 }),
      edge({ 'underlay-opacity': 0.3 }),
      edge({ 'overlay-opacity': 0.2 }),
      edge({ label: 'RUNS' }),
      edge({ 'curve-style': 'straight-triangle' }),
      edge({}, { edgeType: 'segments' }),
      edge({}, { edgeType: 'taxi' }),
      edge({}, { badLine: true }),
      edge({}, { allpts: null }),
      edge({}, { allpts: [NaN, 0, 1, 1] }),
      edge({}, {}, false),
    ];
    for (const e of refused) expect(plainStroke(e)).toBeNull();
  });

  it('trace curves and lines as Cytoscape does, run by run, each run stroked in its own style before its arrowheads', () => {
    const log: string[] = [];
    const ctx = {
      beginPath: () => log.push('begin'),
      moveTo: (x: number, y: number) => log.push(`M ${x} ${y}`),
      lineTo: (x: number, y: number) => log.push(`L ${x} ${y}`),
      quadraticCurveTo: (cx: number, cy: number, x: number, y: number) => log.push(`Q ${cx} ${cy} ${x} ${y}`),
      stroke: () => log.push(`stroke ${ctx.lineWidth} ${ctx.lineCap} ${ctx.lineJoin}`),
      lineWidth: 0,
      lineCap: '',
      lineJoin: '',
    };
    const renderer = {
      colorStrokeStyle: (_: unknown, color: readonly number[], opacity: number) => log.push(`colour ${color.join(',')} ${opacity}`),
      drawArrowheads: (_: unknown, e: BatchedEdge, opacity?: number) => log.push(`arrow ${e._private.rscratch.allpts![0]} ${opacity}`),
    };
    const batch = new EdgeBatch(ctx as unknown as CanvasRenderingContext2D, renderer);
    expect(batch.take(edge({}, { allpts: [1, 1, 5, 9, 10, 1], edgeType: 'bezier' }))).toBe(true);
    expect(batch.take(edge({}, { allpts: [2, 0, 4, 4, 6, 0], edgeType: 'straight' }))).toBe(true);
    expect(batch.take(edge({ width: 2.4, opacity: 0.5 }, { allpts: [3, 3, 7, 7] }))).toBe(true);
    expect(batch.take(edge({ 'line-style': 'dotted' }))).toBe(false);
    batch.flush();
    batch.flush();
    expect(log).toEqual([
      'begin',
      'M 1 1',
      'Q 5 9 10 1',
      'M 2 0',
      'L 4 4',
      'L 6 0',
      'colour 148,163,184 1',
      'stroke 1.4 butt round',
      'arrow 1 1',
      'arrow 2 1',
      'begin',
      'M 3 3',
      'L 7 7',
      'colour 148,163,184 0.5',
      'stroke 2.4 butt round',
      'arrow 3 0.5',
    ]);
  });
});
