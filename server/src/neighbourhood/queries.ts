import neo4j from 'neo4j-driver';
import type { CypherQuery } from '../db/driver.js';
import { ENTITY_PROJECTION } from '../graph/entity.js';
import { KIND_LABEL, type EntityKindName } from '../graph/model.js';
import { RELATIONSHIP_PROJECTION } from '../graph/relationship.js';
import { OPEN_SCOPE, entityCondition, relationshipCondition, relationshipPattern, scopeParams, type Scope } from './scope.js';

/** Deepest neighbourhood a query may ask for. */
export const MAX_DEPTH = 3;
/** Most entities one subgraph may hold. */
export const MAX_NODES = 1_000;
/** Most relationships returned per entity in a subgraph; past it the subgraph is marked truncated. */
export const EDGES_PER_NODE = 10;

/**
 * Returns the collected nodes `nodes` with the relationships among them (inside the scope) and the truncation
 * flag. The edge search stops one past the cap, so a dense subgraph costs no more than the cap; the aggregate
 * inside the subquery yields one row even when there are no nodes. Each node brings its stored per-type counts,
 * so the caller can say how many relationships a node has beyond those shown.
 */
function subgraphReturn(scope: Scope): string {
  const edge = relationshipPattern({ ...scope, direction: 'OUTGOING' }, 'a', 'r', 'b:Entity');
  return `CALL (nodes) {
  UNWIND nodes AS a
  MATCH ${edge} WHERE b IN nodes AND ${relationshipCondition(scope, 'r')}
  WITH r LIMIT $maxEdgesPlusOne
  RETURN collect(r) AS rels
}
RETURN [n IN nodes | ${ENTITY_PROJECTION}] AS nodes,
       [r IN rels[..$maxEdges] | ${RELATIONSHIP_PROJECTION}] AS edges,
       truncated OR size(rels) > $maxEdges AS truncated`;
}

/** The edge-cap parameters for a subgraph of at most `limit` entities. */
function edgeCap(limit: number): { maxEdges: unknown; maxEdgesPlusOne: unknown } {
  return { maxEdges: neo4j.int(limit * EDGES_PER_NODE), maxEdgesPlusOne: neo4j.int(limit * EDGES_PER_NODE + 1) };
}

/**
 * Breadth-first neighbourhood of the given entities, one level per hop so each entity is reached once,
 * nearest first, following only relationships and entities inside the scope. Each level stops once `limit` is
 * exceeded, so a hub cannot blow the query up; the subgraph is the first `limit` entities and the relationships
 * among them.
 */
export function neighbourhoodQuery(args: { ids: readonly string[]; depth: number; limit: number; scope?: Scope }): CypherQuery {
  if (!Number.isInteger(args.depth) || args.depth < 1 || args.depth > MAX_DEPTH) {
    throw new RangeError(`depth must be an integer from 1 to ${MAX_DEPTH}`);
  }
  const scope = args.scope ?? OPEN_SCOPE;
  const levels: string[] = [];
  for (let level = 1; level <= args.depth; level += 1) {
    levels.push(`CALL (seen, frontier) {
  UNWIND (CASE WHEN size(seen) > $limit THEN [] ELSE frontier END) AS f
  MATCH ${relationshipPattern(scope, 'f', 'r', 'n:Entity')}
  WHERE NOT n IN seen AND ${entityCondition(scope, 'n')} AND ${relationshipCondition(scope, 'r')}
  WITH DISTINCT n LIMIT $limitPlusOne
  RETURN collect(n) AS found
}
WITH seen + found AS seen, found AS frontier`);
  }
  return {
    cypher: `UNWIND $ids AS requested
OPTIONAL MATCH (t:Tombstone {id: requested})
WITH DISTINCT coalesce(t.mergedInto, requested) AS id
MATCH (s:Entity {id: id})
WITH collect(DISTINCT s) AS seen
WITH seen, seen AS frontier
${levels.join('\n')}
WITH seen[..$limit] AS nodes, size(seen) > $limit AS truncated
${subgraphReturn(scope)}`,
    params: {
      ids: [...args.ids],
      limit: neo4j.int(args.limit),
      limitPlusOne: neo4j.int(args.limit + 1),
      ...edgeCap(args.limit),
      ...scopeParams(scope),
    },
  };
}

/**
 * An overview: the best-connected entities (optionally of some kinds) and the relationships among them. The
 * stored degree is indexed, so the top entities come straight off the index in order; with kinds, each kind's
 * top comes off its own label's index and the few candidates are merged.
 */
export function overviewQuery(args: { kinds: readonly EntityKindName[] | null; limit: number; asOf?: string | null }): CypherQuery {
  const scope: Scope = { ...OPEN_SCOPE, asOf: args.asOf ?? null };
  const top = args.kinds
    ? `CALL () {
${[...new Set(args.kinds)]
  .map((kind) => `  MATCH (n:${KIND_LABEL[kind]}) WHERE n.degree >= 0 AND ${entityCondition(scope, 'n')} RETURN n ORDER BY n.degree DESC LIMIT $limitPlusOne`)
  .join('\n  UNION\n')}
}
WITH n ORDER BY n.degree DESC, n.id ASC LIMIT $limitPlusOne`
    : `MATCH (n:Entity) WHERE n.degree >= 0 AND ${entityCondition(scope, 'n')}
WITH n ORDER BY n.degree DESC, n.id ASC LIMIT $limitPlusOne`;
  return {
    cypher: `${top}
WITH collect(n) AS seen
WITH seen[..$limit] AS nodes, size(seen) > $limit AS truncated
${subgraphReturn(scope)}`,
    params: {
      limit: neo4j.int(args.limit),
      limitPlusOne: neo4j.int(args.limit + 1),
      ...edgeCap(args.limit),
      ...scopeParams(scope),
    },
  };
}

/** Most paths `all` returns. */
export const MAX_PATHS = 20;
/** Longest path asked for. */
export const MAX_PATH_LENGTH = 10;

/**
 * Shortest path(s) between two entities over relationships inside the scope (types, and facts as of a date),
 * in either direction. Both ends are found by id (merged ids resolve); the search is Neo4j's bidirectional
 * shortest path, bounded by `maxLength`.
 */
export function shortestPathQuery(args: { from: string; to: string; maxLength: number; scope: Scope; all: boolean }): CypherQuery {
  if (!Number.isInteger(args.maxLength) || args.maxLength < 1 || args.maxLength > MAX_PATH_LENGTH) {
    throw new RangeError(`maxLength must be an integer from 1 to ${MAX_PATH_LENGTH}`);
  }
  const types = args.scope.types && args.scope.types.length > 0 ? `:${args.scope.types.join('|')}` : '';
  const finder = args.all ? 'allShortestPaths' : 'shortestPath';
  const dated = args.scope.asOf ? `WHERE all(r IN relationships(p) WHERE ${relationshipCondition(args.scope, 'r')})` : '';
  return {
    cypher: `OPTIONAL MATCH (t1:Tombstone {id: $from})
OPTIONAL MATCH (t2:Tombstone {id: $to})
WITH coalesce(t1.mergedInto, $from) AS fromId, coalesce(t2.mergedInto, $to) AS toId
MATCH (a:Entity {id: fromId}), (b:Entity {id: toId})
WHERE a <> b
MATCH p = ${finder}((a)-[${types}*..${args.maxLength}]-(b))
${dated}
WITH p LIMIT $maxPaths
RETURN [n IN nodes(p) | ${ENTITY_PROJECTION}] AS nodes, [r IN relationships(p) | ${RELATIONSHIP_PROJECTION}] AS edges`,
    params: { from: args.from, to: args.to, maxPaths: neo4j.int(args.all ? MAX_PATHS : 1), ...scopeParams(args.scope) },
  };
}
