import { exactMatch, group, matchesWithin, type DocumentContext, type Span } from './context.js';
import type { GazetteerMatch } from './gazetteer.js';
import { COMPANY_NOUNS, LEGAL_SUFFIXES, ORGANISATION_ENDINGS, ORGANISATION_HEAD_WORDS, TITLE_HEADS, VENDOR_NAME_WORDS } from './norwegian.js';
import { COORDINATED_AGENCY, INSTITUTION, NAME_SEQ, ORG, PERSON, SP, STATE_AGENCY, pattern } from './patterns.js';
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

const NAME_RUNS = pattern(`(?<![\\p{L}\\p{N}-])(?<o>${INSTITUTION}|${COORDINATED_AGENCY}|${STATE_AGENCY}|${NAME_SEQ}(?:${SP}(?:fylkeskommune|kommune|sykehus|sjukehus|universitetssykehus|universitetssjukehus|hospital)(?![\\p{L}]))?)`);
// "Nordvik interkommunale IKT-samarbeid IKS": lower-case words inside a name that ends in an upper-case legal
// suffix. Function words and verbs end the run, so "Helse Nord eier Kraft AS" is not one name.
const NOT_INSIDE_NAMES = '(?:og|i|på|for|til|fra|frå|med|av|om|ved|hos|som|er|var|har|blir|eier|eig|eies|leverer|kjøper|får|skal|vil|kan|at|en|ein|et|eit|den|det|de|dei)';
const LOWER_INSIDE = pattern(
  `(?<![\\p{L}\\p{N}-])(?<o>\\p{Lu}[\\p{L}\\p{N}]*(?:-[\\p{L}\\p{N}]+)*(?:${SP}(?!${NOT_INSIDE_NAMES}(?![\\p{L}]))[\\p{L}][\\p{L}\\p{N}]*(?:-[\\p{L}\\p{N}]+)*){1,3}${SP}(?:AS|ASA|IKS|HF|RHF|SF|KF))(?![\\p{L}])`,
);
// State institutions named by a definite common noun ("Forsvaret", "Politiet"): a closed list, since the shape
// alone ("Direktoratet", "Sykehuset") as often means the common noun. The genitive counts ("Stortingets vedtak")
// unless it opens a longer name of its own ("Politiets datatjeneste", "Forsvarets høgskole").
const DEFINITE_INSTITUTIONS = pattern(`(?<![\\p{L}\\p{N}-])(?<o>Forsvaret|Politiet|Stortinget|Sametinget|Sivilforsvaret|Heimevernet|Kriminalomsorgen|Den${SP}norske${SP}(?:[Ll]egeforening(?:en)?|[Tt]annlegeforening(?:en)?|[Kk]irke))(?=s(?![\\p{L}])(?!${SP}\\p{Ll}*(?:tjeneste|tjenesten|tilsyn|tilsynet|verk|verket|etat|etaten|senter|senteret|kontor|kontoret|høgskole|høgskule|skole|akademi|sekretariat)(?![\\p{L}]))|(?![\\p{L}]))`);
// National bodies named "Norges X": a capitalised noun ("Norges Bank", "Norges Banks hovedstyre") or a lower-case
// noun of an institution ("Norges forskningsråd", "Norges idrettsforbund"); "Norges helsetjeneste" is no body.
const NATIONAL_BODY = pattern(`(?<![\\p{L}\\p{N}-])(?<o>Norges${SP}(?:\\p{Lu}\\p{Ll}+?(?=s?(?![\\p{L}]))|\\p{Ll}+(?:råd|rådet|forbund|forbundet|lag|laget|forening|foreningen|institutt|instituttet|bank|banken|direktorat|tilsyn)(?![\\p{L}])))`);
// A photo credit: "Foto: Kari Dahl / NTB", the photographer and the agency.
export const PHOTO_CREDIT = pattern(`(?:Foto|FOTO|Bilde|Illustrasjon)${SP}?:${SP}(?<p>${PERSON})${SP}?/${SP}?(?<o>\\p{Lu}[\\p{L}\\p{N}]+(?:${SP}\\p{Lu}[\\p{L}\\p{N}]*)?)`);
// "Dips, Sectra og Tieto er valgt som leverandører": a list chosen as suppliers.
const CHOSEN_SUPPLIERS = pattern(`(?<list>${NAME_SEQ}(?:,${SP}${NAME_SEQ})*(?:${SP}og${SP}${NAME_SEQ})?)${SP}(?:er|ble|blei|vart|blir|vert)${SP}(?:valgt|vald|valt|plukket${SP}ut|tildelt${SP}kontrakt)${SP}som${SP}(?:\\p{Ll}+${SP})?leverandør`);
// News agencies in a byline ("(NTB)", "(NPK-NTB):").
const AGENCY_BYLINE = pattern(`\\((?<a>NTB|NPK|ANB|AFP|Reuters)(?:-(?<b>NTB|NPK|ANB))?\\)`);
const INNER_ADJECTIVE = /(?:ale|ele|iske|ske|ige|lige|ære|ive)$/u;
// Norwegian parties by their abbreviations, in brackets after a person's name ("Per Olsen (Sp)", "Bent Høie (H)").
const PARTY_AFTER_PERSON = pattern(`(?<p>${PERSON})${SP}\\((?<o>Ap|A|H|Sp|FrP|Frp|SV|KrF|Krf|V|MDG|R|Rødt|PP|INP)\\)`);
// Lower-case or opening a sentence; "IT-selskapet" also with its acronym in capitals.
const COMPANY_NOUN = [...COMPANY_NOUNS.keys()]
  .flatMap((noun) => [noun, noun.charAt(0).toUpperCase() + noun.slice(1), noun.replace(/^(\p{L}+)-/u, (prefix) => prefix.toUpperCase())])
  .map((noun) => noun.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  .join('|');
const APPOSITION = pattern(`(?<![\\p{L}])(?<noun>${COMPANY_NOUN})${SP}(?<list>${NAME_SEQ}(?:(?:,${SP}|${SP}og${SP})${NAME_SEQ})*)(?<rest>[^.\\n]{0,40})`);
const SUPPLIER_PREDICATE = pattern(`(?<o>${ORG})${SP}(?:er|var|blir)${SP}(?:en|ein)${SP}(?:\\p{Ll}+${SP}){0,2}leverandør`);
const CONTRACT_WITH = pattern(`kontrakt\\p{Ll}*${SP}med${SP}(?:\\p{Ll}+${SP})?(?<o>${NAME_SEQ})`);
const HOS = pattern(`(?<![\\p{L}])hos${SP}(?<o>${ORG})`);

const INSTITUTION_FIRST_WORDS = new Set(['sykehuset', 'sjukehuset', 'sykehusapotek', 'sykehusapoteket', 'sykehusapotekene',
  'sjukehusapoteka', 'sjukehusapoteket', 'universitetssykehuset', 'universitetssjukehuset', 'sykehusene', 'sjukehusa']);

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
  if (new RegExp(`^${INSTITUTION}$`, 'u').test(name)) return { kind: 'ORGANISATION', confidence: 0.85 };
  if (parts.length >= 2 && ORGANISATION_HEAD_WORDS.has(folded.at(-1) ?? '')) return { kind: 'ORGANISATION', confidence: 0.85 };
  // State agencies: "Statens helsetilsyn", "Statens legemiddelverk".
  if (/^Statens[ \u00a0]\p{Ll}{4,}$/u.test(name)) return { kind: 'ORGANISATION', confidence: 0.85 };
  // An institution noun before its place: "Sykehuset Innlandet", "Sykehusapotek Nord", "Sjukehusapoteka Vest".
  if (parts.length >= 2 && INSTITUTION_FIRST_WORDS.has(folded[0] ?? '')) return { kind: 'ORGANISATION', confidence: 0.85 };
  // Health trusts and regions are named "Helse <region>" ("Helse Nord", "Helse Sør-Øst", "Helse Bergen").
  if (parts.length >= 2 && folded[0] === 'helse') return { kind: 'ORGANISATION', confidence: 0.85 };
  if (parts.length === 1 && ORGANISATION_ENDINGS.some((ending) => (folded[0] ?? '').endsWith(ending) && (folded[0] ?? '').length > ending.length + 2)) {
    return { kind: 'ORGANISATION', confidence: 0.75 };
  }
  return undefined;
}

// A capitalised word that opens a sentence is capitalised for that reason alone; as a one-word name it proves
// nothing ("Hovedkontoret ligger ..."), so such runs need a second word or a cue from the context.
// A quote's opening dash or guillemet does not change that ("– Helseforetaket står ...").
function opensSentence(context: DocumentContext, start: number): boolean {
  const sentence = context.sentences.find((candidate) => candidate.start <= start && start < candidate.end);
  return sentence !== undefined && /^[-–—«"'\s]*$/u.test(context.text.slice(sentence.start, start));
}

/** The word also stands in lower case in the text ("helseforetaket"), so its capital says nothing. */
function isCommonWord(context: DocumentContext, word: string): boolean {
  return new RegExp(`(?<![\\p{L}])${word.charAt(0).toLowerCase()}${word.slice(1).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'u').test(context.text);
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
    if (words(trimmed.text).length === 1 && (opensSentence(context, trimmed.start) || isCommonWord(context, trimmed.text))) continue;
    add(trimmed, shape.kind, shape.confidence);
  }
  for (const match of context.text.matchAll(APPOSITION)) {
    const noun = (group(match, 'noun') as Span).text.toLowerCase();
    const rest = group(match, 'rest')?.text ?? '';
    const vendor = (COMPANY_NOUNS.get(noun) ?? false) || /^,?[ \u00a0]som[ \u00a0](?:konkurrerer|konkurrerte|leverer|leverte|skal[ \u00a0]levere|har[ \u00a0]levert|utviklar|utvikler|lagar|lager)/u.test(rest);
    for (const span of splitNames(group(match, 'list') as Span)) add(span, vendor ? 'VENDOR' : 'ORGANISATION', 0.85);
  }
  for (const match of context.text.matchAll(LOWER_INSIDE)) {
    const span = group(match, 'o') as Span;
    // Only where the capitalised run alone would not reach the suffix (otherwise NAME_RUNS has it already), and
    // only when the first lower-case word is an adjective in its definite or plural form ("interkommunale",
    // "norske", "kliniske"): "Avtalen gjelder Kodeverk AS", "Han besøkte Kodeverk AS" hold a verb there. Not at a
    // sentence start, where the capital says nothing.
    const firstLower = /[ \u00a0](\p{Ll}+)/u.exec(span.text)?.[1];
    if (!firstLower || !INNER_ADJECTIVE.test(firstLower) || opensSentence(context, span.start)) continue;
    add(span, 'ORGANISATION', 0.8);
  }
  for (const match of context.text.matchAll(PARTY_AFTER_PERSON)) {
    if (people.resolve(group(match, 'p') as Span)) add(group(match, 'o') as Span, 'ORGANISATION', 0.8);
  }
  for (const match of context.text.matchAll(DEFINITE_INSTITUTIONS)) add(group(match, 'o') as Span, 'ORGANISATION', 0.8);
  for (const match of context.text.matchAll(NATIONAL_BODY)) add(group(match, 'o') as Span, 'ORGANISATION', 0.8);
  for (const match of context.text.matchAll(PHOTO_CREDIT)) {
    if (people.resolve(group(match, 'p') as Span)) add(group(match, 'o') as Span, 'ORGANISATION', 0.7);
  }
  for (const match of context.text.matchAll(CHOSEN_SUPPLIERS)) {
    for (const span of splitNames(group(match, 'list') as Span)) add(span, 'VENDOR', 0.8);
  }
  for (const match of context.text.matchAll(AGENCY_BYLINE)) {
    for (const name of ['a', 'b']) {
      const span = group(match, name);
      if (span) add(span, 'ORGANISATION', 0.75);
    }
  }
  for (const match of context.text.matchAll(SUPPLIER_PREDICATE)) add(group(match, 'o') as Span, 'VENDOR', 0.8);
  for (const match of context.text.matchAll(CONTRACT_WITH)) add(group(match, 'o') as Span, 'VENDOR', 0.75);
  for (const match of context.text.matchAll(HOS)) add(group(match, 'o') as Span, 'ORGANISATION', 0.7);
  return findings;
}

const TITLE_COMPOUND = new RegExp(`^(.*?\\p{L})-\\p{Ll}*(?:${TITLE_HEADS.join('|')})(?:en|a|ane|ene|er|ar)?(?![\\p{L}])`, 'u');

// Short words that open sentences and so come capitalised before a name ("I Helse Nord ...", "Hos Hemit ...").
// Quantifiers and determiners too ("Flere kommuner ...", "Alle sykehus ..."), in Bokmål and Nynorsk.
const SENTENCE_OPENERS = new Set(['i', 'det', 'den', 'de', 'da', 'na', 'no', 'men', 'og', 'som', 'hos', 'for', 'til', 'fra',
  'med', 'ved', 'pa', 'etter', 'om', 'under', 'ogsa', 'nar', 'der', 'her', 'dette', 'disse', 'desse', 'dei', 'ein', 'en', 'et', 'eit', 'at',
  'flere', 'fleire', 'mange', 'alle', 'noen', 'nokre', 'nokon', 'begge', 'andre', 'hver', 'hvert', 'kvar', 'kvart', 'to', 'tre', 'fire',
  'fem', 'seks', 'sju', 'atte', 'ni', 'ti', 'mer', 'meir', 'mest', 'flest', 'hele', 'heile', 'ogsa', 'nye', 'ny', 'nytt', 'store', 'sma']);

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
  // "Helse Nord-direktør Kari Moe": a title compounded onto the name ends it (and what follows is a person);
  // other lower-case compounds stay ("Direktoratet for e-helse", "IKT-samarbeid IKS").
  const compound = TITLE_COMPOUND.exec(text);
  if (compound) text = compound[1] ?? text;
  const first = /^(\p{L}+)[ \u00a0]/u.exec(text);
  // "Leverandøren Medisoft ASA ...", "Selskapet Nordlys AS ...": a common noun that opens the sentence.
  if (first && opensSentence(context, start) && (SENTENCE_OPENERS.has(foldWord(first[1] ?? '')) || COMPANY_NOUNS.has((first[1] ?? '').toLowerCase()))) {
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
