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
  };
}
