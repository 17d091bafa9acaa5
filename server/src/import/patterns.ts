/**
 * Regular-expression building blocks for Norwegian news writing. Patterns are a fixed handful, independent of
 * the number of known names (those go through the gazetteer's trie).
 */
import { SPEECH_VERBS, TITLE_HEADS, TITLE_MODIFIERS } from './norwegian.js';

/** One space between words of one phrase; a line break or two spaces end it. */
export const SP = '[ \\u00a0]';

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** A capitalised word, hyphenated parts included ("Sykehuspartner", "Midt-Norge", "Anne-Marie", "IKT"). */
export const CAP_WORD = '(?<![\\p{L}\\p{N}-])\\p{Lu}[\\p{L}\\p{N}]*(?:-[\\p{L}\\p{N}]+)*';
// Counties whose names hold "og" ("Helse Møre og Romsdal"), and "St." of saints' names ("St. Olavs hospital").
const NAME_WORD = `(?:Møre${SP}og${SP}Romsdal|Sogn${SP}og${SP}Fjordane|Troms${SP}og${SP}Finnmark|Vestfold${SP}og${SP}Telemark|St\\.\\p{Lu}\\p{L}*|St\\.|${CAP_WORD})`;
/** A run of capitalised words: a name of any kind ("Helse Midt-Norge IT", "Håkon Einar Grimstad"). */
export const NAME_SEQ = `${NAME_WORD}(?:${SP}${NAME_WORD})*`;
/** Coordinated compounds naming a ministry or agency ("Helse- og omsorgsdepartementet", "Helse – og ..."). */
// Journalists also write the ministry in lower case ("fra helse- og omsorgsdepartementet").
export const COORDINATED_AGENCY = `(?<![\\p{L}])\\p{L}\\p{Ll}*${SP}?[-–]${SP}?og${SP}\\p{Ll}+(?:departementet|direktoratet|tilsynet)`;
/** An organisation as news names it after "i"/"hos"/"ved": a name, possibly "X kommune" or a ministry. */
// "Politiets datatjeneste", "Statens helsetilsyn": a capitalised genitive and the lower-case noun it owns.
const GENITIVE_NAME = `\\p{Lu}\\p{Ll}+s${SP}\\p{Ll}{4,}(?![\\p{L}])`;
// "Direktoratet for e-helse", "Fylkesmannen i Vest-Agder", "Universitetet i Oslo": an institution noun and its field.
// The field may be an adjective and its noun ("for medisinsk teknologi", "for klinisk dokumentasjon") or two nouns
// joined by "og" ("for samfunnssikkerhet og beredskap"); adjectives are known by their endings, so a verb after
// the name ("Direktoratet for e-helse får ...") stays outside it.
const FIELD_ADJECTIVE = `\\p{Ll}+(?:isk|iske|ig|ige|lig|lige|leg|lege|al|ale|ell|elle|iv|ive|ær|ære|sk|ske)`;
const INSTITUTION_FIELD = `(?:${FIELD_ADJECTIVE}${SP}\\p{Ll}[\\p{L}\\p{N}-]*|[\\p{L}][\\p{L}\\p{N}-]*(?:${SP}og${SP}\\p{Ll}[\\p{Ll}-]{3,}(?=${SP}(?:\\p{Lu}|har|er|skal|vil|får|fikk|kan|må|blir|ble|var|sier|seier)|[.,;:!?)]|$))?)`;
export const INSTITUTION = `(?:(?:Direktoratet|Senteret|Senter|Fylkesmannen|Statsforvalteren|Universitetet|Høgskolen|Høgskulen|Tilsynet|Rådet|Nasjonalt${SP}senter)${SP}(?:for|i|på)${SP}${INSTITUTION_FIELD}|(?:Sykehuset|Sjukehuset|Sykehusapotekene|Sjukehusapoteka)${SP}(?:i|på)${SP}\\p{Lu}[\\p{L}-]*)`;
/** State agencies named "Statens <noun>" ("Statens helsetilsyn", "Statens legemiddelverk"). */
export const STATE_AGENCY = `Statens${SP}\\p{Ll}{4,}(?![\\p{L}])`;
export const ORG = `(?:${INSTITUTION}|${COORDINATED_AGENCY}|${GENITIVE_NAME}|${NAME_SEQ}(?:${SP}(?:fylkeskommune|kommune|sykehus|sjukehus|universitetssykehus|hospital)(?![\\p{L}]))?)`;
/** An acronym in brackets after an organisation's name ("Helse Sør-Øst (HSØ) har ansatt ..."): skipped over. */
export const ACRONYM_AFTER = `(?:${SP}\\(\\p{Lu}[\\p{Lu}\\p{N}]{1,7}\\))?`;
/** A word of a person's name: capitalised, hyphenated parts capitalised too ("Anne-Marie", not "UNN-direktør"). */
const PERSON_WORD = `(?<![\\p{L}\\p{N}-])\\p{Lu}[\\p{Ll}'’]+(?:-\\p{Lu}[\\p{Ll}]+)*`;
/** Up to four name words, a middle initial allowed ("Bjørg H. Jenssen"): checked by people.ts before it counts. */
export const PERSON = `${PERSON_WORD}(?:${SP}(?:\\p{Lu}\\.${SP})?${PERSON_WORD}){0,3}`;

const HEADS = TITLE_HEADS.map(escape);
// Plural endings too, for lists ("styremedlemmer", "direktører", "styreledere").
const TITLE_WORD = `(?:(?:\\p{L}[\\p{L}-]*?)?(?:${HEADS.join('|')})|(?:${HEADS.map(capitalise).join('|')}))(?:e|er|ar|mer|mar|mene|ane|arane|ene|en)?(?![\\p{L}])`;
// A modifier may open a sentence or a caption ("Administrerende direktør Stig Slørdahl", "Medisinsk Direktør").
const MODIFIERS = `(?:(?:${TITLE_MODIFIERS.flatMap((word) => [escape(word), escape(capitalise(word))]).join('|')})${SP}?)*`;
// "direktør for eierstyring", "kommunaldirektør for byutvikling og miljø": a lower-case field belongs to the
// title; "seksjonsleder for Porteføljekontoret" names the unit instead (capitalised: see ORG).
const FIELD_WORD = `(?!(?:i|hos|ved|på|av|for|og)(?![\\p{L}]))\\p{Ll}[\\p{Ll}-]*`;
const TITLE_FIELD = `(?:${SP}for${SP}${FIELD_WORD}(?:${SP}(?:og${SP})?${FIELD_WORD}){0,2})?`;
/** A title: "administrerende direktør", "adm. dir.", "prosjektsjef", "Direktør for eierstyring". */
// Only at the start of a word: otherwise every letter of the text would start a try of every title head.
export const TITLE = `(?<![\\p{L}\\p{N}-])(?:[Aa]dm\\.${SP}?dir\\.|${MODIFIERS}${TITLE_WORD}${TITLE_FIELD})`;

/** A company noun before the name in an organisation slot ("styreleder i helseforetaket Hemit"): not part of it. */
export const ORG_NOUN = `(?:(?:helseforetaket|helseføretaket|selskapet|foretaket|føretaket|konsernet|firmaet|datterselskapet|dotterselskapet|konsulentselskapet|it-selskapet|IT-selskapet)${SP})?`;

/** Prepositions that tie a title to its organisation. */
export const AT = `(?:i|hos|ved|for|på|av)`;

/** A title word alone, for compounds such as "UNN-direktør" and "Hemit-sjefen". */
export const TITLE_HEAD = `(?:${HEADS.join('|')})`;

export const SPEECH_VERB = `(?:${SPEECH_VERBS.map((verb) => verb.replace(/ /g, SP)).join('|')})`;

/** Compiles a pattern with Unicode and match indices (for the offsets of named groups). */
export function pattern(source: string): RegExp {
  return new RegExp(source, 'gdu');
}

/** The normal form of a title: "adm. dir." spelled out, lower-case first letter, single spaces. */
export function normaliseTitle(title: string): string {
  const spaced = title.replace(/\s+/g, ' ').trim();
  const expanded = spaced
    .replace(/^adm\. ?dir\.$/i, 'administrerende direktør')
    .replace(/^adm\. ?/i, 'administrerende ')
    // Plurals from lists ("styremedlemmer: A, B og C", "styreledere i ...") name one post per person.
    .replace(/medlem(?:mer|mar|mene|ane|er|ene|ar)$/, 'medlem')
    .replace(/(leder|leiar|direktør|sjef)(?:e|er|ar|ane|arane|ene|en)$/, '$1')
    .replace(/(representant)(?:er|ar|ane|ene|en)$/, '$1');
  // "Direktør" opens a sentence and becomes "direktør"; "IT-sjef" keeps its acronym.
  return /^\p{Lu}\p{Ll}/u.test(expanded) ? expanded.charAt(0).toLowerCase() + expanded.slice(1) : expanded;
}

/** Board titles, whose organisation is the one whose board the text is about. */
export function isBoardTitle(title: string): boolean {
  // "medlem" alone and employee representatives are board posts in the news about a board.
  return /^(?:styre|nestleder i styret|nestleiar i styret|styremedlem|varamedlem|medlem$|ansatterepresentant|tilsetterepresentant|ansattvalgt|tilsettevald)/.test(normaliseTitle(title));
}
