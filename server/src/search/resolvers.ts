import { intInRange, kindsArg } from '../args.js';
import { badInput } from '../errors.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import { SearchSyntaxError } from './lucene.js';
import { searchEntities } from './repository.js';

/** Most hits one search may return. */
export const MAX_SEARCH_RESULTS = 100;

/** Resolvers of the search domain. */
export const searchResolvers: Resolvers = {
  Query: {
    search: async (_parent, args, { db }) => {
      const first = intInRange('first', args.first, 20, 1, MAX_SEARCH_RESULTS);
      const kinds = kindsArg(args.kinds);
      try {
        // The query builder parses the words once; input it cannot use is the caller's mistake.
        return await searchEntities(db, { query: args.query, kinds, first });
      } catch (error) {
        if (error instanceof SearchSyntaxError) throw badInput(error.message, 'query');
        throw error;
      }
    },
  },
};
