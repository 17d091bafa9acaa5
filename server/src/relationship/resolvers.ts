import type { Resolvers } from '../generated/resolvers-types.js';
import { relationshipMutations } from './mutations.js';

/** Resolvers of the relationship domain. */
export const relationshipResolvers: Resolvers = {
  Query: {
    relationship: (_parent, { id }, { loaders }) => loaders.relationship.load(id),
  },
  Mutation: relationshipMutations,
  Relationship: {
    evidence: (relationship, _args, { loaders }) => loaders.evidenceOf.load(relationship.id),
    from: (relationship, _args, { loaders }) => loadEnd(loaders.entity.load(relationship.source), relationship.source),
    to: (relationship, _args, { loaders }) => loadEnd(loaders.entity.load(relationship.target), relationship.target),
  },
};

async function loadEnd<T>(pending: Promise<T | null>, id: string): Promise<T> {
  const entity = await pending;
  // A relationship only ever joins stored entities, so a miss is a broken store, not user error.
  if (!entity) throw new Error(`Relationship end ${id} is missing`);
  return entity;
}
