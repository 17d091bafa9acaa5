/**
 * Connectedness as words the full-text index can score. Each entity stores `searchRank`, one token per doubling
 * of its degree it has reached (degree 2 -> "r1", 8 -> "r1 r2 r3", 20,000 -> "r1" ... "r14"), and a search adds
 * optional clauses on those tokens; so Lucene itself ranks the better connected of equal text matches first and
 * returns the best few, instead of the query reading the degree of every one of thousands of prefix matches.
 * The tokens are cumulative, so a rarer (higher) token is always held by fewer entities: its idf, and with it the
 * score, can only grow with degree.
 */

/** Highest doubling that gets a token: 2^14 = 16,384, beyond any hub in the benchmark sizes (L has ~220,000). */
export const SEARCH_RANK_LEVELS = 14;

/** The field in the full-text index that holds the tokens. */
export const SEARCH_RANK_PROPERTY = 'searchRank';

/** The tokens for a degree: "r<i>" for every i with degree >= 2^i; empty below degree 2. */
export function searchRankTokens(degree: number): string {
  const tokens: string[] = [];
  for (let level = 1; level <= SEARCH_RANK_LEVELS && degree >= 2 ** level; level += 1) tokens.push(`r${level}`);
  return tokens.join(' ');
}

/**
 * The same tokens as a Cypher expression over an integer expression (a variable or a parameter, never input
 * text), for the write path and the store migration, which compute degree inside Neo4j.
 */
export function searchRankCypher(degree: string): string {
  return `trim(reduce(s = '', level IN range(1, ${SEARCH_RANK_LEVELS}) | CASE WHEN ${degree} >= toInteger(2 ^ level) THEN s + ' r' + toString(level) ELSE s END))`;
}
