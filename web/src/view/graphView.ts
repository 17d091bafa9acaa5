import cytoscape, { type Core, type ElementDefinition, type NodeSingular } from 'cytoscape';
import { edgeDefinition, nodeDefinition, stubDefinitions } from '../graph/elements.js';
import { dropClass, setClass, settleStyles } from '../graph/classes.js';
import { attachLabels, labelEveryNode, majorNodes, minorLabels, placeFocusLabels, type LabelCatchUp } from '../graph/labels.js';
import { FADED_CLASS, FOCUS_CLASS, HIDDEN_CLASS, HOVER_CLASS, LONE_CLASS, MINOR_CLASS, PATH_CLASS, STUB_CLASS, STUB_EDGE_CLASS, THEME_COLOURS, graphStylesheet, type Theme } from '../graph/style.js';
import { isEdgeVisible, isNodeVisible, type Position, type Scene } from '../scene/scene.js';
import { moreStubs } from '../scene/stubs.js';
import { sceneBox, viewportFor, visibleKey } from './fit.js';
import { rgbTuple } from './gpu.js';
import { leanCanvas, type CanvasRendererInternals } from './leanCanvas.js';
import { drawPlan, loneEdges } from './plan.js';

/** Stubs and their edges: drawn from the scene's "+N more" counts, not entities of the scene. */
const STUBS = `.${STUB_CLASS}, .${STUB_EDGE_CLASS}`;

let svgRegistered = false;

/** A fit never zooms in further than this: a handful of nodes would otherwise fill the screen. */
const MAX_FIT_ZOOM = 1.4;
const FIT_PADDING = 36;
/** From this many nodes the view trades detail for speed while it moves (see `tune`). */
export const BIG_SCENE = 1000;
/** Up to this many new elements are added in one go; more are added in slices, a task each. */
export const ADD_SLICE = 250;
/** A slice adds chunks of this many elements until it has run this long, then lets a frame draw them. */
const ADD_CHUNK = 100;
const SLICE_BUDGET_MS = 60;
/** Hovering a node fades the rest only up to this many elements: fading restyles each of them. */
export const HOVER_FADE_MAX = 3000;
/** Up to this many elements the WebGL renderer picks by geometry, nearest first (see pickPreciselyWhileSmall). */
export const PRECISE_PICK_MAX = 3000;

/** Resolves in a task of its own after the next frame: Cytoscape draws in that frame, the caller's work follows it. */
function afterFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

export interface ViewEvents {
  /** The analyst clicked an element (additive with Shift/Ctrl/Meta) or empty canvas (ids empty). */
  select(ids: string[], additive: boolean): void;
  expand(id: string): void;
  /** The analyst clicked a "+N more" stub: page through this entity's remaining relationships. */
  more(id: string): void;
  /** Nodes were dragged to new places. */
  moved(positions: Map<string, Position>): void;
}

/**
 * Draws a scene with Cytoscape. It owns no state of its own beyond what is on screen: `render`
 * makes the canvas match the scene (adding, removing, moving, hiding, selecting), and user gestures
 * come back as events for the controller to turn into operations.
 */
export class GraphView {
  readonly cy: Core;
  private visibleKey = '';
  private stubKey = '';
  /** The scene the canvas was last asked to show (some of it may still be coming, a slice per frame). */
  private drawn: Scene | null = null;
  /** False while slices of the last render are still to come. */
  private complete = true;
  private big = false;
  /** Bumped by each render, so slices of an older render stop when a newer one starts. */
  private job = 0;
  private theme: Theme;
  /** Brings node and edge labels in step with the zoom, chunk by chunk (graph/labels.ts). */
  private readonly labels: LabelCatchUp;

  /**
   * `webgl` draws with Cytoscape's WebGL renderer, which only pays where a real GPU exists (view/gpu.ts);
   * it is chosen once, as Cytoscape sets its canvases up at start.
   */
  constructor(container: HTMLElement, private readonly events: ViewEvents, theme: Theme, private readonly webgl = false) {
    this.theme = theme;
    this.cy = cytoscape({
      container,
      style: graphStylesheet(theme),
      webgl,
      minZoom: 0.05,
      maxZoom: 4,
      boxSelectionEnabled: false,
      selectionType: 'additive',
      // Selection follows the scene (render), not Cytoscape's own click handling.
      autounselectify: true,
    });
    this.matchWebglBackground();
    if (webgl) this.pickPreciselyWhileSmall();
    else this.drawLean();
    this.labels = attachLabels(this.cy);
    this.wire();
    // Fit again whenever the container changes size: a phone's first layout settles after the script runs.
    new ResizeObserver(() => {
      this.cy.resize();
      this.fit();
    }).observe(container);
  }

  setTheme(theme: Theme): void {
    this.theme = theme;
    this.cy.style(graphStylesheet(theme));
    this.matchWebglBackground();
  }

  /**
   * The WebGL renderer blends arrowheads against a background colour it reads once, from the container's
   * inline style (ours is in the stylesheet and follows the theme); it is handed the theme's canvas colour.
   */
  private matchWebglBackground(): void {
    const drawing = this.webgl ? (this.renderer()?.drawing as { bgColor: unknown } | undefined) : undefined;
    if (drawing) drawing.bgColor = rgbTuple(THEME_COLOURS[this.theme].canvas);
  }

  /**
   * Makes the canvas show `scene`, touching only what differs from the scene drawn before: elements
   * that left are removed, new ones added with their classes already set, and existing ones restyled
   * only when the hidden sets or the selection changed. Up to `ADD_SLICE` new elements are added at
   * once; more (a hub's thousands of neighbours, a big first scene) go in slices, each in its own task
   * after a frame, so no single task redraws thousands of new elements. When what is visible changed
   * the view fits: at once for a small change, or before the first slice from the scene's own box
   * for a big one, so the new elements are drawn once at the final zoom. Returns null when the canvas
   * is done, or the number still to come and a promise for when they are drawn (a newer render takes over).
   */
  render(scene: Scene): { pending: number; done: Promise<void> } | null {
    const cy = this.cy;
    const job = ++this.job;
    const last = this.drawn;
    this.drawn = scene;
    this.tune(scene.nodes.size > BIG_SCENE);
    const plan = drawPlan(last, scene, (id) => cy.getElementById(id).nonempty(), this.complete);
    this.complete = false;
    const selected = new Set(scene.selection);
    const key = visibleKey(scene);
    const refit = key !== this.visibleKey;
    this.visibleKey = key;
    const sliced = plan.add.length > ADD_SLICE;
    // Labels of new nodes are decided here, at the zoom they will be drawn at, so the canvas never
    // restyles thousands of nodes after they arrive.
    if (sliced && refit) this.fitScene(scene);
    let minor: Set<string> | null | undefined;
    const lone = plan.add.length ? loneEdges(scene, plan.add) : null;
    const definitions = (ids: readonly string[]): ElementDefinition[] => {
      if (minor === undefined) minor = minorLabels(cy.zoom(), scene.nodes.size) ? majorNodes([...scene.nodes.values()]) : null;
      return ids.map((id) => this.definition(scene, id, selected, minor ?? null, lone!.isLone));
    };
    const first = sliced ? [] : plan.add;
    cy.batch(() => {
      if (plan.remove.length) {
        const gone = cy.collection();
        for (const id of plan.remove) gone.merge(cy.getElementById(id));
        gone.remove();
      }
      for (const [id, p] of plan.move) {
        const node = cy.getElementById(id);
        const at = node.position();
        if (at.x !== p.x || at.y !== p.y) node.position({ ...p });
      }
      // A parallel edge is coming: the one already there goes back to a bezier, so the two do not overlap.
      for (const id of lone?.notLoneAnyMore ?? []) cy.getElementById(id).removeClass(LONE_CLASS);
      if (first.length) cy.add(definitions(first));
      if (plan.restyle === 'all') this.dress(cy.elements().not(STUBS), scene, selected);
      else if (plan.restyle.length) this.dress(this.around(plan.restyle), scene, selected);
      if (!sliced) this.renderStubs(scene);
    });
    if (!sliced) {
      this.complete = true;
      if (refit) this.fit();
      this.finishLabels();
      return null;
    }
    settleStyles(this.cy);
    const rest = plan.add;
    const done = (async () => {
      let at = 0;
      while (at < rest.length) {
        await afterFrame();
        if (job !== this.job) return;
        // Chunks until the task's budget is spent: the style work is done here, in this task, so the
        // frame that follows only draws. Nodes come before edges in `rest`, so a chunk of edges
        // never names a node still to come.
        const start = performance.now();
        do {
          cy.add(definitions(rest.slice(at, at + ADD_CHUNK)));
          at += ADD_CHUNK;
          settleStyles(this.cy);
        } while (at < rest.length && performance.now() - start < SLICE_BUDGET_MS);
      }
      await afterFrame();
      if (job !== this.job) return;
      // Stubs hang off their entities' nodes, so they wait until every node is on the canvas.
      cy.batch(() => this.renderStubs(scene));
      this.finishLabels();
      this.complete = true;
    })();
    return { pending: rest.length, done };
  }

  /**
   * Labels for the canvas as it now stands (zoom ranking, the selection's relationship labels), their
   * styles computed in this task. Node labels a zoom left to flip (thousands, after a big scene's fit)
   * keep flipping a chunk per task: flipping 3,300 at once here blocked the page for 175 ms.
   */
  private finishLabels(): void {
    this.labels.follow();
    placeFocusLabels(this.cy);
    settleStyles(this.cy);
  }

  /**
   * Resolves after a frame in which the canvas had nothing left to do for the scenes it was given:
   * slices drawn, labels caught up. Other big page work (the entity list's thousands of entries)
   * waits for it, so its layout never lands in a frame that also redraws thousands of elements.
   */
  async settled(): Promise<void> {
    do await afterFrame();
    while (!this.complete || this.labels.busy());
  }

  /** A new element's definition with the classes the scene gives it (hidden, focus, minor label, lone edge). */
  private definition(scene: Scene, id: string, selected: ReadonlySet<string>, minor: ReadonlySet<string> | null, isLone: (id: string) => boolean): ElementDefinition {
    const node = scene.nodes.get(id);
    if (node) {
      const def = nodeDefinition(node, scene.positions.get(id) ? { ...scene.positions.get(id)! } : undefined);
      const classes = [def.classes as string];
      if (!isNodeVisible(scene, id)) classes.push(HIDDEN_CLASS);
      if (minor && !minor.has(id)) classes.push(MINOR_CLASS);
      return { ...def, classes: classes.join(' '), ...(selected.has(id) ? { selected: true } : {}) };
    }
    const edge = scene.edges.get(id)!;
    const classes: string[] = [];
    if (!isEdgeVisible(scene, id)) classes.push(HIDDEN_CLASS);
    if (selected.has(edge.source) || selected.has(edge.target)) classes.push(FOCUS_CLASS);
    if (isLone(id)) classes.push(LONE_CLASS);
    return { ...edgeDefinition(edge), classes: classes.join(' '), ...(selected.has(id) ? { selected: true } : {}) };
  }

  /** These elements and, for nodes, their edges (whose focus follows the node's selection). */
  private around(ids: readonly string[]): cytoscape.Collection {
    const out = this.cy.collection();
    for (const id of ids) {
      const ele = this.cy.getElementById(id);
      if (ele.empty()) continue;
      out.merge(ele);
      if (ele.isNode()) out.merge((ele as NodeSingular).connectedEdges().not(STUBS));
    }
    return out;
  }

  /** Hidden, selected and focus classes for `eles` as the scene has them. */
  private dress(eles: cytoscape.Collection, scene: Scene, selected: ReadonlySet<string>): void {
    setClass(eles, HIDDEN_CLASS, (ele) => (ele.isNode() ? !isNodeVisible(scene, ele.id()) : !isEdgeVisible(scene, ele.id())));
    setClass(eles.edges(), FOCUS_CLASS, (edge) => selected.has(edge.source().id()) || selected.has(edge.target().id()));
    eles.forEach((ele) => {
      const on = selected.has(ele.id());
      if (on !== ele.selected()) {
        ele.selectify();
        if (on) ele.select();
        else ele.unselect();
        ele.unselectify();
      }
    });
  }

  /** Fits the view to the scene's visible nodes as placed in the scene (see view/fit.ts). */
  private fitScene(scene: Scene): void {
    const box = sceneBox(scene);
    if (!box) return;
    const cy = this.cy;
    cy.viewport(viewportFor(box, cy.width(), cy.height(), FIT_PADDING, { min: cy.minZoom(), max: MAX_FIT_ZOOM }));
  }

  /**
   * Cytoscape's levers for big scenes: while the viewport moves, draw a cached texture and leave edges
   * out, and draw at one pixel per CSS pixel. They are renderer options Cytoscape reads on every frame
   * but only takes at start-up, so they are set on the renderer here; small scenes keep full detail.
   */
  private tune(big: boolean): void {
    // The WebGL renderer draws every frame in full on the GPU; these levers are the canvas's.
    if (big === this.big || this.webgl) return;
    this.big = big;
    const renderer = this.renderer();
    if (!renderer) return;
    renderer.hideEdgesOnViewport = big;
    renderer.textureOnViewport = big;
    renderer.forcedPixelRatio = big ? 1 : null;
    this.cy.resize();
  }

  /**
   * The WebGL renderer finds what is under the pointer by reading a 6×6 pixel patch of ids and takes the
   * first edge it meets there, not the nearest: where two relationships pass close by, a click opens the
   * wrong one. The canvas renderer's geometric search (still on the prototype) finds the nearest, but
   * walks every element; it answers while the scene is small, the GPU's patch when it is big.
   */
  private pickPreciselyWhileSmall(): void {
    type Find = (x: number, y: number, interactiveOnly: boolean, touch: boolean) => unknown[];
    const renderer = this.renderer() as { findNearestElements?: Find } | undefined;
    const gpuPick = renderer?.findNearestElements;
    const precisePick = renderer && (Object.getPrototypeOf(renderer) as { findNearestElements?: Find }).findNearestElements;
    if (!renderer || !gpuPick || !precisePick || gpuPick === precisePick) return;
    const cy = this.cy;
    renderer.findNearestElements = (x, y, interactiveOnly, touch) =>
      (cy.elements().length <= PRECISE_PICK_MAX ? precisePick : gpuPick).call(renderer, x, y, interactiveOnly, touch);
  }

  /** The canvas renderer's shortcuts: what would draw nothing visible is skipped, the rest drawn more cheaply (view/leanCanvas.ts). */
  private drawLean(): void {
    const renderer = this.renderer();
    if (renderer) leanCanvas(renderer as unknown as CanvasRendererInternals);
  }

  /** Cytoscape's renderer, whose options the typings do not describe. */
  private renderer(): Record<string, unknown> | undefined {
    return (this.cy as unknown as { renderer(): Record<string, unknown> | undefined }).renderer();
  }

  /** "+N more" stubs: replaced wholesale (there are few), placed beside their entities. */
  private renderStubs(scene: Scene): void {
    const cy = this.cy;
    const stubs = moreStubs(scene);
    const key = stubs.map((s) => `${s.id}@${s.count}@${s.position.x},${s.position.y}`).join('|');
    if (key === this.stubKey) return;
    this.stubKey = key;
    cy.elements(STUBS).remove();
    if (stubs.length) cy.add(stubs.flatMap(stubDefinitions));
  }

  /** The drawn entities and relationships, without the "+N more" stubs. */
  entities(): cytoscape.Collection {
    return this.cy.elements().not(STUBS);
  }

  /** Fits the visible graph into the container. */
  fit(): void {
    // Mid-way through slices the canvas holds only part of the scene: fit what it will hold.
    if (!this.complete && this.drawn) {
      this.fitScene(this.drawn);
      return;
    }
    const cy = this.cy;
    const shown = cy.nodes().not(`.${HIDDEN_CLASS}`);
    if (shown.empty()) return;
    cy.fit(shown, FIT_PADDING);
    if (cy.zoom() > MAX_FIT_ZOOM) {
      cy.zoom(MAX_FIT_ZOOM);
      cy.center(shown);
    }
  }

  /** Zooms by `factor` about the middle of the canvas. */
  zoomBy(factor: number): void {
    const cy = this.cy;
    cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
  }

  /** Brings a node into view without changing the zoom unless it is too small to read. */
  centre(id: string): void {
    const node = this.cy.getElementById(id);
    if (node.empty()) return;
    if (this.cy.zoom() < 1) this.cy.zoom(1);
    this.cy.center(node);
  }

  /** Emphasises these elements and fades the rest (a path); null clears it. */
  highlight(ids: readonly string[] | null): void {
    const cy = this.cy;
    cy.batch(() => {
      const on = cy.collection();
      for (const id of ids ?? []) on.merge(cy.getElementById(id));
      setClass(cy.elements(), PATH_CLASS, (ele) => on.has(ele));
      setClass(cy.elements(), FADED_CLASS, (ele) => !!ids && !on.has(ele));
    });
  }

  /** The whole scene as a PNG, at twice the screen's resolution at least. */
  png(): Blob {
    labelEveryNode(this.cy);
    return this.cy.png({ full: true, scale: 2, output: 'blob', bg: THEME_COLOURS[this.theme].canvas }) as unknown as Blob;
  }

  /** The whole scene as SVG; the exporter loads on first use, so it costs the first view nothing. */
  async svg(): Promise<string> {
    if (!svgRegistered) {
      cytoscape.use((await import('cytoscape-svg')).default);
      svgRegistered = true;
    }
    labelEveryNode(this.cy);
    return (this.cy as unknown as { svg(options: object): string }).svg({ full: true, scale: 1, bg: THEME_COLOURS[this.theme].canvas });
  }

  /** The label of a drawn "+N more" stub, or null (for tests). */
  stubLabel(id: string): string | null {
    const stub = this.cy.getElementById(id);
    return stub.nonempty() && stub.is(`.${STUB_CLASS}`) ? (stub.data('label') as string) : null;
  }

  /** Where an element is drawn, relative to the container (for tests that click). */
  renderedPosition(id: string): Position | null {
    const ele = this.cy.getElementById(id);
    if (ele.empty() || !ele.visible()) return null;
    return ele.isEdge() ? { ...ele.renderedMidpoint() } : { ...(ele as NodeSingular).renderedPosition() };
  }

  private wire(): void {
    const cy = this.cy;
    const additive = (e: cytoscape.EventObject) => {
      const o = e.originalEvent as MouseEvent | undefined;
      return !!o && (o.shiftKey || o.ctrlKey || o.metaKey);
    };
    cy.on('tap', (event) => {
      if (event.target === cy) this.events.select([], false);
      else if (event.target.is(STUBS)) {
        if (event.target.isNode()) this.events.more(event.target.data('of') as string);
      } else this.events.select([event.target.id() as string], additive(event));
    });
    cy.on('dbltap', 'node', (event) => {
      if (!event.target.is(STUBS)) this.events.expand(event.target.id());
    });
    cy.on('dragfree', 'node', (event) => {
      const node = event.target as NodeSingular;
      this.events.moved(new Map([[node.id(), { ...node.position() }]]));
    });
    // Hover: the node, its neighbours and the edges between them stand out; the rest fades.
    // Fading restyles every element, so big scenes only raise the neighbourhood (see HOVER_FADE_MAX).
    cy.on('mouseover', 'node', (event) => {
      const hood = (event.target as NodeSingular).closedNeighborhood();
      cy.batch(() => {
        setClass(hood, HOVER_CLASS, true);
        if (cy.elements().length <= HOVER_FADE_MAX && cy.elements(`.${PATH_CLASS}`).empty()) setClass(cy.elements().not(hood), FADED_CLASS, true);
      });
    });
    cy.on('mouseout', 'node', () => {
      cy.batch(() => {
        dropClass(cy, HOVER_CLASS);
        if (cy.elements(`.${PATH_CLASS}`).empty()) dropClass(cy, FADED_CLASS);
      });
    });
    cy.on('mouseover', 'edge', (event) => event.target.addClass(HOVER_CLASS));
    cy.on('mouseout', 'edge', (event) => event.target.removeClass(HOVER_CLASS));
  }
}
