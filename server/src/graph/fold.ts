// Letters that Unicode does not decompose, folded as Lucene's ASCII folding does (æ -> ae, ø -> o).
const SPECIAL_FOLDS: Record<string, string> = { æ: 'ae', ø: 'o', å: 'a', œ: 'oe', ß: 'ss', þ: 'th', ð: 'd', ł: 'l', đ: 'd' };

/**
 * Lower-cases and folds diacritics: "Jæ" -> "jae", "Ulvùnd" -> "ulvund". Both the indexed names
 * (search/fields.ts) and the query words go through it, so they always fold alike, prefixes included
 * (Lucene does not analyse prefix terms).
 */
export function foldForSearch(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[æøåœßþðłđ]/g, (letter) => SPECIAL_FOLDS[letter] ?? letter);
}
