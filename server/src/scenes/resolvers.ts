import { intInRange } from '../args.js';
import { apiError, badInput, ErrorCode } from '../errors.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import { deleteScene, writeScene } from '../write/scenes.js';
import { runWrite } from '../writes.js';
import { decodeSceneCursor, sceneCursor } from './queries.js';
import { findScene, findScenePage } from './repository.js';

/** Resolvers of saved scenes (issue 8): list, read, save by name, delete. Writes go through write/scenes.ts. */
export const sceneResolvers: Resolvers = {
  Query: {
    scenes: async (_parent, args, { db }) => {
      const first = intInRange('first', args.first, 50, 1, 100);
      const order = args.orderBy ?? 'UPDATED';
      const after = args.after ? decodeSceneCursor(args.after) : null;
      if (after === undefined) throw badInput('after is not a cursor from this list; pass the endCursor of the page before', 'after');
      const page = await findScenePage(db, order, first, after);
      const edges = page.items.map((node) => ({ cursor: sceneCursor(node, order), node }));
      return { edges, pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null }, totalCount: page.totalCount };
    },
    scene: (_parent, { id }, { db }) => findScene(db, id),
  },
  Mutation: {
    saveScene: (_parent, { input }, context) => runWrite(context, (tx, writer) => writeScene(tx, input, writer)),
    deleteScene: (_parent, { id }, context) => runWrite(context, (tx) => deleteScene(tx, id)),
  },
  SavedScene: {
    // Listings leave the state out; a client that asks for it in a list gets it read per scene.
    state: async (scene, _args, { db }) => {
      if (scene.state !== undefined) return scene.state;
      const stored = await findScene(db, scene.id);
      if (!stored) throw apiError(ErrorCode.NOT_FOUND, `The scene ${scene.id} was deleted meanwhile.`);
      return stored.state;
    },
  },
};
