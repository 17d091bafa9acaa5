import type { Resolvers } from '../generated/resolvers-types.js';
import { provenanceMutations } from './mutations.js';
import { listDocuments, readStats } from './repository.js';

/** Resolvers of the provenance domain: documents, quotes and counts. */
export const provenanceResolvers: Resolvers = {
  Query: {
    documents: (_parent, _args, { db }) => listDocuments(db),
    document: (_parent, { id }, { loaders }) => loaders.document.load(id),
    stats: (_parent, _args, { db }) => readStats(db),
  },
  Mutation: provenanceMutations,
  Evidence: {
    document: async (evidence, _args, { loaders }) => {
      const document = await loaders.document.load(evidence.documentId);
      // Evidence is only ever written together with its document, so a miss is a broken store, not user error.
      if (!document) throw new Error(`Evidence ${evidence.id} points to missing document ${evidence.documentId}`);
      return document;
    },
  },
};
