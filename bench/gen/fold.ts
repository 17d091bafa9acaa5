/**
 * Folding for slugs and search probes, kept here rather than imported so the generator does not move when the
 * server's modules do. Same rule as the server's search folding: lower case, no diacritics, æ -> ae, ø -> o, å -> a.
 */
const SPECIAL: Record<string, string> = { æ: 'ae', ø: 'o', å: 'a' };

export function fold(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[æøå]/g, (letter) => SPECIAL[letter] ?? letter);
}
