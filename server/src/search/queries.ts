import neo4j from 'neo4j-driver';
import type { CypherQuery } from '../db/driver.js';
import { ENTITY_NAMES_INDEX } from '../db/schema.js';
import { ENTITY_PROJECTION } from '../graph/entity.js';
import type { EntityKindName } from '../graph/model.js';
import { indexQuery } from './lucene.js';


/** Full-text search over names and aliases, optionally restricted to kinds (inside the index), best first. */
export function searchQuery(args: { query: string; kinds: readonly EntityKindName[] | null; first: number }): CypherQuery {
  return {
    cypher: `CALL db.index.fulltext.queryNodes('${ENTITY_NAMES_INDEX}', $lucene, {limit: $first}) YIELD node AS n, score
RETURN ${ENTITY_PROJECTION} AS entity, score
ORDER BY score DESC, n.name ASC, n.id ASC`,
    params: {
      lucene: indexQuery(args.query, args.kinds),
      first: neo4j.int(args.first),
    },
  };
}
