import { foldForSearch } from '../graph/fold.js';
import { NYNORSK_TO_BOKMAL } from './norwegian.js';

/** A word of the text with its UTF-16 offsets (end exclusive) and its folded form. */
export interface Token {
  text: string;
  folded: string;
  start: number;
  end: number;
}

// Hyphens split words ("Midt-Norge" is two tokens), so "Midt-Norge" and "Midt Norge" match alike; an
// apostrophe stays inside the word ("Jære's" is one token, as an English-style genitive).
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

/** Folds one word for matching: case, diacritics (ø -> o), Nynorsk spellings of name words (Noreg -> norge). */
export function foldWord(word: string): string {
  let folded = foldCache.get(word);
  if (folded === undefined) {
    const plain = foldForSearch(word);
    folded = NYNORSK_TO_BOKMAL[plain] ?? plain;
    // Names repeat their words ("Helse", "kommune"), so a big gazetteer folds far fewer distinct words than it
    // holds; the cap keeps memory bounded whatever is imported.
    if (foldCache.size >= FOLD_CACHE_LIMIT) foldCache.clear();
    foldCache.set(word, folded);
  }
  return folded;
}

const FOLD_CACHE_LIMIT = 100_000;
const foldCache = new Map<string, string>();

/** The folded words of a text, without offsets: for names, where only the words matter. */
export function foldedWords(text: string): string[] {
  return (text.match(WORD) ?? []).map(foldWord);
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    const start = match.index;
    tokens.push({ text: match[0], folded: foldWord(match[0]), start, end: start + match[0].length });
  }
  return tokens;
}

// What may stand between two words of one name: one space (also no-break), or a hyphen or dash with or
// without spaces ("Helse Midt-Norge", "Helse – og omsorgsdepartementet"). Anything else (comma, full stop,
// line break, two spaces) ends the name.
const NAME_GAP = /^(?:[ \u00a0]|[ \u00a0]?[-‐‑–][ \u00a0]?)$/;

/** True when the text between two tokens keeps them in one name. */
export function joinsName(text: string, previousEnd: number, nextStart: number): boolean {
  return NAME_GAP.test(text.slice(previousEnd, nextStart));
}

/** True when the word starts with a capital letter ("Sykehuspartner", "IKT"). */
export function isCapitalised(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}
