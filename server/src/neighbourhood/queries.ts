import neo4j from 'neo4j-driver';
import type { CypherQuery } from '../db/driver.js';
import { ENTITY_PROJECTION } from '../graph/entity.js';
import { KIND_LABEL, type EntityKindName } from '../graph/model.js';
import { RELATIONSHIP_PROJECTION } from '../graph/relationship.js';

/** Deepest neighbourhood a query may ask for. */
export const MAX_DEPTH = 3;
/** Most entities one subgraph may hold. */
export const MAX_NODES = 1_000;
/** Most relationships returned per entity in a subgraph; past it the subgraph is marked truncated. */
export const EDGES_PER_NODE = 10;

/**
 * Returns the collected nodes `nodes` with the relationships among them and the truncation flag. The edge
 * search stops one past the cap, so a dense subgraph costs no more than the cap; the aggregate inside the
 * subquery yields one row even when there are no nodes.
 */
const SUBGRAPH_RETURN = `CALL (nodes) {
  UNWIND nodes AS a
  MATCH (a)-[r]->(b:Entity) WHERE b IN nodes
  WITH r LIMIT $maxEdgesPlusOne
  RETURN collect(r) AS rels
}
RETURN [n IN nodes | ${ENTITY_PROJECTION}] AS nodes,
       [r IN rels[..$maxEdges] | ${RELATIONSHIP_PROJECTION}] AS edges,
       truncated OR size(rels) > $maxEdges AS truncated`;

/** The edge-cap parameters for a subgraph of at most `limit` entities. */
function edgeCap(limit: number): { maxEdges: unknown; maxEdgesPlusOne: unknown } {
  return { maxEdges: neo4j.int(limit * EDGES_PER_NODE), maxEdgesPlusOne: neo4j.int(limit * EDGES_PER_NODE + 1) };
}

/**
 * Breadth-first neighbourhood of the given entities, one level per hop so each entity is reached once,
 * nearest first. Each level stops once `limit` is exceeded, so a hub cannot blow the query up; the subgraph is
 * the first `limit` entities and the relationships among them.
 */
export function neighbourhoodQuery(args: { ids: readonly string[]; depth: number; limit: number }): CypherQuery {
  if (!Number.isInteger(args.depth) || args.depth < 1 || args.depth > MAX_DEPTH) {
    throw new RangeError(`depth must be an integer from 1 to ${MAX_DEPTH}`);
  }
  const levels: string[] = [];
  for (let level = 1; level <= args.depth; level += 1) {
    levels.push(`CALL (seen, frontier) {
  UNWIND (CASE WHEN size(seen) > $limit THEN [] ELSE frontier END) AS f
  MATCH (f)--(n:Entity)
  WHERE NOT n IN seen
  WITH DISTINCT n LIMIT $limitPlusOne
  RETURN collect(n) AS found
}
WITH seen + found AS seen, found AS frontier`);
  }
  return {
    cypher: `MATCH (s:Entity) WHERE s.id IN $ids
WITH collect(DISTINCT s) AS seen
WITH seen, seen AS frontier
${levels.join('\n')}
WITH seen[..$limit] AS nodes, size(seen) > $limit AS truncated
${SUBGRAPH_RETURN}`,
    params: {
      ids: [...args.ids],
      limit: neo4j.int(args.limit),
      limitPlusOne: neo4j.int(args.limit + 1),
      ...edgeCap(args.limit),
    },
  };
}

/**
 * An overview: the best-connected entities (optionally of some kinds) and the relationships among them. The
 * stored degree is indexed, so the top entities come straight off the index in order; with kinds, each kind's
 * top comes off its own label's index and the few candidates are merged.
 */
export function overviewQuery(args: { kinds: readonly EntityKindName[] | null; limit: number }): CypherQuery {
  const top = args.kinds
    ? `CALL () {
${[...new Set(args.kinds)]
  .map((kind) => `  MATCH (n:${KIND_LABEL[kind]}) WHERE n.degree >= 0 RETURN n ORDER BY n.degree DESC LIMIT $limitPlusOne`)
  .join('\n  UNION\n')}
}
WITH n ORDER BY n.degree DESC, n.id ASC LIMIT $limitPlusOne`
    : `MATCH (n:Entity) WHERE n.degree >= 0
WITH n ORDER BY n.degree DESC, n.id ASC LIMIT $limitPlusOne`;
  return {
    cypher: `${top}
WITH collect(n) AS seen
WITH seen[..$limit] AS nodes, size(seen) > $limit AS truncated
${SUBGRAPH_RETURN}`,
    params: {
      limit: neo4j.int(args.limit),
      limitPlusOne: neo4j.int(args.limit + 1),
      ...edgeCap(args.limit),
    },
  };
}
