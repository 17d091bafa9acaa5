import { matchesWithin, type DocumentContext, type Span } from './context.js';
import { FIRST_NAMES, LEGAL_SUFFIXES, ORGANISATION_ENDINGS, ORGANISATION_HEAD_WORDS, TITLE_HEADS, VENDOR_NAME_WORDS, type Gender } from './norwegian.js';
import { foldWord } from './tokens.js';

/** A person as the text names them. */
export interface PersonName {
  /** The full name as first written in the document ("Håvard Grimstad", also when the span says "Grimstad"). */
  name: string;
  /** The known entity, when the gazetteer knows the person. */
  entityId: string | null;
  gender: Gender | undefined;
  /** A common first name: the strongest sign that a capitalised pair is a person. */
  knownFirstName: boolean;
}

const TITLE_WORD = new RegExp(`^\\p{Lu}\\p{Ll}*(?:${TITLE_HEADS.filter((head) => /^\p{Ll}/u.test(head)).join('|')})$`, 'u');

const PRONOUN_GENDER: Readonly<Record<string, Gender>> = { han: 'male', hun: 'female', ho: 'female' };

/** Third-person pronouns as they may stand for a person in a pattern's subject. */
export const PRONOUN = '(?:[Hh]an|[Hh]un|[Hh]o)(?![\\p{L}])';

// Words that never stand in a person's name but often start or end an organisation's or place's.
const NOT_IN_PERSON_NAMES = new Set(['helse', 'norsk', 'norske', 'norge', 'nasjonal', 'nasjonalt', 'statens', 'den', 'det', 'de', 'i', 'og']);

function words(name: string): string[] {
  return name.split(/[ \u00a0]+/).filter((word) => word !== '');
}

function looksLikeOrganisationWord(word: string): boolean {
  const folded = foldWord(word);
  if (LEGAL_SUFFIXES.has(folded) || ORGANISATION_HEAD_WORDS.has(folded) || VENDOR_NAME_WORDS.has(folded)) return true;
  if (NOT_IN_PERSON_NAMES.has(folded)) return true;
  // Acronyms ("IKT", "STIM") name organisations and programmes, not people.
  if (/^[\p{Lu}\p{N}]{2,}$/u.test(word)) return true;
  return ORGANISATION_ENDINGS.some((ending) => folded.endsWith(ending));
}

/** Gender and first-name status of a full name ("Anne-Marie Barane": Anne is a known female name). */
function firstNameOf(name: string): { gender: Gender | undefined; known: boolean } {
  const first = words(name)[0] ?? '';
  for (const part of [first, ...first.split('-')]) {
    const gender = FIRST_NAMES.get(foldWord(part));
    if (gender) return { gender, known: true };
  }
  return { gender: undefined, known: false };
}

/**
 * Keeps track of the people of one document so that a later "Grimstad" means the "Håvard Grimstad" named
 * before, and a name is written the same way in every proposal.
 */
export class PeopleRegister {
  private readonly bySurname = new Map<string, PersonName[]>();
  private readonly byName = new Map<string, PersonName>();
  private readonly seenAt = new Map<number, PersonName>();

  constructor(private readonly context: DocumentContext) {
    for (const match of context.matches) {
      if (match.kind !== 'PERSON') continue;
      const person = this.remember({ name: match.name, entityId: match.entityId, ...this.genderOf(match.name) });
      this.seenAt.set(match.start, person);
    }
  }

  private genderOf(name: string): { gender: Gender | undefined; knownFirstName: boolean } {
    const { gender, known } = firstNameOf(name);
    return { gender, knownFirstName: known };
  }

  private remember(person: PersonName): PersonName {
    const key = foldWord(person.name.replace(/[ \u00a0]+/g, ' '));
    const known = this.byName.get(key);
    if (known) return known;
    this.byName.set(key, person);
    const surname = foldWord(words(person.name).at(-1) ?? '');
    this.bySurname.set(surname, [...(this.bySurname.get(surname) ?? []), person]);
    return person;
  }

  all(): PersonName[] {
    return [...this.byName.values()];
  }

  /**
   * The person a span names, or undefined when it does not look like a person. A single word counts only as
   * the surname of exactly one person named in full before; `requireFirstName` asks for a common first name
   * (for spans found without any other cue).
   */
  resolve(span: Span, options: { requireFirstName?: boolean } = {}): PersonName | undefined {
    const person = this.identify(span, options);
    if (person) this.seenAt.set(span.start, person);
    return person;
  }

  private identify(span: Span, options: { requireFirstName?: boolean }): PersonName | undefined {
    const parts = words(span.text);
    if (parts.length === 0 || parts.length > 4) return undefined;
    const known = matchesWithin(this.context, span);
    if (known.some((match) => match.kind !== 'PERSON')) return undefined;
    const person = known.find((match) => match.kind === 'PERSON' && match.start === span.start && match.end === span.end);
    if (person) return this.remember({ name: person.name, entityId: person.entityId, ...this.genderOf(person.name) });
    if (parts.length === 1) {
      const folded = foldWord(parts[0] ?? '').replace(/s$/, '');
      const candidates = this.bySurname.get(foldWord(parts[0] ?? '')) ?? this.bySurname.get(folded) ?? [];
      return candidates.length === 1 ? candidates[0] : undefined;
    }
    // "Eierdirektør Nils Kvernmo": a capitalised title opening the sentence is not the first name.
    if (parts.length >= 3 && TITLE_WORD.test(parts[0] ?? '')) return this.identify({ text: parts.slice(1).join(' '), start: span.start + (parts[0]?.length ?? 0) + 1, end: span.end }, options);
    if (parts.some(looksLikeOrganisationWord)) return undefined;
    const { gender, known: knownFirstName } = firstNameOf(span.text);
    if (options.requireFirstName && !knownFirstName) return undefined;
    return this.remember({ name: parts.join(' '), entityId: null, gender, knownFirstName });
  }

  /**
   * The one person a pronoun at `offset` can mean: the only person of a compatible gender named earlier in the
   * same paragraph, else the only one named earlier in the document; undefined when that is not one person.
   * A first name outside the list has no known gender and so stays a candidate for both pronouns.
   */
  pronoun(word: string, offset: number): PersonName | undefined {
    const gender = PRONOUN_GENDER[word.toLowerCase()];
    if (!gender) return undefined;
    const paragraphOf = (at: number): number | undefined => this.context.sentences.find((sentence) => sentence.start <= at && at < sentence.end)?.paragraph;
    const paragraph = paragraphOf(offset);
    const before = this.occurrences().filter((occurrence) => occurrence.start < offset);
    const fits = (person: PersonName): boolean => person.gender === undefined || person.gender === gender;
    const local = [...new Set(before.filter((occurrence) => paragraphOf(occurrence.start) === paragraph).map((occurrence) => occurrence.person))].filter(fits);
    if (local.length === 1) return local[0];
    if (local.length > 1) return undefined;
    const anywhere = [...new Set(before.map((occurrence) => occurrence.person))].filter(fits);
    return anywhere.length === 1 ? anywhere[0] : undefined;
  }

  /** Where people were named, in text order. */
  occurrences(): { start: number; person: PersonName }[] {
    return [...this.seenAt.entries()].sort(([a], [b]) => a - b).map(([start, person]) => ({ start, person }));
  }
}
