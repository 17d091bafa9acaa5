// Letters that Unicode does not decompose but Lucene's ASCII folding maps to several ASCII letters.
const SPECIAL_FOLDS: Record<string, string> = { æ: 'ae', ø: 'o', å: 'a', œ: 'oe', ß: 'ss', þ: 'th', ð: 'd', ł: 'l', đ: 'd' };

/**
 * Lower-cases and folds diacritics the way the `standard-folding` analyzer indexes text, so that
 * prefix terms (which Lucene does not analyse) match: "Jæ" -> "jae", "Ulvùnd" -> "ulvund".
 */
export function foldForSearch(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[æøåœßþðłđ]/g, (letter) => SPECIAL_FOLDS[letter] ?? letter);
}
