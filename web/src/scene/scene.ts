import type { EntityKind, EntitySummary, RelationshipSummary } from '../model.js';

/**
 * The scene: everything the analyst sees, as plain immutable data. The view draws it, the URL
 * encodes it, undo restores earlier versions of it. Nothing here knows about Cytoscape or the DOM.
 */

export interface Position {
  x: number;
  y: number;
}

/** A data-fetching call that contributed to the scene, replayable for permalinks and the query drawer. */
export type QueryRecord =
  | { op: 'graph'; variables: { limit: number; kinds?: EntityKind[]; asOf?: string } }
  | {
      op: 'neighbourhood';
      variables: {
        ids: string[];
        depth: number;
        limit: number;
        asOf?: string;
        // Set when the analyst picked groups in a hub's expansion preview: only those come back.
        kinds?: EntityKind[];
        relationshipTypes?: string[];
        direction?: 'OUTGOING' | 'INCOMING';
      };
    }
  | { op: 'shortestPath'; variables: { from: string; to: string; all: boolean; asOf?: string } };

export interface Scene {
  readonly nodes: ReadonlyMap<string, Required<EntitySummary>>;
  readonly edges: ReadonlyMap<string, RelationshipSummary>;
  readonly positions: ReadonlyMap<string, Position>;
  /** Node and edge ids the analyst hid (kept in the scene, not drawn). */
  readonly hidden: ReadonlySet<string>;
  readonly hiddenKinds: ReadonlySet<EntityKind>;
  readonly hiddenTypes: ReadonlySet<string>;
  /** Edge ids removed although both ends stay (removing a node removes its edges implicitly). */
  readonly removedEdges: ReadonlySet<string>;
  readonly selection: readonly string[];
  /** The date the graph is shown as of (null: now); sent as `asOf` with every scene query. */
  readonly asOf: string | null;
  readonly queries: readonly QueryRecord[];
  /** True when a query that built the scene was cut by its limit. */
  readonly truncated: boolean;
  /** Per node, how many of its relationships the latest answer naming it left out (the server's `hidden`): "+N more". */
  readonly more: ReadonlyMap<string, number>;
}

export const EMPTY_SCENE: Scene = {
  nodes: new Map(),
  edges: new Map(),
  positions: new Map(),
  hidden: new Set(),
  hiddenKinds: new Set(),
  hiddenTypes: new Set(),
  removedEdges: new Set(),
  selection: [],
  asOf: null,
  queries: [],
  truncated: false,
  more: new Map(),
};

/** What is drawn: nodes and edges not hidden by the analyst, a kind or a relationship-type filter. */
export interface Visible {
  nodes: string[];
  edges: string[];
}

export function isNodeVisible(scene: Scene, id: string): boolean {
  const node = scene.nodes.get(id);
  return !!node && !scene.hidden.has(id) && !scene.hiddenKinds.has(node.kind);
}

export function isEdgeVisible(scene: Scene, id: string): boolean {
  const edge = scene.edges.get(id);
  return !!edge && !scene.hidden.has(id) && !scene.hiddenTypes.has(edge.type) && isNodeVisible(scene, edge.source) && isNodeVisible(scene, edge.target);
}

export function visible(scene: Scene): Visible {
  return {
    nodes: [...scene.nodes.keys()].filter((id) => isNodeVisible(scene, id)),
    edges: [...scene.edges.keys()].filter((id) => isEdgeVisible(scene, id)),
  };
}

/** Relationship types present in the scene with their edge counts, sorted by name. */
export function typeCounts(scene: Scene): Map<string, number> {
  const counts = new Map<string, number>();
  for (const e of scene.edges.values()) counts.set(e.type, (counts.get(e.type) ?? 0) + 1);
  return new Map([...counts].sort(([a], [b]) => a.localeCompare(b)));
}

/** Entities per kind in the scene (hidden ones included: the legend shows what a toggle brings back). */
export function kindCounts(scene: Scene): Map<EntityKind, number> {
  const counts = new Map<EntityKind, number>();
  for (const n of scene.nodes.values()) counts.set(n.kind, (counts.get(n.kind) ?? 0) + 1);
  return counts;
}

/**
 * The status line: "N nodes · M edges shown of K", K being every entity the graph holds (or the
 * scene's own size while the total is unknown), plus what is hidden or was cut, so nothing is cut silently.
 */
export function statusLine(scene: Scene, totalEntities: number | null): string {
  const v = visible(scene);
  const parts = [`${v.nodes.length} nodes · ${v.edges.length} edges shown of ${totalEntities ?? scene.nodes.size}`];
  const hiddenNodes = scene.nodes.size - v.nodes.length;
  if (hiddenNodes > 0) parts.push(`${hiddenNodes} hidden`);
  const more = moreCount(scene);
  if (more.relationships) parts.push(`+${more.relationships} more relationships on ${more.nodes} ${more.nodes === 1 ? 'entity' : 'entities'} (Load more, M)`);
  if (scene.truncated) parts.push('some results were cut at the server’s limit');
  return parts.join(' · ');
}

/** The relationships the scene's answers left out, over the nodes in the scene. */
export function moreCount(scene: Scene): { relationships: number; nodes: number } {
  let relationships = 0;
  let nodes = 0;
  for (const [id, count] of scene.more) {
    if (!scene.nodes.has(id) || count <= 0) continue;
    relationships += count;
    nodes += 1;
  }
  return { relationships, nodes };
}
