import { findCoordinatedRoles } from './coordination.js';
import { findListedRoles } from './lists.js';
import { findMinisterRoles } from './ministers.js';
import { findSamePlaceRoles, findSharedSubjectRoles, findTimedAppointments } from './shared-subject.js';
import { documentContext, exactMatch, group, matchesWithin, type DocumentContext, type Span } from './context.js';
import { roleDates } from './dates.js';
import { findDuplicate, findShortFormOf } from './duplicates.js';
import { nameKeyWords, type Gazetteer } from './gazetteer.js';
import { entityKey, relationshipKey } from './keys.js';
import { PHOTO_CREDIT, findOrganisations } from './organisations.js';
import { CAP_WORD, ORG, ORG_NOUN, PERSON, SP, SPEECH_VERB, TITLE, isBoardTitle, normaliseTitle, pattern } from './patterns.js';
import { PeopleRegister, type PersonName } from './people.js';
import { findProgrammes } from './programmes.js';
import { findRelations } from './relations.js';
import { findRoles, type RoleFinding } from './roles.js';
import { sentenceSpan } from './sentences.js';
import { findStatements } from './statements.js';
import type { EntityKind, ExtractionResult, Proposal, ProposalEnd } from './types.js';

export interface ExtractOptions {
  gazetteer: Gazetteer;
  /** ISO 8601 date of the document (2019, 2019-05 or 2019-05-14); dates every proposal. */
  publishedAt?: string;
  /** nb or nn. The patterns cover both forms in every text (articles mix them), so extraction does not branch on it. */
  language?: string;
}

const SPEAKER = pattern(`${SPEECH_VERB}${SP}(?<p>${PERSON})`);
// "Styreleder Herlof Nilssen er glad": a title opening the sentence, a name and a verb, whatever the first name.
const TITLED = pattern(`(?:^|(?<=[.!?:\\n][ \\u00a0]*))(?:\\p{Lu}\\p{Ll}*${SP})?${TITLE}${SP}(?<p>${PERSON})(?=${SP}(?:er|var|har|hadde|sier|seier|sa|meiner|mener|vil|skal|blir|ble|får|fikk|fekk|gleder)(?![\\p{L}]))`);
const AGED = pattern(`(?<p>${PERSON})${SP}\\(\\d{2}\\)`);
// A board that appoints ("Styret i Helse Midt-Norge har oppnevnt X som styreleder for Y") is not the board the
// posts are on, so it is not taken as one.
const BOARD_OF = pattern(`(?<![\\p{L}])(?:[Ss]tyre(?:t|a)?|[Ss]tyreleder|[Ss]tyreleiar|[Ss]tyremedlemmer|[Ss]tyremedlemar)${SP}(?:i|for|til|av|ved)${SP}${ORG_NOUN}(?<o>${ORG})`);
const APPOINTS = /^[ \u00a0](?:har[ \u00a0]|hadde[ \u00a0])?(?:oppnevnt|oppnevnte|oppnemnt|oppnemnde|utnevnt|utnevnte|valgt|valgte|vald|valde|vedtatt|vedtok|besluttet|bestemt)(?![\p{L}])/u;
const MID_SENTENCE_WORD = pattern(`(?<=[\\p{Ll},][ \\u00a0])(?<w>${CAP_WORD})`);
// Runs of name words (a middle initial allowed); a run may hold words before the name ("Direktør Gro Jære").
const PERSON_RUN = pattern(`(?<n>${PERSON}(?:${SP}${PERSON})?)`);

/**
 * Finds the known entities a text mentions and proposes the new entities and relationships it states, each
 * with its quote, offsets and a confidence. Pure: the same text, options and gazetteer give the same result.
 */
export function extract(text: string, options: ExtractOptions): ExtractionResult {
  const context = documentContext(text, options.gazetteer, options.publishedAt);
  const people = new PeopleRegister(context);
  const proposals = new ProposalSet(context);

  findPeople(context, people, proposals);
  const roles = [...findRoles(context, people), ...findCoordinatedRoles(context, people), ...findListedRoles(context, people), ...findSharedSubjectRoles(context, people), ...findTimedAppointments(context, people), ...findMinisterRoles(context, people)];
  roles.push(...findSamePlaceRoles(context, people, roles));
  const statements = findStatements(context, people);

  const organisations = findOrganisations(context, people);
  for (const finding of organisations) {
    if (finding.known) continue;
    proposals.entity(finding.kind, finding.span, finding.confidence, finding.contains?.entityId);
  }
  for (const finding of findProgrammes(context)) {
    const known = exactMatch(context, finding.span) ?? matchesWithin(context, finding.span)[0];
    if (known || options.gazetteer.lookup(finding.fullName ?? '').length > 0) continue;
    proposals.entity('PROGRAMME', finding.span, finding.confidence);
  }
  const organisationSpans = organisations.map((finding) => finding.span);
  for (const role of roles) addRole(context, people, proposals, role, organisationSpans);
  for (const finding of findRelations(context)) {
    const from = proposals.end(finding.from);
    const to = proposals.end(finding.to);
    // Both ends must be things the document names as such (known, or proposed above), never a capitalised
    // common noun such as "IKT-prosjektene".
    if (from.name === to.name || !proposals.isNamed(from) || !proposals.isNamed(to)) continue;
    proposals.relationship(finding.type, from, to, undefined, finding.evidence, finding.confidence, {});
  }
  proposeShortForms(context, proposals);

  return {
    mentions: context.matches.map(({ entityId, quote, start, end }) => ({ entityId, quote, start, end })),
    proposals: proposals.sorted(),
    statements,
  };
}

/** People named with a common first name, after a speech verb, or with their age. */
function findPeople(context: DocumentContext, people: PeopleRegister, proposals: ProposalSet): void {
  for (const match of context.text.matchAll(PERSON_RUN)) {
    const run = group(match, 'n') as Span;
    for (const span of personCandidates(run)) {
      // "Sven Ole Fagernæs" with "Sven" unknown is not "Ole Fagernæs": a name word dropped before the tail
      // leaves the run unread rather than cut (a title or a sentence opener before it may go).
      if (span.start > run.start && droppedNameWord(context, run, span.start)) break;
      // "Nestleder Anne Kari Lande Hasle": the title is skipped here so that the next window holds all four names.
      if (TITLE_START.test(span.text.split(/[ \u00a0]/)[0] ?? '')) continue;
      const person = people.resolve(span, { requireFirstName: true });
      if (person) {
        proposals.person(person, span, 0.8);
        break;
      }
    }
  }
  for (const regex of [SPEAKER, AGED, PHOTO_CREDIT, TITLED]) {
    for (const match of context.text.matchAll(regex)) {
      const span = group(match, 'p') as Span;
      const person = people.resolve(span);
      if (person && span.text.includes(' ')) proposals.person(person, span, person.knownFirstName ? 0.85 : 0.7);
    }
  }
}

/** The word just before `start` in the run looks like part of a name: capitalised, mid-sentence, not a title. */
function droppedNameWord(context: DocumentContext, run: Span, start: number): boolean {
  const before = run.text.slice(0, start - run.start).trimEnd().split(/[ \u00a0]/).at(-1) ?? '';
  if (!/^\p{Lu}\p{Ll}+$/u.test(before) || TITLE_START.test(before)) return false;
  const at = start - before.length - 1;
  const sentence = sentenceSpan(context.sentences, at, at + 1);
  return !/^[-–—«"'\s]*$/u.test(context.text.slice(sentence.start, at));
}
// Not global: `test` on a global expression would carry its lastIndex from call to call.
const TITLE_START = new RegExp(`^${TITLE}$`, 'u');

/** A run of capitalised words may hold a name after other words ("Direktør Gro Jære"): each tail, longest first. */
function personCandidates(run: Span): Span[] {
  const candidates: Span[] = [];
  for (const word of run.text.matchAll(/\S+/g)) {
    const start = run.start + word.index;
    const rest = run.text.slice(word.index).split(/[ \u00a0]/).slice(0, 4).join(' ');
    if (rest.includes(' ')) candidates.push({ text: rest, start, end: start + rest.length });
  }
  return candidates;
}

function addRole(context: DocumentContext, people: PeopleRegister, proposals: ProposalSet, role: RoleFinding, organisations: readonly Span[]): void {
  let organisation = role.organisation;
  let confidence = role.confidence;
  if (organisation && !isOrganisationLike(context, people, organisation)) return;
  if (!organisation) {
    organisation = contextOrganisation(context, role, organisations);
    confidence -= 0.15;
  }
  if (!organisation) return;
  const sentence = sentenceSpan(context.sentences, role.evidence.start, role.evidence.end);
  const dates = roleDates(context.text.slice(sentence.start, sentence.end), role.cue, context.publishedAt);
  proposals.person(role.person, role.personSpan, confidence);
  const to = proposals.organisationEnd(organisation, confidence);
  const from: ProposalEnd = { name: role.person.name, entityId: role.person.entityId };
  proposals.relationship('ROLE_AT', from, to, normaliseTitle(role.title), role.evidence, confidence, dates);
  if (role.parent && isOrganisationLike(context, people, role.parent)) {
    const parent = proposals.organisationEnd(role.parent, confidence - 0.1);
    proposals.relationship('PART_OF', to, parent, undefined, role.evidence, confidence - 0.1, {});
  }
}

// "direktør for Virksomhetsoppfølging": one capitalised abstract noun after a title names a unit or a field
// (nouns in -ing, -het, -else, -sjon, -skap; not -tet, which ends "departementet"), not an organisation one can propose.
const UNIT_NOUN = /^\p{Lu}\p{Ll}+(?:ing|het|heit|else|sjon|skap)$/u;
// Units inside an institution ("Institutt for informatikk", "Matematisk-naturvitenskaplig fakultet", "Kirurgisk klinikk").
const UNIT_NAME = /^(?:(?:Institutt|Avdeling|Avdelingen|Seksjon|Seksjonen|Klinikk|Klinikken|Divisjon|Divisjonen|Fakultet)(?:$|[ \u00a0]for[ \u00a0])|.*[ \u00a0-](?:fakultet|institutt|klinikk|avdeling|seksjon)$|\p{Lu}\p{Ll}*-\p{Ll}+$)/u;

/** Not a person, and not a known place, topic or event: something a person can hold a post in. */
function isOrganisationLike(context: DocumentContext, people: PeopleRegister, span: Span): boolean {
  if (people.resolve(span, { requireFirstName: true })) return false;
  const known = exactMatch(context, span);
  if (!known && (UNIT_NOUN.test(span.text) || UNIT_NAME.test(span.text))) return false;
  return !known || ['ORGANISATION', 'VENDOR', 'PROGRAMME'].includes(known.kind);
}

/**
 * The organisation a sentence leaves unsaid: for board posts the one whose board the text names ("Nytt
 * styre i Helseplattformen AS"); otherwise the only organisation the sentence names, or the headline's.
 */
function contextOrganisation(context: DocumentContext, role: RoleFinding, organisations: readonly Span[]): Span | undefined {
  if (role.board || isBoardTitle(normaliseTitle(role.title))) {
    const boards = [...context.text.matchAll(BOARD_OF)]
      .filter((match) => !APPOINTS.test(context.text.slice(match.index + match[0].length, match.index + match[0].length + 20)))
      .map((match) => group(match, 'o') as Span);
    const before = boards.filter((board) => board.start < role.evidence.start).at(-1);
    if (before ?? boards[0]) return before ?? boards[0];
  }
  const sentence = sentenceSpan(context.sentences, role.evidence.start, role.evidence.end);
  const inSentence = organisationsIn(context, organisations, sentence).filter((span) => span.end <= role.personSpan.start || span.start >= role.personSpan.end);
  if (inSentence.length === 1 && !role.headlineOnly) return inSentence[0];
  const headline = context.sentences[0];
  const inHeadline = headline ? organisationsIn(context, organisations, headline) : [];
  return inHeadline.length === 1 ? inHeadline[0] : undefined;
}

function organisationsIn(context: DocumentContext, found: readonly Span[], range: { start: number; end: number }): Span[] {
  const known: Span[] = context.matches
    .filter((match) => match.kind === 'ORGANISATION' || match.kind === 'VENDOR')
    .map((match) => ({ text: match.quote, start: match.start, end: match.end }));
  const spans = [...found, ...known].filter((span) => span.start >= range.start && span.end <= range.end);
  const distinct = new Map<string, Span>();
  for (const span of spans) distinct.set(nameKeyWords(context.text.slice(span.start, span.end)).join(' '), span);
  return [...distinct.values()];
}

/** Capitalised words inside sentences that are short forms of known names ("Hemit" for Helse Midt-Norge IT). */
function proposeShortForms(context: DocumentContext, proposals: ProposalSet): void {
  for (const match of context.text.matchAll(MID_SENTENCE_WORD)) {
    const span = group(match, 'w') as Span;
    if (span.text.length < 3 || span.text.includes('-') || matchesWithin(context, span).length > 0) continue;
    const entry = findShortFormOf(context.gazetteer, nameKeyWords(span.text).join(''));
    if (entry) proposals.entity(entry.kind, span, 0.5, entry.entityId);
  }
}

type Draft = Omit<Proposal, 'quote' | 'start' | 'end'>;

// Vendors share the organisations' keys (see ProposalSet.entity).
const ENTITY_KEY_KINDS: EntityKind[] = ['ORGANISATION', 'PERSON', 'PROGRAMME', 'PRODUCT'];

/** The proposals of one document, one per key, each keeping its most confident evidence. */
class ProposalSet {
  private readonly byKey = new Map<string, Proposal>();

  constructor(private readonly context: DocumentContext) {}

  /**
   * The proposals in text order. A relationship whose new end has no entity proposal of its own would point at
   * nothing once accepted, so it is dropped here, whatever pattern made it.
   */
  sorted(): Proposal[] {
    const complete = (proposal: Proposal): boolean =>
      proposal.kind === 'ENTITY' || [proposal.from, proposal.to].every((end) => end !== undefined && this.isNamed(end));
    return [...this.byKey.values()].filter(complete).sort((a, b) => a.start - b.start || a.key.localeCompare(b.key));
  }

  person(person: PersonName, span: Span, confidence: number): void {
    if (person.entityId) return;
    this.add({ key: entityKey('PERSON', person.name), kind: 'ENTITY', entityKind: 'PERSON', name: person.name, confidence }, span);
  }

  entity(kind: EntityKind, span: Span, confidence: number, duplicateOf?: string): void {
    const name = this.withoutGenitive(span.text.replace(/\s+/g, ' '));
    const duplicate = duplicateOf ?? findDuplicate(this.context.gazetteer, name, kind)?.entityId;
    const proposal: Draft = { key: entityKey(kind === 'VENDOR' ? 'ORGANISATION' : kind, name), kind: 'ENTITY', entityKind: kind, name, confidence };
    if (duplicate) proposal.duplicateOf = duplicate;
    this.add(proposal, span);
  }

  // "Helse Sør-Østs anskaffelse": the genitive -s goes when the document also names it without ("Helse Sør-Øst").
  private withoutGenitive(name: string): string {
    if (!/\p{L}s$/u.test(name)) return name;
    const base = name.slice(0, -1);
    const pattern = new RegExp(`(?<![\\p{L}])${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/[ -]/g, '[ \\u00a0-]')}(?![\\p{L}])`, 'u');
    return pattern.test(this.context.text) ? base : name;
  }

  /** The relationship end for an organisation span, proposing the organisation when it is new. */
  organisationEnd(span: Span, confidence: number): ProposalEnd {
    const end = this.end(span);
    // A post in a programme the text has proposed as such ("programdirektør i FEJO") keeps it a programme.
    if (!end.entityId && !this.byKey.has(entityKey('PROGRAMME', end.name))) this.entity(this.kindOf(end.name) ?? 'ORGANISATION', span, confidence);
    return end;
  }

  end(span: Span): ProposalEnd {
    const known = exactMatch(this.context, span);
    if (known) return { name: known.name, entityId: known.entityId };
    const name = span.text.replace(/\s+/g, ' ');
    const proposed = this.byKey.get(entityKey('ORGANISATION', name));
    return { name: proposed?.name ?? name, entityId: null };
  }

  isNamed(end: ProposalEnd): boolean {
    if (end.entityId) return true;
    return ENTITY_KEY_KINDS.some((kind) => this.byKey.has(entityKey(kind, end.name)));
  }

  private kindOf(name: string): EntityKind | undefined {
    return this.byKey.get(entityKey('ORGANISATION', name))?.entityKind;
  }

  relationship(
    type: Proposal['type'] & string,
    from: ProposalEnd,
    to: ProposalEnd,
    title: string | undefined,
    evidence: { start: number; end: number },
    confidence: number,
    dates: { validFrom?: string; validTo?: string },
  ): void {
    const proposal: Draft = { key: relationshipKey(type, from.name, to.name, title), kind: 'RELATIONSHIP', type, from, to, confidence, ...dates };
    if (title) proposal.title = title;
    this.add(proposal, evidence);
  }

  // The quote is the sentence (or sentences) holding the evidence, so a reviewer reads the claim in context.
  private add(proposal: Draft, evidence: { start: number; end: number }): void {
    const span = sentenceSpan(this.context.sentences, evidence.start, evidence.end);
    const full: Proposal = {
      ...proposal,
      confidence: Math.round(Math.min(1, Math.max(0, proposal.confidence)) * 100) / 100,
      quote: this.context.text.slice(span.start, span.end),
      start: span.start,
      end: span.end,
    };
    if (this.context.publishedAt) full.publishedAt = this.context.publishedAt;
    const known = this.byKey.get(full.key);
    // A name seen as a vendor anywhere stays a vendor: the cue is more specific than "an organisation".
    const vendor = known?.entityKind === 'VENDOR' || full.entityKind === 'VENDOR';
    const kept = known && known.confidence >= full.confidence ? known : full;
    if (vendor) kept.entityKind = 'VENDOR';
    if (!kept.duplicateOf && known?.duplicateOf) kept.duplicateOf = known.duplicateOf;
    this.byKey.set(full.key, kept);
  }
}
