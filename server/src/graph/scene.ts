/**
 * A saved scene: a named view of the graph an analyst keeps. Not a fact: it lives in `(:Scene)` nodes, outside
 * the entity labels, so counts, search, listings and exports never see it. Its `state` is the page's scene
 * encoding (common/scene-state.ts), stored as given.
 */
export interface SceneRecord {
  id: string;
  name: string;
  description: string | null;
  state: string;
  entityCount: number | null;
  createdAt: string | null;
  createdBy: string | null;
  updatedAt: string | null;
  updatedBy: string | null;
}

/** Reads a projected `(:Scene)` map. */
export function toSceneRecord(value: Record<string, unknown>): SceneRecord {
  const text = (key: string): string | null => (typeof value[key] === 'string' ? (value[key] as string) : null);
  const count = value.entityCount;
  return {
    id: String(value.id),
    name: String(value.name),
    description: text('description'),
    state: String(value.state ?? ''),
    entityCount: count === null || count === undefined ? null : Number(count),
    createdAt: text('createdAt'),
    createdBy: text('createdBy'),
    updatedAt: text('updatedAt'),
    updatedBy: text('updatedBy'),
  };
}
