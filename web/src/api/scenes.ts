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

/** The most recently saved scenes first (the list shows at most `first`; `totalCount` says how many there are). */
export async function listScenes(first = 100, options?: RequestOptions): Promise<{ scenes: SavedSceneSummary[]; totalCount: number }> {
  const data = await request(SCENES_QUERY, { first }, options);
  return { scenes: data.scenes.edges.map((e) => e.node), totalCount: data.scenes.totalCount };
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
