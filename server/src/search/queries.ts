import neo4j from 'neo4j-driver';
import type { CypherQuery } from '../db/driver.js';
import { ENTITY_NAMES_INDEX } from '../db/schema.js';
import { ENTITY_PROJECTION } from '../graph/entity.js';
import type { EntityKindName } from '../graph/model.js';
import { indexQuery } from './lucene.js';

/**
 * How many index hits are ranked. Lucene scores every prefix-only match alike (a constant-score prefix query), and
 * among equal scores it returns the lowest document numbers, not the best connected; so the hits are taken up to
 * this many and ordered here. A 3-letter prefix matches up to about 5,000 names at 100k entities; the commonest
 * (10,000+) are ranked among the first 5,000 the index returns.
 */
export const SEARCH_CANDIDATES = 5_000;

/**
 * Full-text search over names and aliases, optionally restricted to kinds (inside the index), best first: by
 * score (a whole-word match outscores a prefix match), then by how connected the entity is (its stored degree),
 * so of the hundreds of names a short prefix matches, the ones an analyst most likely means come first.
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
      candidates: neo4j.int(Math.max(args.first, SEARCH_CANDIDATES)),
    },
  };
}
