import { group, type DocumentContext, type Span } from './context.js';
import { AT, NAME_SEQ, ORG, ORG_NOUN, PERSON, SP, TITLE, isBoardTitle, normaliseTitle, pattern } from './patterns.js';
import { PRONOUN, type PeopleRegister } from './people.js';
import { splitList, type RoleFinding } from './roles.js';

// Board news lists its people in a few more shapes than roles.ts reads one by one: a list after "Andre
// styremedlemmer er:", a plural title before a list, coordinated subjects of "held fram som", lists of members who
// leave ("er ute"); and a title before its organisation and then the name ("Direktør i Y Kari Moe sier").

// A name in a list, with a party or "(ny)" in brackets after it ("Nils Dahl (Ap)").
const LISTED_NAME = `${PERSON}(?:${SP}\\([\\p{L}]{1,10}\\))?`;
const NAME_LIST = `${LISTED_NAME}(?:,${SP}${LISTED_NAME})*${SP}og${SP}${LISTED_NAME}`;
const ONE_NAME = pattern(`(?<p>${PERSON})`);

// "Andre styremedlemmer er: A, B (Ap) og C (V)"; "Dei andre styremedlemane er A og B".
const OTHER_MEMBERS = pattern(
  `(?<![\\p{L}])(?:[Aa]ndre|[Øø]vrige|[Dd]ei${SP}andre|[Dd]e${SP}andre|[Dd]ei${SP}øvrige|[Dd]e${SP}øvrige)${SP}(?<t>${TITLE})${SP}(?:er|blir|vert|blei|ble)${SP}?:?${SP}(?<list>${NAME_LIST}|${LISTED_NAME})(?=[.;]|$)`,
);
// "i tillegg til dei tre tilsetterepresentantane A, B og C"; "styremedlemmene A og B": a plural definite title
// and its holders. Board titles only: the board is the one the text names.
const PLURAL_TITLE_LIST = pattern(`(?<![\\p{L}-])(?<t>\\p{Ll}*(?:medlem|representant|leder|leiar)\\p{Ll}*(?:ene|ane|arane|mene))${SP}(?<list>${NAME_LIST})`);
// "A og B held fram som styremedlemer"; "A, B og C fortsetter som styremedlemmer i tillegg til ...".
const LIST_CONTINUES = pattern(
  `(?<list>${NAME_LIST})${SP}(?:fortsetter|fortset|held${SP}fram|kommer${SP}inn|kjem${SP}inn|går${SP}inn)${SP}som${SP}(?<t>${TITLE})(?=[.,;]|${SP}i${SP}tillegg|${SP}(?!${AT}${SP})\\p{Ll}|$)`,
);
// "A, B og C er ute."; "A og B går ut av styret": members who leave the board the text is about.
const LIST_LEAVES = pattern(
  `(?<list>${NAME_LIST}|${PERSON})${SP}(?:er${SP}ute|går${SP}ut|gjekk${SP}ut|gikk${SP}ut|fell${SP}ut|faller${SP}ut)(?:${SP}(?:av|frå|fra)${SP}styret)?(?=[.;]|$)`,
);
// "Styret utnevnte samtidig A, B og C som nye styremedlemmer for Y": a list as the object of an appointment.
const APPOINTED_LIST = pattern(
  `(?<![\\p{L}])(?:oppnevnt|oppnevnte|oppnemnt|oppnemnde|utnevnt|utnevnte|utnemnde|valgt|valgte|vald|valde|ansatt|ansatte|tilsett|tilsette)(?:${SP}(?:samtidig|samstundes|også|òg|i${SP}dag))?${SP}(?<list>${NAME_LIST})${SP}som${SP}(?:(?<new>nye|ny)${SP})?(?<t>${TITLE})(?:${SP}(?:i|for|ved|hos)${SP}${ORG_NOUN}(?<o>${ORG}))?`,
);
// "Han har også hatt flere styrelederverv, blant annet i A og B": posts named as "verv" in a list of places.
const OFFICES_IN = pattern(
  `(?<p>${PRONOUN}|${PERSON})${SP}har${SP}(?:(?:også|òg|tidligere|tidlegare)${SP})?hatt${SP}(?:(?:flere|fleire|mange|ei${SP}rekke|en${SP}rekke)${SP})?(?<t>\\p{Ll}*(?:leder|leiar|medlem))s?verv,?${SP}(?:blant${SP}(?:annet|anna)${SP})?(?:i|ved|hos)${SP}(?<olist>${ORG}(?:,${SP}${ORG})*(?:${SP}og${SP}${ORG})?)`,
);
const BOARD_WORD = /(?<![\p{L}])[Ss]tyr(?:et|a|e|ene)(?![\p{L}])/u;
// "Administrerende direktør i Norsk Helsenett Johan Ronæs gleder seg": the name run after the preposition holds
// the organisation and then the person; split where the tail is a person with a common first name.
const TITLE_ORG_NAME = pattern(`(?<![\\p{L}])(?<t>${TITLE})${SP}(?:i|hos|ved)${SP}(?<run>${NAME_SEQ})(?![\\p{L}(-])(?!,?${SP}(?:og|og${SP}i)${SP}\\p{Lu})`);

/** Posts written as lists in board news, and "T i Y X" with the organisation before the name. */
export function findListedRoles(context: DocumentContext, people: PeopleRegister): RoleFinding[] {
  const findings: RoleFinding[] = [];
  const addList = (match: RegExpExecArray, title: string, confidence: number, cue: RoleFinding['cue'], board: boolean): void => {
    const list = group(match, 'list') as Span;
    const evidence = { start: match.index, end: match.index + match[0].length };
    for (const name of list.text.matchAll(ONE_NAME)) {
      const inner = group(name, 'p') as Span;
      const personSpan = { text: inner.text, start: list.start + inner.start, end: list.start + inner.end };
      const person = people.resolve(personSpan);
      if (person) findings.push({ person, personSpan, title, organisation: undefined, parent: undefined, evidence, confidence, cue, ...(board ? { board } : {}) });
    }
  };
  for (const match of context.text.matchAll(OTHER_MEMBERS)) addList(match, (group(match, 't') as Span).text, 0.75, 'none', isBoardTitle(normaliseTitle((group(match, 't') as Span).text)));
  for (const match of context.text.matchAll(PLURAL_TITLE_LIST)) {
    const title = (group(match, 't') as Span).text;
    if (isBoardTitle(normaliseTitle(title))) addList(match, title, 0.7, 'none', true);
  }
  for (const match of context.text.matchAll(LIST_CONTINUES)) {
    const title = (group(match, 't') as Span).text;
    addList(match, title, 0.7, 'none', isBoardTitle(normaliseTitle(title)));
  }
  for (const match of context.text.matchAll(LIST_LEAVES)) {
    // Only in news about a board: "er ute" alone says nothing about a post.
    if (BOARD_WORD.test(context.text.slice(Math.max(0, match.index - 300), match.index))) addList(match, 'styremedlem', 0.65, 'end', true);
  }
  for (const match of context.text.matchAll(APPOINTED_LIST)) {
    const title = (group(match, 't') as Span).text;
    const before = findings.length;
    addList(match, title, 0.75, 'start', isBoardTitle(normaliseTitle(title)));
    for (const finding of findings.slice(before)) finding.organisation = group(match, 'o');
  }
  for (const match of context.text.matchAll(OFFICES_IN)) {
    const personSpan = group(match, 'p') as Span;
    const person = /^(?:han|hun|ho)$/i.test(personSpan.text) ? people.pronoun(personSpan.text, personSpan.start) : people.resolve(personSpan);
    if (!person) continue;
    const title = (group(match, 't') as Span).text;
    const evidence = { start: match.index, end: match.index + match[0].length };
    for (const organisation of splitList(group(match, 'olist') as Span)) findings.push({ person, personSpan, title, organisation, parent: undefined, evidence, confidence: 0.7, cue: 'none' });
  }
  findings.push(...titleOrgName(context, people));
  return findings;
}

function titleOrgName(context: DocumentContext, people: PeopleRegister): RoleFinding[] {
  const findings: RoleFinding[] = [];
  for (const match of context.text.matchAll(TITLE_ORG_NAME)) {
    const run = group(match, 'run') as Span;
    const offsets = [...run.text.matchAll(/[ \u00a0]/gu)].map((space) => space.index + 1);
    // The longest tail of two to four words that is a person with a common first name; at least one word before.
    for (const offset of offsets) {
      const personSpan = { text: run.text.slice(offset), start: run.start + offset, end: run.end };
      const words = personSpan.text.split(/[ \u00a0]/u).length;
      if (words < 2 || words > 4) continue;
      const person = people.resolve(personSpan, { requireFirstName: true });
      if (!person) continue;
      const organisation = { text: run.text.slice(0, offset - 1), start: run.start, end: run.start + offset - 1 };
      const evidence = { start: match.index, end: match.index + match[0].length };
      findings.push({ person, personSpan, title: (group(match, 't') as Span).text, organisation, parent: undefined, evidence, confidence: 0.75, cue: 'none' });
      break;
    }
  }
  return findings;
}
