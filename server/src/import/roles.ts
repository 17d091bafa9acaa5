import { group, type DocumentContext, type Span } from './context.js';
import { ACRONYM_AFTER, AT, ORG, ORG_NOUN, PERSON, SP, SPEECH_VERB, TITLE, TITLE_HEAD, pattern } from './patterns.js';
import { PRONOUN, type PeopleRegister, type PersonName } from './people.js';

/** Whether the sentence says the role begins, ends, or neither. */
export type RoleCue = 'start' | 'end' | 'none';

/** A person–title–organisation statement found by one of the patterns below. */
export interface RoleFinding {
  person: PersonName;
  personSpan: Span;
  title: string;
  /** Undefined when the sentence names no organisation; extract.ts may fill it from the document. */
  organisation: Span | undefined;
  /** "virksomhetsdirektør i IKT-tjenester i Sykehuspartner": the unit's parent. */
  parent: Span | undefined;
  evidence: { start: number; end: number };
  confidence: number;
  cue: RoleCue;
  /** A post on the board the text is about (board lists), whatever the title says. */
  board?: boolean;
  /**
   * The organisation, when unsaid, may come only from the headline: after "sier styreleder X." the sentence's
   * organisations are what X talks about, not where X works.
   */
  headlineOnly?: boolean;
}

interface RolePattern {
  regex: RegExp;
  confidence: number;
  cue: RoleCue;
  headlineOnly?: boolean;
  /** The post is on the board the text is about ("Nestleiar i styret blir X"), whatever the title says. */
  board?: boolean;
}

// "overlege ved kirurgisk avdeling på St. Olavs hospital": a lower-case unit between post and organisation.
const UNIT = `(?:${SP}(?:ved|i|på)${SP}\\p{Ll}+(?:${SP}\\p{Ll}+){0,2}(?=${SP}(?:på|i|ved)${SP}\\p{Lu}))?`;
// Adverbs between verb and post ("Telle er i dag administrerende direktør i ...").
const ADVERB = `(?:i${SP}dag|til${SP}daglig|til${SP}dagleg|nå|no|fortsatt|framleis|også|òg|igjen|atter|på${SP}nytt)`;
// "X, som har vært styreleder": a post held before; the name of the group marks the role as ended.
const WAS = `(?<was>var|har${SP}vært|har${SP}vore)`;
// A verb before a title makes the title a predicate of an earlier subject ("X er ny styreleder i A, Y i B"):
// the title does not then introduce the name after the comma.
const NOT_PREDICATE = `(?<!(?<![\\p{L}])(?:er|blir|ble|blei|vart|vert|som)${SP}(?:(?:ny|nye|nytt)${SP})?)`;
const PAST = `(?<past>[Tt]idligere|[Tt]idlegare|tidl\\.|[Ff]orhenværende)`;
const NEW = `(?<new>ny|nye|nytilsett|nyansatt|den${SP}nye)`;
const AGE = `(?:${SP}\\(\\d{2}\\))?`;
// "klinikkleder for Barne- og ungdomsklinikken ved Y": a named unit between the post and its organisation.
const NAMED_UNIT = `(?:${SP}for${SP}\\p{Lu}\\p{Ll}+(?:-${SP}og${SP}\\p{Ll}+|${SP}\\p{Ll}+){0,2}(?=${SP}(?:ved|i|på)${SP}\\p{Lu}))?`;
// A subject that may be a pronoun ("Hun kommer fra stillingen som ..."), resolved by PeopleRegister.pronoun.
const SUBJECT = `(?:${PRONOUN}|${PERSON})`;

// Each pattern is a way Norwegian news writes who holds which post; the comments give the shape.
const ROLE_PATTERNS: RolePattern[] = [
  // "Gro Jære, administrerende direktør i Sykehuspartner"; "X, tidligere direktør i Y"; "X (54), sjef i Y"
  { regex: pattern(`(?<p>${PERSON})${AGE},${SP}(?:(?:som${SP}(?:${ADVERB}${SP})?(?:er|${WAS})|nå)${SP}(?:${ADVERB}${SP})?)?(?:${PAST}${SP})?(?:${NEW}${SP})?(?<t>${TITLE})(?:${SP}og${SP}(?<t2>${TITLE}))?${UNIT}${SP}${AT}${SP}${ORG_NOUN}(?<o>${ORG})(?:${SP}i${SP}(?<o2>${ORG}))?`), confidence: 0.9, cue: 'none' },
  // "eigardirektør i Helse Midt-Noreg, Nils Kvernmo"; "tidligere sjef i Y, X"
  { regex: pattern(`${NOT_PREDICATE}(?:${PAST}${SP})?(?<t>${TITLE})${SP}${AT}${SP}${ORG_NOUN}(?<o>${ORG}),${SP}(?<list>${PERSON}(?:${SP}og${SP}${PERSON})?)`), confidence: 0.85, cue: 'none' },
  // "sier adm. dir. X i Y"; "prosjektsjef X og programdirektør Y i Z"
  { regex: pattern(`(?:${PAST}${SP})?(?<t>${TITLE})${SP}(?<p>${PERSON})(?:${SP}og${SP}(?<t2>${TITLE})${SP}(?<p2>${PERSON}))?${SP}(?:i|hos|ved|på)${SP}(?<o>${ORG})`), confidence: 0.85, cue: 'none' },
  // "Norsk Helsenett har ansatt 52 år gamle X som administrerende direktør"; "Y har tilsett X (45) som sjef"
  { regex: pattern(`(?<o>${ORG})${ACRONYM_AFTER}${SP}(?:har${SP})?(?:ansatt|ansetter|tilsett|tilset|engasjert|hentet|henta|rekruttert|utnevnt|utnemnt|valgt|vald|konstituert)${SP}(?:\\d{1,3}${SP}år${SP}gamle${SP})?(?<p>${PERSON})${AGE}${SP}(?:som|til)${SP}(?:ny${SP})?(?<t>${TITLE})`), confidence: 0.9, cue: 'start' },
  // "Ny styreleder er X"; "Ny direktør i Y blir X"
  { regex: pattern(`(?<![\\p{L}])(?:[Nn]y|[Nn]ye|[Nn]ytt)${SP}(?<t>${TITLE})(?:${SP}${AT}${SP}${ORG_NOUN}(?<o>${ORG})|(?:${SP}(?:for|i)(?:${SP}\\p{Ll}+){1,4}))?${SP}(?:er|blir|blei|ble|vert|vart)${SP}(?<list>${PERSON}(?:,${SP}${PERSON})*(?:${SP}og${SP}${PERSON})?)`), confidence: 0.85, cue: 'start' },
  // "Nestleder i styret blir X"; "Styreleiar i Y er X": a board post opening the sentence, its holder after the verb
  { regex: pattern(`(?<![\\p{L},][ \\u00a0])(?<t>${TITLE})${SP}i${SP}styret(?:${SP}${AT}${SP}${ORG_NOUN}(?<o>${ORG}))?${SP}(?:er|blir|blei|ble|vert|vart)${SP}(?<list>${PERSON}(?:${SP}og${SP}${PERSON})?)`), confidence: 0.8, cue: 'start', board: true },
  // "Direktoratet for e-helse får Christine Bergland som direktør"; "Y fikk X (50) som ny sjef"
  { regex: pattern(`(?<o>${ORG})${ACRONYM_AFTER}${SP}(?:får|fekk|fikk)${SP}(?<p>${PERSON})${AGE}${SP}som${SP}(?:(?<new>ny)${SP})?(?<t>${TITLE})`), confidence: 0.85, cue: 'start' },
  // "X etterfølger Y i rollen som styreleder"; "X tek over etter Y, som har vore leiar": the predecessor's post
  { regex: pattern(`(?:etterfølger|etterfølgjer|etterfulgte|avløser|avløyser|avløste|tar${SP}over${SP}etter|tek${SP}over${SP}etter|tok${SP}over${SP}etter|overtar${SP}etter|overtek${SP}etter|overtok${SP}etter)${SP}(?<p>${PERSON}),?${SP}(?:i${SP}(?:rollen|rolla|stillingen|stillinga|vervet)${SP})?som${SP}(?:(?:har${SP}vært|har${SP}vore|var)${SP})?(?<t>${TITLE})(?:${SP}${AT}${SP}${ORG_NOUN}(?<o>${ORG}))?`), confidence: 0.8, cue: 'end' },
  // "Kari Moe etterfølger Nils Aune som styreleder i Y": the successor takes the post (not after "som har vært")
  { regex: pattern(`(?<p>${SUBJECT})${SP}(?:etterfølger|etterfølgjer|etterfulgte|avløser|avløyser|avløste|tar${SP}over${SP}etter|tek${SP}over${SP}etter|tok${SP}over${SP}etter|overtar${SP}etter|overtek${SP}etter|overtok${SP}etter)${SP}${PERSON}${SP}(?:i${SP}(?:rollen|rolla|stillingen|stillinga|vervet)${SP})?som${SP}(?<t>${TITLE})(?:${SP}${AT}${SP}${ORG_NOUN}(?<o>${ORG}))?`), confidence: 0.75, cue: 'start' },
  // "X går av som direktør i Y"; "X gikk av som styreleder"
  { regex: pattern(`(?<p>${SUBJECT})${SP}(?:går|gjekk|gikk|trer|trådte|trekker${SP}seg)${SP}(?:av${SP}|ut${SP})?som${SP}(?<t>${TITLE})(?:${SP}${AT}${SP}${ORG_NOUN}(?<o>${ORG}))?`), confidence: 0.85, cue: 'end' },
  // "X (54) blir ny direktør i Y"; "X er seksjonsleder i Y"; "X tiltrer som sjef i Y"
  { regex: pattern(`(?<p>${SUBJECT})${AGE}${SP}(?:blir|blei|ble|vert|vart|er|tiltrer${SP}som|begynner${SP}som|byrjar${SP}som|starter${SP}som|startar${SP}som)${SP}(?:${ADVERB}${SP})?(?:${NEW}${SP})?(?:${PAST}${SP})?(?<t>${TITLE})(?:${UNIT}${SP}${AT}${SP}${ORG_NOUN}(?<o>${ORG}))?`), confidence: 0.85, cue: 'none' },
  // "Han var tidligere direktør i DIPS AS"; "X var sjef i Y"
  { regex: pattern(`(?<p>${SUBJECT})${SP}(?:var|har${SP}(?:(?:tidligere|tidlegare|også|òg)${SP})?vært|har${SP}(?:(?:tidligere|tidlegare|også|òg)${SP})?vore)${SP}(?:${PAST}${SP})?(?<t>${TITLE})${SP}${AT}${SP}${ORG_NOUN}(?<o>${ORG})`), confidence: 0.8, cue: 'end' },
  // "UNN-direktør Tor Ingebrigtsen"; "Hemit-sjefen Kari Dahl": the organisation written into the title
  { regex: pattern(`(?:${PAST}${SP})?(?<![\\p{L}-])(?<o>(?:Helse${SP}|Sykehuset${SP}|Sjukehuset${SP})?(?:\\p{Lu}[\\p{Lu}\\p{N}]+|\\p{Lu}\\p{Ll}+))-(?<t>${TITLE_HEAD})(?:en)?${SP}(?<p>${PERSON})`), confidence: 0.75, cue: 'none' },
  // "X fortsetter som styreleder i Y"; "arbeidet han blant annet som direktør i Y"; "X er oppnevnt som leder for Y"
  { regex: pattern(`(?<pre>(?:arbeidet|arbeidde|jobbet|jobba|var)${SP})?(?<p>${SUBJECT})${AGE}(?<gap>(?:${SP}(?!(?:han|hun|ho)(?![\\p{L}]))\\p{Ll}+){0,4})${SP}som${SP}(?:${NEW}${SP})?(?<t>${TITLE})${SP}${AT}${SP}${ORG_NOUN}(?<o>${ORG})`), confidence: 0.8, cue: 'none' },
  // "X fortsetter som styreleder og Y som nestleder"; "X held fram som nestleiar"; "Y kommer inn som ny nestleder"
  { regex: pattern(`(?<p>${PERSON})${SP}(?:fortsetter|fortset|held${SP}fram|kommer${SP}inn|kjem${SP}inn|går${SP}inn)${SP}som${SP}(?:(?<new>ny)${SP})?(?<t>${TITLE})(?:${SP}og${SP}(?<p2>${PERSON})${SP}som${SP}(?:ny${SP})?(?<t2>${TITLE}))?(?=[.,;]|${SP}(?!${AT}${SP})\\p{Ll}|$)`), confidence: 0.7, cue: 'none' },
  // "A og B er nye styremedlemmer"; "A, B og C er ansatterepresentanter": a list and its plural post
  { regex: pattern(`(?<list>${PERSON}(?:,${SP}${PERSON})*${SP}og${SP}${PERSON})${SP}(?:er|blir|vert)${SP}(?:(?<new>nye)${SP})?(?<t>${TITLE})(?=[.,;]|$)`), confidence: 0.7, cue: 'none' },
  // "Olav Dahl, som har vært styreleder siden 2019,": a post without its organisation, left to the context
  { regex: pattern(`(?<p>${PERSON})${AGE},${SP}som${SP}(?:${ADVERB}${SP})?(?:er|${WAS})${SP}(?:${ADVERB}${SP})?(?<t>${TITLE})(?=[.,;]|${SP}(?!${AT}${SP}|og${SP})\\p{Ll})`), confidence: 0.7, cue: 'none' },
  // "sier styreleder Morten Thorkildsen.": the organisation is left to the context
  { regex: pattern(`${SPEECH_VERB}${SP}(?<t>${TITLE})${SP}(?<p>${PERSON})(?=[.,;:!?]|$)`), confidence: 0.75, cue: 'none', headlineOnly: true },
  // "Før dette var Tvedt rådmann i Jølster kommune": the verb before its subject after an adverbial
  { regex: pattern(`(?<![\\p{L}])(?:var|er|blir|ble|blei|vart|vert)${SP}(?<p>${SUBJECT})${SP}(?:${ADVERB}${SP})?(?:(?<new>ny|nye)${SP})?(?<t>${TITLE})${UNIT}${SP}${AT}${SP}${ORG_NOUN}(?<o>${ORG})`), confidence: 0.8, cue: 'none' },
  // "Tvedt, som kom til Helse Førde som direktør for psykisk helsevern"
  { regex: pattern(`(?<p>${SUBJECT}),?${SP}(?:som${SP})?(?:kom|kommer|kjem|går|gikk|gjekk)${SP}(?:over${SP})?til${SP}(?<o>${ORG})${SP}som${SP}(?<t>${TITLE})`), confidence: 0.8, cue: 'start' },
  // "Helse Førde sin styreleiar Agnes Landstad, styrenestleiar Atle Hamar"
  { regex: pattern(`(?<o>${ORG})${SP}(?:sin|si|sitt|sine)${SP}(?<t>${TITLE})${SP}(?<p>${PERSON})(?:,${SP}(?<t2>${TITLE})${SP}(?<p2>${PERSON}))?`), confidence: 0.8, cue: 'none' },
  // "stortingsrepresentant Bård Hoksrud (Frp)": the party in brackets
  { regex: pattern(`(?<t>${TITLE})${SP}(?<p>${PERSON})${SP}\\((?<o>\\p{Lu}[\\p{L}]{1,10})\\)`), confidence: 0.75, cue: 'none' },
  // "X er av styret i Y oppnevnt til ny styreleder ved Z"; "X ble i går valgt som leder i Z"
  { regex: pattern(`(?<p>${SUBJECT})${SP}(?:er|ble|blei|vart|blir|vert)${SP}(?:[^.\\n]{0,60}?${SP})?(?:oppnevnt|oppnemnd|utnevnt|utnemnd|valgt|vald|konstituert|ansatt|tilsett)${SP}(?:til|som)${SP}(?:${NEW}${SP})?(?:nytt${SP})?(?<t>${TITLE})(?:${SP}${AT}${SP}${ORG_NOUN}(?<o>${ORG}))?`), confidence: 0.8, cue: 'start' },
  // "Svein Gjedrem (styreleder)": the post in brackets, in fact boxes and lists
  { regex: pattern(`(?<p>${PERSON})${SP}\\((?<t>${TITLE})\\)`), confidence: 0.75, cue: 'none' },
  // "X kommer fra jobben som kommunaldirektør for byutvikling i Trondheim kommune"
  { regex: pattern(`(?<p>${SUBJECT})${SP}(?:kommer|kjem|kom)${SP}(?:fra|frå)${SP}(?:jobben|stillingen|stillinga|rollen|rolla)${SP}som${SP}(?<t>${TITLE})${NAMED_UNIT}${SP}${AT}${SP}${ORG_NOUN}(?<o>${ORG})`), confidence: 0.85, cue: 'end' },
];

// "I tillegg er X og Y nye i styret"; "X, Y og Z har sittet i styret": board members, whose board may be named
// elsewhere in the text ("Nytt styre i Helseplattformen AS").
const BOARD_LIST = pattern(
  `(?<list>${PERSON}(?:,${SP}${PERSON})*(?:${SP}og${SP}${PERSON})?)(?<gap>(?:${SP}\\p{Ll}+){1,3})${SP}i${SP}styret(?:${SP}(?:i|for|til)${SP}(?<o>${ORG}))?`,
);

// "• Leder Morten Thorkildsen"; "Styremedlemmer: A, B og C": a list under a heading that names the board.
const LISTED_POSTS = new RegExp(
  `^[ \\t]*(?:[•*·–-][ \\t]*)?(?<t>${TITLE}(?:${SP}i${SP}styret)?)(?:${SP}?:)?${SP}(?<list>${PERSON}(?:,${SP}${PERSON})*(?:${SP}og${SP}${PERSON})?)[ \\t]*$`,
  'gdmu',
);

// A fact-box line with the board post, the name and the person's own post at an organisation, without a
// preposition: "Nestleder: Anne Dahl, økonomidirektør Helse Indre RHF".
const FACT_BOX_LINE = new RegExp(
  `^[ \\t]*(?:[•*·–-][ \\t]*)?(?<t>${TITLE})${SP}?:${SP}(?<p>${PERSON}),${SP}(?<t2>${TITLE})${SP}(?:(?:i|ved|hos|på)${SP})?(?<o>${ORG})[ \\t.]*$`,
  'gdmu',
);

// A line holding only a name ("Geir Nilsen", "Einar Lunde (ny)") in a list under "Det nye styret for Y:".
const LONE_NAME_LINE = new RegExp(
  `^[ \\t]*(?:[•*·–-][ \\t]*)?(?!${TITLE})(?<p>${PERSON})(?:${SP}\\((?:(?<t>${TITLE})|ny|nytt|nye)\\))*[ \\t]*$`,
  'gdmu',
);
const BOARD_HEADING = /(?<![\p{L}])[Ss]tyre(?:t|a)?[ \u00a0](?:for|i|til)[ \u00a0][^\n]*:/u;

/** Every role statement the patterns find, people checked against the register. */
export function findRoles(context: DocumentContext, people: PeopleRegister): RoleFinding[] {
  const findings: RoleFinding[] = [];
  for (const { regex, confidence, cue, headlineOnly, board } of ROLE_PATTERNS) {
    for (const match of context.text.matchAll(regex)) {
      const evidence = { start: match.index, end: match.index + match[0].length };
      const organisation = group(match, 'o');
      const parent = group(match, 'o2');
      const past = group(match, 'past') !== undefined || group(match, 'was') !== undefined;
      const isNew = group(match, 'new') !== undefined;
      const gap = `${group(match, 'pre')?.text ?? ''} ${group(match, 'gap')?.text ?? ''}`;
      const pastInGap = /(?<![\p{L}])(?:tidligere|tidlegare|arbeidet|arbeidde|jobbet|jobba|var|kommer fra|kjem frå)(?![\p{L}])/u.test(gap);
      const roleCue: RoleCue = past || pastInGap ? 'end' : isNew ? 'start' : cue;
      const list = group(match, 'list');
      const pairs: [Span | undefined, Span | undefined][] = list
        ? splitList(list).map((span) => [span, group(match, 't')])
        : // "X, direktør og styreleder i Y": a second title without a second person is the first person's.
          [[group(match, 'p'), group(match, 't')], [group(match, 'p2') ?? (group(match, 't2') ? group(match, 'p') : undefined), group(match, 't2')]];
      for (const [personSpan, title] of pairs) {
        if (!personSpan || !title) continue;
        const person = /^(?:han|hun|ho)$/i.test(personSpan.text) ? people.pronoun(personSpan.text, personSpan.start) : people.resolve(personSpan);
        if (!person) continue;
        // Without a common first name the pattern alone must carry the weight.
        const weight = person.knownFirstName || person.entityId ? 0 : 0.1;
        findings.push({ person, personSpan, title: title.text, organisation, parent, evidence, confidence: confidence - weight, cue: roleCue, headlineOnly, ...(board ? { board } : {}) });
        if (organisation) findings.push(...chainedRoles(context.text, person, personSpan, organisation.end, confidence - weight - 0.05, roleCue));
      }
    }
  }
  for (const match of context.text.matchAll(BOARD_LIST)) {
    const list = group(match, 'list') as Span;
    const evidence = { start: match.index, end: match.index + match[0].length };
    for (const personSpan of splitList(list)) {
      const person = people.resolve(personSpan);
      if (!person) continue;
      // "X har vært nestleder i styret": the post, when the words before "i styret" name one.
      const post = /(?<![\p{L}])(\p{Ll}*(?:leder|leiar|medlem))$/u.exec(group(match, 'gap')?.text ?? '')?.[1];
      const title = post ? `${post} i styret` : 'styremedlem';
      findings.push({ person, personSpan, title, organisation: group(match, 'o'), parent: undefined, evidence, confidence: 0.75, cue: 'none', board: true });
    }
  }
  for (const match of context.text.matchAll(LONE_NAME_LINE)) {
    const personSpan = group(match, 'p') as Span;
    // The heading must come shortly before: a name alone on a line elsewhere is a caption, not a board seat.
    const before = context.text.slice(Math.max(0, match.index - 600), match.index);
    if (!BOARD_HEADING.test(before)) continue;
    const person = people.resolve(personSpan);
    const title = group(match, 't')?.text ?? 'styremedlem';
    if (person) findings.push({ person, personSpan, title, organisation: undefined, parent: undefined, evidence: { start: match.index, end: match.index + match[0].length }, confidence: 0.65, cue: 'none', board: true });
  }
  for (const match of context.text.matchAll(FACT_BOX_LINE)) {
    const personSpan = group(match, 'p') as Span;
    const person = people.resolve(personSpan);
    if (!person) continue;
    const evidence = { start: match.index, end: match.index + match[0].length };
    findings.push({ person, personSpan, title: (group(match, 't') as Span).text, organisation: undefined, parent: undefined, evidence, confidence: 0.7, cue: 'none', board: true });
    findings.push({ person, personSpan, title: (group(match, 't2') as Span).text, organisation: group(match, 'o'), parent: undefined, evidence, confidence: 0.75, cue: 'none' });
  }
  for (const match of context.text.matchAll(LISTED_POSTS)) {
    const title = group(match, 't') as Span;
    const evidence = { start: title.start, end: match.index + match[0].length };
    for (const personSpan of splitList(group(match, 'list') as Span)) {
      const person = people.resolve(personSpan);
      // A listed post is a board post: the list stands under the heading that names the board.
      if (person) findings.push({ person, personSpan, title: title.text, organisation: undefined, parent: undefined, evidence, confidence: 0.75, cue: 'none', board: true });
    }
  }
  return findings;
}

// ", prosjektleder og kontrolldirektør i Y og rådgiver i Z": more posts of the same person, listed on.
const CHAINED_ROLE = new RegExp(
  `^(?:,${SP}|${SP}og${SP})(?:(?<was>har${SP}(?:tidligere${SP}|tidlegare${SP})?(?:vært|vore)|var|hadde${SP}vært)${SP})?(?:(?<past>tidligere|tidlegare)${SP})?(?<t>${TITLE})(?:${SP}og${SP}(?<t2>${TITLE}))?${SP}${AT}${SP}${ORG_NOUN}(?<o>${ORG})`,
  'du',
);

function chainedRoles(text: string, person: PersonName, personSpan: Span, from: number, confidence: number, listCue: RoleCue): RoleFinding[] {
  const findings: RoleFinding[] = [];
  let position = from;
  for (let count = 0; count < 6; count += 1) {
    const match = CHAINED_ROLE.exec(text.slice(position));
    const organisation = match && group(match, 'o');
    if (!match || !organisation) break;
    const shift = (span: Span): Span => ({ text: span.text, start: span.start + position, end: span.end + position });
    const evidence = { start: personSpan.start, end: position + match[0].length };
    const cue: RoleCue = group(match, 'past') || group(match, 'was') ? 'end' : listCue;
    for (const name of ['t', 't2']) {
      const title = group(match, name);
      if (title) findings.push({ person, personSpan, title: title.text, organisation: shift(organisation), parent: undefined, evidence, confidence, cue });
    }
    position += match[0].length;
  }
  return findings;
}

/** "A, B og C" as three spans. */
export function splitList(list: Span): Span[] {
  const spans: Span[] = [];
  const separator = /,[ \u00a0]|[ \u00a0]og[ \u00a0]/g;
  let start = 0;
  for (const match of list.text.matchAll(separator)) {
    spans.push({ text: list.text.slice(start, match.index), start: list.start + start, end: list.start + match.index });
    start = match.index + match[0].length;
  }
  spans.push({ text: list.text.slice(start), start: list.start + start, end: list.end });
  return spans;
}
