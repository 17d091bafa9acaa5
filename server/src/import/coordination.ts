import { group, type DocumentContext, type Span } from './context.js';
import { ORG, PERSON, SP, TITLE, pattern } from './patterns.js';
import { PRONOUN, type PeopleRegister } from './people.js';
import { splitList, type RoleFinding } from './roles.js';

// Posts written once for several people: gapping, "henholdsvis" lists, and the organisation in the genitive before
// the title. Kept apart from roles.ts, whose patterns each read one person's post.

const SUBJECT = `(?:${PRONOUN}|${PERSON})`;

// "X er ny styreleder i A, Y i B og Z i C": the title said once, each further person with an organisation of
// their own (gapping). The first pair is found by roles.ts; this adds the rest. The list must end the sentence:
// in "..., Y i B er ikke nevnt" Y opens a clause of its own.
const GAPPED = pattern(
  `(?<p>${SUBJECT})${SP}(?:er|blir|ble|blei|vart|vert|fortsetter${SP}som|held${SP}fram${SP}som)${SP}(?:(?:ny|nye|nytt)${SP})?(?<t>${TITLE})${SP}(?:i|hos|ved|for|på)${SP}(?<o>${ORG})(?<rest>(?:(?:,${SP}|${SP}og${SP})${PERSON}${SP}(?:i|hos|ved|for|på)${SP}${ORG})+)(?=[ \\u00a0]*(?:[.;:!?)]|$))`,
);
const GAPPED_PAIR = pattern(`(?:,${SP}|${SP}og${SP})(?<p>${PERSON})${SP}(?:i|hos|ved|for|på)${SP}(?<o>${ORG})`);
// "X og Y fortsetter som styreledere i henholdsvis A og B": the n-th person with the n-th organisation.
const RESPECTIVELY = pattern(
  `(?<list>${PERSON}(?:,${SP}${PERSON})*${SP}og${SP}${PERSON})(?:${SP}\\p{Ll}+){1,3}${SP}som${SP}(?<t>${TITLE})${SP}(?:i|hos|ved|for|på)${SP}(?:henholdsvis|høvesvis|høvisvis)${SP}(?<olist>${ORG}(?:,${SP}${ORG})*${SP}og${SP}${ORG})`,
);
// "Elvdals ordfører, Per Olsen"; "Helse Vests direktør Ola Dahl": the organisation in the genitive before the title.
const GENITIVE_TITLE = pattern(
  `(?<![\\p{L}\\p{N}-])(?!(?:Norges|Sveriges|Danmarks|Europas|Verdens|Landets)(?![\\p{L}]))(?<o>\\p{Lu}[\\p{L}-]*?(?:${SP}\\p{Lu}[\\p{L}-]*?)?)s${SP}(?<t>${TITLE}),?${SP}(?<p>${PERSON})`,
);

/** Posts shared out over several people, and genitive organisations before a title. */
export function findCoordinatedRoles(context: DocumentContext, people: PeopleRegister): RoleFinding[] {
  const findings: RoleFinding[] = [...gappedRoles(context, people), ...respectiveRoles(context, people)];
  for (const match of context.text.matchAll(GENITIVE_TITLE)) {
    const personSpan = group(match, 'p') as Span;
    const person = people.resolve(personSpan);
    const title = group(match, 't') as Span;
    const organisation = group(match, 'o') as Span;
    if (!person || !person.knownFirstName || !namedElsewhere(context, organisation)) continue;
    const evidence = { start: match.index, end: match.index + match[0].length };
    findings.push({ person, personSpan, title: title.text, organisation, parent: undefined, evidence, confidence: 0.7, cue: 'none' });
  }
  return findings;
}

// "Dagens direktør X", "Årets leder X": a genitive that opens a sentence is as often a common word as a name, so
// one word there counts only when the text also names it mid-sentence or the gazetteer knows it.
function namedElsewhere(context: DocumentContext, span: Span): boolean {
  const sentence = context.sentences.find((candidate) => candidate.start <= span.start && span.start < candidate.end);
  const opens = sentence !== undefined && /^[-–—«"'\s]*$/u.test(context.text.slice(sentence.start, span.start));
  if (!opens || /[ \u00a0]/u.test(span.text)) return true;
  if (context.matches.some((match) => match.start === span.start)) return true;
  const escaped = span.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<=[\\p{Ll},][ \\u00a0])${escaped}(?![\\p{L}])`, 'u').test(context.text);
}

function gappedRoles(context: DocumentContext, people: PeopleRegister): RoleFinding[] {
  const findings: RoleFinding[] = [];
  for (const match of context.text.matchAll(GAPPED)) {
    const title = group(match, 't') as Span;
    const rest = group(match, 'rest') as Span;
    const evidence = { start: match.index, end: match.index + match[0].length };
    for (const pair of rest.text.matchAll(GAPPED_PAIR)) {
      const shift = (span: Span): Span => ({ text: span.text, start: span.start + rest.start, end: span.end + rest.start });
      const personSpan = shift(group(pair, 'p') as Span);
      const person = people.resolve(personSpan);
      if (person) findings.push({ person, personSpan, title: title.text, organisation: shift(group(pair, 'o') as Span), parent: undefined, evidence, confidence: 0.75, cue: 'none' });
    }
  }
  return findings;
}

function respectiveRoles(context: DocumentContext, people: PeopleRegister): RoleFinding[] {
  const findings: RoleFinding[] = [];
  for (const match of context.text.matchAll(RESPECTIVELY)) {
    const persons = splitList(group(match, 'list') as Span);
    const organisations = splitList(group(match, 'olist') as Span);
    // Only when the two lists pair off one to one; otherwise the sentence is not read.
    if (persons.length !== organisations.length) continue;
    const title = group(match, 't') as Span;
    const evidence = { start: match.index, end: match.index + match[0].length };
    persons.forEach((personSpan, index) => {
      const person = people.resolve(personSpan);
      if (person) findings.push({ person, personSpan, title: title.text, organisation: organisations[index], parent: undefined, evidence, confidence: 0.75, cue: 'none' });
    });
  }
  return findings;
}
