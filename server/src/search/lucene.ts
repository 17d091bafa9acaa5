import { foldForSearch } from '../graph/fold.js';
import { SEARCH_RANK_LEVELS, SEARCH_RANK_PROPERTY } from '../graph/search-rank.js';

/** Most words a search may have; longer queries are refused rather than silently cut. */
export const MAX_SEARCH_TERMS = 12;
/** Longest accepted search string, in characters. */
export const MAX_SEARCH_LENGTH = 200;

/** Why a search string cannot be turned into a query. */
export class SearchSyntaxError extends Error {}

/** Splits a user's search into folded words (letters and digits only), so no Lucene syntax ever comes from input. */
export function searchTerms(query: string): string[] {
  if (query.length > MAX_SEARCH_LENGTH) {
    throw new SearchSyntaxError(`query is longer than ${MAX_SEARCH_LENGTH} characters`);
  }
  const terms = foldForSearch(query).split(/[^\p{L}\p{N}]+/u).filter((term) => term.length > 0);
  if (terms.length === 0) throw new SearchSyntaxError('query must contain at least one letter or digit');
  if (terms.length > MAX_SEARCH_TERMS) throw new SearchSyntaxError(`query has more than ${MAX_SEARCH_TERMS} words`);
  return terms;
}

/**
 * Builds the Lucene query for type-ahead search: every word must match, either whole (boosted, so exact
 * words rank first) or as a prefix of an indexed word.
 */
export function luceneQuery(query: string): string {
  return searchTerms(query)
    .map((term) => `(${term}^2 OR ${term}*)`)
    .join(' AND ');
}

/**
 * Boost of rank token r<i> is i times this. Small on purpose: the sum over a hub's tokens stays below what a
 * whole-word match adds over a prefix match, so connectedness orders equal text matches and never lifts a
 * prefix match above a whole-word one (checked at M in the benchmark and in `search.int.test.ts`).
 */
export const RANK_BOOST = 0.02;

/** Optional clauses on the rank tokens: they add to the score of the better connected, and filter nothing. */
export function rankClause(): string {
  const tokens = Array.from({ length: SEARCH_RANK_LEVELS }, (_, i) => `r${i + 1}^${Number((RANK_BOOST * (i + 1)).toFixed(4))}`);
  return `${SEARCH_RANK_PROPERTY}:(${tokens.join(' OR ')})`;
}

/**
 * The whole index query: the words against the folded names and the kinds (when given) against the indexed
 * kind, both required, so a rare kind is filtered inside the index instead of after the best candidates of every
 * kind; and the rank tokens as optional clauses, so the index returns the best connected of equal matches first.
 */
export function indexQuery(query: string, kinds: readonly string[] | null): string {
  const names = `+searchNames:(${luceneQuery(query)})`;
  const kind = kinds && kinds.length > 0 ? ` +kind:(${kinds.map((k) => k.toLowerCase()).join(' OR ')})` : '';
  return `${names}${kind} ${rankClause()}`;
}
