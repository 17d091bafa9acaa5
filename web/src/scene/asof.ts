import type { Subgraph } from '../model.js';
import { updateMore } from './more.js';
import type { Position, QueryRecord, Scene } from './scene.js';

/**
 * The time slider's logic: which dates the API accepts, the scene's queries re-dated, and the scene
 * rebuilt from their answers. Pure, so it is tested under Node; `apply` calls `redate`.
 */

/** The API's Date scalar: a year, a year-month or a day ("2019", "2019-05", "2019-05-14"). */
const DATE = /^(\d{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$/;

/** The date typed into the control: null when empty (now), undefined when not a date the API accepts. */
export function parseAsOf(text: string): string | null | undefined {
  const trimmed = text.trim();
  if (!trimmed) return null;
  return DATE.test(trimmed) ? trimmed : undefined;
}

/** The queries with `asOf` set (or, for null, taken out), so every scene query asks for the same date. */
export function withAsOf(queries: readonly QueryRecord[], asOf: string | null): QueryRecord[] {
  return queries.map((q) => {
    const { asOf: _old, ...rest } = q.variables as QueryRecord['variables'] & { asOf?: string };
    return { op: q.op, variables: asOf ? { ...rest, asOf } : rest } as QueryRecord;
  });
}

/**
 * The scene as of a new date: its queries re-dated and their `answers` (same order) as its data.
 * What the analyst did stays where it still applies: positions, hidden items, filters, removed edges,
 * selection. Entities the date leaves out drop out; ones it brings back take their old place, new ones `placed` positions.
 */
export function redate(
  scene: Scene,
  asOf: string | null,
  answers: readonly Pick<Subgraph, 'nodes' | 'edges' | 'truncated' | 'hidden'>[],
  placed: ReadonlyMap<string, Position>,
): Scene {
  const queries = withAsOf(scene.queries, asOf);
  const nodes = new Map<string, Scene['nodes'] extends ReadonlyMap<string, infer N> ? N : never>();
  const edges = new Map<string, Scene['edges'] extends ReadonlyMap<string, infer E> ? E : never>();
  for (const answer of answers) {
    for (const n of answer.nodes) if (!nodes.has(n.id)) nodes.set(n.id, { id: n.id, kind: n.kind, name: n.name, degree: n.degree ?? 0 });
  }
  for (const answer of answers) {
    for (const e of answer.edges) {
      if (scene.removedEdges.has(e.id) || !nodes.has(e.source) || !nodes.has(e.target)) continue;
      edges.set(e.id, { id: e.id, type: e.type, source: e.source, target: e.target, title: e.title });
    }
  }
  // Positions of entities the date leaves out are kept, so moving the slider back returns them to
  // where the analyst had them (the permalink writes positions of present nodes only).
  const positions = new Map<string, Position>(scene.positions);
  for (const id of nodes.keys()) {
    const p = scene.positions.get(id) ?? placed.get(id);
    if (p) positions.set(id, { x: Math.round(p.x), y: Math.round(p.y) });
  }
  const present = (id: string) => nodes.has(id) || edges.has(id);
  return {
    ...scene,
    nodes,
    edges,
    positions,
    hidden: new Set([...scene.hidden].filter(present)),
    removedEdges: new Set([...scene.removedEdges].filter((id) => !edges.has(id))),
    selection: scene.selection.filter(present),
    asOf,
    queries,
    truncated: answers.some((a) => a.truncated),
    more: answers.reduce<ReadonlyMap<string, number>>((more, a, i) => updateMore(more, a, queries[i]), new Map()),
  };
}
