/**
 * Word lists for Norwegian (Bokmål and Nynorsk) news writing. Everything here is folded (see tokens.ts):
 * lower case, æ -> ae, ø -> o, å -> a.
 */

/** Legal-form suffixes that may follow an organisation's name or be left out ("Sykehuspartner HF"). */
export const LEGAL_SUFFIXES: ReadonlySet<string> = new Set(['hf', 'rhf', 'as', 'asa', 'sf', 'iks', 'kf', 'ba', 'sa']);

/**
 * Nynorsk spellings of words that occur in names, mapped to Bokmål, so "Helse Midt-Noreg" and
 * "Helse Midt-Norge" fold to the same key.
 */
export const NYNORSK_TO_BOKMAL: Readonly<Record<string, string>> = {
  noreg: 'norge',
  sjukehus: 'sykehus',
  sjukehuset: 'sykehuset',
  universitetssjukehus: 'universitetssykehus',
  kommunen: 'kommune',
  fylkeskommunen: 'fylkeskommune',
  austlandet: 'ostlandet',
};

/**
 * Common Norwegian first names (after SSB's name statistics), with the gender "han"/"hun" would refer to.
 * A name here makes a capitalised pair a person without any other cue; an unknown first name needs a cue
 * (a title, a speech verb, an age).
 */
const FEMALE = `anne inger kari marit ingrid liv eva berit astrid bjorg hilde anna solveig marianne randi ida
  nina maria elisabeth kristin bente heidi silje hanne gro ellen tone tove turid linda camilla ragnhild wenche
  hege grete unni sigrid mari laila elin else kjersti reidun ingeborg marie kirsten karin lene mette monica
  monika torill trine cecilie kristine julie hanna sara emma nora ingvild guro siri tuva vilde thea maja
  aud gunn gunhild bodil jorunn synnove ase asa britt brit karen margrethe margit oddny ruth sissel grethe
  sylvi vigdis irene janne line lise merete ragnhild rigmor stine tonje trude veronica vibeke agnes helga
  magnhild kristi kjellaug torunn aslaug bergljot dagny eli ellinor hedda ingunn katrine lill lisbeth
  agnete ann anita annette beate bjorg borghild cathrine christine elise ellen frida gerd grethe gunnhild
  hilda ingrid jenny johanne karianne kathrine lena lisa live mona monica nanna oda ragna rakel rita
  signe siv solfrid sonja stine susanne synne tina torunn trude unn vera victoria wenche yvonne
  aasa alma anette anja aud-helen benedicte birgit charlotte clara dorthe ebba edel emilie gunvor guri helene helle inga kaja karoline lillian malin maren marte marthe mia oddrun pernille renate runa sidsel sigrun svanhild torhild ulla`;
const MALE = `jan per bjorn ole lars kjell knut arne svein hans geir tor terje odd thomas martin erik john
  morten einar rune andreas trond jon harald olav tore anders gunnar rolf leif kristian nils tom stein
  espen magnus jorgen daniel fredrik petter henrik jonas kjetil steinar havard hakon ivar helge oyvind
  frode vidar egil asbjorn oddvar sverre sigurd halvor torbjorn atle bard dag eirik eivind even gaute
  gisle hallvard jens karl kare kristoffer lasse mads mathias nikolai ola oskar paal pal peder reidar
  roar roger runar sindre snorre stian sturla sveinung tarjei torstein trygve ulf vegard yngve audun
  alf aksel arild asmund bernt bjarne eilif finn gard geirmund gustav hallstein ingvar jarle johan
  johannes kai kenneth kim kolbjorn lorentz mikkel morgan nicolai njal oddbjorn oystein paul ragnar
  robert sebastian sigmund simen sondre stale svenn tobias tormod torgeir vebjorn william
  alexander anton arvid bent borge brede carl christian eigil eskil fredrik georg gjermund hallgeir
  herman hermann inge ingebrigt jakob jarl jostein kare kasper kjartan kristen leiv lars-erik magne
  markus mats nils-erik odd-arne olaf ole-jan otto peter rasmus roald sigve stig sverre terje tomas
  torleif trond-arne vidar vilhelm
  aage amund arnfinn arthur asle birger bjornar brynjar dagfinn dan edvard eldar elling erlend erling eyvind filip frank fridtjof gudmund haakon haavard haldor halfdan halvard helmer henning hilmar idar ingar ingolf isak joakim jonny kaare ketil klaus konrad kristofer lennart leon ludvig marius mons nikolas oddmund oliver olve osvald ottar preben ronny sigbjorn sivert steffen sten sven tarald thor tord torfinn torkel torleiv tron truls ulrik valter vemund viggo vilmar yngvar`;

function words(list: string): string[] {
  return list.split(/\s+/).filter((word) => word.length > 0);
}

export type Gender = 'female' | 'male';
export const FIRST_NAMES: ReadonlyMap<string, Gender> = new Map<string, Gender>([
  ...words(MALE).map((name): [string, Gender] => [name, 'male']),
  ...words(FEMALE).map((name): [string, Gender] => [name, 'female']),
]);

/** Words that end a title ("direktør", "seksjonsleder", "eigardirektør"): a title is any word ending so. */
export const TITLE_HEADS = [
  'direktør', 'direktor', 'leder', 'leiar', 'sjef', 'styremedlem', 'rådgiver', 'rådgjevar', 'rådmann',
  'ordfører', 'ordførar', 'overlege', 'sjefslege', 'konsulent', 'koordinator', 'ansvarlig', 'ansvarleg',
  'forsker', 'forskar', 'professor', 'president', 'formann', 'sekretær', 'minister', 'arkitekt', 'controller',
  'økonom', 'advokat', 'ingeniør', 'kommunedirektør', 'medlem', 'manager', 'ceo', 'cto', 'cio', 'cfo', 'coo',
  'CEO', 'CTO', 'CIO', 'CFO', 'COO', 'varaordfører', 'representant', 'nestleder', 'nestleiar',
] as const;

/** Words that may stand before a title's head ("administrerende direktør", "konstituert sjef"). */
export const TITLE_MODIFIERS = [
  'administrerende', 'administrerande', 'viseadministrerende', 'viseadministrerande', 'adm.', 'konstituert', 'konstituerande', 'fungerende', 'fungerande',
  'assisterende', 'assisterande', 'daglig', 'dagleg', 'teknisk', 'medisinsk', 'økonomisk', 'økonomi-',
  'regional', 'regionalt', 'nasjonal', 'faglig', 'fagleg', 'kommunikasjons-', 'påtroppende', 'avtroppende',
] as const;

/** Verbs that introduce the speaker of a quote ("sier Gro Jære", "seier han"). */
export const SPEECH_VERBS = [
  'sier', 'seier', 'sa', 'forteller', 'fortel', 'fortalte', 'mener', 'meiner', 'uttaler', 'uttalar', 'skriver', 'skriv',
  'poengterer', 'fastslår', 'understreker', 'opplyser', 'påpeker', 'legger til', 'legg til', 'konstaterer',
  'svarer', 'svarar', 'forklarer', 'forklarar', 'utdyper', 'tror', 'trur', 'innrømmer', 'erkjenner', 'advarer',
] as const;

/** Last words that make a name an organisation ("Trondheim kommune", "Oslo universitetssykehus"). */
export const ORGANISATION_HEAD_WORDS: ReadonlySet<string> = new Set([
  'kommune', 'fylkeskommune', 'sykehus', 'universitetssykehus', 'hospital', 'sykehuset', 'universitet',
  'universitetet', 'hogskole', 'hogskule', 'helseforetak', 'it', 'ikt', 'apotek', 'sykehusapotek',
]);

/** Endings of one-word organisation names ("Helsedirektoratet", "Porteføljekontoret", "Datatilsynet"). */
export const ORGANISATION_ENDINGS = [
  'sykehuset', 'sjukehuset', 'hospitalet', 'direktoratet', 'departementet', 'tilsynet', 'kontoret', 'etaten', 'senteret', 'sentret', 'foretaket',
  'verket', 'instituttet', 'revisjonen', 'forvaltningen', 'forvaltninga', 'nemnda', 'ombudet',
] as const;

/** English company words: in this field, companies named so are vendors ("Epic Systems", "Cerner Corporation"). */
export const VENDOR_NAME_WORDS: ReadonlySet<string> = new Set([
  'systems', 'solutions', 'technologies', 'technology', 'software', 'corporation', 'corp', 'inc', 'ltd',
  'limited', 'gmbh', 'llc', 'group', 'consulting', 'labs',
]);

/** Nouns that put a company name in apposition ("selskapet X", "nettavisen Y"); true when it marks a vendor. */
export const COMPANY_NOUNS: ReadonlyMap<string, boolean> = new Map([
  ['selskapet', false], ['selskapa', false], ['selskapene', false], ['firmaet', false], ['konsernet', false],
  ['foretaket', false], ['helseforetaket', false], ['nettavisen', false], ['avisen', false], ['avisa', false],
  ['nettavisa', false], ['nettstaden', false], ['nettstedet', false], ['organisasjonen', false],
  ['utviklarselskapet', true], ['utviklerselskapet', true], ['leverandøren', true], ['leverandørane', true],
  ['leverandørene', true], ['leverandørselskapet', true], ['konsulentselskapet', true], ['it-selskapet', true],
  ['programvareselskapet', true], ['ikt-selskapet', true], ['journalleverandøren', true], ['teknologiselskapet', true], ['dataselskapet', true],
]);
