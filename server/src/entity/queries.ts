import neo4j from 'neo4j-driver';
import type { CypherQuery } from '../db/driver.js';
import { ENTITY_PROJECTION } from '../graph/entity.js';
import { RELATIONSHIP_PROJECTION } from '../graph/relationship.js';

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

/** Most relationships listed per entity; a hub's full list belongs to paging, not to one field. */
export const MAX_RELATIONSHIPS_PER_ENTITY = 1_000;

/** The relationships touching each entity, either direction, ordered by type then id, at most the cap each. */
export function relationshipsOfEntitiesQuery(ids: readonly string[]): CypherQuery {
  return {
    cypher: `UNWIND $ids AS id
MATCH (n:Entity {id: id})
CALL (n) {
  MATCH (n)-[r]-(:Entity)
  WITH r ORDER BY type(r), r.id
  LIMIT $cap
  RETURN collect(${RELATIONSHIP_PROJECTION}) AS relationships
}
RETURN id, relationships`,
    params: { ids: [...ids], cap: neo4j.int(MAX_RELATIONSHIPS_PER_ENTITY) },
  };
}
