import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entitiesByIdsQuery } from '../src/entity/queries.js';
import { profiledDbHits as dbHits } from '../src/db/plans.js';
import { writeGraph } from '../src/write/graph.js';
import type { RelationshipWrite } from '../src/write/types.js';
import { graphql, removeTestData, testDatabase, testYoga } from './harness.js';

// "A preview of a 10,000-neighbour hub without reading them": a hub written through the write path with 10,000
// neighbours of two kinds and two relationship types, then the preview over GraphQL and Neo4j's PROFILE of the
// statement behind it. Database hits, not time.
const RUN = randomUUID().slice(0, 8);
const NEIGHBOURS = 10_000;
const HUB = `org:hub-${RUN}`;
const WRITER = { source: `api:hub-preview-${RUN}`, at: '2026-01-02T00:00:00.000Z' };
const POLICY = { fields: 'patch', retype: false, evidence: 'add' } as const;
const DOC = 'doc:000_b40fe58a30269fa6';

const db = testDatabase();
const yoga = testYoga(db);


beforeAll(async () => {
  // Every third neighbour is a person holding a role at the hub; the rest are topics the hub is characterised by.
  const people = (n: number): boolean => n % 3 === 0;
  const entities = [
    { id: HUB, kind: 'ORGANISATION' as const, name: `Knutepunkt ${RUN}`, evidence: [{ documentId: DOC, quote: 'sier Gro Jære, administrerende direktør i Sykehuspartner' }], place: 'hub' },
    ...Array.from({ length: NEIGHBOURS }, (_, n) => ({
      id: people(n) ? `person:hub-${RUN}-${n}` : `topic:hub-${RUN}-${n}`,
      kind: people(n) ? ('PERSON' as const) : ('TOPIC' as const),
      name: `Nabo ${n} ${RUN}`,
      evidence: [{ documentId: DOC, quote: 'Store investeringer' }],
      place: `entities[${n}]`,
    })),
  ];
  const relationships: RelationshipWrite[] = Array.from({ length: NEIGHBOURS }, (_, n) =>
    people(n)
      ? { id: `rel:person:hub-${RUN}-${n}-ROLE_AT-${HUB}`, type: 'ROLE_AT' as const, source: `person:hub-${RUN}-${n}`, target: HUB, title: 'rådgiver', evidence: [{ documentId: DOC, quote: 'Store investeringer' }], place: `relationships[${n}]` }
      : { id: `rel:${HUB}-HAS_CHARACTERISTIC-topic:hub-${RUN}-${n}`, type: 'HAS_CHARACTERISTIC' as const, source: HUB, target: `topic:hub-${RUN}-${n}`, evidence: [{ documentId: DOC, quote: 'Store investeringer' }], place: `relationships[${n}]` },
  );
  await db.write((tx) => writeGraph(tx, { documents: [], entities, relationships }, WRITER, POLICY));
}, 300_000);

afterAll(async () => {
  // In slices first: one transaction removing 10,000 relationships and 20,000 quotes outgrows the test Neo4j's heap.
  const factIds = Array.from({ length: NEIGHBOURS }, (_, n) =>
    n % 3 === 0 ? [`person:hub-${RUN}-${n}`, `rel:person:hub-${RUN}-${n}-ROLE_AT-${HUB}`] : [`topic:hub-${RUN}-${n}`, `rel:${HUB}-HAS_CHARACTERISTIC-topic:hub-${RUN}-${n}`],
  ).flat();
  for (let start = 0; start < factIds.length; start += 2_000) {
    await db.write((tx) => tx.run('UNWIND $ids AS id MATCH (e:Evidence {factId: id}) DELETE e', { ids: factIds.slice(start, start + 2_000) }));
  }
  for (let left = NEIGHBOURS; left > 0; left -= 2_000) {
    await db.write((tx) => tx.run('MATCH (:Entity {id: $id})-[r]-() WITH r LIMIT 2000 DELETE r', { id: HUB }));
  }
  const neighbours = factIds.filter((id) => !id.startsWith('rel:'));
  for (let start = 0; start < neighbours.length; start += 2_000) {
    await db.write((tx) => tx.run('UNWIND $ids AS id MATCH (n:Entity {id: id}) DETACH DELETE n', { ids: neighbours.slice(start, start + 2_000) }));
  }
  await removeTestData(db, `hub-${RUN}`);
  await db.close();
}, 300_000);

describe(`the expansion preview of a ${NEIGHBOURS.toLocaleString('en')}-neighbour hub`, () => {
  it('counts its neighbours by type, direction and kind from stored counts, without reading them', async () => {
    const { body } = await graphql(yoga, 'query($id: ID!) { expansionPreview(id: $id) { type direction kind count } entity(id: $id) { degree } }', { id: HUB });
    expect(body.errors).toBeUndefined();
    const roles = Math.ceil(NEIGHBOURS / 3);
    expect(body.data?.expansionPreview).toEqual([
      { type: 'HAS_CHARACTERISTIC', direction: 'OUTGOING', kind: 'TOPIC', count: NEIGHBOURS - roles },
      { type: 'ROLE_AT', direction: 'INCOMING', kind: 'PERSON', count: roles },
    ]);
    expect(body.data?.entity.degree).toBe(NEIGHBOURS);

    // The statement behind the preview reads the hub, not its 10,000 relationships; walking them costs far more.
    const preview = await dbHits(db, entitiesByIdsQuery([HUB]));
    const walk = await dbHits(db, { cypher: 'MATCH (h:Entity {id: $id})-[r]-(n) RETURN type(r) AS type, labels(n) AS kind, count(*) AS count', params: { id: HUB } });
    console.log(`[hub-preview] db hits: preview ${preview}, walking the neighbours ${walk}`);
    expect(preview).toBeLessThan(100);
    expect(walk).toBeGreaterThan(NEIGHBOURS);
  });
});
