import { readFileSync } from 'node:fs';
import path from 'node:path';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { DateScalar } from './date-scalar.js';
import { bundleResolvers } from '../bundle/resolvers.js';
import { entityResolvers } from '../entity/resolvers.js';
import { neighbourhoodResolvers } from '../neighbourhood/resolvers.js';
import { provenanceResolvers } from '../provenance/resolvers.js';
import { relationshipResolvers } from '../relationship/resolvers.js';
import { reviewResolvers } from '../review/resolvers.js';
import { sceneResolvers } from '../scenes/resolvers.js';
import { searchResolvers } from '../search/resolvers.js';

/** Path of the one source of the API. */
export const SCHEMA_PATH = path.resolve(import.meta.dirname, '../../../schema.graphql');

/** The executable schema: schema.graphql plus every domain's resolvers. */
export function buildSchema(): GraphQLSchema {
  return makeExecutableSchema({
    typeDefs: readFileSync(SCHEMA_PATH, 'utf8'),
    resolvers: [
      { JSON: GraphQLJSON, Date: DateScalar },
      entityResolvers,
      relationshipResolvers,
      searchResolvers,
      neighbourhoodResolvers,
      provenanceResolvers,
      bundleResolvers,
      reviewResolvers,
      sceneResolvers,
    ],
    resolverValidationOptions: { requireResolversToMatchSchema: 'error', requireResolversForResolveType: 'error' },
  });
}
