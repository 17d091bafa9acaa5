import type { EntityResolvers, QueryResolvers, Resolvers } from '../generated/resolvers-types.js';
import { KIND_LABEL } from '../graph/model.js';
import type { GraphQLContext } from '../context.js';
import { intInRange } from '../args.js';
import type { EntityRecord } from '../graph/entity.js';
import { entityMutations } from './mutations.js';
import { MAX_RELATIONSHIPS_PER_ENTITY } from './queries.js';

const entityQuery: Pick<QueryResolvers, 'entity'> = {
  entity: (_parent, { id }, { loaders }) => loaders.entity.load(id),
};

/** Fields every entity type shares; nested lists are loaded in batches. */
const sharedEntityFields = {
  evidence: (entity: EntityRecord, _args: unknown, { loaders }: GraphQLContext) => loaders.evidenceOf.load(entity.id),
  relationships: async (entity: EntityRecord, args: { first?: number | null }, { loaders }: GraphQLContext) => {
    const first = intInRange('first', args.first, 200, 1, MAX_RELATIONSHIPS_PER_ENTITY);
    return (await loaders.relationshipsOf.load(entity.id)).slice(0, first);
  },
};

const entityInterface: EntityResolvers = {
  // Each kind's GraphQL object type is named like its Neo4j label.
  __resolveType: (entity) => KIND_LABEL[entity.kind],
};

/** Resolvers of the entity domain. */
export const entityResolvers: Resolvers = {
  Query: entityQuery,
  Mutation: entityMutations,
  Entity: entityInterface,
  Organisation: sharedEntityFields,
  Person: sharedEntityFields,
  Programme: sharedEntityFields,
  Vendor: sharedEntityFields,
  Product: sharedEntityFields,
  Event: sharedEntityFields,
  Place: sharedEntityFields,
  Topic: sharedEntityFields,
};
