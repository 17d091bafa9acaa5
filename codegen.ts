import type { CodegenConfig } from '@graphql-codegen/cli';

/** Resolver types are generated from schema.graphql, never written by hand nor committed. */
const config: CodegenConfig = {
  schema: 'schema.graphql',
  silent: true,
  generates: {
    'server/src/generated/resolvers-types.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        useTypeImports: true,
        contextType: '../context.js#GraphQLContext',
        mappers: {
          Entity: '../entity/model.js#EntityRecord',
          Organisation: '../entity/model.js#EntityRecord',
          Person: '../entity/model.js#EntityRecord',
          Programme: '../entity/model.js#EntityRecord',
          Vendor: '../entity/model.js#EntityRecord',
          Event: '../entity/model.js#EntityRecord',
          Place: '../entity/model.js#EntityRecord',
          Topic: '../entity/model.js#EntityRecord',
          Product: '../entity/model.js#EntityRecord',
          Relationship: '../neighbourhood/model.js#RelationshipRecord',
          Evidence: '../provenance/model.js#EvidenceRecord',
          Document: '../provenance/model.js#DocumentRecord',
        },
        enumsAsTypes: true,
        avoidOptionals: false,
      },
    },
  },
};
export default config;
