import type { DocumentContext, Span } from './context.js';
import { PERSON, SP, SPEECH_VERB, TITLE, pattern } from './patterns.js';
import type { PeopleRegister, PersonName } from './people.js';
import type { Sentence } from './sentences.js';
import type { Statement } from './types.js';

// ", sier Gro Jære", ", seier eigardirektør i Helse Midt-Noreg, Nils Kvernmo", ", mener han", ", sier hun."
const ATTRIBUTION = pattern(
  `[,.!?–-]${SP}(?:${SPEECH_VERB})${SP}(?:(?<pronoun>han|hun|ho)(?![\\p{L}])|(?:${TITLE}(?:${SP}(?:i|hos|ved|for|på)${SP}[^,.\\n]{1,60}?,)?${SP})?(?<p>${PERSON}))`,
);

/**
 * Quotes and who said them. A name after the speech verb is taken as it stands; a pronoun goes to the one
 * person it can mean (PeopleRegister.pronoun) and stays unattributed when that is more than one person or none.
 */
export function findStatements(context: DocumentContext, people: PeopleRegister): Statement[] {
  const statements: Statement[] = [];
  for (const match of context.text.matchAll(ATTRIBUTION)) {
    const sentence = sentenceAt(context.sentences, match.index);
    if (!sentence) continue;
    const quoted = quotedSpan(context, sentence);
    const pronoun = match.groups?.pronoun;
    let speaker: PersonName | undefined;
    if (pronoun) speaker = people.pronoun(pronoun, match.index);
    else {
      const name = match.groups?.p;
      const offset = match.indices?.groups?.p?.[0];
      if (name !== undefined && offset !== undefined) speaker = people.resolve({ text: name, start: offset, end: offset + name.length });
    }
    statements.push({
      quote: context.text.slice(quoted.start, quoted.end),
      start: quoted.start,
      end: quoted.end,
      speaker: speaker ? { name: speaker.name, entityId: speaker.entityId } : null,
    });
  }
  return statements;
}

function sentenceAt(sentences: readonly Sentence[], offset: number): Sentence | undefined {
  return sentences.find((sentence) => sentence.start <= offset && offset < sentence.end);
}

// A quote in Norwegian news opens its paragraph with a dash and may run over several sentences before the
// attribution; the statement is then the paragraph from the dash to the attribution's sentence.
function quotedSpan(context: DocumentContext, sentence: Sentence): Span {
  const inParagraph = context.sentences.filter((other) => other.paragraph === sentence.paragraph && other.start <= sentence.start);
  const opener = inParagraph.find((other) => /^[-–—]\s/.test(context.text.slice(other.start, other.start + 2)));
  const start = opener?.start ?? sentence.start;
  return { text: context.text.slice(start, sentence.end), start, end: sentence.end };
}
