import { badInput } from '../errors.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import { IntakeError } from '../import/index.js';
import { WriteRejected } from '../write/problems.js';
import { requireWriter, runWrite, toApiError } from '../writes.js';
import { decodeProposalCursor, findDocumentImport, findProposalPage, proposalCursor } from './queries.js';
import type { ProposalEndRecord } from './records.js';
import { acceptAbove, acceptProposal, rejectProposal } from './review.js';
import { importArticle } from './store.js';

const MAX_PAGE = 200;

const end = (name: string | null, entityId: string | null): ProposalEndRecord | null => (name === null ? null : { name, entityId });

/** Resolvers of article import and proposal review (issue 7). */
export const reviewResolvers: Resolvers = {
  Query: {
    proposals: async (_parent, { documentId, status, first, after }, context) => {
      const size = first ?? 50;
      if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE) throw badInput(`first must be 1-${MAX_PAGE}`, 'first');
      const cursor = after ? decodeProposalCursor(after) : null;
      if (cursor === undefined) throw badInput('after is not a cursor from this listing', 'after');
      const page = await findProposalPage(context.db, { documentId: documentId ?? null, status: status ?? 'PENDING', first: size, after: after ?? null }, cursor);
      return {
        edges: page.items.map((node) => ({ cursor: proposalCursor(node), node })),
        pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.items.length > 0 ? proposalCursor(page.items[page.items.length - 1]!) : null },
      };
    },
  },
  Mutation: {
    importDocument: async (_parent, { input }, context) => {
      const writer = requireWriter(context);
      let outcome;
      try {
        outcome = await importArticle(context.db, input, writer);
      } catch (error) {
        if (error instanceof IntakeError) throw badInput(error.message, `input.${error.code === 'BAD_DATE' ? 'publishedAt' : error.code === 'BAD_LANGUAGE' ? 'language' : 'text'}`);
        if (error instanceof WriteRejected) throw toApiError(error);
        throw error;
      }
      const stored = await findDocumentImport(context.db, outcome.documentId);
      return { documentId: outcome.documentId, unchanged: outcome.unchanged, ...stored };
    },
    acceptProposal: (_parent, { id, edit }, context) => runWrite(context, async (tx, writer) => (await acceptProposal(tx, id, edit, writer))!),
    rejectProposal: (_parent, { id }, context) => runWrite(context, (tx, writer) => rejectProposal(tx, id, writer)),
    acceptProposals: (_parent, { documentId, minConfidence }, context) => {
      if (!(minConfidence >= 0 && minConfidence <= 1)) throw badInput('minConfidence must be between 0 and 1', 'minConfidence');
      return runWrite(context, (tx, writer) => acceptAbove(tx, documentId, minConfidence, writer));
    },
  },
  ImportResult: {
    document: async (result, _args, context) => {
      const document = await context.loaders.document.load(result.documentId);
      if (!document) throw new Error(`imported document ${result.documentId} is missing`);
      return document;
    },
  },
  Mention: {
    entity: (mention, _args, context) => context.loaders.entity.load(mention.entityId),
  },
  ProposalEnd: {
    entity: (proposalEnd, _args, context) => (proposalEnd.entityId ? context.loaders.entity.load(proposalEnd.entityId) : null),
  },
  Proposal: {
    document: (proposal, _args, context) => context.loaders.document.load(proposal.documentId),
    from: (proposal) => end(proposal.fromName, proposal.fromEntityId),
    to: (proposal) => end(proposal.toName, proposal.toEntityId),
    duplicateOf: (proposal, _args, context) => (proposal.duplicateOf ? context.loaders.entity.load(proposal.duplicateOf) : null),
  },
};
