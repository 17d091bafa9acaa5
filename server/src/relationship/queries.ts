import type { CypherQuery } from '../db/driver.js';
import { RELATIONSHIP_PROJECTION } from '../graph/relationship.js';
import { ANY_RELATIONSHIP_TYPE } from '../graph/model.js';

/** Relationships by id, whatever their type: one unique-index seek per type, no scan. */
export function relationshipsByIdsQuery(ids: readonly string[]): CypherQuery {
  return {
    cypher: `UNWIND $ids AS id
MATCH ()-[r:${ANY_RELATIONSHIP_TYPE} {id: id}]->()
RETURN ${RELATIONSHIP_PROJECTION} AS relationship`,
    params: { ids: [...ids] },
  };
}
