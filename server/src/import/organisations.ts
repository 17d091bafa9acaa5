import { exactMatch, group, matchesWithin, type DocumentContext, type Span } from './context.js';
import type { GazetteerMatch } from './gazetteer.js';
import { COMPANY_NOUNS, LEGAL_SUFFIXES, ORGANISATION_ENDINGS, ORGANISATION_HEAD_WORDS, VENDOR_NAME_WORDS } from './norwegian.js';
import { COORDINATED_AGENCY, NAME_SEQ, ORG, SP, pattern } from './patterns.js';
import type { PeopleRegister } from './people.js';
import { foldWord } from './tokens.js';

/** An organisation or vendor name found in the text, and why it was taken for one. */
export interface OrganisationFinding {
  span: Span;
  kind: 'ORGANISATION' | 'VENDOR';
  confidence: number;
  /** The known entity this name is, when the gazetteer knows it; no new entity is proposed then. */
  known: GazetteerMatch | undefined;
  /** A known entity inside a longer name ("Epic" in "Epic Systems Corporation"): a candidate duplicate. */
  contains: GazetteerMatch | undefined;
}

const NAME_RUNS = pattern(`(?<![\\p{L}\\p{N}-])(?<o>${COORDINATED_AGENCY}|${NAME_SEQ}(?:${SP}(?:fylkeskommune|kommune))?)`);
// Lower-case or opening a sentence; "IT-selskapet" also with its acronym in capitals.
const COMPANY_NOUN = [...COMPANY_NOUNS.keys()]
  .flatMap((noun) => [noun, noun.charAt(0).toUpperCase() + noun.slice(1), noun.replace(/^(\p{L}+)-/u, (prefix) => prefix.toUpperCase())])
  .map((noun) => noun.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  .join('|');
const APPOSITION = pattern(`(?<![\\p{L}])(?<noun>${COMPANY_NOUN})${SP}(?<list>${NAME_SEQ}(?:(?:,${SP}|${SP}og${SP})${NAME_SEQ})*)(?<rest>[^.\\n]{0,40})`);
const SUPPLIER_PREDICATE = pattern(`(?<o>${ORG})${SP}(?:er|var|blir)${SP}(?:en|ein)${SP}(?:\\p{Ll}+${SP}){0,2}leverandør`);
const CONTRACT_WITH = pattern(`kontrakt\\p{Ll}*${SP}med${SP}(?:\\p{Ll}+${SP})?(?<o>${NAME_SEQ})`);
const HOS = pattern(`(?<![\\p{L}])hos${SP}(?<o>${ORG})`);

function words(text: string): string[] {
  return text.split(/[ \u00a0]+/).filter((word) => word !== '');
}

/** Why a capitalised run is an organisation by its own shape, or undefined when its shape says nothing. */
function kindByShape(name: string): { kind: 'ORGANISATION' | 'VENDOR'; confidence: number } | undefined {
  const parts = words(name);
  const folded = parts.map(foldWord);
  const last = parts.at(-1) ?? '';
  if (parts.length >= 2 && folded.slice(1).some((word) => VENDOR_NAME_WORDS.has(word))) return { kind: 'VENDOR', confidence: 0.8 };
  if (parts.length >= 2 && LEGAL_SUFFIXES.has(foldWord(last)) && last === last.toUpperCase()) return { kind: 'ORGANISATION', confidence: 0.9 };
  if (/og\s*\p{Ll}+(?:departementet|direktoratet|tilsynet)$/u.test(name)) return { kind: 'ORGANISATION', confidence: 0.9 };
  if (parts.length >= 2 && ORGANISATION_HEAD_WORDS.has(folded.at(-1) ?? '')) return { kind: 'ORGANISATION', confidence: 0.85 };
  // Health trusts and regions are named "Helse <region>" ("Helse Nord", "Helse Sør-Øst", "Helse Bergen").
  if (parts.length >= 2 && folded[0] === 'helse') return { kind: 'ORGANISATION', confidence: 0.85 };
  if (parts.length === 1 && ORGANISATION_ENDINGS.some((ending) => (folded[0] ?? '').endsWith(ending) && (folded[0] ?? '').length > ending.length + 2)) {
    return { kind: 'ORGANISATION', confidence: 0.75 };
  }
  return undefined;
}

// A capitalised word that opens a sentence is capitalised for that reason alone; as a one-word name it proves
// nothing ("Hovedkontoret ligger ..."), so such runs need a second word or a cue from the context.
function opensSentence(context: DocumentContext, start: number): boolean {
  return context.sentences.some((sentence) => sentence.start === start);
}

/** Organisations and vendors, by their shape and by the words around them. */
export function findOrganisations(context: DocumentContext, people: PeopleRegister): OrganisationFinding[] {
  const findings: OrganisationFinding[] = [];
  const add = (span: Span, kind: 'ORGANISATION' | 'VENDOR', confidence: number): void => {
    const trimmed = cleanName(context, span);
    if (!trimmed || people.resolve(trimmed, { requireFirstName: true })) return;
    const known = exactMatch(context, trimmed);
    if (known && !['ORGANISATION', 'VENDOR'].includes(known.kind)) return;
    const inside = matchesWithin(context, trimmed).find((match) => match.kind === 'ORGANISATION' || match.kind === 'VENDOR');
    // A known place, programme or person inside the name ("Helseplattformen AS", "Bergen kommune") leaves it an
    // organisation of its own, but a less certain one.
    const holdsOtherKind = matchesWithin(context, trimmed).some((match) => !['ORGANISATION', 'VENDOR'].includes(match.kind));
    findings.push({ span: trimmed, kind, confidence: holdsOtherKind ? confidence - 0.1 : confidence, known, contains: known ? undefined : inside });
  };

  for (const match of context.text.matchAll(NAME_RUNS)) {
    const span = group(match, 'o') as Span;
    const trimmed = cleanName(context, span);
    const shape = trimmed && kindByShape(trimmed.text);
    if (!trimmed || !shape) continue;
    if (words(trimmed.text).length === 1 && opensSentence(context, trimmed.start)) continue;
    add(trimmed, shape.kind, shape.confidence);
  }
  for (const match of context.text.matchAll(APPOSITION)) {
    const noun = (group(match, 'noun') as Span).text.toLowerCase();
    const rest = group(match, 'rest')?.text ?? '';
    const vendor = (COMPANY_NOUNS.get(noun) ?? false) || /^,?[ \u00a0]som[ \u00a0](?:konkurrerer|konkurrerte|leverer|leverte|skal[ \u00a0]levere|har[ \u00a0]levert|utviklar|utvikler|lagar|lager)/u.test(rest);
    for (const span of splitNames(group(match, 'list') as Span)) add(span, vendor ? 'VENDOR' : 'ORGANISATION', 0.85);
  }
  for (const match of context.text.matchAll(SUPPLIER_PREDICATE)) add(group(match, 'o') as Span, 'VENDOR', 0.8);
  for (const match of context.text.matchAll(CONTRACT_WITH)) add(group(match, 'o') as Span, 'VENDOR', 0.75);
  for (const match of context.text.matchAll(HOS)) add(group(match, 'o') as Span, 'ORGANISATION', 0.7);
  return findings;
}

// Short words that open sentences and so come capitalised before a name ("I Helse Nord ...", "Hos Hemit ...").
const SENTENCE_OPENERS = new Set(['i', 'det', 'den', 'de', 'da', 'na', 'men', 'og', 'som', 'hos', 'for', 'til', 'fra',
  'med', 'ved', 'pa', 'etter', 'om', 'under', 'ogsa', 'nar', 'der', 'her', 'dette', 'disse', 'dei', 'ein', 'en', 'et', 'eit', 'at']);

/** The name without trailing punctuation and without a capitalised sentence-opening word in front. */
function cleanName(context: DocumentContext, span: Span): Span | undefined {
  let text = span.text.replace(/[,;:]+$/, '').replace(/(?<!(?:^|[ \u00a0])St)\.$/u, '');
  let start = span.start;
  // "IT-selskapet Dips ASA", "Bodø-selskapet Dips": a compound with a lower-case head is a common noun.
  const noun = /^[\p{L}\p{N}]+-\p{Ll}+[ \u00a0]/u.exec(text);
  if (noun) {
    start += noun[0].length;
    text = text.slice(noun[0].length);
  }
  const first = /^(\p{L}+)[ \u00a0]/u.exec(text);
  if (first && opensSentence(context, start) && SENTENCE_OPENERS.has(foldWord(first[1] ?? ''))) {
    start += first[0].length;
    text = text.slice(first[0].length);
  }
  if (text === '') return undefined;
  return { text, start, end: start + text.length };
}

/** "Cerner Norge AS og Epic Systems" as two spans. */
export function splitNames(list: Span): Span[] {
  const spans: Span[] = [];
  let start = 0;
  for (const match of list.text.matchAll(/,[ \u00a0]|[ \u00a0]og[ \u00a0]/g)) {
    spans.push({ text: list.text.slice(start, match.index), start: list.start + start, end: list.start + match.index });
    start = match.index + match[0].length;
  }
  spans.push({ text: list.text.slice(start), start: list.start + start, end: list.end });
  return spans;
}
