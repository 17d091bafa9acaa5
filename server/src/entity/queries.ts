import neo4j from 'neo4j-driver';
import type { CypherQuery } from '../db/driver.js';
import { ENTITY_PROJECTION } from '../graph/entity.js';
import { RELATIONSHIP_PROJECTION } from '../graph/relationship.js';
import { relationshipCondition, relationshipPattern, scopeParams, type Scope } from '../neighbourhood/scope.js';

/**
 * Entities by id; an id merged into another entity answers with that entity (missing ids are absent).
 * `requested` is the id asked for, so a merged id's answer can be keyed by it.
 */
export function entitiesByIdsQuery(ids: readonly string[]): CypherQuery {
  return {
    cypher: `UNWIND $ids AS requested
OPTIONAL MATCH (t:Tombstone {id: requested})
WITH requested, coalesce(t.mergedInto, requested) AS id
MATCH (n:Entity {id: id})
RETURN requested, ${ENTITY_PROJECTION} AS entity`,
    params: { ids: [...ids] },
  };
}

/** Largest page of relationships per entity. */
export const MAX_RELATIONSHIPS_PER_ENTITY = 1_000;

/**
 * One page of each entity's relationships inside the scope, ordered by type then id, after the cursor key
 * (type, id); plus how many there are in all. A hub's relationships are walked from the hub (never a type
 * scan) and only the page is kept (a top-k, not a full sort).
 */
export function relationshipPageQuery(args: {
  ids: readonly string[];
  scope: Scope;
  first: number;
  after: readonly [string, string] | null;
}): CypherQuery {
  const pattern = relationshipPattern(args.scope, 'n', 'r', 'm:Entity');
  const inScope = relationshipCondition(args.scope, 'r');
  return {
    cypher: `UNWIND $ids AS id
MATCH (n:Entity {id: id})
CALL (n) {
  OPTIONAL MATCH ${pattern}
  WHERE ${inScope} AND ($afterType IS NULL OR type(r) > $afterType OR (type(r) = $afterType AND r.id > $afterId))
  WITH r ORDER BY type(r), r.id LIMIT $firstPlusOne
  RETURN collect(${RELATIONSHIP_PROJECTION}) AS page
}
RETURN id, page, COUNT { MATCH ${pattern} WHERE ${inScope} } AS total`,
    params: {
      ids: [...args.ids],
      firstPlusOne: neo4j.int(args.first + 1),
      afterType: args.after?.[0] ?? null,
      afterId: args.after?.[1] ?? null,
      ...scopeParams(args.scope),
    },
  };
}

/** The documents quoting each entity, by id, one page after the cursor (a document id); plus how many. */
export function documentsOfEntitiesQuery(args: { ids: readonly string[]; first: number; after: string | null }): CypherQuery {
  return {
    cypher: `UNWIND $ids AS id
CALL (id) {
  MATCH (e:Evidence {factId: id})
  WITH DISTINCT e.documentId AS documentId
  WITH documentId ORDER BY documentId
  RETURN collect(documentId) AS documentIds
}
RETURN id, [d IN documentIds WHERE $after IS NULL OR d > $after][..$firstPlusOne] AS page, size(documentIds) AS total`,
    params: { ids: [...args.ids], firstPlusOne: neo4j.int(args.first + 1), after: args.after },
  };
}
