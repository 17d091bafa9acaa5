import { group, type DocumentContext, type Span } from './context.js';
import { NAME_SEQ, SP, pattern } from './patterns.js';

/** A programme or project named in the text, with its long name when the text gives one. */
export interface ProgrammeFinding {
  span: Span;
  fullName: string | undefined;
  confidence: number;
}

const ACRONYM = '\\p{Lu}[\\p{Lu}\\p{N}-]{1,9}';
const PROGRAMME_NOUN = '(?:[Pp]rogram(?:met|mer|ma|mene|et)?|[Pp]rosjekt(?:et|a)?)';
// "programmet for standardisering og infrastrukturmodernisering (STIM)"
const LONG_THEN_ACRONYM = pattern(`${PROGRAMME_NOUN}${SP}(?:for${SP})?(?<full>\\p{Ll}[\\p{L}\\p{N} \\u00a0-]{3,100}?)${SP}\\((?<acr>${ACRONYM})\\)`);
// "et program kalt STIM - standardisering og IKT-infrastrukturmodernisering"
const CALLED = pattern(`${PROGRAMME_NOUN}${SP}(?:kalt|kalla|som${SP}heter|som${SP}heiter|med${SP}navnet|med${SP}namnet)${SP}(?<acr>${NAME_SEQ})(?:${SP}[-–]${SP}(?<full>\\p{Ll}[\\p{L}\\p{N} \\u00a0-]{3,100}?)(?=[.,;:\\n]|$))?`);
// "programmet Digital fornying", "prosjektet Helseplattformen"
const NAMED = pattern(`(?<![\\p{L}])(?:programmet|prosjektet|programma|satsingen|satsinga|satsningen)${SP}(?<acr>${NAME_SEQ})`);

export function findProgrammes(context: DocumentContext): ProgrammeFinding[] {
  const findings: ProgrammeFinding[] = [];
  for (const [regex, confidence] of [[LONG_THEN_ACRONYM, 0.9], [CALLED, 0.85], [NAMED, 0.7]] as const) {
    for (const match of context.text.matchAll(regex)) {
      const span = group(match, 'acr') as Span;
      findings.push({ span, fullName: group(match, 'full')?.text, confidence });
    }
  }
  return findings;
}
