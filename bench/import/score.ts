/**
 * Scoring of extraction against the gold set. Names are compared loosely on purpose (case, diacritics,
 * hyphens, a legal-form suffix) and otherwise only through the aliases the annotator wrote down, with a
 * normaliser of its own so that a bug in the extractor's folding cannot also hide in the measure.
 */
import type { ExtractionResult, Gazetteer } from '../../server/src/import/index.js';
import type { GoldFile } from './gold.js';

export const SCORED_KINDS = ['PERSON', 'ORGANISATION', 'VENDOR', 'PROGRAMME'] as const;
export type ScoredKind = (typeof SCORED_KINDS)[number];

export interface Counts {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  misses: string[];
  wrong: string[];
}

export function emptyCounts(): Counts {
  return { truePositives: 0, falsePositives: 0, falseNegatives: 0, misses: [], wrong: [] };
}

export function norm(name: string): string {
  return name
    .toLowerCase()
    .replace(/æ/g, 'ae').replace(/ø/g, 'o').replace(/å/g, 'a')
    .normalize('NFD').replace(/\p{M}+/gu, '')
    .replace(/[-‐‑–—]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/ (?:hf|rhf|as|asa|sf)$/, '');
}

export function normTitle(title: string): string {
  return norm(title).replace(/^adm\. ?dir\.$/, 'administrerende direktor').replace(/^(?:ny|nye|tidligere|tidlegare) /, '');
}

interface Predicted {
  kind: string;
  names: string[];
  label: string;
}

/** What the extractor says the document mentions: known entities by mention, new ones by proposal. */
export function predictedEntities(result: ExtractionResult, gazetteer: Gazetteer): Predicted[] {
  const predicted: Predicted[] = [];
  for (const mention of result.mentions) {
    const entity = gazetteer.entity(mention.entityId);
    if (entity) predicted.push({ kind: entity.kind, names: [entity.name, ...entity.aliases, mention.quote], label: entity.name });
  }
  for (const proposal of result.proposals) {
    if (proposal.kind !== 'ENTITY' || !proposal.entityKind || !proposal.name) continue;
    const duplicate = proposal.duplicateOf ? gazetteer.entity(proposal.duplicateOf) : undefined;
    const names = [proposal.name, ...(duplicate ? [duplicate.name, ...duplicate.aliases] : [])];
    predicted.push({ kind: proposal.entityKind, names, label: proposal.name });
  }
  return predicted;
}

/** Per kind: a gold entity found once or several times counts once; every distinct wrong prediction counts. */
export function scoreEntities(gold: GoldFile, predicted: Predicted[], kind: ScoredKind): Counts {
  const counts = emptyCounts();
  const golds = gold.entities.filter((entity) => entity.kind === kind);
  const goldNames = golds.map((entity) => new Set([entity.name, ...entity.aliases].map(norm)));
  const found = new Set<number>();
  const wrong = new Set<string>();
  for (const item of predicted.filter((candidate) => candidate.kind === kind)) {
    const index = goldNames.findIndex((names) => item.names.some((name) => names.has(norm(name))));
    if (index >= 0) found.add(index);
    else wrong.add(norm(item.label));
  }
  counts.truePositives = found.size;
  counts.falseNegatives = golds.length - found.size;
  counts.falsePositives = wrong.size;
  counts.misses = golds.filter((_, index) => !found.has(index)).map((entity) => entity.name);
  counts.wrong = [...wrong];
  return counts;
}

/** Person–title–organisation triples from ROLE_AT proposals, against the gold triples. */
export function scoreTriples(gold: GoldFile, result: ExtractionResult, gazetteer: Gazetteer): Counts {
  const counts = emptyCounts();
  const aliasesOf = (name: string): Set<string> => {
    const entity = gold.entities.find((candidate) => candidate.name === name);
    return new Set([name, ...(entity?.aliases ?? [])].map(norm));
  };
  const golds = gold.triples.map((triple) => ({
    person: aliasesOf(triple.person),
    organisation: aliasesOf(triple.organisation),
    titles: new Set(triple.title.map(normTitle)),
    label: `${triple.person} / ${triple.title[0]} / ${triple.organisation}`,
  }));
  const found = new Set<number>();
  const wrong = new Set<string>();
  for (const proposal of result.proposals) {
    if (proposal.type !== 'ROLE_AT' || !proposal.from || !proposal.to) continue;
    const known = proposal.to.entityId ? gazetteer.entity(proposal.to.entityId) : undefined;
    const organisations = [proposal.to.name, ...(known ? [known.name, ...known.aliases] : [])].map(norm);
    const index = golds.findIndex((triple) =>
      triple.person.has(norm(proposal.from?.name ?? '')) &&
      organisations.some((name) => triple.organisation.has(name)) &&
      triple.titles.has(normTitle(proposal.title ?? '')));
    if (index >= 0) found.add(index);
    else wrong.add(`${proposal.from.name} / ${proposal.title ?? ''} / ${proposal.to.name}`);
  }
  counts.truePositives = found.size;
  counts.falseNegatives = golds.length - found.size;
  counts.falsePositives = wrong.size;
  counts.misses = golds.filter((_, index) => !found.has(index)).map((triple) => triple.label);
  counts.wrong = [...wrong];
  return counts;
}

export function add(total: Counts, more: Counts): void {
  total.truePositives += more.truePositives;
  total.falsePositives += more.falsePositives;
  total.falseNegatives += more.falseNegatives;
  total.misses.push(...more.misses);
  total.wrong.push(...more.wrong);
}

export function rates(counts: Counts): { precision: number; recall: number; f1: number } {
  const precision = counts.truePositives / Math.max(1, counts.truePositives + counts.falsePositives);
  const recall = counts.truePositives / Math.max(1, counts.truePositives + counts.falseNegatives);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}
