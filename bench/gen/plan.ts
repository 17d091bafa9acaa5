/**
 * The shape of a synthetic graph, before any text: which entities exist (kind, name) and which relationships
 * join them. Relationships are typed arrays so the plan of L (1M entities, 5M relationships) fits in memory.
 */
import { ENTITY_KINDS, RELATIONSHIP_TYPE_NAMES, type EntityKindName, type RelationshipTypeName } from '../../server/src/graph/model.js';
import { Prng, WeightedSampler } from './prng.js';
import { AHEAD_AREAS, ROLE_TITLES } from './vocabulary.js';
import { NameMaker } from './names.js';

/** Share of entities per kind; people and organisations dominate, as in the news. */
export const KIND_SHARES: Readonly<Record<EntityKindName, number>> = {
  PERSON: 0.45,
  ORGANISATION: 0.2,
  PROGRAMME: 0.05,
  VENDOR: 0.04,
  PRODUCT: 0.08,
  EVENT: 0.08,
  PLACE: 0.05,
  TOPIC: 0.05,
};

/** Which kinds each relationship type joins, and how common it is. */
export const TYPE_RULES: Readonly<Record<RelationshipTypeName, { from: EntityKindName[]; to: EntityKindName[]; weight: number }>> = {
  ROLE_AT: { from: ['PERSON'], to: ['ORGANISATION'], weight: 12 },
  PART_OF: { from: ['ORGANISATION', 'PRODUCT'], to: ['ORGANISATION', 'PROGRAMME'], weight: 4 },
  RUNS: { from: ['ORGANISATION'], to: ['PROGRAMME'], weight: 4 },
  PARTICIPATES_IN: { from: ['ORGANISATION', 'PERSON'], to: ['PROGRAMME', 'EVENT'], weight: 10 },
  LOCATED_IN: { from: ['ORGANISATION', 'VENDOR', 'PERSON'], to: ['PLACE'], weight: 8 },
  SUPPLIES: { from: ['VENDOR'], to: ['PRODUCT'], weight: 5 },
  SUPPLIER_TO: { from: ['VENDOR'], to: ['PROGRAMME', 'ORGANISATION'], weight: 6 },
  ATTENDED: { from: ['PERSON', 'ORGANISATION'], to: ['EVENT'], weight: 10 },
  HELD_IN: { from: ['EVENT'], to: ['PLACE'], weight: 3 },
  DISCUSSED: { from: ['EVENT'], to: ['TOPIC'], weight: 6 },
  AHEAD_OF: { from: ['ORGANISATION'], to: ['ORGANISATION'], weight: 2 },
  LEARNS_FROM: { from: ['ORGANISATION'], to: ['ORGANISATION'], weight: 2 },
  STATED: { from: ['PERSON'], to: ['TOPIC'], weight: 10 },
  HAS_CHARACTERISTIC: { from: ['PROGRAMME', 'ORGANISATION'], to: ['TOPIC'], weight: 4 },
  COLLABORATES_WITH: { from: ['ORGANISATION'], to: ['ORGANISATION'], weight: 6 },
};

/** A hub: one named entity with a fixed share of all relationships, each to a different counterpart. */
export interface HubSpec {
  kind: EntityKindName;
  name: string;
  type: RelationshipTypeName;
  /** Whether the hub is the relationship's source or its target. */
  side: 'source' | 'target';
  counterpart: EntityKindName;
  /** Share of the graph's relationships that touch this hub. */
  share: number;
}

/** Five hubs; at M (500k relationships) they get 22k, 18k, 15k, 12.5k and 11k neighbours. */
export const HUBS: readonly HubSpec[] = [
  { kind: 'ORGANISATION', name: 'Helse Sør-Øst RHF', type: 'ROLE_AT', side: 'target', counterpart: 'PERSON', share: 0.044 },
  { kind: 'PLACE', name: 'Oslo', type: 'LOCATED_IN', side: 'target', counterpart: 'PERSON', share: 0.036 },
  { kind: 'TOPIC', name: 'digitalisering', type: 'STATED', side: 'target', counterpart: 'PERSON', share: 0.03 },
  { kind: 'VENDOR', name: 'Nordlys Data AS', type: 'SUPPLIER_TO', side: 'source', counterpart: 'ORGANISATION', share: 0.025 },
  { kind: 'PROGRAMME', name: 'Helseplattformen', type: 'PARTICIPATES_IN', side: 'target', counterpart: 'PERSON', share: 0.022 },
];

export interface PlanOptions {
  seed: number;
  entities: number;
  relationships: number;
  /** Power-law exponent of the non-hub degree weights (smaller = heavier tail). */
  alpha?: number;
}

export interface GraphPlan {
  kinds: EntityKindName[];
  names: string[];
  /** Per-kind extra fields (programme full name and acronym alias, event date text). */
  extras: ({ aliases?: string[]; fullName?: string; when?: string } | undefined)[];
  ids: string[];
  relSource: Int32Array;
  relTarget: Int32Array;
  relType: Uint8Array;
  /** Title per relationship (ROLE_AT: the role; AHEAD_OF: the area), or null. */
  relTitle: (string | null)[];
  relationshipCount: number;
  /** Entity indices of the hubs, in HUBS order. */
  hubs: number[];
}

/** The hub degrees a plan of this many relationships aims for (what the M target of 10k+ rests on). */
export function plannedHubDegrees(relationships: number): number[] {
  return HUBS.map((hub) => Math.round(hub.share * relationships));
}

/** Builds the plan: deterministic for a seed. */
export function planGraph(options: PlanOptions): GraphPlan {
  const prng = new Prng(options.seed);
  const alpha = options.alpha ?? 1.4;
  const total = options.entities;

  // Kinds in blocks, hubs first in their kind's block so they get low, stable indices.
  const kinds: EntityKindName[] = [];
  for (const kind of ENTITY_KINDS) {
    const count = kind === 'TOPIC' ? total - kinds.length : Math.round(KIND_SHARES[kind] * total);
    for (let i = 0; i < count; i += 1) kinds.push(kind);
  }
  const names = new NameMaker(prng);
  const hubs: number[] = [];
  const plannedNames: string[] = new Array<string>(total);
  const extras: GraphPlan['extras'] = new Array(total);
  for (const hub of HUBS) {
    const index = kinds.indexOf(hub.kind);
    hubs.push(index);
    plannedNames[index] = names.reserve(hub.name);
  }
  for (let i = 0; i < total; i += 1) {
    if (plannedNames[i] !== undefined) continue;
    const made = names.make(kinds[i]!);
    plannedNames[i] = made.name;
    extras[i] = made.extra;
  }
  const ids = plannedNames.map((name, i) => names.id(kinds[i]!, name, i));

  // Degree weights: Pareto, so a few entities are mentioned far more than most.
  const weights = new Float64Array(total);
  for (let i = 0; i < total; i += 1) weights[i] = prng.pareto(alpha);
  const samplers = new Map<EntityKindName, WeightedSampler>();
  const byKind = new Map<EntityKindName, number[]>();
  kinds.forEach((kind, i) => {
    if (hubs.includes(i)) return; // hubs get their degree from their own share only
    const list = byKind.get(kind) ?? [];
    list.push(i);
    byKind.set(kind, list);
  });
  for (const [kind, list] of byKind) {
    const items = Int32Array.from(list);
    samplers.set(kind, new WeightedSampler(items, Array.from(items, (i) => weights[i]!)));
  }

  const wanted = options.relationships;
  const relSource = new Int32Array(wanted);
  const relTarget = new Int32Array(wanted);
  const relType = new Uint8Array(wanted);
  const relTitle: (string | null)[] = new Array<string | null>(wanted).fill(null);
  // (source, target, type) packed in one double: duplicates would be the same fact twice.
  const seen = new Set<number>();
  const key = (s: number, t: number, type: number): number => (s * total + t) * 16 + type;
  let count = 0;
  const add = (s: number, t: number, type: RelationshipTypeName): boolean => {
    const typeIndex = RELATIONSHIP_TYPE_NAMES.indexOf(type);
    const k = key(s, t, typeIndex);
    if (s === t || seen.has(k) || count >= wanted) return false;
    seen.add(k);
    relSource[count] = s;
    relTarget[count] = t;
    relType[count] = typeIndex;
    if (type === 'ROLE_AT') relTitle[count] = prng.pick(ROLE_TITLES);
    else if (type === 'AHEAD_OF') relTitle[count] = prng.pick(AHEAD_AREAS);
    count += 1;
    return true;
  };

  // Hubs: distinct counterparts by a partial shuffle of the counterpart kind.
  HUBS.forEach((hub, h) => {
    const pool = [...(byKind.get(hub.counterpart) ?? [])];
    const degree = Math.min(pool.length, Math.round(hub.share * wanted));
    for (let i = 0; i < degree; i += 1) {
      const j = i + prng.int(pool.length - i);
      [pool[i], pool[j]] = [pool[j]!, pool[i]!];
      const other = pool[i]!;
      if (hub.side === 'target') add(other, hubs[h]!, hub.type);
      else add(hubs[h]!, other, hub.type);
    }
  });

  const typeNames = RELATIONSHIP_TYPE_NAMES;
  const typeWeights = typeNames.map((type) => TYPE_RULES[type].weight);
  const typeSampler = new WeightedSampler(Int32Array.from(typeNames.keys()), typeWeights);
  // Bounded: a dense corner can reject many draws, but never forever.
  for (let attempts = 0; count < wanted && attempts < wanted * 20; attempts += 1) {
    const type = typeNames[typeSampler.draw(prng)]!;
    const rule = TYPE_RULES[type];
    const s = samplers.get(prng.pick(rule.from))?.draw(prng);
    const t = samplers.get(prng.pick(rule.to))?.draw(prng);
    if (s === undefined || t === undefined || s < 0 || t < 0) continue;
    add(s, t, type);
  }

  return {
    kinds,
    names: plannedNames,
    extras,
    ids,
    relSource: relSource.subarray(0, count),
    relTarget: relTarget.subarray(0, count),
    relType: relType.subarray(0, count),
    relTitle: relTitle.slice(0, count),
    relationshipCount: count,
    hubs,
  };
}
