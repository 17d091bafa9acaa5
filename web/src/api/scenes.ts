import { graphql } from '../generated/gql.js';
import type { SavedSceneSummaryFragment } from '../generated/graphql.js';
import { request, type RequestOptions } from './client.js';

/** A saved scene as the Scenes list shows it (the state is fetched only when one is opened). */
export type SavedSceneSummary = SavedSceneSummaryFragment;

graphql(`
  fragment SavedSceneSummary on SavedScene { id name description entityCount updatedAt updatedBy }
`);

export const SCENES_QUERY = graphql(`
  query Scenes($first: Int, $after: String) {
    scenes(first: $first, after: $after) { edges { node { ...SavedSceneSummary } } pageInfo { hasNextPage endCursor } totalCount }
  }
`);

export const SCENE_QUERY = graphql(`
  query Scene($id: ID!) { scene(id: $id) { id name state } }
`);

export const SAVE_SCENE_MUTATION = graphql(`
  mutation SaveScene($input: SceneInput!) { saveScene(input: $input) { id name entityCount updatedAt } }
`);

export const DELETE_SCENE_MUTATION = graphql(`
  mutation DeleteScene($id: ID!) { deleteScene(id: $id) }
`);

/** A page of saved scenes, most recently saved first, and where the next page starts. */
export interface ScenePage {
  scenes: SavedSceneSummary[];
  totalCount: number;
  /** Pass as `after` for the next page; null on the last page. */
  next: string | null;
}

/** One page of `first` saved scenes after the cursor `after` (keyset paging, so saves meanwhile shift nothing). */
export async function listScenes(first = 20, after?: string | null, options?: RequestOptions): Promise<ScenePage> {
  const data = await request(SCENES_QUERY, { first, after: after ?? null }, options);
  const { edges, pageInfo, totalCount } = data.scenes;
  return { scenes: edges.map((e) => e.node), totalCount, next: pageInfo.hasNextPage ? (pageInfo.endCursor ?? null) : null };
}

/** One saved scene's state (the permalink encoding), or null when it was deleted meanwhile. */
export async function fetchScene(id: string, options?: RequestOptions): Promise<{ id: string; name: string; state: string } | null> {
  return (await request(SCENE_QUERY, { id }, options)).scene;
}

/** Saves the scene under its name (overwriting one of that name); needs `options.token`. */
export async function saveScene(input: { name: string; state: string; description?: string }, options: RequestOptions): Promise<{ id: string; name: string; entityCount: number | null }> {
  return (await request(SAVE_SCENE_MUTATION, { input }, options)).saveScene;
}

/** Deletes a saved scene; false when it was already gone. Needs `options.token`. */
export async function deleteScene(id: string, options: RequestOptions): Promise<boolean> {
  return (await request(DELETE_SCENE_MUTATION, { id }, options)).deleteScene;
}
