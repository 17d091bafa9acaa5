import { cursorArg, intInRange } from '../args.js';
import { badInput } from '../errors.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import { encodeCursor } from '../graph/cursor.js';
import { ENTITY_KINDS, KIND_DESCRIPTIONS, KIND_LABEL, KIND_PROPERTIES, RELATIONSHIP_TYPES, RELATIONSHIP_TYPE_NAMES } from '../graph/model.js';
import { provenanceMutations } from './mutations.js';
import { mentionCursorKey } from './mentions.js';
import { listDocuments, readStats } from './repository.js';

/** Resolvers of the provenance domain: documents, quotes and counts. */
export const provenanceResolvers: Resolvers = {
  Query: {
    documents: async (_parent, args, { db }) => {
      const first = intInRange('first', args.first, 50, 1, 1_000);
      const after = cursorArg(args.after, 1);
      const page = await listDocuments(db, { first, after: (after?.[0] as string | undefined) ?? null });
      const edges = page.items.map((node) => ({ cursor: encodeCursor([node.id]), node }));
      return { edges, pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null }, totalCount: page.totalCount };
    },
    document: (_parent, { id }, { loaders }) => loaders.document.load(id),
    stats: (_parent, _args, { db }) => readStats(db),
    kinds: () =>
      ENTITY_KINDS.map((kind) => ({ kind, typeName: KIND_LABEL[kind], description: KIND_DESCRIPTIONS[kind], fields: [...KIND_PROPERTIES[kind]] })),
    relationshipTypes: () => RELATIONSHIP_TYPE_NAMES.map((type) => ({ type, description: RELATIONSHIP_TYPES[type] })),
  },
  Mutation: provenanceMutations,
  Document: {
    mentions: async (document, args, { loaders }) => {
      const first = intInRange('first', args.first, 50, 1, 500);
      const after = cursorArg(args.after, 2);
      if (after && (typeof after[0] !== 'number' || typeof after[1] !== 'string')) throw badInput('after is not a cursor of mentions', 'after');
      const page = await loaders.mentionPage.load({ id: document.id, args: { first, after } });
      const edges = page.items.map((node) => ({ cursor: encodeCursor(mentionCursorKey(node)), node }));
      return { edges, pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null }, totalCount: page.totalCount };
    },
  },
  DocumentMention: {
    entity: (mention, _args, { loaders }) => (mention.entityId ? loaders.entity.load(mention.entityId) : null),
    relationship: (mention, _args, { loaders }) => (mention.relationshipId ? loaders.relationship.load(mention.relationshipId) : null),
  },
  Evidence: {
    context: (evidence) => ({
      text: evidence.context,
      documentStart: evidence.contextStart,
      quoteStart: evidence.start - evidence.contextStart,
      quoteEnd: evidence.end - evidence.contextStart,
    }),
    document: async (evidence, _args, { loaders }) => {
      const document = await loaders.document.load(evidence.documentId);
      // Evidence is only ever written together with its document, so a miss is a broken store, not user error.
      if (!document) throw new Error(`Evidence ${evidence.id} points to missing document ${evidence.documentId}`);
      return document;
    },
  },
};
