import { group, type DocumentContext, type Span } from './context.js';
import { ACRONYM_AFTER, NAME_SEQ, ORG, SP, pattern } from './patterns.js';
import type { RelationshipType } from './types.js';

/** A relationship between two named things, other than roles (see roles.ts). */
export interface RelationFinding {
  type: RelationshipType;
  from: Span;
  to: Span;
  evidence: { start: number; end: number };
  confidence: number;
}

interface RelationPattern {
  regex: RegExp;
  type: RelationshipType;
  confidence: number;
}

// Groups: a = source, b = target, in the direction of the relationship type (see graph/model.ts).
const RELATION_PATTERNS: RelationPattern[] = [
  // "Sykehuspartner HF, et helseforetak i Helse Sør-Øst"; "X er eit dotterselskap av Y"
  { type: 'PART_OF', confidence: 0.8, regex: pattern(`(?<a>${ORG})${ACRONYM_AFTER}(?:,${SP}|${SP}er${SP})(?:et|eit|en|ein)${SP}(?:\\p{Ll}+${SP})?(?:helseforetak|helseføretak|datterselskap|dotterselskap|selskap|foretak|føretak|avdeling|enhet|eining)${SP}(?:i|under|av|eid${SP}av|eigd${SP}av)${SP}(?<b>${ORG})`) },
  // "X er eid av Y"; "X eies av Y"
  { type: 'PART_OF', confidence: 0.8, regex: pattern(`(?<a>${ORG})${ACRONYM_AFTER}${SP}(?:er${SP}|blir${SP}|vert${SP})?(?:heleid|eid|eigd|eies|eigast)${SP}av${SP}(?<b>${ORG})`) },
  // "Helse Midt-Norge RHF eier Hemit"; "Y eig X"
  { type: 'PART_OF', confidence: 0.7, regex: pattern(`(?<b>${ORG})${ACRONYM_AFTER}${SP}(?:eier|eig|eide|åtte)${SP}(?:(?:selskapet|dotterselskapet|datterselskapet)${SP})?(?<a>${ORG})`) },
  // "Helse Midt-Noreg har vedtatt å etablere selskapet Helseplattformen AS"
  { type: 'PART_OF', confidence: 0.75, regex: pattern(`(?<b>${ORG})${ACRONYM_AFTER}${SP}(?:har${SP})?(?:vedtatt|vedteke|bestemt|besluttet|vedtok|etablerer|etablerte|oppretter|oppretta|opprettet|stifter|stiftet|stifta)${SP}(?:å${SP}(?:etablere|opprette|stifte|skipe)${SP})?(?:selskapet|dotterselskapet|datterselskapet)${SP}(?<a>${ORG})`) },
  // "Helseplattformen AS, som skal inngå kontraktar med utviklarselskapet Epic"
  { type: 'SUPPLIER_TO', confidence: 0.75, regex: pattern(`(?<b>${ORG})${ACRONYM_AFTER},?${SP}(?:som${SP})?(?:skal${SP})?(?:inngå|inngår|har${SP}inngått|inngjekk|inngikk|signerer|signerte|har${SP}signert|underteiknar|undertegner|undertegnet)${SP}(?:en${SP}|ein${SP}|ny${SP})?(?:kontrakt|avtale)\\p{Ll}*${SP}med${SP}(?:\\p{Ll}+${SP})?(?<a>${NAME_SEQ})`) },
  // "Epic er en sentral leverandør til Helseplattformen"
  { type: 'SUPPLIER_TO', confidence: 0.75, regex: pattern(`(?<a>${ORG})${ACRONYM_AFTER}${SP}(?:er|var|blir)${SP}(?:en|ein)${SP}(?:\\p{Ll}+${SP}){0,2}leverandør${SP}(?:til|for)${SP}(?<b>${ORG})`) },
  // "Sykehuspartner leder programmet STIM"
  { type: 'RUNS', confidence: 0.75, regex: pattern(`(?<a>${ORG})${ACRONYM_AFTER}${SP}(?:leder|leiar|eier|eig|driver|driv|styrer|har${SP}ansvaret${SP}for)${SP}(?:programmet|prosjektet|programma)${SP}(?<b>${NAME_SEQ})`) },
  // "Programmet STIM ledes av Sykehuspartner"
  { type: 'RUNS', confidence: 0.75, regex: pattern(`(?:[Pp]rogrammet|[Pp]rosjektet|[Pp]rogramma)${SP}(?<b>${NAME_SEQ})${SP}(?:ledes|eies|drives|blir${SP}leia|vert${SP}leia|blir${SP}ledet)${SP}av${SP}(?<a>${ORG})`) },
];

export function findRelations(context: DocumentContext): RelationFinding[] {
  const findings: RelationFinding[] = [];
  for (const { regex, type, confidence } of RELATION_PATTERNS) {
    for (const match of context.text.matchAll(regex)) {
      const from = group(match, 'a');
      const to = group(match, 'b');
      if (!from || !to) continue;
      findings.push({ type, from, to, evidence: { start: match.index, end: match.index + match[0].length }, confidence });
    }
  }
  return findings;
}
