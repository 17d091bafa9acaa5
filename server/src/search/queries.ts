import neo4j from 'neo4j-driver';
import type { CypherQuery } from '../db/driver.js';
import { ENTITY_NAMES_INDEX } from '../db/schema.js';
import { ENTITY_PROJECTION } from '../entity/model.js';
import type { EntityKindName } from '../graph/model.js';
import { luceneQuery } from './lucene.js';

/** How many index hits are considered before filtering by kind; bounds the work a one-letter prefix can cause. */
export const SEARCH_CANDIDATE_LIMIT = 2_000;

/** Full-text search over names and aliases, optionally restricted to kinds, best first, ties by name. */
export function searchQuery(args: { query: string; kinds: readonly EntityKindName[] | null; first: number }): CypherQuery {
  return {
    cypher: `CALL db.index.fulltext.queryNodes('${ENTITY_NAMES_INDEX}', $lucene, {limit: $candidates}) YIELD node AS n, score
WHERE $kinds IS NULL OR n.kind IN $kinds
RETURN ${ENTITY_PROJECTION} AS entity, score
ORDER BY score DESC, n.name ASC, n.id ASC
LIMIT $first`,
    params: {
      lucene: luceneQuery(args.query),
      candidates: neo4j.int(SEARCH_CANDIDATE_LIMIT),
      kinds: args.kinds ? [...args.kinds] : null,
      first: neo4j.int(args.first),
    },
  };
}
