import { foldForSearch } from '../graph/fold.js';

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
 * The whole index query: the words against the folded names, and the kinds (when given) against the indexed
 * kind, so a rare kind is filtered inside the index instead of after the best candidates of every kind.
 */
export function indexQuery(query: string, kinds: readonly string[] | null): string {
  const names = `searchNames:(${luceneQuery(query)})`;
  if (!kinds || kinds.length === 0) return names;
  return `${names} AND kind:(${kinds.map((kind) => kind.toLowerCase()).join(' OR ')})`;
}
