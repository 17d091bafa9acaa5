/**
 * Which entities the benchmark asks about, taken from the generator's plan (deterministic, so no query is
 * needed to find them): the biggest hub, an ordinary entity, and the search probes.
 */
import type { GraphPlan } from '../gen/plan.js';
import { Prng } from '../gen/prng.js';

export interface Probes {
  hubId: string;
  hubName: string;
  /** A person of typical degree (about the 75th percentile, so its neighbourhood is not empty). */
  ordinaryId: string;
  ordinaryName: string;
  /** People and organisations for the search-quality probes, drawn uniformly. */
  searchTargets: { id: string; name: string; kind: string }[];
  /**
   * The same number drawn in proportion to degree: the names analysts are most likely to look for. A 3-letter
   * prefix matches hundreds of names at M, so only ranking by connectedness can put these first.
   */
  connectedTargets: { id: string; name: string; kind: string }[];
  /** Two ordinary entities a few (up to 4) hops apart, for the shortest path; null when the graph has none. */
  pathPair: { from: string; to: string; hops: number } | null;
  /** Two neighbours of the hub whose shortest path (2 hops) runs through the hub. */
  hubPathPair: { from: string; to: string } | null;
}

/** Neighbour lists of the plan (CSR: entity i's neighbours are targets[offsets[i]..offsets[i+1]]). */
function adjacency(plan: GraphPlan): { offsets: Int32Array; targets: Int32Array } {
  const n = plan.names.length;
  const offsets = new Int32Array(n + 1);
  for (let r = 0; r < plan.relationshipCount; r += 1) {
    offsets[plan.relSource[r]! + 1]! += 1;
    offsets[plan.relTarget[r]! + 1]! += 1;
  }
  for (let i = 0; i < n; i += 1) offsets[i + 1]! += offsets[i]!;
  const fill = offsets.slice(0, n);
  const targets = new Int32Array(offsets[n]!);
  for (let r = 0; r < plan.relationshipCount; r += 1) {
    const a = plan.relSource[r]!;
    const b = plan.relTarget[r]!;
    targets[fill[a]!++] = b;
    targets[fill[b]!++] = a;
  }
  return { offsets, targets };
}

/** Hop distances from `start` (-1: not reached), up to `maxHops`, optionally never passing through `avoid`. */
function distances(adj: { offsets: Int32Array; targets: Int32Array }, start: number, maxHops: number, avoid: ReadonlySet<number> = new Set()): Int32Array {
  const dist = new Int32Array(adj.offsets.length - 1).fill(-1);
  dist[start] = 0;
  let frontier = [start];
  for (let hop = 1; hop <= maxHops && frontier.length > 0; hop += 1) {
    const next: number[] = [];
    for (const f of frontier) {
      if (f !== start && avoid.has(f)) continue;
      for (let k = adj.offsets[f]!; k < adj.offsets[f + 1]!; k += 1) {
        const m = adj.targets[k]!;
        if (dist[m] === -1) {
          dist[m] = hop;
          next.push(m);
        }
      }
    }
    frontier = next;
  }
  return dist;
}

/**
 * Shortest-path probes from the plan, deterministic: the ordinary entity and the first ordinary (non-hub) entity
 * as far as possible up to 4 hops from it; and two neighbours of the hub that are more than 2 hops apart without
 * it, so their one shortest path is through the hub.
 */
function pathProbes(plan: GraphPlan, ordinary: number, hub: number): Pick<Probes, 'pathPair' | 'hubPathPair'> {
  const adj = adjacency(plan);
  const hubs = new Set(plan.hubs);
  const fromOrdinary = distances(adj, ordinary, 4);
  let to = -1;
  for (let hops = 4; hops >= 2 && to === -1; hops -= 1) {
    to = fromOrdinary.findIndex((d, i) => d === hops && !hubs.has(i));
  }
  const pathPair = to === -1 ? null : { from: plan.ids[ordinary]!, to: plan.ids[to]!, hops: fromOrdinary[to]! };
  let hubPathPair: Probes['hubPathPair'] = null;
  const neighbours = [...adj.targets.subarray(adj.offsets[hub]!, adj.offsets[hub + 1]!)].filter((m) => !hubs.has(m));
  for (let i = 0; i < Math.min(neighbours.length, 20) && !hubPathPair; i += 1) {
    const without = distances(adj, neighbours[i]!, 2, hubs);
    const other = neighbours.find((m) => m !== neighbours[i] && without[m] === -1);
    if (other !== undefined) hubPathPair = { from: plan.ids[neighbours[i]!]!, to: plan.ids[other]! };
  }
  return { pathPair, hubPathPair };
}

export function chooseProbes(plan: GraphPlan, seed: number, searchCount = 50): Probes {
  const degree = new Int32Array(plan.names.length);
  for (let r = 0; r < plan.relationshipCount; r += 1) {
    degree[plan.relSource[r]!]! += 1;
    degree[plan.relTarget[r]!]! += 1;
  }
  let hub = plan.hubs[0]!;
  for (const h of plan.hubs) if (degree[h]! > degree[hub]!) hub = h;
  const people = plan.kinds.flatMap((kind, i) => (kind === 'PERSON' ? [i] : []));
  const sorted = [...people].sort((a, b) => degree[a]! - degree[b]! || a - b);
  const ordinary = sorted[Math.floor(sorted.length * 0.75)]!;

  // Uniformly drawn, half people and half organisations, hubs excluded: the probes stand for any name an analyst types.
  const prng = new Prng((seed ^ 0x5ea4c4) >>> 0);
  const orgs = plan.kinds.flatMap((kind, i) => (kind === 'ORGANISATION' && !plan.hubs.includes(i) ? [i] : []));
  const chosen = new Set<number>();
  const half = Math.floor(searchCount / 2);
  for (const [pool, want] of [[people, half], [orgs, searchCount - half]] as const) {
    let taken = 0;
    for (let guard = 0; taken < want && guard < want * 100; guard += 1) {
      const pick = pool[prng.int(pool.length)]!;
      if (chosen.has(pick)) continue;
      chosen.add(pick);
      taken += 1;
    }
  }
  const weighted = new Set<number>();
  const candidates = [...people, ...orgs];
  const total = candidates.reduce((sum, i) => sum + degree[i]!, 0);
  for (let guard = 0; weighted.size < Math.min(searchCount, candidates.length) && guard < searchCount * 1000; guard += 1) {
    let x = prng.next() * total;
    for (const i of candidates) {
      x -= degree[i]!;
      if (x < 0) {
        weighted.add(i);
        break;
      }
    }
  }
  const target = (i: number) => ({ id: plan.ids[i]!, name: plan.names[i]!, kind: plan.kinds[i]! });
  return {
    hubId: plan.ids[hub]!,
    hubName: plan.names[hub]!,
    ordinaryId: plan.ids[ordinary]!,
    ordinaryName: plan.names[ordinary]!,
    searchTargets: [...chosen].map(target),
    connectedTargets: [...weighted].map(target),
    ...pathProbes(plan, ordinary, hub),
  };
}
