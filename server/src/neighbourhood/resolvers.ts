import { idsArg, intInRange, kindsArg } from '../args.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import { MAX_DEPTH, MAX_NODES } from './queries.js';
import { findNeighbourhood, findOverview } from './repository.js';

/** Most start entities one neighbourhood query may name. */
export const MAX_START_IDS = 100;

/** Resolvers of the neighbourhood domain (subgraphs). */
export const neighbourhoodResolvers: Resolvers = {
  Query: {
    neighbourhood: (_parent, args, { db }) =>
      findNeighbourhood(db, {
        ids: idsArg('ids', args.ids, MAX_START_IDS),
        depth: intInRange('depth', args.depth, 1, 1, MAX_DEPTH),
        limit: intInRange('limit', args.limit, 200, 1, MAX_NODES),
      }),
    graph: (_parent, args, { db }) =>
      findOverview(db, { kinds: kindsArg(args.kinds), limit: intInRange('limit', args.limit, 300, 1, MAX_NODES) }),
  },
};
