import { badInput } from '../errors.js';
import { idsArg, intInRange, kindsArg, scopeArg } from '../args.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import { MAX_DEPTH, MAX_NODES, MAX_PATH_LENGTH } from './queries.js';
import { findNeighbourhood, findOverview, findShortestPaths } from './repository.js';

/** Most start entities one neighbourhood query may name. */
export const MAX_START_IDS = 100;

/** Resolvers of the neighbourhood domain (subgraphs and paths). */
export const neighbourhoodResolvers: Resolvers = {
  Query: {
    neighbourhood: (_parent, args, { db }) =>
      findNeighbourhood(db, {
        ids: idsArg('ids', args.ids, MAX_START_IDS),
        depth: intInRange('depth', args.depth, 1, 1, MAX_DEPTH),
        limit: intInRange('limit', args.limit, 200, 1, MAX_NODES),
        scope: scopeArg(args),
      }),
    graph: (_parent, args, { db }) =>
      findOverview(db, { kinds: kindsArg(args.kinds), limit: intInRange('limit', args.limit, 300, 1, MAX_NODES), asOf: args.asOf ?? null }),
    shortestPath: (_parent, args, { db }) => {
      const [from, to] = [args.from, args.to];
      for (const [name, id] of [['from', from], ['to', to]] as const) {
        if (id.length === 0 || id.length > 200) throw badInput(`${name} must be an id of at most 200 characters`, name);
      }
      return findShortestPaths(db, {
        from,
        to,
        maxLength: intInRange('maxLength', args.maxLength, 6, 1, MAX_PATH_LENGTH),
        scope: scopeArg({ relationshipTypes: args.relationshipTypes, asOf: args.asOf }),
        all: args.all ?? false,
      });
    },
  },
};
