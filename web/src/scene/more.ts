import type { Subgraph } from '../model.js';
import type { QueryRecord } from './scene.js';

/**
 * The "+N more" counts after an answer: its `hidden` entries are the latest word on those nodes; a node
 * it returned without an entry has nothing left out, unless the query was narrowed to some kinds,
 * types or a direction (then the answer says nothing about the rest, so the old count stands).
 */
export function updateMore(
  more: ReadonlyMap<string, number>,
  subgraph: Pick<Subgraph, 'nodes' | 'hidden'>,
  query?: QueryRecord | readonly QueryRecord[],
): ReadonlyMap<string, number> {
  if (!subgraph.hidden) return more;
  const next = new Map(more);
  const queries = query === undefined ? [] : Array.isArray(query) ? (query as readonly QueryRecord[]) : [query as QueryRecord];
  const narrowed = queries.some((q) => q.op === 'shortestPath' || (q.op === 'neighbourhood' && (q.variables.kinds || q.variables.relationshipTypes || q.variables.direction)));
  const counted = new Map(subgraph.hidden.map((h) => [h.id, h.count]));
  for (const n of subgraph.nodes) {
    const count = counted.get(n.id);
    if (count !== undefined) next.set(n.id, count);
    else if (!narrowed) next.delete(n.id);
  }
  return next;
}
