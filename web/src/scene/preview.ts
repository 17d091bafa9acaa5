import type { EntityKind, Subgraph } from '../model.js';
import type { Scene } from './scene.js';

/**
 * Expansion preview: what expanding a node would bring in, grouped by relationship type, direction
 * and the kind at the other end, so a hub's hundreds of neighbours can be taken in by the group.
 * Computed from a fetched neighbourhood today; the API's planned `expansionPreview(id)` gives the
 * same groups without fetching the neighbours first.
 */
export interface ExpansionGroup {
  key: string;
  type: string;
  direction: 'OUT' | 'IN';
  kind: EntityKind;
  /** New entities (not yet in the scene) in this group. */
  ids: string[];
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
    const group = groups.get(key) ?? { key, type: e.type, direction, kind, ids: [] };
    groups.set(key, group);
    // An entity linked twice (two types) counts in both groups but is brought in once.
    if (!group.ids.includes(other)) group.ids.push(other);
    seen.add(other);
  }
  return [...groups.values()].sort((a, b) => b.ids.length - a.ids.length || a.key.localeCompare(b.key));
}

/** The part of `subgraph` the chosen groups bring in: the anchor, their entities, and edges among what will be shown. */
export function pickGroups(subgraph: Subgraph, anchor: string, chosen: readonly ExpansionGroup[]): Subgraph {
  const keep = new Set<string>([anchor, ...chosen.flatMap((g) => g.ids)]);
  return { ...subgraph, nodes: subgraph.nodes.filter((n) => keep.has(n.id)) };
}

/** How many new entities a subgraph would add to the scene. */
export function newEntityCount(scene: Scene, subgraph: Pick<Subgraph, 'nodes'>): number {
  return new Set(subgraph.nodes.filter((n) => !scene.nodes.has(n.id)).map((n) => n.id)).size;
}
