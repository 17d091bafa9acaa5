import type { EntityKind, GazetteerEntry, Mention } from './types.js';
import { LEGAL_SUFFIXES } from './norwegian.js';
import { foldedWords, isCapitalised, joinsName, tokenize, type Token } from './tokens.js';

/** A known entity a key leads to. */
export interface GazetteerTarget {
  entityId: string;
  kind: EntityKind;
  name: string;
  /** One-word names such as "Lab" match only a capitalised word, so prose ("lab") is not taken for them. */
  needsCapital: boolean;
}

/** A mention with what the extractor also needs: the entity's kind and name and the token span. */
export interface GazetteerMatch extends Mention {
  kind: EntityKind;
  name: string;
  firstToken: number;
  lastToken: number;
}

/** A name or alias with its folded words, kept for the duplicate check. */
export interface IndexedName {
  entry: GazetteerEntry;
  words: readonly string[];
  /** The words joined without spaces: "helsemidtnorgeit". */
  compact: string;
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

interface TrieNode {
  next: Map<string, TrieNode>;
  targets: GazetteerTarget[];
}

// Kinds whose names may carry a legal-form suffix. "Helseplattformen AS" after the programme "Helseplattformen"
// is a company of that name, not the programme, so the suffix blocks the match for other kinds.
const SUFFIXED_KINDS: ReadonlySet<EntityKind> = new Set(['ORGANISATION', 'VENDOR']);

/** The folded words of a name without a trailing legal suffix ("Sykehuspartner HF" -> ["sykehuspartner"]). */
export function nameKeyWords(name: string): string[] {
  const words = foldedWords(name);
  while (words.length > 1 && LEGAL_SUFFIXES.has(words[words.length - 1] ?? '')) words.pop();
  return words;
}

/** One string per name, equal for spellings the gazetteer treats as the same name. */
export function nameKey(name: string): string {
  return nameKeyWords(name).join(' ');
}

// Definite forms of a name's last word: Bokmål "-en" and Nynorsk/feminine "-a" name the same thing
// ("Helseplattformen" / "Helseplattforma").
function definiteVariants(word: string): string[] {
  if (word.length > 5 && word.endsWith('en')) return [word, `${word.slice(0, -2)}a`];
  return [word];
}

/**
 * Finds every name and alias of known entities in a text, in time linear in the text's length times the
 * longest name (in words), whatever the number of names: names are paths in a trie of folded words, and each
 * word of the text starts one walk down it. Matches are leftmost-longest and do not overlap.
 */
export class Gazetteer {
  private readonly root: TrieNode = { next: new Map(), targets: [] };
  private readonly entities = new Map<string, GazetteerEntry>();
  // Blocking indexes for the duplicate check (duplicates.ts), so it reads a few small buckets, not every name:
  // names by length and first three letters, and by length and last three (a near spelling keeps one end
  // intact); multi-word names by the two letters a short form of them can start with.
  private readonly byHead = new Map<string, IndexedName[]>();
  private readonly byTail = new Map<string, IndexedName[]>();
  private readonly byShortFormStart = new Map<string, IndexedName[]>();
  private nameCount = 0;

  constructor(entries: Iterable<GazetteerEntry>) {
    for (const entry of entries) this.add(entry);
  }

  get size(): number {
    return this.nameCount;
  }

  entity(entityId: string): GazetteerEntry | undefined {
    return this.entities.get(entityId);
  }

  /** Names of this compact length that start or end (three letters) as `compact` does. */
  namesNear(compact: string, length: number): readonly IndexedName[] {
    const head = this.byHead.get(`${length}:${compact.slice(0, 3)}`) ?? [];
    const tail = this.byTail.get(`${length}:${compact.slice(-3)}`) ?? [];
    return head.length === 0 ? tail : tail.length === 0 ? head : [...new Set([...head, ...tail])];
  }

  /** Multi-word names a short form starting with these two letters may abbreviate. */
  namesAbbreviatedAs(short: string): readonly IndexedName[] {
    return this.byShortFormStart.get(short.slice(0, 2)) ?? [];
  }

  /** Known entities whose name or alias has exactly this key (see nameKey). */
  lookup(name: string): GazetteerTarget[] {
    let node: TrieNode | undefined = this.root;
    for (const word of nameKeyWords(name)) {
      node = node.next.get(word);
      if (!node) return [];
    }
    return node.targets;
  }

  private add(entry: GazetteerEntry): void {
    this.entities.set(entry.entityId, entry);
    for (const name of new Set([entry.name, ...entry.aliases])) {
      const words = nameKeyWords(name);
      if (words.length === 0) continue;
      const indexed: IndexedName = { entry, words, compact: words.join('') };
      push(this.byHead, `${indexed.compact.length}:${indexed.compact.slice(0, 3)}`, indexed);
      push(this.byTail, `${indexed.compact.length}:${indexed.compact.slice(-3)}`, indexed);
      if (words.length >= 2) {
        // A short form starts with the first word's first letter, then that word's second letter or a later
        // word's first ("He|mit", "H|SØ").
        const first = words[0] ?? '';
        const seconds = new Set([first.charAt(1), ...words.slice(1).map((word) => word.charAt(0))]);
        for (const second of seconds) push(this.byShortFormStart, `${first.charAt(0)}${second}`, indexed);
      }
      const target: GazetteerTarget = {
        entityId: entry.entityId,
        kind: entry.kind,
        name: entry.name,
        needsCapital: words.length === 1,
      };
      const head = words.slice(0, -1);
      for (const last of definiteVariants(words[words.length - 1] ?? '')) this.insert([...head, last], target);
      this.nameCount += 1;
    }
  }

  private insert(words: string[], target: GazetteerTarget): void {
    let node = this.root;
    for (const word of words) {
      let child = node.next.get(word);
      if (!child) {
        child = { next: new Map(), targets: [] };
        node.next.set(word, child);
      }
      node = child;
    }
    if (!node.targets.some((known) => known.entityId === target.entityId)) node.targets.push(target);
  }

  /** Every mention of a known entity in `text`, in text order. */
  findMatches(text: string, tokens: readonly Token[] = tokenize(text)): GazetteerMatch[] {
    const matches: GazetteerMatch[] = [];
    let index = 0;
    while (index < tokens.length) {
      const found = this.longestAt(text, tokens, index);
      if (!found) {
        index += 1;
        continue;
      }
      matches.push(...found);
      index = (found[0]?.lastToken ?? index) + 1;
    }
    return matches;
  }

  findMentions(text: string): Mention[] {
    return this.findMatches(text).map(({ entityId, quote, start, end }) => ({ entityId, quote, start, end }));
  }

  private longestAt(text: string, tokens: readonly Token[], first: number): GazetteerMatch[] | undefined {
    let node: TrieNode | undefined = this.root;
    let best: { last: number; targets: GazetteerTarget[]; genitive: boolean } | undefined;
    for (let index = first; index < tokens.length && node; index += 1) {
      const token = tokens[index] as Token;
      const previous = tokens[index - 1];
      if (index > first && previous && !joinsName(text, previous.end, token.start)) break;
      const exact: TrieNode | undefined = node.next.get(token.folded);
      if (exact && exact.targets.length > 0) best = { last: index, targets: exact.targets, genitive: false };
      // Genitive -s ("Sykehuspartners"): only the name's last word takes it, so it ends the walk here.
      else if (token.folded.length > 3 && token.folded.endsWith('s')) {
        const genitive = node.next.get(token.folded.slice(0, -1));
        if (genitive && genitive.targets.length > 0) best = { last: index, targets: genitive.targets, genitive: true };
      }
      node = exact;
    }
    if (!best) return undefined;
    const firstToken = tokens[first] as Token;
    const lastToken = tokens[best.last] as Token;
    const suffix = this.legalSuffixAfter(text, tokens, best.last);
    const results: GazetteerMatch[] = [];
    for (const target of best.targets) {
      if (target.needsCapital && !isCapitalised(firstToken.text)) continue;
      if (suffix && !SUFFIXED_KINDS.has(target.kind)) continue;
      const end = suffix && !best.genitive ? suffix.end : lastToken.end;
      results.push({
        entityId: target.entityId,
        kind: target.kind,
        name: target.name,
        quote: text.slice(firstToken.start, end),
        start: firstToken.start,
        end,
        firstToken: first,
        lastToken: suffix && !best.genitive ? best.last + 1 : best.last,
      });
    }
    return results.length > 0 ? results : undefined;
  }

  // A suffix counts only in capitals and right after the name ("Sykehuspartner HF"), so the word "as" is not one.
  private legalSuffixAfter(text: string, tokens: readonly Token[], last: number): Token | undefined {
    const next = tokens[last + 1];
    const current = tokens[last];
    if (!next || !current || next.text !== next.text.toUpperCase()) return undefined;
    if (!LEGAL_SUFFIXES.has(next.folded) || text.slice(current.end, next.start) !== ' ') return undefined;
    return next;
  }
}
