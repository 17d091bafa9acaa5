import { afterAll, describe, expect, it } from 'vitest';
import { scansIn, planOperators } from '../src/db/plans.js';
import { entityCountQuery, entityPageQuery } from '../src/entity/listing.js';
import { documentsOfEntitiesQuery, entitiesByIdsQuery, relationshipPageQuery } from '../src/entity/queries.js';
import { neighbourhoodQuery, overviewQuery, shortestPathQuery } from '../src/neighbourhood/queries.js';
import { OPEN_SCOPE } from '../src/neighbourhood/scope.js';
import { documentMentionsQuery } from '../src/provenance/mentions.js';
import { documentPageQuery, documentsByIdsQuery, evidenceOfFactsQuery, statsQuery } from '../src/provenance/repository.js';
import { relationshipsByIdsQuery } from '../src/relationship/queries.js';
import { fingerprintQuery, gazetteerPageQuery } from '../src/review/gazetteer-cache.js';
import { documentImportQuery, proposalPageQuery } from '../src/review/queries.js';
import { sceneCountQuery, scenePageQuery, sceneQuery } from '../src/scenes/queries.js';
import { searchQuery } from '../src/search/queries.js';
import { testDatabase } from './harness.js';

// Every query a request can run, checked in Neo4j's own plan: none may read a whole label or relationship type.
const db = testDatabase();
afterAll(() => db.close());

const READS = {
  'search': searchQuery({ query: 'jae', kinds: null, first: 10 }),
  'search by kind': searchQuery({ query: 'jae', kinds: ['PERSON'], first: 10 }),
  'entities by id': entitiesByIdsQuery(['org:sykehuspartner']),
  'relationships page': relationshipPageQuery({ ids: ['org:sykehuspartner'], scope: OPEN_SCOPE, first: 50, after: ['ROLE_AT', 'rel:x'] }),
  'relationships page of some types, dated': relationshipPageQuery({
    ids: ['org:sykehuspartner'],
    scope: { ...OPEN_SCOPE, types: ['ROLE_AT', 'RUNS'], direction: 'INCOMING', asOf: '2019' },
    first: 50,
    after: null,
  }),
  'documents of entities': documentsOfEntitiesQuery({ ids: ['org:sykehuspartner'], first: 20, after: null }),
  'entities by name': entityPageQuery({ kinds: null, filter: {}, order: 'NAME', first: 50, after: null }),
  'entities by name, deep page': entityPageQuery({ kinds: null, filter: {}, order: 'NAME', first: 50, after: ['Sykehuspartner', 'org:sykehuspartner'] }),
  'entities by degree': entityPageQuery({ kinds: null, filter: {}, order: 'DEGREE', first: 50, after: [3, 'org:x'] }),
  'entities recently changed': entityPageQuery({ kinds: null, filter: { changedSince: '2020-01-01' }, order: 'UPDATED', first: 50, after: null }),
  'entities in id order': entityPageQuery({ kinds: null, filter: {}, order: 'ID', first: 50, after: ['org:a'] }),
  'people by name': entityPageQuery({ kinds: ['PERSON'], filter: {}, order: 'NAME', first: 50, after: null }),
  'people and organisations by degree': entityPageQuery({ kinds: ['PERSON', 'ORGANISATION'], filter: {}, order: 'DEGREE', first: 50, after: null }),
  'entities whose name contains': entityPageQuery({ kinds: null, filter: { nameContains: 'helse' }, order: 'NAME', first: 50, after: null }),
  'entities a document mentions': entityPageQuery({ kinds: null, filter: { mentionedIn: 'doc:000_b40fe58a30269fa6' }, order: 'NAME', first: 50, after: null }),
  'entity count': entityCountQuery({ kinds: null, filter: {} }),
  'entity count of kinds': entityCountQuery({ kinds: ['PERSON', 'TOPIC'], filter: {} }),
  'shortest path': shortestPathQuery({ from: 'person:gro-jaere', to: 'vendor:epic', maxLength: 6, scope: OPEN_SCOPE, all: false }),
  'neighbourhood with types, kinds, direction and date': neighbourhoodQuery({
    ids: ['org:sykehuspartner'],
    depth: 2,
    limit: 200,
    scope: { kinds: ['PERSON'], types: ['ROLE_AT'], direction: 'INCOMING', asOf: '2019-05' },
  }),
  'relationships by id': relationshipsByIdsQuery(['rel:person:gro-jaere-ROLE_AT-org:sykehuspartner']),
  'evidence of facts': evidenceOfFactsQuery(['org:sykehuspartner']),
  'documents by id': documentsByIdsQuery(['doc:000_b40fe58a30269fa6']),
  'documents page': documentPageQuery({ first: 50, after: 'doc:a' }),
  'mentions of a document': documentMentionsQuery({ ids: ['doc:000_b40fe58a30269fa6'], first: 50, after: null }),
  'mentions of documents, next page': documentMentionsQuery({ ids: ['doc:a', 'doc:b'], first: 50, after: [120, 'ev:x'] }),
  'gazetteer fingerprint': fingerprintQuery(),
  'gazetteer page': gazetteerPageQuery('org:a', 5000),
  'pending proposals of a document': proposalPageQuery({ documentId: 'doc:a', status: 'PENDING', first: 50, after: null }, null),
  'pending proposals, deep page': proposalPageQuery({ documentId: null, status: 'PENDING', first: 50, after: null }, ['doc:a', 10, 'prop:x']),
  'a document import (mentions and proposals)': documentImportQuery('doc:a'),
  'neighbourhood depth 1': neighbourhoodQuery({ ids: ['org:sykehuspartner'], depth: 1, limit: 200 }),
  'neighbourhood depth 2': neighbourhoodQuery({ ids: ['org:sykehuspartner'], depth: 2, limit: 200 }),
  'overview': overviewQuery({ kinds: null, limit: 300 }),
  'overview of kinds': overviewQuery({ kinds: ['PERSON', 'ORGANISATION'], limit: 300 }),
  'stats': statsQuery(),
  'saved scenes, newest first': scenePageQuery('UPDATED', 50, null),
  'saved scenes by name, deep page': scenePageQuery('NAME', 50, ['Regional', 'scene:x']),
  'a saved scene': sceneQuery('scene:x'),
  'saved scene count': sceneCountQuery,
};

describe('query plans', () => {
  it.each(Object.entries(READS))('%s reads no whole label or relationship type', async (_name, query) => {
    expect(await scansIn(db, query)).toEqual([]);
  });

  it('answers stats from the count store', async () => {
    const operators = await planOperators(db, statsQuery());
    // Four totals, one per kind, one per relationship type.
    expect(operators.filter((op) => op.includes('CountFromCountStore'))).toHaveLength(4 + 8 + 15);
  });

  it('lists saved scenes in order straight from their indexes, without sorting every scene', async () => {
    for (const query of [scenePageQuery('UPDATED', 50, null), scenePageQuery('NAME', 50, ['Regional', 'scene:x'])]) {
      const operators = await planOperators(db, query);
      expect(operators.some((op) => op.startsWith('NodeIndexSeekByRange') || op.startsWith('NodeUniqueIndexSeekByRange')), operators.join('\n')).toBe(true);
    }
  });

  it('reads the overview in degree order straight from the index, without sorting every entity', async () => {
    const operators = await planOperators(db, overviewQuery({ kinds: null, limit: 300 }));
    expect(operators.some((op) => op.startsWith('NodeIndexSeekByRange') && op.includes('degree'))).toBe(true);
    expect(operators.some((op) => op.startsWith('Sort '))).toBe(false);
  });

  it('catches a query that would scan a label (the check can fail)', async () => {
    const scanning = { cypher: 'MATCH (n:Entity) WHERE n.description = $text RETURN n', params: { text: 'x' } };
    expect(await scansIn(db, scanning)).toEqual([expect.stringMatching(/^NodeByLabelScan/)]);
  });
});
