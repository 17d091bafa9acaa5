import { randomUUID } from 'node:crypto';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entityPageQuery, type EntityOrderName } from '../src/entity/listing.js';
import { encodeCursor } from '../src/graph/cursor.js';
import { profiledDbHits as dbHits } from '../src/db/plans.js';
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


/** The same orders as the listing, written as an offset query would: the independent answer. */
const OFFSET_ORDERS: Record<Exclude<EntityOrderName, 'ID'>, { key: string; order: string }> = {
  NAME: { key: 'n.name', order: 'n.name, n.id' },
  DEGREE: { key: 'n.degree', order: 'n.degree DESC, n.id DESC' },
  UPDATED: { key: 'n.updatedAt', order: 'n.updatedAt DESC, n.id DESC' },
};

/** The entities at positions [skip, skip + limit) in the order, read with an offset, with their sort keys. */
async function byOffset(order: keyof typeof OFFSET_ORDERS, skip: number, limit: number): Promise<{ id: string; key: string | number }[]> {
  const { key, order: orderBy } = OFFSET_ORDERS[order];
  const result = await db.read((tx) =>
    tx.run(`MATCH (n:Entity) WHERE ${key} IS NOT NULL RETURN n.id AS id, ${key} AS key ORDER BY ${orderBy} SKIP $skip LIMIT $limit`, {
      skip: neo4j.int(skip),
      limit: neo4j.int(limit),
    }),
  );
  return result.records.map((record) => ({ id: String(record.get('id')), key: record.get('key') as string | number }));
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
  // In slices first: one transaction removing 50,000 entities and their quotes outgrows the test Neo4j's heap when
  // another file cleans up at the same time.
  const ids = Array.from({ length: COUNT }, (_, n) => `topic:deep-${RUN}-${String(n).padStart(5, '0')}`);
  for (let start = 0; start < ids.length; start += 5_000) {
    const slice = ids.slice(start, start + 5_000);
    await db.write((tx) => tx.run('UNWIND $ids AS id MATCH (e:Evidence {factId: id}) DELETE e', { ids: slice }));
    await db.write((tx) => tx.run('UNWIND $ids AS id MATCH (n:Entity {id: id}) DETACH DELETE n', { ids: slice }));
  }
  await removeTestData(db, `deep-${RUN}`);
  await db.close();
}, 300_000);

describe(`a deep page after ${COUNT.toLocaleString('en')} entities`, () => {
  it('holds the entities after the 50,000th and costs the first page\'s database hits (keyset, not offset), in every keyed order', async () => {
    const total = (await db.read((tx) => tx.run('MATCH (n:Entity) RETURN count(n) AS total'))).records[0]!.get('total') as number;
    expect(total).toBeGreaterThan(COUNT);
    const offset = await dbHits(db, { cypher: 'MATCH (n:Entity) WITH n ORDER BY n.name, n.id SKIP $skip LIMIT 51 RETURN n.id', params: { skip: neo4j.int(COUNT) } });

    for (const order of ['NAME', 'DEGREE', 'UPDATED'] as const) {
      const [last] = await byOffset(order, COUNT - 1, 1);
      const expected = await byOffset(order, COUNT, 50);
      const key = [last!.key, last!.id];
      const { body } = await graphql(yoga, `query($after: String) { entities(orderBy: ${order}, first: 50, after: $after) { edges { node { id } } } }`, {
        after: encodeCursor(key),
      });
      expect(body.errors).toBeUndefined();
      expect((body.data?.entities.edges as { node: { id: string } }[]).map((edge) => edge.node.id), order).toEqual(expected.map((entity) => entity.id));

      const first = await dbHits(db, entityPageQuery({ kinds: null, filter: {}, order, first: 50, after: null }));
      const deep = await dbHits(db, entityPageQuery({ kinds: null, filter: {}, order, first: 50, after: key }));
      console.log(`[deep-page] db hits for 50 entities by ${order}: first page ${first}, after ${COUNT} ${deep}`);
      // Neither page reads the 50,000 entities (a tie group of them included), and the deep one costs what the first does.
      expect(first, order).toBeLessThan(COUNT / 10);
      expect(deep, order).toBeLessThanOrEqual(first * 3);
      // The measure can tell the difference: reading past 50,000 entities with an offset costs orders of magnitude more.
      expect(offset).toBeGreaterThan(deep * 20);
    }
    console.log(`[deep-page] db hits of the same page by SKIP ${COUNT}: ${offset}`);
  });
});
