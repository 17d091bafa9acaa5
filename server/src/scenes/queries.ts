import neo4j from 'neo4j-driver';
import type { CypherQuery } from '../db/driver.js';
import { decodeCursor, encodeCursor } from '../graph/cursor.js';
import type { SceneRecord } from '../graph/scene.js';

/** How saved scenes are listed: most recently saved first, or by name. */
export type SceneOrder = 'UPDATED' | 'NAME';

/** The keyset of a scene in each order: the sort key, then the id to break ties. */
export function sceneCursor(scene: SceneListItem, order: SceneOrder): string {
  return encodeCursor(order === 'NAME' ? [scene.name, scene.id] : [scene.updatedAt ?? '', scene.id]);
}

/** The key inside a scenes cursor; undefined when it is not one of ours. */
export function decodeSceneCursor(after: string): readonly [string, string] | undefined {
  const key = decodeCursor(after, 2);
  if (!key || typeof key[0] !== 'string' || typeof key[1] !== 'string') return undefined;
  return [key[0], key[1]];
}

/** A scene as listed: without its state, which is read only when asked for (see the `state` resolver). */
export type SceneListItem = Omit<SceneRecord, 'state'> & { state?: string };

/**
 * One page of saved scenes after a cursor, read in order off the name constraint's index or the updatedAt index:
 * the range predicate (from the cursor, or `>= ''` for the first page) is an index seek that yields the order, so
 * no scene is read past the page and nothing is sorted. The state stays out of listings: a page of 50 scenes of
 * 64 KB each would be 3 MB.
 */
export function scenePageQuery(order: SceneOrder, first: number, after: readonly [string, string] | null): CypherQuery {
  const byName = order === 'NAME';
  const key = byName ? 's.name' : 's.updatedAt';
  const direction = byName ? 'ASC' : 'DESC';
  const past = byName ? '>' : '<';
  const where = after ? `${key} ${past}= $afterKey AND (${key} ${past} $afterKey OR s.id ${past} $afterId)` : `${key} >= ''`;
  return {
    cypher: `MATCH (s:Scene) WHERE ${where}
WITH s ORDER BY ${key} ${direction}, s.id ${direction} LIMIT $limit
RETURN s { .id, .name, .description, .entityCount, .createdAt, .createdBy, .updatedAt, .updatedBy } AS s`,
    params: { afterKey: after?.[0] ?? null, afterId: after?.[1] ?? null, limit: neo4j.int(first + 1) },
  };
}

/** How many scenes are saved, from the count store. */
export const sceneCountQuery: CypherQuery = { cypher: 'RETURN COUNT { (:Scene) } AS total', params: {} };

/** One saved scene with its state, by id (the id constraint's index). */
export function sceneQuery(id: string): CypherQuery {
  return { cypher: 'MATCH (s:Scene {id: $id}) RETURN properties(s) AS s', params: { id } };
}
