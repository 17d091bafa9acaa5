import { randomUUID } from 'node:crypto';
import { inflateSync } from 'node:zlib';
import type { ManagedTransaction } from 'neo4j-driver';
import {
  SCENE_DESCRIPTION_MAX_LENGTH,
  SCENE_JSON_MAX_BYTES,
  SCENE_NAME_MAX_LENGTH,
  SCENE_STATE_MAX_LENGTH,
  isBase64url,
  sceneStateProblem,
  type PackedScene,
} from '../../../common/scene-state.js';
import { toSceneRecord, type SceneRecord } from '../graph/scene.js';
import { int, rows } from './cypher.js';
import { ProblemList } from './problems.js';
import type { Writer } from './types.js';

/** A scene to save, as a writer gives it. */
export interface SceneWrite {
  name: string;
  description?: string | null | undefined;
  state: string;
}

/**
 * Reads a state the way the page will: base64url, inflated (bounded, so a small bomb cannot take the heap),
 * parsed, shape checked. Returns the scene or what is wrong with it.
 */
export function decodeSceneState(state: string): { scene: PackedScene } | { problem: string } {
  if (state.length === 0) return { problem: 'is empty' };
  if (state.length > SCENE_STATE_MAX_LENGTH) return { problem: `is longer than ${SCENE_STATE_MAX_LENGTH} characters` };
  if (!isBase64url(state)) return { problem: 'is not base64url (A-Z a-z 0-9 - _, no padding)' };
  let json: string;
  try {
    json = inflateSync(Buffer.from(state, 'base64url'), { maxOutputLength: SCENE_JSON_MAX_BYTES }).toString('utf8');
  } catch {
    return { problem: `is not a deflated scene (or inflates past ${SCENE_JSON_MAX_BYTES} bytes)` };
  }
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return { problem: 'does not hold JSON' };
  }
  const problem = sceneStateProblem(value);
  return problem ? { problem: `is not a scene: ${problem}` } : { scene: value as PackedScene };
}

/** Every problem of a scene write, with its place (`input.name`, `input.state`). */
function check(input: SceneWrite, problems: ProblemList): { name: string; scene: PackedScene | null } {
  const name = input.name.trim();
  if (name.length === 0) problems.add('BAD_INPUT', 'input.name', 'a scene needs a name');
  if (name.length > SCENE_NAME_MAX_LENGTH) problems.add('BAD_INPUT', 'input.name', `a name has at most ${SCENE_NAME_MAX_LENGTH} characters`);
  if ((input.description?.length ?? 0) > SCENE_DESCRIPTION_MAX_LENGTH) {
    problems.add('BAD_INPUT', 'input.description', `a description has at most ${SCENE_DESCRIPTION_MAX_LENGTH} characters`);
  }
  const decoded = decodeSceneState(input.state);
  if ('problem' in decoded) problems.add('BAD_INPUT', 'input.state', `the state ${decoded.problem}`);
  return { name, scene: 'scene' in decoded ? decoded.scene : null };
}

/**
 * Saves a scene under its name: a new name creates one (with a new id), a stored name is overwritten (same id,
 * `createdAt`/`createdBy` kept). The name is the key (a unique constraint), so two writers saving the same new
 * name at once end with one scene.
 */
export async function writeScene(tx: ManagedTransaction, input: SceneWrite, writer: Writer): Promise<SceneRecord> {
  const problems = new ProblemList();
  const { name, scene } = check(input, problems);
  problems.throwIfAny();
  const result = await rows(
    tx,
    `MERGE (s:Scene {name: $name})
ON CREATE SET s.id = $id, s.createdAt = $at, s.createdBy = $by
SET s.state = $state, s.description = $description, s.entityCount = $entityCount, s.updatedAt = $at, s.updatedBy = $by
RETURN properties(s) AS s`,
    {
      name,
      id: `scene:${randomUUID()}`,
      state: input.state,
      description: input.description?.trim() || null,
      entityCount: int(scene?.n.length ?? 0),
      at: writer.at,
      by: writer.source,
    },
  );
  return toSceneRecord(result[0]!.s as Record<string, unknown>);
}

/** Deletes a saved scene; false when no scene has the id. */
export async function deleteScene(tx: ManagedTransaction, id: string): Promise<boolean> {
  const result = await rows(tx, 'MATCH (s:Scene {id: $id}) DELETE s RETURN count(*) AS deleted', { id });
  return Number(result[0]?.deleted ?? 0) > 0;
}
