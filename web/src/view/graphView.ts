import cytoscape, { type Core, type ElementDefinition, type NodeSingular } from 'cytoscape';
import { edgeDefinition, nodeDefinition, stubDefinitions } from '../graph/elements.js';
import { attachLabels } from '../graph/labels.js';
import { FADED_CLASS, FOCUS_CLASS, HIDDEN_CLASS, HOVER_CLASS, PATH_CLASS, STUB_CLASS, STUB_EDGE_CLASS, THEME_COLOURS, graphStylesheet, type Theme } from '../graph/style.js';
import { isEdgeVisible, isNodeVisible, type Position, type Scene } from '../scene/scene.js';
import { moreStubs } from '../scene/stubs.js';

/** Stubs and their edges: drawn from the scene's "+N more" counts, not entities of the scene. */
const STUBS = `.${STUB_CLASS}, .${STUB_EDGE_CLASS}`;

let svgRegistered = false;

/** A fit never zooms in further than this: a handful of nodes would otherwise fill the screen. */
const MAX_FIT_ZOOM = 1.4;
const FIT_PADDING = 36;
/** From this many nodes the view trades detail for speed while it moves (see `tune`). */
export const BIG_SCENE = 1000;
/** New elements added to the canvas per frame (a slice takes Cytoscape some tens of milliseconds). */
export const ADD_SLICE = 500;

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
  private big = false;
  /** Bumped by each render, so slices of an older render stop when a newer one starts. */
  private job = 0;
  private theme: Theme;

  constructor(container: HTMLElement, private readonly events: ViewEvents, theme: Theme) {
    this.theme = theme;
    this.cy = cytoscape({
      container,
      style: graphStylesheet(theme),
      minZoom: 0.05,
      maxZoom: 4,
      boxSelectionEnabled: false,
      selectionType: 'additive',
      // Selection follows the scene (render), not Cytoscape's own click handling.
      autounselectify: true,
    });
    attachLabels(this.cy);
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
  }

  /**
   * Makes the canvas show `scene`; fits the view when what is visible changed. Up to `ADD_SLICE` new
   * elements are added at once; more (a hub's thousands of neighbours, a big first scene) go in
   * slices, one per frame, so the page keeps answering. Returns null when the canvas is done, or the
   * number still to come and a promise for when they are drawn (a newer render takes over).
   */
  render(scene: Scene): { pending: number; done: Promise<void> } | null {
    const cy = this.cy;
    const job = ++this.job;
    this.tune(scene.nodes.size > BIG_SCENE);
    let pending: ElementDefinition[] = [];
    const selected = new Set(scene.selection);
    cy.batch(() => {
      cy.elements().not(STUBS).forEach((ele) => {
        const id = ele.id();
        if (ele.isNode() ? !scene.nodes.has(id) : !scene.edges.has(id)) ele.remove();
      });
      // Nodes first, then edges: a slice of edges never names a node still to come.
      const add: ElementDefinition[] = [];
      for (const n of scene.nodes.values()) {
        const p = scene.positions.get(n.id);
        const existing = cy.getElementById(n.id);
        if (existing.empty()) add.push(nodeDefinition(n, p ? { ...p } : undefined));
        else if (p) {
          const at = existing.position();
          if (at.x !== p.x || at.y !== p.y) existing.position({ ...p });
        }
      }
      for (const e of scene.edges.values()) if (cy.getElementById(e.id).empty()) add.push(edgeDefinition(e));
      pending = add.slice(ADD_SLICE);
      if (add.length) cy.add(add.slice(0, ADD_SLICE));
      this.dress(cy.elements().not(STUBS), scene, selected);
      // Stubs hang off their entities' nodes, so they wait until every node is on the canvas.
      if (!pending.length) this.renderStubs(scene);
    });
    if (!pending.length) {
      this.fitIfChanged();
      return null;
    }
    const rest = pending;
    const done = (async () => {
      for (let at = 0; at < rest.length; at += ADD_SLICE) {
        await new Promise((resolve) => requestAnimationFrame(resolve));
        if (job !== this.job) return;
        cy.batch(() => {
          const added = cy.add(rest.slice(at, at + ADD_SLICE));
          this.dress(added, scene, selected);
          if (at + ADD_SLICE >= rest.length) this.renderStubs(scene);
        });
      }
      this.fitIfChanged();
    })();
    return { pending: rest.length, done };
  }

  /** Hidden, selected and focus classes for `eles` as the scene has them. */
  private dress(eles: cytoscape.Collection, scene: Scene, selected: ReadonlySet<string>): void {
    eles.forEach((ele) => {
      const id = ele.id();
      ele.toggleClass(HIDDEN_CLASS, ele.isNode() ? !isNodeVisible(scene, id) : !isEdgeVisible(scene, id));
      const on = selected.has(id);
      if (on !== ele.selected()) {
        ele.selectify();
        if (on) ele.select();
        else ele.unselect();
        ele.unselectify();
      }
      if (ele.isEdge()) ele.toggleClass(FOCUS_CLASS, selected.has(ele.source().id()) || selected.has(ele.target().id()));
    });
  }

  private fitIfChanged(): void {
    const key = this.cy
      .elements(`:visible`)
      .not(STUBS)
      .map((e) => e.id())
      .join('|');
    if (key !== this.visibleKey) {
      this.visibleKey = key;
      this.fit();
    }
  }

  /**
   * Cytoscape's levers for big scenes: while the viewport moves, draw a cached texture and leave edges
   * out, and draw at one pixel per CSS pixel. They are renderer options Cytoscape reads on every frame
   * but only takes at start-up, so they are set on the renderer here; small scenes keep full detail.
   */
  private tune(big: boolean): void {
    if (big === this.big) return;
    this.big = big;
    const renderer = (this.cy as unknown as { renderer(): Record<string, unknown> | undefined }).renderer();
    if (!renderer) return;
    renderer.hideEdgesOnViewport = big;
    renderer.textureOnViewport = big;
    renderer.forcedPixelRatio = big ? 1 : null;
    this.cy.resize();
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
      cy.elements().removeClass(`${PATH_CLASS} ${FADED_CLASS}`);
      if (!ids) return;
      const on = cy.collection();
      for (const id of ids) on.merge(cy.getElementById(id));
      on.addClass(PATH_CLASS);
      cy.elements().not(on).addClass(FADED_CLASS);
    });
  }

  /** The whole scene as a PNG, at twice the screen's resolution at least. */
  png(): Blob {
    return this.cy.png({ full: true, scale: 2, output: 'blob', bg: THEME_COLOURS[this.theme].canvas }) as unknown as Blob;
  }

  /** The whole scene as SVG; the exporter loads on first use, so it costs the first view nothing. */
  async svg(): Promise<string> {
    if (!svgRegistered) {
      cytoscape.use((await import('cytoscape-svg')).default);
      svgRegistered = true;
    }
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
    cy.on('mouseover', 'node', (event) => {
      const hood = (event.target as NodeSingular).closedNeighborhood();
      cy.batch(() => {
        hood.addClass(HOVER_CLASS);
        if (!cy.elements(`.${PATH_CLASS}`).nonempty()) cy.elements().not(hood).addClass(FADED_CLASS);
      });
    });
    cy.on('mouseout', 'node', () => {
      cy.batch(() => {
        cy.elements().removeClass(HOVER_CLASS);
        if (!cy.elements(`.${PATH_CLASS}`).nonempty()) cy.elements().removeClass(FADED_CLASS);
      });
    });
    cy.on('mouseover', 'edge', (event) => event.target.addClass(HOVER_CLASS));
    cy.on('mouseout', 'edge', (event) => event.target.removeClass(HOVER_CLASS));
  }
}
