import neo4j from 'neo4j-driver';
import type { CypherQuery } from '../db/driver.js';
import { ENTITY_NAMES_INDEX } from '../db/schema.js';
import { ENTITY_PROJECTION } from '../graph/entity.js';
import type { EntityKindName } from '../graph/model.js';
import { indexQuery } from './lucene.js';

/** Index hits read per result asked for: the index already ranks by text match and connectedness. */
export const CANDIDATES_PER_RESULT = 4;
/** Most index hits read for one search, whatever `first` is (at least `first`). */
export const MAX_SEARCH_CANDIDATES = 200;

/** How many index hits a search for `first` results reads. */
export function searchCandidates(first: number): number {
  return Math.max(first, Math.min(first * CANDIDATES_PER_RESULT, MAX_SEARCH_CANDIDATES));
}

/**
 * Full-text search over names and aliases, optionally restricted to kinds (inside the index), best first. The
 * index scores a whole-word match above a prefix match and adds the entity's rank tokens (`graph/search-rank.ts`),
 * so its top hits are already the right ones; the few candidates read here are only put in a deterministic order:
 * score, then stored degree (tokens are per doubling), then name and id.
 */
export function searchQuery(args: { query: string; kinds: readonly EntityKindName[] | null; first: number }): CypherQuery {
  return {
    cypher: `CALL db.index.fulltext.queryNodes('${ENTITY_NAMES_INDEX}', $lucene, {limit: $candidates}) YIELD node AS n, score
WITH n, score ORDER BY score DESC, coalesce(n.degree, 0) DESC, n.name ASC, n.id ASC LIMIT $first
RETURN ${ENTITY_PROJECTION} AS entity, score
ORDER BY score DESC, entity.degree DESC, entity.name ASC, entity.id ASC`,
    params: {
      lucene: indexQuery(args.query, args.kinds),
      first: neo4j.int(args.first),
      candidates: neo4j.int(searchCandidates(args.first)),
    },
  };
}
