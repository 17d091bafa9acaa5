import cytoscape, { type Core, type NodeSingular } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { ApiError, fetchEntity, fetchGraph, fetchNeighbourhood, isAbort, searchEntities } from './api.js';
import { Latest } from './async.js';
import { mergeSubgraph, type EdgeData } from './graph/elements.js';
import { applyKindFilter, setKindVisible } from './graph/filter.js';
import { attachLabels, syncLabels } from './graph/labels.js';
import { layoutOptions } from './graph/layout.js';
import { FOCUS_CLASS, FRESH_CLASS, HOVER_CLASS, graphStylesheet } from './graph/style.js';
import { Legend } from './legend.js';
import { isEntityKind, type EntityKind, type Subgraph } from './model.js';
import { Panel, type EntityRef } from './panel.js';
import { mountReview } from './panels/review.js';
import { attachSearchBox } from './search.js';

/** How many entities the overview loads at start. */
const OVERVIEW_LIMIT = 300;
/** Below this zoom, focusing a node zooms in so its label and edges can be read. */
const FOCUS_ZOOM = 1.2;
/** A fit never zooms in further than this: a handful of nodes would otherwise fill the screen. */
const MAX_FIT_ZOOM = 1.4;

cytoscape.use(fcose);

/** Read-only numbers for tests and the console; deliberately no handle on the graph itself. */
export interface KgxDebug {
  readonly ready: boolean;
  readonly nodeCount: number;
  readonly edgeCount: number;
  readonly visibleNodeCount: number;
  readonly selectedIds: string[];
  readonly zoom: number;
  /** Where a node (or an edge's midpoint) is drawn, relative to the graph container, for tests that click it. */
  renderedPosition(id: string): { x: number; y: number } | null;
}

declare global {
  interface Window {
    readonly __kgx?: KgxDebug;
  }
}

function required<T extends HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`index.html lacks #${id}`);
  return node as T;
}

// Import and review (issue 7) lives in its own panel; this is its only hook into the page.
mountReview();

const statusEl = required<HTMLElement>('status');
const retryButton = required<HTMLButtonElement>('retry');

/** Shows a message in the status region; errors stay until the next message replaces them. */
function setStatus(message: string, tone: 'info' | 'busy' | 'error' = 'info'): void {
  statusEl.textContent = message;
  statusEl.dataset.tone = tone;
}

/** Says what failed and why, with the API's error code, in the status region. */
function reportError(action: string, error: unknown): void {
  if (isAbort(error)) return;
  const detail = error instanceof ApiError ? `${error.message} (${error.code})` : error instanceof Error ? error.message : String(error);
  setStatus(`${action}: ${detail}`, 'error');
}

// Cytoscape injects an inline <style> unless an element with this id exists; a strict CSP
// (style-src 'self') would block and report it. styles.css gives #cy the position it wanted.
if (!document.getElementById('__________cytoscape_stylesheet')) {
  const marker = document.createElement('meta');
  marker.id = '__________cytoscape_stylesheet';
  document.head.append(marker);
}

const cy: Core = cytoscape({
  container: required('cy'),
  style: graphStylesheet(),
  minZoom: 0.08,
  maxZoom: 4,
  boxSelectionEnabled: false,
  selectionType: 'single',
});

let hiddenKinds = new Set<EntityKind>();
let ready = false;

const legend = new Legend(required('legend'), (kind, visible) => {
  hiddenKinds = setKindVisible(hiddenKinds, kind, visible);
  const hidden = applyKindFilter(cy, hiddenKinds);
  setStatus(hidden ? `${hidden} entities hidden by the kind filter.` : 'All kinds shown.');
});

function refreshLegend(): void {
  const counts = new Map<EntityKind, number>();
  cy.nodes().forEach((n) => {
    const kind = n.data('kind') as EntityKind;
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
  });
  legend.setCounts(counts);
}

function nodeRef(id: string): EntityRef | undefined {
  const node = cy.getElementById(id);
  if (node.empty() || !node.isNode()) return undefined;
  const kind = node.data('kind') as unknown;
  return { id, name: node.data('label') as string, kind: isEntityKind(kind) ? kind : null };
}

// ---- graph updates -------------------------------------------------------------------------

/** Merges a subgraph and lays the graph out again if anything was added; returns the new node ids. */
function addSubgraph(subgraph: Subgraph, anchorId?: string): string[] {
  const anchor = anchorId ? cy.getElementById(anchorId) : undefined;
  const placeNear = anchor?.nonempty() ? { ...anchor.position() } : undefined;
  const added = mergeSubgraph(cy, subgraph, placeNear ? { placeNear } : {});
  if (added.nodes.length || added.edges.length) {
    cy.nodes(`.${FRESH_CLASS}`).removeClass(FRESH_CLASS);
    for (const id of added.nodes) cy.getElementById(id).addClass(FRESH_CLASS);
    applyKindFilter(cy, hiddenKinds);
    const incremental = cy.nodes().length > added.nodes.length;
    cy.layout(layoutOptions(cy.nodes().length, incremental) as unknown as cytoscape.LayoutOptions).run();
    if (!incremental && cy.zoom() > MAX_FIT_ZOOM) {
      cy.zoom(MAX_FIT_ZOOM);
      cy.center();
    }
    syncLabels(cy);
    refreshLegend();
  }
  return added.nodes;
}

/** Selects a node, makes sure its kind is shown, and pans (and if need be zooms) to it. */
function focusNode(id: string): NodeSingular | undefined {
  const node = cy.getElementById(id);
  if (node.empty() || !node.isNode()) return undefined;
  const kind = node.data('kind') as EntityKind;
  if (hiddenKinds.has(kind)) {
    // Choosing something means wanting to see it, even if its kind was filtered out.
    hiddenKinds = setKindVisible(hiddenKinds, kind, true);
    legend.setChecked(kind, true);
    applyKindFilter(cy, hiddenKinds);
  }
  cy.elements(':selected').unselect();
  node.select();
  centre(id);
  return node;
}

function centre(id: string): void {
  const node = cy.getElementById(id);
  if (node.empty()) return;
  if (cy.zoom() < FOCUS_ZOOM) cy.zoom(FOCUS_ZOOM);
  cy.center(node);
}

// ---- details ---------------------------------------------------------------------------------

const details = new Latest();

const panel = new Panel(required('panel'), {
  openEntity: (id) => void showEntity(id, { load: true }),
  expand: (id) => void expand(id),
  centre: (id) => centre(id),
  close: () => {
    details.cancel();
    cy.elements(':selected').unselect();
    panel.showIntro();
  },
});

/**
 * Opens an entity's details. With `load` (search hits, links in the panel) it first brings the
 * entity and its direct neighbourhood into the graph, so it arrives in context, then selects and
 * centres it.
 */
async function showEntity(id: string, { load = false } = {}): Promise<void> {
  const ticket = details.begin();
  const known = nodeRef(id);
  panel.showLoading(known?.name ?? id, known?.kind ?? null);
  try {
    // Details and neighbourhood are independent: ask for both at once.
    const neighbourhood = load ? fetchNeighbourhood([id], 1, { signal: ticket.signal }) : undefined;
    const entityPromise = fetchEntity(id, { signal: ticket.signal });
    // Handled below; this stops a rejection that lands while we await the neighbourhood from being reported as unhandled.
    entityPromise.catch(() => undefined);
    if (neighbourhood) {
      const subgraph = await neighbourhood;
      if (!ticket.isCurrent()) return;
      const added = addSubgraph(subgraph, known ? id : undefined);
      focusNode(id);
      if (added.length) setStatus(`Added ${added.length} entities around ${nodeRef(id)?.name ?? id}.`);
    }
    const { entity, neighbours } = await entityPromise;
    if (!ticket.isCurrent()) return;
    if (!entity) {
      panel.showFailure(`There is no entity with id ${id} (any more).`);
      setStatus(`Entity ${id} was not found.`, 'error');
      return;
    }
    const names = new Map<string, EntityRef>(neighbours.map((n) => [n.id, { id: n.id, name: n.name, kind: n.kind }]));
    panel.showEntity(entity, names);
  } catch (error) {
    if (isAbort(error) || !ticket.isCurrent()) return;
    panel.showFailure('The details could not be loaded; see the status bar.');
    reportError(`Could not load ${known?.name ?? id}`, error);
  }
}

/** Opens a relationship's details: the API serves relationships through their source entity. */
async function showRelationship(data: EdgeData): Promise<void> {
  const ticket = details.begin();
  panel.showLoading(data.label, null);
  try {
    const { entity, neighbours } = await fetchEntity(data.source, { signal: ticket.signal });
    if (!ticket.isCurrent()) return;
    const rel = entity?.relationships.find((r) => r.id === data.id);
    if (!entity || !rel) {
      panel.showFailure(`The relationship ${data.id} is no longer in the graph.`);
      setStatus(`Relationship ${data.id} was not found.`, 'error');
      return;
    }
    const names = new Map<string, EntityRef>(neighbours.map((n) => [n.id, { id: n.id, name: n.name, kind: n.kind }]));
    names.set(entity.id, { id: entity.id, name: entity.name, kind: entity.kind });
    panel.showRelationship(rel, names);
  } catch (error) {
    if (isAbort(error) || !ticket.isCurrent()) return;
    panel.showFailure('The details could not be loaded; see the status bar.');
    reportError(`Could not load relationship ${data.label}`, error);
  }
}

/** Adds a node's direct neighbourhood to the graph. */
async function expand(id: string): Promise<void> {
  const name = nodeRef(id)?.name ?? id;
  setStatus(`Expanding ${name}…`, 'busy');
  try {
    const subgraph = await fetchNeighbourhood([id], 1);
    const added = addSubgraph(subgraph, id);
    focusNode(id);
    const more = subgraph.truncated ? ' (the neighbourhood was cut at the server’s limit)' : '';
    setStatus(added.length ? `Added ${added.length} entities around ${name}${more}.` : `Everything around ${name} is already shown${more}.`);
  } catch (error) {
    reportError(`Could not expand ${name}`, error);
  }
}

// ---- graph events ---------------------------------------------------------------------------

cy.on('tap', 'node', (event) => void showEntity(event.target.id()));
cy.on('tap', 'edge', (event) => void showRelationship(event.target.data() as EdgeData));
cy.on('dbltap', 'node', (event) => void expand(event.target.id()));
// Edge labels of the selection and of whatever is under the pointer show at any zoom.
cy.on('select', 'node', (event) => event.target.connectedEdges().addClass(FOCUS_CLASS));
cy.on('unselect', 'node', (event) => event.target.connectedEdges().removeClass(FOCUS_CLASS));
attachLabels(cy);
cy.on('mouseover', 'edge', (event) => event.target.addClass(HOVER_CLASS));
cy.on('mouseout', 'edge', (event) => event.target.removeClass(HOVER_CLASS));
cy.on('mouseover', 'node', (event) => event.target.union(event.target.connectedEdges()).addClass(HOVER_CLASS));
cy.on('mouseout', 'node', (event) => event.target.union(event.target.connectedEdges()).removeClass(HOVER_CLASS));

// ---- search ---------------------------------------------------------------------------------

attachSearchBox({
  input: required<HTMLInputElement>('search-input'),
  list: required<HTMLUListElement>('search-results'),
  search: (query, signal) => searchEntities(query, 10, { signal }),
  onChoose: (hit) => void showEntity(hit.entity.id, { load: true }),
  onError: (error) => reportError('Search failed', error),
});

// ---- start ----------------------------------------------------------------------------------

async function loadOverview(): Promise<void> {
  retryButton.hidden = true;
  setStatus('Loading the graph…', 'busy');
  try {
    const graph = await fetchGraph(OVERVIEW_LIMIT);
    cy.elements().remove();
    addSubgraph(graph);
    cy.nodes().removeClass(FRESH_CLASS);
    ready = true;
    const cut = graph.truncated ? ' — the best-connected part of a larger graph; search to reach the rest' : '';
    setStatus(`${cy.nodes().length} entities, ${cy.edges().length} relationships${cut}.`);
  } catch (error) {
    reportError('Could not load the graph', error);
    retryButton.hidden = false;
  }
}

retryButton.addEventListener('click', () => void loadOverview());

Object.defineProperty(window, '__kgx', {
  configurable: false,
  writable: false,
  value: Object.freeze({
    get ready() {
      return ready;
    },
    get nodeCount() {
      return cy.nodes().length;
    },
    get edgeCount() {
      return cy.edges().length;
    },
    get visibleNodeCount() {
      return cy.nodes(':visible').length;
    },
    get selectedIds() {
      return cy.elements(':selected').map((e) => e.id());
    },
    get zoom() {
      return cy.zoom();
    },
    renderedPosition(id: string) {
      const ele = cy.getElementById(id);
      if (ele.empty() || !ele.visible()) return null;
      return ele.isEdge() ? { ...ele.renderedMidpoint() } : { ...(ele as cytoscape.NodeSingular).renderedPosition() };
    },
  } satisfies KgxDebug),
});

refreshLegend();
void loadOverview();
