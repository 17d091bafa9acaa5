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

/** Every relationship touching each entity, either direction, ordered by type then id. */
export function relationshipsOfEntitiesQuery(ids: readonly string[]): CypherQuery {
  return {
    cypher: `UNWIND $ids AS id
MATCH (:Entity {id: id})-[r]-(:Entity)
WITH id, r ORDER BY type(r), r.id
RETURN id, collect(${RELATIONSHIP_PROJECTION}) AS relationships`,
    params: { ids: [...ids] },
  };
}

/** Number of relationships touching each entity. */
export function degreesQuery(ids: readonly string[]): CypherQuery {
  return {
    cypher: `UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN id, COUNT { (n)--(:Entity) } AS degree`,
    params: { ids: [...ids] },
  };
}
