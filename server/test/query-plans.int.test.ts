import { afterAll, describe, expect, it } from 'vitest';
import { scansIn, planOperators } from '../src/db/plans.js';
import { entitiesByIdsQuery, relationshipsOfEntitiesQuery } from '../src/entity/queries.js';
import { neighbourhoodQuery, overviewQuery } from '../src/neighbourhood/queries.js';
import { allDocumentsQuery, documentsByIdsQuery, evidenceOfFactsQuery, statsQuery } from '../src/provenance/repository.js';
import { relationshipsByIdsQuery } from '../src/relationship/queries.js';
import { searchQuery } from '../src/search/queries.js';
import { testDatabase } from './harness.js';

// Every query a request can run, checked in Neo4j's own plan: none may read a whole label or relationship type.
const db = testDatabase();
afterAll(() => db.close());

const READS = {
  'search': searchQuery({ query: 'jae', kinds: null, first: 10 }),
  'search by kind': searchQuery({ query: 'jae', kinds: ['PERSON'], first: 10 }),
  'entities by id': entitiesByIdsQuery(['org:sykehuspartner']),
  'relationships of entities': relationshipsOfEntitiesQuery(['org:sykehuspartner']),
  'relationships by id': relationshipsByIdsQuery(['rel:person:gro-jaere-ROLE_AT-org:sykehuspartner']),
  'evidence of facts': evidenceOfFactsQuery(['org:sykehuspartner']),
  'documents by id': documentsByIdsQuery(['doc:000_b40fe58a30269fa6']),
  'all documents': allDocumentsQuery(),
  'neighbourhood depth 1': neighbourhoodQuery({ ids: ['org:sykehuspartner'], depth: 1, limit: 200 }),
  'neighbourhood depth 2': neighbourhoodQuery({ ids: ['org:sykehuspartner'], depth: 2, limit: 200 }),
  'overview': overviewQuery({ kinds: null, limit: 300 }),
  'overview of kinds': overviewQuery({ kinds: ['PERSON', 'ORGANISATION'], limit: 300 }),
  'stats': statsQuery(),
};

describe('query plans', () => {
  it.each(Object.entries(READS))('%s reads no whole label or relationship type', async (_name, query) => {
    expect(await scansIn(db, query)).toEqual([]);
  });

  it('answers stats from the count store', async () => {
    const operators = await planOperators(db, statsQuery());
    expect(operators.filter((op) => op.includes('CountFromCountStore'))).toHaveLength(4);
  });

  it('reads the overview in degree order straight from the index, without sorting every entity', async () => {
    const operators = await planOperators(db, overviewQuery({ kinds: null, limit: 300 }));
    expect(operators.some((op) => op.startsWith('NodeIndexSeekByRange') && op.includes('degree'))).toBe(true);
    expect(operators.some((op) => op.startsWith('Sort '))).toBe(false);
  });

  it('catches a query that would scan a label (the check can fail)', async () => {
    const scanning = { cypher: 'MATCH (n:Entity) WHERE n.name = $name RETURN n', params: { name: 'x' } };
    expect(await scansIn(db, scanning)).toEqual([expect.stringMatching(/^NodeByLabelScan/)]);
  });
});
