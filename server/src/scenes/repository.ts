import type { Database } from '../db/driver.js';
import { toSceneRecord, type SceneRecord } from '../graph/scene.js';
import { sceneCountQuery, scenePageQuery, sceneQuery, type SceneListItem, type SceneOrder } from './queries.js';

/** A page of saved scenes without their states (listings show names; `state` is read by `findScene`). */
export async function findScenePage(
  db: Database,
  order: SceneOrder,
  first: number,
  after: readonly [string, string] | null,
): Promise<{ items: SceneListItem[]; hasNextPage: boolean; totalCount: number }> {
  const page = scenePageQuery(order, first, after);
  const [result, count] = await Promise.all([db.read((tx) => tx.run(page.cypher, page.params)), db.read((tx) => tx.run(sceneCountQuery.cypher))]);
  const items: SceneListItem[] = result.records.map((r) => {
    const { state: _state, ...listed } = toSceneRecord(r.get('s') as Record<string, unknown>);
    return listed;
  });
  return { items: items.slice(0, first), hasNextPage: items.length > first, totalCount: Number(count.records[0]?.get('total') ?? 0) };
}

/** One saved scene with its state, or null. */
export async function findScene(db: Database, id: string): Promise<SceneRecord | null> {
  const query = sceneQuery(id);
  const result = await db.read((tx) => tx.run(query.cypher, query.params));
  const record = result.records[0];
  return record ? toSceneRecord(record.get('s') as Record<string, unknown>) : null;
}
