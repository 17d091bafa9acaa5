import { randomUUID } from 'node:crypto';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CypherQuery } from '../src/db/driver.js';
import { entityPageQuery, type EntityOrderName } from '../src/entity/listing.js';
import { encodeCursor } from '../src/graph/cursor.js';
import { writeGraph } from '../src/write/graph.js';
import { graphql, removeTestData, testDatabase, testYoga } from './harness.js';

// "A page after 50,000 entities costs what the first page costs": 50,000 small entities written through the write
// path, then Neo4j's own PROFILE of the first page and of the page after the 50,000th. Database hits, not time.
const RUN = randomUUID().slice(0, 8);
const COUNT = 50_000;
const BATCH = 10_000;
const WRITER = { source: `api:deep-page-${RUN}`, at: '2026-01-02T00:00:00.000Z' };
const POLICY = { fields: 'patch', retype: false, evidence: 'add' } as const;

const db = testDatabase();
const yoga = testYoga(db);

/** Sum of the database hits of every operator in a profiled plan. */
async function dbHits({ cypher, params }: CypherQuery): Promise<number> {
  const result = await db.read((tx) => tx.run(`PROFILE ${cypher}`, params));
  type Profiled = { dbHits: number; children: Profiled[] };
  const sum = (node: Profiled): number => node.dbHits + node.children.reduce((total, child) => total + sum(child), 0);
  return sum(result.summary.profile as unknown as Profiled);
}

/** The entities at positions [skip, skip + limit) in the order, read with an offset: the independent answer. */
async function byOffset(order: string, skip: number, limit: number): Promise<{ id: string; name: string; degree: number }[]> {
  const result = await db.read((tx) =>
    tx.run(`MATCH (n:Entity) RETURN n.id AS id, n.name AS name, n.degree AS degree ORDER BY ${order} SKIP $skip LIMIT $limit`, {
      skip: neo4j.int(skip),
      limit: neo4j.int(limit),
    }),
  );
  return result.records.map((record) => ({ id: String(record.get('id')), name: String(record.get('name')), degree: Number(record.get('degree')) }));
}

beforeAll(async () => {
  const started = Date.now();
  for (let from = 0; from < COUNT; from += BATCH) {
    const entities = Array.from({ length: Math.min(BATCH, COUNT - from) }, (_, i) => {
      const n = from + i;
      return {
        id: `topic:deep-${RUN}-${String(n).padStart(5, '0')}`,
        kind: 'TOPIC' as const,
        // Names in a shuffled order (not the ids' order), so name order and id order differ.
        name: `Dyp side ${String((n * 7919) % COUNT).padStart(5, '0')}`,
        evidence: [{ documentId: 'doc:000_b40fe58a30269fa6', quote: 'Store investeringer' }],
        place: `entities[${n}]`,
      };
    });
    await db.write((tx) => writeGraph(tx, { documents: [], relationships: [], entities }, WRITER, POLICY));
  }
  console.log(`[deep-page] wrote ${COUNT} entities through the write path in ${Date.now() - started} ms`);
}, 300_000);

afterAll(async () => {
  await removeTestData(db, `deep-${RUN}`);
  await db.close();
}, 300_000);

describe(`a deep page after ${COUNT.toLocaleString('en')} entities`, () => {
  it('costs the first page\'s database hits (keyset, not offset) and holds the entities after the 50,000th', async () => {
    const total = (await db.read((tx) => tx.run('MATCH (n:Entity) RETURN count(n) AS total'))).records[0]!.get('total') as number;
    expect(total).toBeGreaterThan(COUNT);

    const order: EntityOrderName = 'NAME';
    const [last] = await byOffset('n.name, n.id', COUNT - 1, 1);
    const expected = await byOffset('n.name, n.id', COUNT, 50);
    const after = encodeCursor([last!.name, last!.id]);

    const { body } = await graphql(yoga, 'query($after: String) { entities(orderBy: NAME, first: 50, after: $after) { edges { node { id } } pageInfo { hasNextPage } } }', { after });
    expect(body.errors).toBeUndefined();
    const ids = (body.data?.entities.edges as { node: { id: string } }[]).map((edge) => edge.node.id);
    expect(ids).toEqual(expected.map((entity) => entity.id));

    const first = await dbHits(entityPageQuery({ kinds: null, filter: {}, order, first: 50, after: null }));
    const deep = await dbHits(entityPageQuery({ kinds: null, filter: {}, order, first: 50, after: [last!.name, last!.id] }));
    const offset = await dbHits({ cypher: 'MATCH (n:Entity) WITH n ORDER BY n.name, n.id SKIP $skip LIMIT 51 RETURN n.id', params: { skip: neo4j.int(COUNT) } });
    console.log(`[deep-page] db hits for 50 entities by name: first page ${first}, after ${COUNT} ${deep}; with SKIP ${offset}`);
    expect(deep).toBeLessThanOrEqual(first * 3);
    const [lastByDegree] = await byOffset('n.degree DESC, n.id', COUNT - 1, 1);
    const degreeFirst = await dbHits(entityPageQuery({ kinds: null, filter: {}, order: 'DEGREE', first: 50, after: null }));
    const degreeDeep = await dbHits(entityPageQuery({ kinds: null, filter: {}, order: 'DEGREE', first: 50, after: [lastByDegree!.degree, lastByDegree!.id] }));
    console.log(`[deep-page] db hits by degree: first page ${degreeFirst}, after ${COUNT} ${degreeDeep}`);
    // The measure can tell the difference: reading past 50,000 entities costs orders of magnitude more.
    expect(offset).toBeGreaterThan(deep * 20);
  });
});
