import type { EntityKind, Subgraph } from '../model.js';
import type { QueryRecord, Scene } from './scene.js';

/**
 * Expansion preview: what expanding a node would bring in, grouped by relationship type, direction
 * and the kind at the other end, so a hub's hundreds of neighbours can be taken in by the group.
 * The server's `expansionPreview(id)` gives the groups from stored counts without reading a single
 * neighbour (`serverGroups`); against a server without it they are computed from a fetched
 * neighbourhood (`expansionGroups`).
 */
export interface ExpansionGroup {
  key: string;
  type: string;
  direction: 'OUT' | 'IN';
  kind: EntityKind;
  /** How many entities the group holds (from the server: all neighbours, some may be on screen already). */
  count: number;
  /** The group's new entities, when known (client-side fallback only). */
  ids?: string[];
}

/** The server's groups as the dialog shows them, biggest first. */
export function serverGroups(groups: readonly { type: string; direction: 'OUT' | 'IN'; kind: EntityKind; count: number }[]): ExpansionGroup[] {
  return groups
    .filter((g) => g.count > 0)
    .map((g) => ({ key: `${g.type}|${g.direction}|${g.kind}`, type: g.type, direction: g.direction, kind: g.kind, count: g.count }))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

/**
 * One neighbourhood query per chosen group (its type, direction and kind only), so exactly the picked
 * groups come back; one query for all would bring in the cross product of their types and kinds.
 */
export function groupQueries(hub: string, chosen: readonly ExpansionGroup[], limit: number, asOf: string | null): QueryRecord[] {
  return chosen.map((g) => ({
    op: 'neighbourhood',
    variables: {
      ids: [hub],
      depth: 1,
      limit,
      kinds: [g.kind],
      relationshipTypes: [g.type],
      direction: g.direction === 'OUT' ? 'OUTGOING' : 'INCOMING',
      ...(asOf ? { asOf } : {}),
    },
  }));
}

/** How many entities the chosen groups bring in: exact when ids are known, else the sum of counts (an entity in two groups counts twice). */
export function chosenCount(chosen: readonly ExpansionGroup[]): number {
  if (chosen.every((g) => g.ids)) return new Set(chosen.flatMap((g) => g.ids!)).size;
  return chosen.reduce((n, g) => n + g.count, 0);
}

export function expansionGroups(scene: Scene, anchor: string, subgraph: Pick<Subgraph, 'nodes' | 'edges'>): ExpansionGroup[] {
  const kinds = new Map(subgraph.nodes.map((n) => [n.id, n.kind]));
  const groups = new Map<string, ExpansionGroup>();
  const seen = new Set<string>();
  for (const e of subgraph.edges) {
    const direction = e.source === anchor ? 'OUT' : e.target === anchor ? 'IN' : null;
    if (!direction) continue;
    const other = direction === 'OUT' ? e.target : e.source;
    const kind = kinds.get(other);
    if (!kind || scene.nodes.has(other)) continue;
    const key = `${e.type}|${direction}|${kind}`;
    const group = groups.get(key) ?? { key, type: e.type, direction, kind, count: 0, ids: [] };
    groups.set(key, group);
    // An entity linked twice (two types) counts in both groups but is brought in once.
    if (!group.ids!.includes(other)) {
      group.ids!.push(other);
      group.count = group.ids!.length;
    }
    seen.add(other);
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

/** The part of `subgraph` the chosen groups bring in: the anchor, their entities, and edges among what will be shown. */
export function pickGroups(subgraph: Subgraph, anchor: string, chosen: readonly ExpansionGroup[]): Subgraph {
  const keep = new Set<string>([anchor, ...chosen.flatMap((g) => g.ids ?? [])]);
  return { ...subgraph, nodes: subgraph.nodes.filter((n) => keep.has(n.id)) };
}

/** How many new entities a subgraph would add to the scene. */
export function newEntityCount(scene: Scene, subgraph: Pick<Subgraph, 'nodes'>): number {
  return new Set(subgraph.nodes.filter((n) => !scene.nodes.has(n.id)).map((n) => n.id)).size;
}
