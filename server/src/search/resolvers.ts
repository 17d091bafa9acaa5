import { intInRange, kindsArg } from '../args.js';
import { badInput } from '../errors.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import { searchTerms, SearchSyntaxError } from './lucene.js';
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
        searchTerms(args.query);
      } catch (error) {
        if (error instanceof SearchSyntaxError) throw badInput(error.message, 'query');
        throw error;
      }
      return searchEntities(db, { query: args.query, kinds, first });
    },
  },
};
