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
          Entity: '../graph/entity.js#EntityRecord',
          Organisation: '../graph/entity.js#EntityRecord',
          Person: '../graph/entity.js#EntityRecord',
          Programme: '../graph/entity.js#EntityRecord',
          Vendor: '../graph/entity.js#EntityRecord',
          Event: '../graph/entity.js#EntityRecord',
          Place: '../graph/entity.js#EntityRecord',
          Topic: '../graph/entity.js#EntityRecord',
          Product: '../graph/entity.js#EntityRecord',
          Relationship: '../graph/relationship.js#RelationshipRecord',
          Evidence: '../graph/provenance.js#EvidenceRecord',
          Document: '../graph/provenance.js#DocumentRecord',
          Origin: '../graph/origin.js#OriginRecord',
          ImportResult: '../review/records.js#ImportResultRecord',
          Mention: '../review/records.js#MentionRecord',
          Proposal: '../review/records.js#ProposalRecord',
          ProposalEnd: '../review/records.js#ProposalEndRecord',
          SavedScene: '../scenes/queries.js#SceneListItem',
        },
        enumsAsTypes: true,
        scalars: { JSON: 'unknown', Date: 'string' },
        avoidOptionals: false,
      },
    },
  },
};
export default config;
