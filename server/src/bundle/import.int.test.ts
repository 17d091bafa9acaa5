import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { graphql, removeTestData, testDatabase, testYoga } from '../../test/harness.js';
import { WriteRejected } from '../write/problems.js';
import { importBundle } from './import.js';

const RUN = randomUUID().slice(0, 8);
const TOKEN = `bundle-token-${RUN}-0123456789`;
const db = testDatabase();
const yoga = testYoga(db, { writeTokens: [{ name: 'importer', token: TOKEN }] });
const DOC = `doc:test-bundle-${RUN}`;
const TEXT = 'Sykehuspartner samarbeider med Nordlys Data AS om Fjordplattformen. Nordlys Data AS leverer Fjordplattformen.';

/** A bundle in the seed graph format, its document brought along; it also links to a seed entity. */
function bundle(extra: { entities?: unknown[]; relationships?: unknown[] } = {}) {
  return {
    documents: [{ id: DOC, title: 'Testbunt', text: TEXT, publishedAt: '2025-02', language: 'nb' }],
    document: DOC,
    entities: [
      { id: `vendor:nordlys-${RUN}`, kind: 'VENDOR', name: 'Nordlys Data AS', evidence: [{ quote: 'Nordlys Data AS leverer' }] },
      { id: `product:fjordplattformen-${RUN}`, kind: 'PRODUCT', name: 'Fjordplattformen', evidence: [{ quote: 'Fjordplattformen', start: 50 }] },
      ...(extra.entities ?? []),
    ],
    relationships: [
      { type: 'SUPPLIES', source: `vendor:nordlys-${RUN}`, target: `product:fjordplattformen-${RUN}`, evidence: [{ quote: 'Nordlys Data AS leverer Fjordplattformen.' }] },
      { type: 'COLLABORATES_WITH', source: 'org:sykehuspartner', target: `vendor:nordlys-${RUN}`, title: 'Fjordplattformen', evidence: [{ quote: 'Sykehuspartner samarbeider med Nordlys Data AS' }] },
      ...(extra.relationships ?? []),
    ],
  };
}

const IMPORT = 'mutation($b: JSON!) { importGraph(bundle: $b, name: "test") { documents { created updated unchanged } entities { created updated unchanged } relationships { created updated unchanged } evidence { created updated unchanged } } }';

afterAll(async () => {
  await removeTestData(db, RUN);
  await db.close();
});

describe('bundle import', () => {
  it('writes a bundle, and a second import of it changes nothing', async () => {
    const first = await graphql(yoga, IMPORT, { b: bundle() }, TOKEN);
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data?.importGraph).toEqual({
      documents: { created: 1, updated: 0, unchanged: 0 },
      entities: { created: 2, updated: 0, unchanged: 0 },
      relationships: { created: 2, updated: 0, unchanged: 0 },
      evidence: { created: 4, updated: 0, unchanged: 0 },
    });
    const second = await graphql(yoga, IMPORT, { b: bundle() }, TOKEN);
    expect(second.body.data?.importGraph).toEqual({
      documents: { created: 0, updated: 0, unchanged: 1 },
      entities: { created: 0, updated: 0, unchanged: 2 },
      relationships: { created: 0, updated: 0, unchanged: 2 },
      evidence: { created: 0, updated: 0, unchanged: 4 },
    });
    const stamped = await db.read((tx) => tx.run('MATCH (n:Entity {id: $id}) RETURN n.createdBy AS by', { id: `vendor:nordlys-${RUN}` }));
    expect(stamped.records[0]?.get('by')).toBe('api:importer/bundle:test');
  });

  it('writes nothing of a bundle with one bad item, and names every bad item', async () => {
    const bad = bundle({
      entities: [{ id: `topic:fine-${RUN}`, kind: 'TOPIC', name: 'Fine', evidence: [{ quote: 'samarbeider' }] }],
      relationships: [
        { type: 'SUPPLIES', source: `vendor:nordlys-${RUN}`, target: `topic:fine-${RUN}`, evidence: [{ quote: 'not in the text' }] },
        { type: 'RUNS', source: `org:nowhere-${RUN}`, target: `topic:fine-${RUN}`, evidence: [{ quote: 'samarbeider' }] },
      ],
    });
    const response = await graphql(yoga, IMPORT, { b: bad }, TOKEN);
    const problems = response.body.errors?.[0]?.extensions?.problems as { place: string; message: string }[];
    expect(response.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(problems.map((p) => p.place).sort()).toEqual([
      `relationships[2] (rel:vendor:nordlys-${RUN}-SUPPLIES-topic:fine-${RUN}).evidence[0]`,
      `relationships[3] (rel:org:nowhere-${RUN}-RUNS-topic:fine-${RUN}).source`,
    ]);
    const fine = await db.read((tx) => tx.run('MATCH (n:Entity {id: $id}) RETURN count(n) AS n', { id: `topic:fine-${RUN}` }));
    expect(Number(fine.records[0]?.get('n'))).toBe(0);
  });

  it('lists shape problems with their place before looking at the database', async () => {
    const attempt = importBundle(db, { entities: [{ id: 'Not An Id', kind: 'ALIEN', name: '', evidence: [] }], relationships: [{ type: 'LIKES' }] }, { origin: 'bundle:test' });
    await expect(attempt).rejects.toBeInstanceOf(WriteRejected);
    const places = ((await attempt.catch((e: WriteRejected) => e)) as WriteRejected).problems.map((p) => p.place);
    expect(places).toEqual(expect.arrayContaining(['entities[0] (Not An Id).id', 'entities[0] (Not An Id).kind', 'relationships[0].type']));
  });

  it('ends consistent when overlapping bundles are imported at once', async () => {
    const shared = `org:overlap-${RUN}`;
    const overlapping = (n: number) => ({
      ...bundle(),
      entities: [
        ...bundle().entities,
        { id: shared, kind: 'ORGANISATION', name: 'Overlapp', evidence: [{ quote: 'Sykehuspartner' }] },
        { id: `topic:overlap-${n}-${RUN}`, kind: 'TOPIC', name: `Tema ${n}`, evidence: [{ quote: 'samarbeider' }] },
      ],
      relationships: [{ type: 'HAS_CHARACTERISTIC', source: shared, target: `topic:overlap-${n}-${RUN}`, evidence: [{ quote: 'samarbeider med' }] }],
    });
    const results = await Promise.allSettled([1, 2, 3, 4].map((n) => importBundle(db, overlapping(n), { origin: `bundle:overlap-${n}` })));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'fulfilled']);
    const state = await db.read((tx) =>
      tx.run('MATCH (n:Entity {id: $id}) RETURN count(n) AS nodes, n.degree AS degree, COUNT { (n)--() } AS actual', { id: shared }),
    );
    expect(Number(state.records[0]?.get('nodes'))).toBe(1);
    expect(state.records[0]?.get('degree')).toBe(4);
    expect(state.records[0]?.get('actual')).toBe(4);
  });
});
