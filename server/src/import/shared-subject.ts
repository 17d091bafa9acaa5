import { group, type DocumentContext, type Span } from './context.js';
import { ACRONYM_AFTER, AT, ORG, ORG_NOUN, PERSON, SP, TITLE, pattern } from './patterns.js';
import { PRONOUN, type PeopleRegister } from './people.js';
import type { RoleFinding } from './roles.js';

// A second verb phrase that shares the sentence's subject: "X har bred ledererfaring, og var direktør for Y";
// "X er lege og kommer fra stillingen som T ved Y". The words between subject and "og" must all be lower case,
// so no other name can be the subject of the second phrase.
const POST_PHRASE = `(?:(?<was>var|har${SP}(?:(?:også|òg|tidligere|tidlegare)${SP})?(?:vært|vore))${SP}(?:(?<past>tidligere|tidlegare)${SP})?(?<t>${TITLE})|(?:kommer|kjem|kom)${SP}(?:fra|frå)${SP}(?:jobben|stillingen|stillinga|rollen|rolla)${SP}som${SP}(?<t2>${TITLE})(?:${SP}for${SP}\\p{Lu}\\p{Ll}+(?:-${SP}og${SP}\\p{Ll}+|${SP}\\p{Ll}+){0,2})?)`;
const SHARED_SUBJECT = pattern(
  `(?<p>${PRONOUN}|${PERSON})(?<mid>(?:${SP}\\p{Ll}[\\p{Ll}-]*){1,6}),?${SP}og${SP}${POST_PHRASE}${SP}${AT}${SP}${ORG_NOUN}(?<o>${ORG})`,
);

/** Posts in a second verb phrase whose subject opens the sentence. */
export function findSharedSubjectRoles(context: DocumentContext, people: PeopleRegister): RoleFinding[] {
  const findings: RoleFinding[] = [];
  const starts = new Set(context.sentences.map((sentence) => sentence.start));
  for (const match of context.text.matchAll(SHARED_SUBJECT)) {
    const personSpan = group(match, 'p') as Span;
    // The subject must open its sentence (after any quote dash); "sier at X er ..." is another clause.
    const lead = /[-–—«"'\s]*$/u.exec(context.text.slice(Math.max(0, personSpan.start - 4), personSpan.start))?.[0].length ?? 0;
    if (!starts.has(personSpan.start - lead) && !starts.has(personSpan.start)) continue;
    const person = /^(?:han|hun|ho)$/i.test(personSpan.text) ? people.pronoun(personSpan.text, personSpan.start) : people.resolve(personSpan);
    if (!person) continue;
    const title = group(match, 't') ?? group(match, 't2');
    if (!title) continue;
    // "var"/"har vært" and "kommer fra jobben som" all speak of a post held before.
    const evidence = { start: match.index, end: match.index + match[0].length };
    findings.push({ person, personSpan, title: title.text, organisation: group(match, 'o'), parent: undefined, evidence, confidence: 0.75, cue: 'end' });
  }
  return findings;
}

// "X har også vært viseadministrerende direktør samme sted": the place of the post the text gave that person last.
const SAME_PLACE = pattern(
  `(?<p>${PRONOUN}|${PERSON})${SP}(?:har${SP}(?:(?:også|òg|tidligere|tidlegare)${SP})?(?:vært|vore)|var|er)${SP}(?:(?:også|òg)${SP})?(?<t>${TITLE})${SP}(?:samme|same)${SP}(?:sted|stad)(?![\\p{L}])`,
);

/** Posts "samme sted", placed at the organisation of the same person's post stated before. */
export function findSamePlaceRoles(context: DocumentContext, people: PeopleRegister, earlier: readonly RoleFinding[]): RoleFinding[] {
  const findings: RoleFinding[] = [];
  for (const match of context.text.matchAll(SAME_PLACE)) {
    const personSpan = group(match, 'p') as Span;
    const person = /^(?:han|hun|ho)$/i.test(personSpan.text) ? people.pronoun(personSpan.text, personSpan.start) : people.resolve(personSpan);
    if (!person) continue;
    const before = earlier.filter((role) => role.person === person && role.organisation && role.evidence.end <= match.index);
    const last = before.sort((a, b) => a.evidence.end - b.evidence.end).at(-1);
    if (!last?.organisation) continue;
    const evidence = { start: match.index, end: match.index + match[0].length };
    findings.push({ person, personSpan, title: (group(match, 't') as Span).text, organisation: last.organisation, parent: undefined, evidence, confidence: 0.7, cue: 'end' });
  }
  return findings;
}

// "Styret i Y har 7. september ansatt X som T": a time between auxiliary and verb. Read from the verb, with the
// organisation looked up just before "har": one pattern holding both the organisation and the times ran a
// hundred times slower on long texts.
const WHEN = `(?:i${SP}dag|i${SP}går|i${SP}helga|nylig|no|nå|enstemmig|samrøystes|\\d{1,2}\\.${SP}(?:januar|februar|mars|april|mai|juni|juli|august|september|oktober|november|desember)|mandag|tirsdag|tysdag|onsdag|torsdag|fredag|måndag)`;
const HIRED_WHEN = pattern(
  `(?<![\\p{L}])har${SP}${WHEN}${SP}(?:ansatt|tilsett|engasjert|rekruttert|utnevnt|utnemnt|konstituert)${SP}(?<p>${PERSON})(?:${SP}\\(\\d{2}\\))?${SP}(?:som|til)${SP}(?:ny${SP})?(?<t>${TITLE})`,
);
const ORG_BEFORE = new RegExp(`(?<o>${ORG})${ACRONYM_AFTER}${SP}$`, 'du');

/** Appointments with a time between "har" and the verb, the organisation the subject before "har". */
export function findTimedAppointments(context: DocumentContext, people: PeopleRegister): RoleFinding[] {
  const findings: RoleFinding[] = [];
  for (const match of context.text.matchAll(HIRED_WHEN)) {
    const from = Math.max(0, match.index - 80);
    const before = ORG_BEFORE.exec(context.text.slice(from, match.index));
    const inner = before && group(before, 'o');
    const personSpan = group(match, 'p') as Span;
    const person = inner && people.resolve(personSpan);
    if (!inner || !person) continue;
    const organisation = { text: inner.text, start: from + inner.start, end: from + inner.end };
    const evidence = { start: organisation.start, end: match.index + match[0].length };
    findings.push({ person, personSpan, title: (group(match, 't') as Span).text, organisation, parent: undefined, evidence, confidence: 0.85, cue: 'start' });
  }
  return findings;
}
