/**
 * Layers point one way (see README "Layout"): http -> domains -> write -> graph/db. Tests and tools are exempt
 * where they wire things together, never the other way round.
 */
const DOMAINS = '(entity|relationship|search|neighbourhood|provenance|bundle|import|export|seed|paths|documents|scenes|review)';
const TESTS = '(\\.test\\.ts$|^server/test/)';

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A cycle makes two modules one; cut it by moving the shared piece down a layer.',
      from: { pathNot: TESTS },
      to: { circular: true },
    },
    {
      name: 'web-not-server',
      severity: 'error',
      comment: 'The page shares only common/ (vocabulary) with the server, never server source.',
      from: { path: '^web/', pathNot: TESTS },
      to: { path: '^server/' },
    },
    {
      name: 'common-imports-nothing',
      severity: 'error',
      from: { path: '^common/' },
      to: { path: '^(server|web|bench)/' },
    },
    {
      name: 'db-is-the-bottom',
      severity: 'error',
      comment: 'db/ knows drivers and Cypher, not GraphQL, domains or HTTP.',
      from: { path: '^server/src/db/', pathNot: TESTS },
      to: { path: [`^server/src/${DOMAINS}/`, '^server/src/(http|write)/', '^server/src/(errors|context|writes)\\.ts$', '^node_modules/graphql'] },
    },
    {
      name: 'graph-is-vocabulary-only',
      severity: 'error',
      comment: 'graph/ holds shared models; it may not reach up into domains, the write path, HTTP or the driver.',
      from: { path: '^server/src/graph/', pathNot: TESTS },
      to: { path: [`^server/src/${DOMAINS}/`, '^server/src/(http|write|db)/', '^server/src/(errors|context|writes)\\.ts$'] },
    },
    {
      name: 'write-below-domains',
      severity: 'error',
      comment: 'The write path serves every writer; it may not know any of them, nor GraphQL.',
      from: { path: '^server/src/write/', pathNot: TESTS },
      to: { path: [`^server/src/${DOMAINS}/`, '^server/src/http/', '^server/src/(errors|context|writes)\\.ts$', '^node_modules/graphql'] },
    },
    {
      name: 'domains-below-http',
      severity: 'error',
      from: { path: `^server/src/${DOMAINS}/`, pathNot: TESTS },
      to: { path: '^server/src/http/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|\\.data|(server|web)/src/generated)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
