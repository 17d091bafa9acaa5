/**
 * Synthetic scenes for the browser benchmark, in the page's own shapes (the GraphQL answers it reads):
 * Norwegian names from the generator's NameMaker, power-law-ish degrees, and one hub whose 5,000
 * neighbours fall into three preview groups. Seeded, so every run draws the same graphs.
 */
import type { EntityKindName, RelationshipTypeName } from '../../common/vocabulary.js';
import { NameMaker } from '../gen/names.js';
import { Prng } from '../gen/prng.js';

export interface Node {
  id: string;
  kind: EntityKindName;
  name: string;
  degree: number;
}

export interface Edge {
  id: string;
  type: RelationshipTypeName;
  source: string;
  target: string;
  title: string | null;
}

export interface Graph {
  nodes: Node[];
  edges: Edge[];
}

export const HUB_ID = 'org:benchmark-hub';
export const HUB_NEIGHBOURS = 5000;

/** The hub's neighbours by preview group: relationship type, direction seen from the hub, kind, count. */
export const HUB_GROUPS: readonly { type: RelationshipTypeName; direction: 'OUTGOING' | 'INCOMING'; kind: EntityKindName; count: number }[] = [
  { type: 'ROLE_AT', direction: 'INCOMING', kind: 'PERSON', count: 3000 },
  { type: 'DISCUSSED', direction: 'OUTGOING', kind: 'TOPIC', count: 1200 },
  { type: 'SUPPLIER_TO', direction: 'INCOMING', kind: 'VENDOR', count: 800 },
];

const KINDS: readonly [EntityKindName, number][] = [
  ['PERSON', 0.45],
  ['ORGANISATION', 0.2],
  ['TOPIC', 0.1],
  ['VENDOR', 0.07],
  ['PRODUCT', 0.06],
  ['PROGRAMME', 0.05],
  ['EVENT', 0.04],
  ['PLACE', 0.03],
];
const TYPES: readonly RelationshipTypeName[] = ['ROLE_AT', 'PART_OF', 'RUNS', 'PARTICIPATES_IN', 'SUPPLIES', 'DISCUSSED', 'LOCATED_IN'];

function pickKind(prng: Prng): EntityKindName {
  let r = prng.next();
  for (const [kind, weight] of KINDS) {
    r -= weight;
    if (r < 0) return kind;
  }
  return 'PERSON';
}

/**
 * A connected scene of `size` entities (the hub first) with about 1.5 edges per entity: each entity
 * links to one or two earlier ones, earlier ones preferred, which gives a few hubs and many leaves.
 */
export function sceneGraph(size: number, seed = 20_261_126): Graph {
  const prng = new Prng(seed + size);
  const names = new NameMaker(prng);
  const nodes: Node[] = [{ id: HUB_ID, kind: 'ORGANISATION', name: names.reserve('Helse Benchmark RHF'), degree: 0 }];
  for (let i = 1; i < size; i++) {
    const kind = pickKind(prng);
    const name = names.make(kind).name;
    nodes.push({ id: names.id(kind, name, i), kind, name, degree: 0 });
  }
  const edges: Edge[] = [];
  const seen = new Set<string>();
  for (let i = 1; i < size; i++) {
    const links = prng.next() < 0.5 ? 2 : 1;
    for (let l = 0; l < links; l++) {
      const j = Math.floor(prng.next() ** 2 * i);
      const key = `${i}-${j}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const type = prng.pick(TYPES);
      edges.push({ id: `rel:bench-${size}-${edges.length}`, type, source: nodes[i]!.id, target: nodes[j]!.id, title: null });
      nodes[i]!.degree += 1;
      nodes[j]!.degree += 1;
    }
  }
  // The hub's degree counts all its neighbours in the graph, not only those in the scene.
  nodes[0]!.degree += HUB_NEIGHBOURS;
  return { nodes, edges };
}

/** The hub's 5,000 neighbours (none of them in any scene yet), with the edges tying them to it. */
export function hubNeighbourhood(seed = 20_261_126): { group: (typeof HUB_GROUPS)[number]; node: Node; edge: Edge }[] {
  const prng = new Prng(seed);
  const names = new NameMaker(prng);
  const out: { group: (typeof HUB_GROUPS)[number]; node: Node; edge: Edge }[] = [];
  for (const group of HUB_GROUPS) {
    for (let i = 0; i < group.count; i++) {
      const name = names.make(group.kind).name;
      const node: Node = { id: names.id(group.kind, name, 900_000 + out.length), kind: group.kind, name, degree: 1 };
      const [source, target] = group.direction === 'OUTGOING' ? [HUB_ID, node.id] : [node.id, HUB_ID];
      out.push({ group, node, edge: { id: `rel:hub-${out.length}`, type: group.type, source, target, title: null } });
    }
  }
  return out;
}
