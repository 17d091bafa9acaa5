import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Types are generated from schema.graphql, never written by hand nor committed (both folders are git-ignored;
 * `npm run codegen` runs before typecheck, test and start): the server's resolver types, and the page's typed
 * documents. Codegen also validates every page operation against the schema, so a query that goes out of date
 * fails `npm run codegen` (and with it typecheck and test).
 */
const config: CodegenConfig = {
  schema: 'schema.graphql',
  silent: true,
  generates: {
    // The page: every `graphql(\`...\`)` call in web/src becomes a typed document. `documentMode: 'string'`
    // emits them as strings (no graphql-js in the page bundle); fragments are plain types, not masked.
    'web/src/generated/': {
      documents: ['web/src/**/*.ts', '!web/src/generated/**', '!web/src/**/*.test.ts'],
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        documentMode: 'string',
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { JSON: 'unknown', Date: 'string' },
      },
    },
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
          DocumentMention: '../provenance/mentions.js#DocumentMentionRecord',
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
