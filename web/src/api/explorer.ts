import type { NeighbourhoodQueryVariables } from '../generated/graphql.js';
import type { QueryRecord } from '../scene/scene.js';
import type { EntityKind, SearchHit, Subgraph } from '../model.js';
import {
  fetchEntity,
  GRAPH_QUERY,
  NEIGHBOURHOOD_QUERY,
  PATH_QUERY,
  PREVIEW_QUERY,
  request,
  searchEntities,
  STATS_QUERY,
  type EntityWithNeighbours,
  type RequestOptions,
} from './client.js';

/**
 * What the explorer asks of the API. The page talks to this interface only, so tests can hand the
 * page a fake; `expansionPreview` and `shortestPath` stay optional so the page still works (with its
 * client-side fallbacks) against a server without them.
 */
export interface ExplorerApi {
  search(query: string, first: number, options?: RequestOptions): Promise<SearchHit[]>;
  entity(id: string, options?: RequestOptions): Promise<EntityWithNeighbours>;
  /** Runs a scene-building query (overview or neighbourhood). */
  subgraph(record: QueryRecord, options?: RequestOptions): Promise<Subgraph>;
  stats(options?: RequestOptions): Promise<GraphStats>;
  /** `shortestPath(from, to, all, asOf)`: each shortest path, nodes in path order. */
  paths?(record: Extract<QueryRecord, { op: 'shortestPath' }>, options?: RequestOptions): Promise<Subgraph[]>;
  /** `expansionPreview(id)`: neighbour counts by type, direction and kind, from stored counts. */
  expansionPreview?(id: string, options?: RequestOptions): Promise<ExpansionGroup[]>;
}

export interface GraphStats {
  entities: number;
  relationships: number;
  documents: number;
  evidence: number;
}

export interface ExpansionGroup {
  type: string;
  direction: 'IN' | 'OUT';
  kind: EntityKind;
  count: number;
}

/** The server says OUTGOING / INCOMING; the page (arrows, preview keys) says OUT / IN. */
export function fromWireGroup(g: { type: string; direction: string; kind: EntityKind; count: number }): ExpansionGroup {
  return { type: g.type, direction: g.direction === 'INCOMING' ? 'IN' : 'OUT', kind: g.kind, count: g.count };
}

/** Merges subgraphs (e.g. the paths shortestPath returns), each node and edge once, the largest hidden count per node. */
export function mergeSubgraphs(parts: readonly Subgraph[]): Subgraph {
  const nodes = new Map<string, Subgraph['nodes'][number]>();
  const edges = new Map<string, Subgraph['edges'][number]>();
  const hidden = new Map<string, number>();
  for (const part of parts) {
    for (const n of part.nodes) if (!nodes.has(n.id)) nodes.set(n.id, n);
    for (const e of part.edges) if (!edges.has(e.id)) edges.set(e.id, e);
    for (const h of part.hidden ?? []) hidden.set(h.id, Math.max(h.count, hidden.get(h.id) ?? 0));
  }
  return {
    nodes: [...nodes.values()],
    edges: [...edges.values()],
    hidden: [...hidden].map(([id, count]) => ({ id, count })),
    truncated: parts.some((p) => p.truncated),
  };
}

/** The GraphQL operation (text and variables) behind a scene query: what the query drawer shows. */
export function operationOf(record: QueryRecord): { name: string; query: string; variables: Record<string, unknown> } {
  const variables = sent(record);
  switch (record.op) {
    case 'graph':
      return { name: 'Graph', query: GRAPH_QUERY.toString().trim(), variables };
    case 'neighbourhood':
      return { name: 'Neighbourhood', query: NEIGHBOURHOOD_QUERY.toString().trim(), variables };
    case 'shortestPath':
      return { name: 'ShortestPath', query: PATH_QUERY.toString().trim(), variables };
  }
}

/** Unset optional variables are left out, so the schema's defaults apply (and the drawer stays short). */
function sent<R extends QueryRecord>(record: R): R['variables'] {
  return Object.fromEntries(Object.entries(record.variables).filter(([, v]) => v !== undefined && v !== null)) as R['variables'];
}

/**
 * A scene query's answer. Records are replayed from links and saved scenes, so their variables are checked by the
 * server, not here: a relationship type is a string in the scene and an enum value in the schema.
 */
async function runSceneQuery(record: QueryRecord, options: RequestOptions): Promise<Subgraph | Subgraph[]> {
  switch (record.op) {
    case 'graph':
      return (await request(GRAPH_QUERY, sent(record), options)).graph;
    case 'neighbourhood':
      return (await request(NEIGHBOURHOOD_QUERY, sent(record) as NeighbourhoodQueryVariables, options)).neighbourhood;
    case 'shortestPath':
      return (await request(PATH_QUERY, sent(record), options)).shortestPath;
  }
}

/** The API over HTTP at `endpoint`. */
export function httpApi(endpoint = '/graphql'): ExplorerApi {
  const withEndpoint = (options?: RequestOptions): RequestOptions => ({ endpoint, ...options });
  return {
    search: (query, first, options) => searchEntities(query, first, withEndpoint(options)),
    entity: (id, options) => fetchEntity(id, withEndpoint(options)),
    async subgraph(record, options) {
      const result = await runSceneQuery(record, withEndpoint(options));
      // A path query is one scene query too: its paths together are the subgraph it brings in.
      if (!result) throw new Error(`The server sent no ${record.op}.`);
      return Array.isArray(result) ? mergeSubgraphs(result) : result;
    },
    async paths(record, options) {
      return (await request(PATH_QUERY, sent(record), withEndpoint(options))).shortestPath;
    },
    async expansionPreview(id, options) {
      return (await request(PREVIEW_QUERY, { id }, withEndpoint(options))).expansionPreview.map(fromWireGroup);
    },
    async stats(options) {
      return (await request(STATS_QUERY, {}, withEndpoint(options))).stats;
    },
  };
}
