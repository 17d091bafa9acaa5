import type cytoscape from 'cytoscape';
import { ApiError, fetchDocumentText, isAbort } from './api/client.js';
import { humanError } from './api/errors.js';
import { httpApi, mergeSubgraphs } from './api/explorer.js';
import { Latest } from './async.js';
import { Expander, NEIGHBOURHOOD_LIMIT } from './controller/expand.js';
import type { Theme } from './graph/style.js';
import { actionFor, type ActionId } from './keys.js';
import type { EntityKind, Evidence, Subgraph } from './model.js';
import { Panel, type EntityRef } from './panels/details.js';
import { DocumentView } from './panels/document.js';
import { EntityList } from './panels/entityList.js';
import { fillHelp } from './panels/help.js';
import { Legend } from './panels/legend.js';
import { QueryDrawer } from './panels/query.js';
import { ScenesDialog } from './panels/scenes.js';
import { mountReview } from './panels/review.js';
import { TimeSlider } from './panels/timeSlider.js';
import { Toolbar } from './panels/toolbar.js';
import { withAsOf } from './scene/asof.js';
import { SceneHistory } from './scene/history.js';
import { LAYOUTS, QUICK_ABOVE, placeNew, type LayoutName } from './scene/layout.js';
import { layoutOffThread } from './scene/offThread.js';
import { apply, type Operation } from './scene/operations.js';
import { shortestPath } from './scene/paths.js';
import { PreviewDialog } from './panels/preview.js';
import { decodeLink, encodeLink, linkFromHash, restore, sceneHash, toLink } from './scene/permalink.js';
import { kindCounts, statusLine, typeCounts, visible, type QueryRecord, type Scene } from './scene/scene.js';
import { attachSearchBox } from './search.js';
import { download } from './view/download.js';
import { hasRealGpu } from './view/gpu.js';
import { GraphView } from './view/graphView.js';
import { followSystemTheme } from './view/theme.js';

/**
 * The controller: turns gestures, keys and API answers into scene operations, and after each one
 * renders the scene into the canvas, legend, list, panel, status line and URL.
 */

const OVERVIEW_LIMIT = 300;
const ENDPOINT = '/graphql';

/** Read-only numbers for tests and the console; deliberately no handle on the graph itself. */
export interface KgxDebug {
  readonly ready: boolean;
  readonly nodeCount: number;
  readonly edgeCount: number;
  readonly visibleNodeCount: number;
  readonly visibleEdgeCount: number;
  readonly selectedIds: string[];
  readonly zoom: number;
  /** Scene positions by node id. */
  positions(): Record<string, { x: number; y: number }>;
  /** Where a node (or an edge's midpoint) is drawn, relative to the graph container, for tests that click it. */
  renderedPosition(id: string): { x: number; y: number } | null;
  /** True when every visible node lies inside the canvas. */
  allInView(): boolean;
  /** The label of a drawn "+N more" stub (`more:` + entity id), or null. */
  stubLabel(id: string): string | null;
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

// Cytoscape injects an inline <style> unless an element with this id exists; the strict CSP
// (style-src 'self') would block it. styles.css gives #cy the position it wanted.
if (!document.getElementById('__________cytoscape_stylesheet')) {
  const marker = document.createElement('meta');
  marker.id = '__________cytoscape_stylesheet';
  document.head.append(marker);
}

const api = httpApi(ENDPOINT);
const history = new SceneHistory();
let ready = false;
let totalEntities: number | null = null;
let layoutIndex = 0;
let pathShown = false;
let pathsMissing = false;

// Import and review (issue 7) lives in its own panel; the page only mounts it and closes it on Escape.
const review = mountReview();

const statusEl = required<HTMLElement>('status');
const retryButton = required<HTMLButtonElement>('retry');
const toolMessage = required<HTMLElement>('toolbar-message');
const searchError = required<HTMLElement>('search-error');
const announcer = required<HTMLElement>('announcer');
const searchInput = required<HTMLInputElement>('search-input');

/** The status line: counts always; a busy or error note while something is under way or failed. */
function setStatus(message: string, tone: 'info' | 'busy' | 'error' = 'info'): void {
  statusEl.textContent = message;
  statusEl.dataset.tone = tone;
}

/** A message beside the toolbar, for the outcome of an action there (errors in words, cleared by the next success). */
function say(message: string, tone: 'info' | 'error' = 'info'): void {
  toolMessage.textContent = message;
  toolMessage.dataset.tone = tone;
  // The line keeps one height (a taller one would re-fit the graph), so a long message is cut: the tooltip has it whole.
  toolMessage.title = message;
  announce(message);
}

/** An error stays until the analyst's next step, which clears it (its own outcome, if any, is said after). */
function clearError(): void {
  if (toolMessage.dataset.tone === 'error') say('');
}

function announce(message: string): void {
  announcer.textContent = message;
}

// ---- view and panels -------------------------------------------------------------------------

const view = new GraphView(
  required('cy'),
  {
    select: (ids, additive) => select(ids, additive),
    expand: (id) => void expander.expand(id),
    more: (id) => void expander.loadMore(id),
    moved: (positions) => commit({ type: 'move', positions }),
  },
  followSystemTheme((theme: Theme) => view.setTheme(theme)),
  // WebGL where a GPU exists; the canvas (with its levers for big scenes) where one is only emulated.
  hasRealGpu(document),
);

const legend = new Legend(
  required('legend'),
  (kind: EntityKind, on) => commit({ type: 'setKindVisible', kind, visible: on }),
  (relType, on) => commit({ type: 'setTypeVisible', relType, visible: on }),
);

const list = new EntityList(
  required('entity-list'),
  (id, additive) => {
    select([id], additive);
    if (!additive) view.centre(id);
  },
  () => view.settled(),
);

/** Click selects one; Shift/Ctrl-click adds or takes away; a click on nothing clears. */
function select(ids: string[], additive: boolean): void {
  const current = history.scene.selection;
  const id = ids[0];
  const next = additive && id ? (current.includes(id) ? current.filter((x) => x !== id) : [...current, id]) : ids;
  commit({ type: 'select', ids: next });
}

const documentView = new DocumentView(required('document-dialog'));
const queryDrawer = new QueryDrawer(required('query-dialog'), new URL(ENDPOINT, location.href).href);
const helpDialog = required<HTMLDialogElement>('help-dialog');
const preview = new PreviewDialog(required('preview-dialog'));
const expander = new Expander({ api, scene: () => history.scene, commit: (op) => commit(op), say, preview });
fillHelp(helpDialog);
const scenesDialog = new ScenesDialog(required('scenes-dialog'), {
  current: async () => ({ state: await encodeLink(toLink(history.scene)) }),
  open: (state, name) => openSaved(state, name),
  say,
});

const toolbar = new Toolbar(required('toolbar'), (id) => run(id));

const timeSlider = new TimeSlider(
  required<HTMLFormElement>('asof-form'),
  required<HTMLInputElement>('asof-slider'),
  required<HTMLInputElement>('asof-input'),
  required<HTMLButtonElement>('asof-clear'),
  (asOf) => void setDate(asOf),
  (text) => say(`“${text}” is not a date the graph knows: type a year (2019) or a month (2019-05), or leave it empty for now.`, 'error'),
);

const details = new Latest();
const panel = new Panel(required('panel'), {
  openEntity: (id) => void openEntity(id),
  expand: (id) => void expander.expand(id),
  centre: (id) => view.centre(id),
  openDocument: (evidence, all) => openDocument(evidence, all),
  close: () => commit({ type: 'select', ids: [] }),
});

// ---- the one way the scene changes -----------------------------------------------------------

let shownSelection = '';

function commit(op: Operation): void {
  clearError();
  const before = history.scene;
  history.dispatch(op);
  if (op.type !== 'select' && op.type !== 'move') clearPath();
  render(before);
}

function render(before?: Scene): void {
  const scene = history.scene;
  const drawing = view.render(scene);
  timeSlider.show(scene.asOf);
  legend.render(kindCounts(scene), scene.hiddenKinds, typeCounts(scene), scene.hiddenTypes);
  // While the canvas takes thousands of new elements a slice at a time, the entity list waits for it
  // (and for the labels to catch up): its own thousands of entries would otherwise add their layout
  // to the frames that draw them.
  if (!drawing) list.render(scene);
  if (ready) setStatus(statusLine(scene, totalEntities));
  if (drawing) {
    // The scene has them all; the canvas catches up a slice per frame. Say so until it has.
    if (ready) setStatus(`Drawing ${drawing.pending.toLocaleString('en-US')} more elements… ${statusLine(scene, totalEntities)}`, 'busy');
    void drawing.done.then(() => {
      if (history.scene !== scene) return;
      if (ready) setStatus(statusLine(scene, totalEntities));
      void view.settled().then(() => history.scene === scene && list.render(scene));
    });
  }
  const hasSelection = scene.selection.length > 0;
  toolbar.setEnabled({
    undo: history.canUndo,
    redo: history.canRedo,
    expand: scene.selection.some((id) => scene.nodes.has(id)),
    more: scene.selection.some((id) => (scene.more.get(id) ?? 0) > 0),
    hide: hasSelection,
    hideOthers: hasSelection,
    remove: hasSelection,
    paths: scene.selection.filter((id) => scene.nodes.has(id)).length === 2,
    showHidden: scene.hidden.size + scene.hiddenKinds.size + scene.hiddenTypes.size > 0,
  });
  const selectionKey = scene.selection.join('|');
  if (selectionKey !== shownSelection) {
    shownSelection = selectionKey;
    showSelection(scene);
  }
  if (before && before.nodes.size !== scene.nodes.size) {
    const diff = scene.nodes.size - before.nodes.size;
    announce(diff > 0 ? `${diff} entities added.` : `${-diff} entities removed.`);
  }
  scheduleUrl();
}

/** The panel shows the one selected node or edge; nothing (or several) shows the intro. */
function showSelection(scene: Scene): void {
  const [only, ...more] = scene.selection;
  if (!only || more.length) {
    details.cancel();
    if (more.length) panel.showSeveral(scene.selection.map((id) => ref(id) ?? { id, name: id, kind: null }));
    else panel.showIntro();
    return;
  }
  if (scene.nodes.has(only)) void showEntity(only);
  else if (scene.edges.has(only)) void showRelationship(only);
}

// ---- URL ------------------------------------------------------------------------------------

let urlTimer: ReturnType<typeof setTimeout> | undefined;
let urlSeq = 0;

/** Writes the scene into the URL shortly after the last change (encoding is async). */
function scheduleUrl(): void {
  if (!ready) return;
  clearTimeout(urlTimer);
  urlTimer = setTimeout(() => {
    const mine = ++urlSeq;
    void sceneHash(history.scene).then((hash) => {
      if (mine === urlSeq && location.hash !== hash) window.history.replaceState(null, '', hash);
    });
  }, 200);
}

// ---- data ------------------------------------------------------------------------------------

/** A search hit or a link in the panel: bring it in with its neighbours, select it, show it. */
async function openEntity(id: string): Promise<void> {
  try {
    const asOf = history.scene.asOf;
    if (!history.scene.nodes.has(id)) await expander.bring({ op: 'neighbourhood', variables: { ids: [id], depth: 1, limit: NEIGHBOURHOOD_LIMIT, ...(asOf ? { asOf } : {}) } });
    if (history.scene.hidden.has(id)) commit({ type: 'show', ids: [id] });
    const kind = history.scene.nodes.get(id)?.kind;
    // Choosing something means wanting to see it, even if it was hidden or its kind filtered out.
    if (kind && history.scene.hiddenKinds.has(kind)) commit({ type: 'setKindVisible', kind, visible: true });
    commit({ type: 'select', ids: [id] });
    view.centre(id);
  } catch (error) {
    if (!isAbort(error)) say(`Could not open ${id}. ${humanError(error)}`, 'error');
  }
}

function ref(id: string): EntityRef | undefined {
  const n = history.scene.nodes.get(id);
  return n ? { id, name: n.name, kind: n.kind } : undefined;
}

async function showEntity(id: string): Promise<void> {
  const ticket = details.begin();
  const known = ref(id);
  panel.showLoading(known?.name ?? id, known?.kind ?? null);
  try {
    const { entity, neighbours } = await api.entity(id, { signal: ticket.signal });
    if (!ticket.isCurrent()) return;
    if (!entity) {
      panel.showFailure(`There is no entity with id ${id} any more.`);
      return;
    }
    panel.showEntity(entity, new Map(neighbours.map((n) => [n.id, { id: n.id, name: n.name, kind: n.kind }])));
  } catch (error) {
    if (isAbort(error) || !ticket.isCurrent()) return;
    panel.showFailure(`The details could not be loaded. ${humanError(error)}`);
  }
}

/** A relationship's details: the API serves relationships through their source entity. */
async function showRelationship(id: string): Promise<void> {
  const edge = history.scene.edges.get(id)!;
  const ticket = details.begin();
  panel.showLoading(edge.title ? `${edge.type}: ${edge.title}` : edge.type, null);
  try {
    const { entity, neighbours } = await api.entity(edge.source, { signal: ticket.signal });
    if (!ticket.isCurrent()) return;
    const rel = entity?.relationships.find((r) => r.id === id);
    if (!entity || !rel) {
      panel.showFailure('This relationship is no longer in the graph.');
      return;
    }
    const names = new Map<string, EntityRef>(neighbours.map((n) => [n.id, { id: n.id, name: n.name, kind: n.kind }]));
    names.set(entity.id, { id: entity.id, name: entity.name, kind: entity.kind });
    panel.showRelationship(rel, names);
  } catch (error) {
    if (isAbort(error) || !ticket.isCurrent()) return;
    panel.showFailure(`The details could not be loaded. ${humanError(error)}`);
  }
}

const dating = new Latest();

/**
 * The time slider moved: every scene query runs again as of the date (null: now) and the scene
 * follows, as one undoable step; entities that reappear are placed round the rest.
 */
async function setDate(asOf: string | null): Promise<void> {
  const scene = history.scene;
  if (asOf === scene.asOf) return;
  const ticket = dating.begin();
  say(asOf ? `Loading the graph as of ${asOf}…` : 'Loading the graph as of now…');
  try {
    const answers = await Promise.all(withAsOf(scene.queries, asOf).map((q) => api.subgraph(q, { signal: ticket.signal })));
    if (!ticket.isCurrent()) return;
    const current = history.scene;
    const positions = placeNew(apply(current, { type: 'setAsOf', asOf, answers }));
    commit({ type: 'setAsOf', asOf, answers, positions });
    say(asOf ? `Showing what the documents up to ${asOf} said. Now (or Undo) shows everything again.` : 'Showing everything the graph holds now.');
  } catch (error) {
    if (isAbort(error) || !ticket.isCurrent()) return;
    timeSlider.show(history.scene.asOf);
    say(`Could not load the graph as of ${asOf ?? 'now'}. ${humanError(error)}`, 'error');
  }
}

/**
 * The document view needs the full text, fetched only now (the panel's quotes carry their sentence alone).
 * Resolves to what went wrong, in words, for the panel to show under the quote; null when it opened.
 */
async function openDocument(evidence: Evidence, all: readonly Evidence[]): Promise<string | null> {
  try {
    const text = await fetchDocumentText(evidence.document.id, { endpoint: ENDPOINT });
    if (text === null) return `The document ${evidence.document.title} is no longer in the graph.`;
    documentView.open(evidence, all, text);
    return null;
  } catch (error) {
    return isAbort(error) ? null : `Could not open the document. ${humanError(error)}`;
  }
}

/**
 * Reopens a saved scene the way a permalink opens: its queries replayed against the graph as it is now, then
 * its entities, positions, hidden items, filters, date and selection restored; one undoable step.
 */
async function openSaved(state: string, name: string): Promise<void> {
  const link = await decodeLink(state);
  const scene = restore(link, await Promise.all(link.queries.map((q) => api.subgraph(q))));
  commit({ type: 'replace', scene });
  view.fit();
  say(`Opened the saved scene “${name}”: ${scene.nodes.size} entities. Undo goes back to the scene before.`);
}

// ---- actions ---------------------------------------------------------------------------------

function clearPath(): void {
  if (!pathShown) return;
  pathShown = false;
  view.highlight(null);
}

/**
 * Paths from the server (every shortest path over the whole graph, as of the scene's date): path
 * entities not yet on screen join the scene, the paths are highlighted and the rest fades. Against a
 * server without shortestPath, the paths among the entities shown are computed here instead.
 */
async function findPaths(from: string, to: string): Promise<void> {
  const ends = `${expander.nameOf(from)} and ${expander.nameOf(to)}`;
  if (!api.paths || pathsMissing) return localPath(from, to);
  say(`Looking for paths between ${ends}…`);
  const asOf = history.scene.asOf;
  const record: Extract<QueryRecord, { op: 'shortestPath' }> = { op: 'shortestPath', variables: { from, to, all: true, ...(asOf ? { asOf } : {}) } };
  let paths: Subgraph[];
  try {
    paths = await api.paths(record);
  } catch (error) {
    if (error instanceof ApiError && error.code === 'GRAPHQL_VALIDATION_FAILED') {
      pathsMissing = true;
      return localPath(from, to);
    }
    if (!isAbort(error)) say(`Could not find paths between ${ends}. ${humanError(error)}`, 'error');
    return;
  }
  const first = paths[0];
  if (!first || !first.nodes.length) {
    say(`No path between ${ends}${asOf ? ` as of ${asOf}` : ''} within 6 steps.`, 'error');
    return;
  }
  const merged = mergeSubgraphs(paths);
  const added = expander.bringSubgraph(merged, record, from);
  const hiddenOnPath = merged.nodes.map((n) => n.id).filter((id) => history.scene.hidden.has(id));
  if (hiddenOnPath.length) commit({ type: 'show', ids: hiddenOnPath });
  view.highlight([...merged.nodes.map((n) => n.id), ...merged.edges.map((e) => e.id)]);
  pathShown = true;
  const steps = first.edges.length;
  const route = first.nodes.map((n) => n.name).join(' → ');
  const count = paths.length === 1 ? 'Shortest path' : `${paths.length} shortest paths`;
  const joined = added ? ` ${added} ${added === 1 ? 'entity' : 'entities'} on the way joined the scene.` : '';
  say(`${count}, ${steps} steps: ${route}.${joined} Escape clears it.`);
}

/** The client-side fallback: a shortest path among the entities on screen. */
function localPath(from: string, to: string): void {
  const path = shortestPath(history.scene, from, to);
  if (!path) {
    say(`No path between ${expander.nameOf(from)} and ${expander.nameOf(to)} among the entities shown. Expand or show more and try again.`, 'error');
    return;
  }
  view.highlight([...path.nodes, ...path.edges]);
  pathShown = true;
  say(`Shortest path, ${path.edges.length} steps: ${path.nodes.map((id) => expander.nameOf(id)).join(' → ')}. Escape clears it.`);
}

function run(action: ActionId): void {
  clearError();
  const scene = history.scene;
  const selection = scene.selection;
  const needSelection = (what: string): boolean => {
    if (selection.length) return true;
    say(`Select something to ${what} first (click it, or choose it in the entity list).`, 'error');
    return false;
  };
  switch (action) {
    case 'undo':
      if (history.undo()) {
        clearPath();
        render();
        say('Undone.');
      } else say('Nothing to undo.');
      return;
    case 'redo':
      if (history.redo()) {
        clearPath();
        render();
        say('Redone.');
      } else say('Nothing to redo.');
      return;
    case 'expand': {
      const node = selection.find((id) => scene.nodes.has(id));
      if (node) void expander.expand(node);
      else say('Select a node to expand first.', 'error');
      return;
    }
    case 'more': {
      const node = selection.find((id) => (scene.more.get(id) ?? 0) > 0);
      if (node) void expander.loadMore(node);
      else say('Select a node that has more relationships than the scene shows (the status line counts them).', 'error');
      return;
    }
    case 'hide':
      if (needSelection('hide')) {
        commit({ type: 'hide', ids: selection });
        say(`Hid ${selection.length}. Show hidden (S) brings ${selection.length === 1 ? 'it' : 'them'} back.`);
      }
      return;
    case 'hideOthers':
      if (needSelection('keep')) {
        commit({ type: 'hideOthers', ids: selection });
        say('Everything but the selection is hidden.');
      }
      return;
    case 'showHidden':
      commit({ type: 'showAll' });
      say('Everything in the scene is shown.');
      return;
    case 'remove':
      if (needSelection('remove')) {
        commit({ type: 'remove', ids: selection });
        say(`Removed ${selection.length} from the scene. Undo (Ctrl+Z) brings ${selection.length === 1 ? 'it' : 'them'} back.`);
      }
      return;
    case 'paths': {
      const nodes = selection.filter((id) => scene.nodes.has(id));
      if (nodes.length !== 2) {
        say('Select two nodes for a path: click one, then Shift+click the other.', 'error');
        return;
      }
      void findPaths(nodes[0]!, nodes[1]!);
      return;
    }
    case 'fit':
      view.fit();
      return;
    case 'zoomIn':
      view.zoomBy(1.4);
      return;
    case 'zoomOut':
      view.zoomBy(1 / 1.4);
      return;
    case 'layout': {
      const name: LayoutName = LAYOUTS[layoutIndex++ % LAYOUTS.length]!;
      const label = name === 'fcose' ? 'force-directed' : name;
      say(`Laying out ${label}…`);
      // In a worker: fcose on a big scene takes seconds and would freeze the page meanwhile.
      void layoutOffThread(scene, name).then((positions) => {
        // The analyst changed the scene meanwhile: these positions are for one that is gone.
        if (history.scene.nodes !== scene.nodes) return;
        commit({ type: 'move', positions });
        view.fit();
        say(`Laid out ${label}. Undo restores the previous positions.`);
      });
      return;
    }
    case 'exportPng':
      download(view.png(), 'knowledge-graph.png');
      say('Exported the scene as PNG.');
      return;
    case 'exportSvg':
      void view.svg().then(
        (text) => {
          download(new Blob([text], { type: 'image/svg+xml' }), 'knowledge-graph.svg');
          say('Exported the scene as SVG.');
        },
        () => say('The SVG exporter could not be loaded. Reload the page and try again.', 'error'),
      );
      return;
    case 'query':
      queryDrawer.open(scene.queries);
      return;
    case 'saveScene':
      scenesDialog.show('save');
      return;
    case 'scenes':
      scenesDialog.show('list');
      return;
    case 'list':
      list.focus();
      return;
    case 'search':
      searchInput.focus();
      searchInput.select();
      return;
    case 'help':
      if (!helpDialog.open) helpDialog.showModal();
      return;
    case 'escape':
      // One layer at a time, as dialogs: an open review panel closes first, the next Escape clears the rest.
      if (review.close()) return;
      clearPath();
      if (selection.length) commit({ type: 'select', ids: [] });
      say('');
      return;
  }
}

document.addEventListener('keydown', (event) => {
  // An open dialog handles its own keys (Escape closes it natively); so do the review panel's j/k/a/r/e.
  if (event.defaultPrevented || document.querySelector('dialog[open]')) return;
  const target = event.target as HTMLElement | null;
  const inField = !!target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
  const action = actionFor(event, inField);
  if (!action) return;
  // Escape in the search box first closes its list (handled there); in any other field it closes the review
  // panel if the field is in it, and otherwise leaves the field (and what is typed in it) alone.
  if (action === 'escape' && inField && !(target as HTMLInputElement).matches('[aria-expanded="false"]')) {
    if (review.contains(target)) review.close();
    return;
  }
  event.preventDefault();
  run(action);
});

// ---- search ---------------------------------------------------------------------------------

attachSearchBox({
  input: searchInput,
  list: required<HTMLUListElement>('search-results'),
  search: (query, signal) => api.search(query, 10, { signal }),
  onChoose: (hit) => void openEntity(hit.entity.id),
  onError: (error) => {
    searchError.textContent = `Search failed. ${humanError(error)}`;
    searchError.hidden = false;
  },
  onSuccess: () => {
    searchError.hidden = true;
    searchError.textContent = '';
  },
});

// ---- start ----------------------------------------------------------------------------------

async function start(): Promise<void> {
  retryButton.hidden = true;
  setStatus('Loading the graph…', 'busy');
  const stats = api.stats().then(
    (s) => s.entities,
    () => null,
  );
  try {
    const encoded = linkFromHash(location.hash);
    // A damaged link (cut short in an e-mail, edited by hand) falls back to the overview; API errors do not.
    const link = encoded
      ? await decodeLink(encoded).catch(() => {
          say('The link in the address bar could not be read; showing the overview instead.', 'error');
          return undefined;
        })
      : undefined;
    let scene: Scene | undefined;
    if (link) scene = restore(link, await Promise.all(link.queries.map((q) => api.subgraph(q))));
    if (!scene) {
      const record: QueryRecord = { op: 'graph', variables: { limit: OVERVIEW_LIMIT } };
      const subgraph = await api.subgraph(record);
      const added = apply(history.scene, { type: 'add', subgraph, positions: new Map(), query: record });
      scene = apply(added, { type: 'move', positions: placeNew(added) });
    }
    totalEntities = await stats;
    history.reset(scene);
    ready = true;
    render();
    view.fit();
    // A big scene was placed without physics (quickLayout) so it shows at once; fcose is on demand.
    if (!link && scene.nodes.size > QUICK_ABOVE) say(`${scene.nodes.size.toLocaleString('en-US')} entities placed quickly, hubs in the middle. Layout (L) arranges them force-directed (takes a few seconds).`);
    announce(`${visible(scene).nodes.length} entities shown.`);
  } catch (error) {
    setStatus(`Could not load the graph. ${humanError(error)}`, 'error');
    retryButton.hidden = false;
  }
}

retryButton.addEventListener('click', () => void start());

Object.defineProperty(window, '__kgx', {
  configurable: false,
  writable: false,
  value: Object.freeze({
    get ready() {
      return ready;
    },
    get nodeCount() {
      return history.scene.nodes.size;
    },
    get edgeCount() {
      return history.scene.edges.size;
    },
    get visibleNodeCount() {
      return view.entities().nodes(':visible').length;
    },
    get visibleEdgeCount() {
      return view.entities().edges(':visible').length;
    },
    get selectedIds() {
      return [...history.scene.selection];
    },
    get zoom() {
      return view.cy.zoom();
    },
    positions() {
      return Object.fromEntries([...history.scene.positions].filter(([id]) => history.scene.nodes.has(id)).map(([id, p]) => [id, { ...p }]));
    },
    renderedPosition(id: string) {
      return view.renderedPosition(id);
    },
    stubLabel(id: string) {
      return view.stubLabel(id);
    },
    allInView() {
      const { x1, y1, x2, y2 } = view.cy.extent();
      return view.cy.nodes(':visible').every((n) => {
        const p = (n as cytoscape.NodeSingular).position();
        return p.x >= x1 && p.x <= x2 && p.y >= y1 && p.y <= y2;
      });
    },
  } satisfies KgxDebug),
});

void start();
