import type { ExtractionResult } from './types.js';

// What the extraction tests compare: proposals as sorted one-line strings, so a failing test shows the whole set.

/** Each ROLE_AT proposal as "person | title | organisation", with its end date when the text gives one. */
export function roleLines(result: ExtractionResult): string[] {
  return result.proposals
    .filter((proposal) => proposal.type === 'ROLE_AT')
    .map((proposal) => `${proposal.from?.name} | ${proposal.title} | ${proposal.to?.name}${proposal.validTo ? ` (to ${proposal.validTo})` : ''}`)
    .sort();
}

/** The names of the entity proposals of one kind. */
export function entityNames(result: ExtractionResult, kind: string): string[] {
  return result.proposals.filter((proposal) => proposal.entityKind === kind).map((proposal) => proposal.name ?? '').sort();
}
