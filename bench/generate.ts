/**
 * Synthetic graphs in this project's model, as bundles in the bundle-import format (the seed graph format as
 * JSON, with the documents brought along). Pure and deterministic: the same size and seed give the same bundles.
 *
 * Every fact comes from a sentence: each relationship is one sentence naming both ends, each document is a run of
 * such sentences, and the evidence of a relationship (and of each entity where it is first mentioned) quotes that
 * sentence verbatim, with `start` when the sentence occurs more than once in its document.
 */
import { RELATIONSHIP_TYPE_NAMES, type EntityKindName, type RelationshipTypeName } from '../server/src/graph/model.js';
import { planGraph, type GraphPlan, type PlanOptions } from './gen/plan.js';
import { Prng } from './gen/prng.js';
import { PRODUCT_NOUNS, TOPIC_BASES } from './gen/vocabulary.js';

export type SizeName = 'S' | 'M' | 'L';

export const SIZES: Readonly<Record<SizeName, { entities: number; relationships: number }>> = {
  S: { entities: 10_000, relationships: 50_000 },
  M: { entities: 100_000, relationships: 500_000 },
  L: { entities: 1_000_000, relationships: 5_000_000 },
};

export const DEFAULT_SEED = 20_261_126;

export interface BundleEvidence {
  quote: string;
  document?: string;
  start?: number;
}
export interface BundleDocument {
  id: string;
  title: string;
  text: string;
  publishedAt: string;
  source: string;
  language: string;
}
export interface BundleEntity {
  id: string;
  kind: EntityKindName;
  name: string;
  aliases: string[];
  description?: string;
  fullName?: string;
  when?: string;
  evidence: BundleEvidence[];
}
export interface BundleRelationship {
  id: string;
  type: RelationshipTypeName;
  source: string;
  target: string;
  title?: string;
  evidence: BundleEvidence[];
}
export interface Bundle {
  documents: BundleDocument[];
  document: string;
  entities: BundleEntity[];
  relationships: BundleRelationship[];
}

export interface GenerateOptions extends PlanOptions {
  /** Documents per bundle; with ~25 sentences each, 100 documents are ~2,500 relationships per transaction. */
  documentsPerBundle?: number;
}

export function sizeOptions(size: SizeName, seed = DEFAULT_SEED): GenerateOptions {
  return { seed, ...SIZES[size] };
}

/** One sentence that states relationship `r` of the plan (names both ends). */
function sentence(plan: GraphPlan, r: number): string {
  const a = plan.names[plan.relSource[r]!]!;
  const b = plan.names[plan.relTarget[r]!]!;
  const title = plan.relTitle[r];
  switch (RELATIONSHIP_TYPE_NAMES[plan.relType[r]!]!) {
    case 'ROLE_AT':
      return `${a} er ${title ?? 'ansatt'} i ${b}.`;
    case 'PART_OF':
      return `${a} er en del av ${b}.`;
    case 'RUNS':
      return `${a} driver ${b}.`;
    case 'PARTICIPATES_IN':
      return `${a} deltar i ${b}.`;
    case 'LOCATED_IN':
      return `${a} holder til i ${b}.`;
    case 'SUPPLIES':
      return `${a} leverer ${b}.`;
    case 'SUPPLIER_TO':
      return `${a} er leverandør til ${b}.`;
    case 'ATTENDED':
      return `${a} var til stede på ${b}.`;
    case 'HELD_IN':
      return `${a} ble holdt i ${b}.`;
    case 'DISCUSSED':
      return `På ${a} ble ${b} diskutert.`;
    case 'AHEAD_OF':
      return `${a} ligger foran ${b} på ${title ?? 'flere områder'}.`;
    case 'LEARNS_FROM':
      return `${a} lærer av erfaringene til ${b}.`;
    case 'STATED':
      return `${a} uttalte seg om ${b}.`;
    case 'HAS_CHARACTERISTIC':
      return `${a} preges av ${b}.`;
    case 'COLLABORATES_WITH':
      return `${a} samarbeider med ${b}.`;
  }
}

const DAY_MS = 86_400_000;
const FIRST_DAY = Date.UTC(2015, 0, 1);
const DAYS = Math.round((Date.UTC(2026, 11, 31) - FIRST_DAY) / DAY_MS) + 1;

/**
 * The bundles of a synthetic graph, lazily: the plan (names and edges) is built once, the text of each bundle
 * only when it is asked for, so M and L stream without holding every document in memory.
 */
export function* generateBundles(options: GenerateOptions): Generator<Bundle> {
  const plan = planGraph(options);
  yield* bundlesOfPlan(plan, options);
}

export function* bundlesOfPlan(plan: GraphPlan, options: GenerateOptions): Generator<Bundle> {
  const prng = new Prng((options.seed ^ 0x5eed) >>> 0);
  const perBundle = options.documentsPerBundle ?? 100;
  const entityCount = plan.names.length;

  // Items in mention order: relationship r as r, the lone mention of an unconnected entity e as -(e + 1).
  const connected = new Uint8Array(entityCount);
  for (let r = 0; r < plan.relationshipCount; r += 1) {
    connected[plan.relSource[r]!] = 1;
    connected[plan.relTarget[r]!] = 1;
  }
  const items: number[] = [];
  for (let r = 0; r < plan.relationshipCount; r += 1) items.push(r);
  for (let e = 0; e < entityCount; e += 1) if (!connected[e]) items.push(-(e + 1));
  for (let i = items.length - 1; i > 0; i -= 1) {
    const j = prng.int(i + 1);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }

  const introduced = new Uint8Array(entityCount);
  let cursor = 0;
  let documentNumber = 0;
  while (cursor < items.length) {
    const bundle: Bundle = { documents: [], document: '', entities: [], relationships: [] };
    for (let d = 0; d < perBundle && cursor < items.length; d += 1) {
      documentNumber += 1;
      const documentId = `doc:g-${String(documentNumber).padStart(6, '0')}`;
      const length = 10 + prng.int(31);
      const chunk = items.slice(cursor, cursor + length);
      cursor += chunk.length;
      const sentences = chunk.map((item) => (item >= 0 ? sentence(plan, item) : `${plan.names[-item - 1]!} omtales i denne saken.`));
      // Paragraphs of five sentences; the offsets of each sentence are recorded while joining.
      const starts: number[] = [];
      let text = '';
      sentences.forEach((s, i) => {
        if (i > 0) text += i % 5 === 0 ? '\n\n' : ' ';
        starts.push(text.length);
        text += s;
      });
      const evidence = (i: number): BundleEvidence => {
        const quote = sentences[i]!;
        const ambiguous = text.indexOf(quote) !== text.lastIndexOf(quote);
        return ambiguous ? { quote, document: documentId, start: starts[i]! } : { quote, document: documentId };
      };
      const day = new Date(FIRST_DAY + prng.int(DAYS) * DAY_MS).toISOString().slice(0, 10);
      const lead = chunk[0]! >= 0 ? plan.names[plan.relSource[chunk[0]!]!]! : plan.names[-chunk[0]! - 1]!;
      bundle.documents.push({
        id: documentId,
        title: `${lead}: ${prng.pick(['nytt om', 'status for', 'debatt om', 'satsing på', 'kritikk av'])} ${prng.pick(TOPIC_BASES)}`,
        text,
        publishedAt: day,
        source: `https://helse-it.example.no/${day.slice(0, 4)}/${documentNumber}`,
        language: 'nb',
      });
      chunk.forEach((item, i) => {
        const ends = item >= 0 ? [plan.relSource[item]!, plan.relTarget[item]!] : [-item - 1];
        for (const e of ends) {
          if (introduced[e]) continue;
          introduced[e] = 1;
          bundle.entities.push(entityOf(plan, e, evidence(i), prng));
        }
        if (item >= 0) {
          const title = plan.relTitle[item];
          bundle.relationships.push({
            id: `rel:g-${item}`,
            type: RELATIONSHIP_TYPE_NAMES[plan.relType[item]!]!,
            source: plan.ids[plan.relSource[item]!]!,
            target: plan.ids[plan.relTarget[item]!]!,
            ...(title ? { title } : {}),
            evidence: [evidence(i)],
          });
        }
      });
    }
    bundle.document = bundle.documents[0]!.id;
    yield bundle;
  }
}

function entityOf(plan: GraphPlan, e: number, evidence: BundleEvidence, prng: Prng): BundleEntity {
  const kind = plan.kinds[e]!;
  const extra = plan.extras[e];
  const entity: BundleEntity = { id: plan.ids[e]!, kind, name: plan.names[e]!, aliases: extra?.aliases ?? [], evidence: [evidence] };
  if (extra?.fullName) entity.fullName = extra.fullName;
  if (extra?.when) entity.when = extra.when;
  // A description on some entities, as curated graphs have; it is free text, so it needs no quote.
  if (prng.next() < 0.2) entity.description = describe(kind, prng);
  return entity;
}

function describe(kind: EntityKindName, prng: Prng): string {
  switch (kind) {
    case 'PERSON':
      return 'Omtalt i helse-IT-nyheter.';
    case 'PRODUCT':
      return `Programvare for ${prng.pick(PRODUCT_NOUNS).toLowerCase()}.`;
    default:
      return `Syntetisk ${kind.toLowerCase()} til ytelsestest.`;
  }
}
