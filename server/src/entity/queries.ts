import neo4j from 'neo4j-driver';
import type { CypherQuery } from '../db/driver.js';
import { RELATIONSHIP_PROJECTION } from '../neighbourhood/model.js';
import { ENTITY_PROJECTION } from './model.js';

/** Entities by id (missing ids are simply absent from the result). */
export function entitiesByIdsQuery(ids: readonly string[]): CypherQuery {
  return {
    cypher: `UNWIND $ids AS id MATCH (n:Entity {id: id}) RETURN ${ENTITY_PROJECTION} AS entity`,
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

/** Number of relationships touching each entity (entities only ever connect to entities, so the stored degree is exact). */
export function degreesQuery(ids: readonly string[]): CypherQuery {
  return {
    cypher: `UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN id, COUNT { (n)--() } AS degree`,
    params: { ids: [...ids] },
  };
}
