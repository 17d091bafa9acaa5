import type { QueryRecord } from '../scene/scene.js';
import type { SearchHit, Subgraph } from '../model.js';
import {
  fetchEntity,
  GRAPH_QUERY,
  NEIGHBOURHOOD_QUERY,
  request,
  searchEntities,
  STATS_QUERY,
  type EntityWithNeighbours,
  type RequestOptions,
} from './client.js';

/**
 * What the explorer asks of the API. The page talks to this interface only, so features the API
 * does not have yet (expansion preview, shortest paths, asOf) slot in as optional members, and
 * tests can hand the page a fake.
 */
export interface ExplorerApi {
  search(query: string, first: number, options?: RequestOptions): Promise<SearchHit[]>;
  entity(id: string, options?: RequestOptions): Promise<EntityWithNeighbours>;
  /** Runs a scene-building query (overview or neighbourhood). */
  subgraph(record: QueryRecord, options?: RequestOptions): Promise<Subgraph>;
  stats(options?: RequestOptions): Promise<GraphStats>;
  /** Planned: `expansionPreview(id)` — counts by type, direction and kind. */
  expansionPreview?(id: string, options?: RequestOptions): Promise<ExpansionGroup[]>;
  /** Planned: `shortestPath(from, to, maxLength, all)`. */
  shortestPath?(from: string, to: string, options?: RequestOptions): Promise<Subgraph[]>;
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
  kind: string;
  count: number;
}

/** The GraphQL operation (text and variables) behind a scene query: what the query drawer shows. */
export function operationOf(record: QueryRecord): { name: string; query: string; variables: Record<string, unknown> } {
  // asOf goes out only when set: today's API does not know the argument yet.
  const { asOf: _asOf, ...variables } = record.variables;
  switch (record.op) {
    case 'graph':
      return { name: 'Graph', query: GRAPH_QUERY, variables };
    case 'neighbourhood':
      return { name: 'Neighbourhood', query: NEIGHBOURHOOD_QUERY, variables };
  }
}

/** The API over HTTP at `endpoint`. */
export function httpApi(endpoint = '/graphql'): ExplorerApi {
  const withEndpoint = (options?: RequestOptions): RequestOptions => ({ endpoint, ...options });
  return {
    search: (query, first, options) => searchEntities(query, first, withEndpoint(options)),
    entity: (id, options) => fetchEntity(id, withEndpoint(options)),
    async subgraph(record, options) {
      const { query, variables } = operationOf(record);
      const data = await request<{ graph?: Subgraph; neighbourhood?: Subgraph }>(query, variables, withEndpoint(options));
      const result = record.op === 'graph' ? data.graph : data.neighbourhood;
      if (!result) throw new Error(`The server sent no ${record.op}.`);
      return result;
    },
    async stats(options) {
      return (await request<{ stats: GraphStats }>(STATS_QUERY, {}, withEndpoint(options))).stats;
    },
  };
}
