import { nameKeyWords, type Gazetteer } from './gazetteer.js';
import type { EntityKind, GazetteerEntry } from './types.js';

// Kinds that may be the same thing under two names (a vendor is an organisation seen from a buyer).
function compatible(a: EntityKind, b: EntityKind): boolean {
  const group = (kind: EntityKind): string => (kind === 'VENDOR' ? 'ORGANISATION' : kind);
  return group(a) === group(b);
}

/** Levenshtein distance, stopping early once it exceeds `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      current.push(value);
      best = Math.min(best, value);
    }
    if (best > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length] ?? limit + 1;
}

/**
 * True when `short` is made of the beginnings of the long name's words, in order, starting with the first
 * word: "Hemit" = HElse MIdt-norge IT, "HSØ" = Helse Sør-Øst. Words may be skipped, but at least two are used.
 */
export function isShortFormOf(short: string, longWords: readonly string[]): boolean {
  const target = short.toLowerCase();
  if (target.length < 2 || longWords.length < 2) return false;
  // reachable[p] holds the fewest words used to spell target[0, p) with the words seen so far (Infinity: not
  // spellable); each word either adds one of its prefixes or is skipped (never the first).
  let reachable: number[] = Array.from({ length: target.length + 1 }, (_, index) => (index === 0 ? 0 : Infinity));
  longWords.forEach((word, wordIndex) => {
    const next = wordIndex === 0 ? reachable.map((value, index) => (index === 0 ? Infinity : value)) : [...reachable];
    for (let position = 0; position < target.length; position += 1) {
      const used = reachable[position] ?? Infinity;
      if (used === Infinity) continue;
      for (let length = 1; length <= word.length && position + length <= target.length; length += 1) {
        if (word.charCodeAt(length - 1) !== target.charCodeAt(position + length - 1)) break;
        const end = position + length;
        next[end] = Math.min(next[end] ?? Infinity, used + 1);
      }
    }
    if (wordIndex === 0) next[0] = Infinity;
    reachable = next;
  });
  return (reachable[target.length] ?? Infinity) >= 2 && (reachable[target.length] ?? Infinity) !== Infinity;
}

// Every letter of `short` occurs in `long` in order: cheap, and false for almost every pair, so the exact short-form
// test runs on few names.
function isSubsequence(short: string, long: string): boolean {
  let position = 0;
  for (const letter of long) if (letter === short[position]) position += 1;
  return position === short.length;
}

/**
 * The existing entity a new name may duplicate: another spelling (one or two letters apart), or a short form
 * or acronym of a longer name. Names are read from blocking buckets (see Gazetteer.namesNear), so a large
 * gazetteer costs a few buckets, not a scan; a name with edits at both ends is not found.
 */
export function findDuplicate(gazetteer: Gazetteer, name: string, kind: EntityKind): GazetteerEntry | undefined {
  const words = nameKeyWords(name);
  const compact = words.join('');
  if (compact.length < 2) return undefined;
  const limit = compact.length >= 12 ? 2 : compact.length >= 6 ? 1 : 0;
  for (let length = compact.length - limit; length <= compact.length + limit; length += 1) {
    for (const known of gazetteer.namesNear(compact, length)) {
      // Same number of words: "Helse Midt-Norge" is not a misspelling of "Helse Midt-Norge IT" but its parent.
      if (known.words.length !== words.length || !compatible(known.entry.kind, kind)) continue;
      if (known.compact === compact || editDistance(known.compact, compact, limit) <= limit) {
        return known.entry;
      }
    }
  }
  return words.length === 1 ? findShortFormOf(gazetteer, compact, kind) : undefined;
}

/** The entity whose multi-word name `short` abbreviates ("hemit" -> Helse Midt-Norge IT). */
export function findShortFormOf(gazetteer: Gazetteer, short: string, kind?: EntityKind): GazetteerEntry | undefined {
  if (short.length < 2 || short.length > 10) return undefined;
  for (const known of gazetteer.namesAbbreviatedAs(short)) {
    if (kind && !compatible(known.entry.kind, kind)) continue;
    if (known.compact.length > short.length && isSubsequence(short, known.compact) && isShortFormOf(short, known.words)) return known.entry;
  }
  return undefined;
}
