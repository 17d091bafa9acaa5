import { foldForSearch } from './fold.js';

/**
 * The values the full-text index holds for an entity: its name and aliases, folded (lower case, no diacritics).
 * Folding here, with the same function that folds queries, keeps index and query in step; the index's analyzer
 * then only tokenises, and keeps short words like "IT" that a stop-word list would drop.
 */
export function searchNames(name: string, aliases: readonly string[]): string[] {
  return [...new Set([name, ...aliases].map(foldForSearch))];
}
