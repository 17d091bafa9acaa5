import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTestData, testDatabase } from '../../test/harness.js';
import { importBundle } from '../bundle/import.js';
import { migrateFrom2 } from '../db/schema.js';
import { searchRankTokens } from '../graph/search-rank.js';
import { deleteRelationship } from '../write/delete.js';
import { searchEntities } from './repository.js';

// Connectedness ranked inside the full-text index (graph/search-rank.ts), written by the one write path.
const RUN = randomUUID().slice(0, 8);
const db = testDatabase();
const DOC = `doc:test-search-rank-${RUN}`;
const TEXT = 'Bjørn Hovland og Bjørn Tveit møtte Bjørnar Lie hos Fjordverket.';
const X = `person:bjorn-hovland-${RUN}`;
const Y = `person:bjorn-tveit-${RUN}`;
const Z = `person:bjornar-lie-${RUN}`;
const org = (i: number) => `org:fjordverket-${i}-${RUN}`;
const TAG: Record<string, string> = { [X]: 'x', [Y]: 'y', [Z]: 'z' };
const role = (person: string, i: number) => `rel:role-${TAG[person]}-${i}-${RUN}`;

/** A bundle of X, Y and Z and `orgs` organisations; X holds `xRoles` of them, Z `zRoles`, Y one. */
function bundle(orgs: number, xRoles: number, zRoles: number) {
  const person = (id: string, name: string) => ({ id, kind: 'PERSON', name, evidence: [{ quote: name }] });
  return {
    documents: [{ id: DOC, title: 'Møtet', text: TEXT, publishedAt: '2025-02', language: 'nb' }],
    document: DOC,
    entities: [
      person(X, 'Bjørn Hovland'),
      person(Y, 'Bjørn Tveit'),
      person(Z, 'Bjørnar Lie'),
      ...Array.from({ length: orgs }, (_, i) => ({ id: org(i), kind: 'ORGANISATION', name: `Fjordverket ${i} ${RUN}`, evidence: [{ quote: 'Fjordverket' }] })),
    ],
    relationships: [
      ...Array.from({ length: xRoles }, (_, i) => ({ id: role(X, i), type: 'ROLE_AT', source: X, target: org(i), evidence: [{ quote: 'Bjørn Hovland' }] })),
      ...Array.from({ length: zRoles }, (_, i) => ({ id: role(Z, i), type: 'ROLE_AT', source: Z, target: org(i), evidence: [{ quote: 'Bjørnar Lie' }] })),
      { id: role(Y, 0), type: 'ROLE_AT', source: Y, target: org(0), evidence: [{ quote: 'Bjørn Tveit' }] },
    ],
  };
}

async function stored(id: string): Promise<{ degree: number; rank: string | null }> {
  const result = await db.read((tx) => tx.run('MATCH (n:Entity {id: $id}) RETURN n.degree AS degree, n.searchRank AS rank', { id }));
  return { degree: Number(result.records[0]?.get('degree')), rank: result.records[0]?.get('rank') as string | null };
}

const order = async (query: string) => (await searchEntities(db, { query, kinds: null, first: 100 })).map((hit) => hit.entity.id);

afterAll(async () => {
  await removeTestData(db, RUN);
  await db.close();
});

describe('search ranked by connectedness inside the index', () => {
  it('puts a well-connected prefix match above a degree-1 one, and a whole word above a better connected prefix match', async () => {
    await importBundle(db, bundle(40, 12, 40), { origin: `bundle:search-rank-${RUN}` });
    expect(await stored(X)).toEqual({ degree: 12, rank: 'r1 r2 r3' });
    expect(await stored(Y)).toEqual({ degree: 1, rank: '' });
    expect(await stored(Z)).toEqual({ degree: 40, rank: 'r1 r2 r3 r4 r5' });

    // "bjø" is a mere prefix of all three names: the best connected first.
    const prefix = await order('bjø');
    expect(prefix.indexOf(Z)).toBeLessThan(prefix.indexOf(X));
    expect(prefix.indexOf(X)).toBeLessThan(prefix.indexOf(Y));
    expect(prefix.indexOf(Y)).toBeGreaterThanOrEqual(0);

    // "bjørn" is a whole word of X's and Y's names, only a prefix of Z's (Bjørnar), however well connected Z is.
    const whole = await order('Bjørn');
    expect(whole.indexOf(X)).toBeLessThan(whole.indexOf(Y));
    expect(whole.indexOf(Y)).toBeLessThan(whole.indexOf(Z));
    expect(whole.indexOf(X)).toBeGreaterThanOrEqual(0);
  });

  it('keeps the rank tokens in step with degree as relationships are added and removed through the write path', async () => {
    // Y gains 20 roles.
    await importBundle(db, { ...bundle(40, 12, 40), relationships: Array.from({ length: 20 }, (_, i) => ({ id: role(Y, i + 1), type: 'ROLE_AT', source: Y, target: org(i + 1), evidence: [{ quote: 'Bjørn Tveit' }] })) }, { origin: `bundle:search-rank-${RUN}` });
    expect(await stored(Y)).toEqual({ degree: 21, rank: 'r1 r2 r3 r4' });
    const prefix = await order('bjø');
    expect(prefix.indexOf(Y)).toBeLessThan(prefix.indexOf(X));

    // X loses all but one of its roles.
    const writer = { source: `api:search-rank-${RUN}`, at: new Date().toISOString() };
    for (let i = 1; i < 12; i += 1) await db.write((tx) => deleteRelationship(tx, role(X, i), writer));
    expect(await stored(X)).toEqual({ degree: 1, rank: '' });
    expect(await stored(org(0))).toMatchObject({ degree: 3, rank: searchRankTokens(3) });
  });

  it('migrates a version 2 store: an entity without rank tokens gets them from its stored degree', async () => {
    const id = `person:migrated-${RUN}`;
    await db.write((tx) =>
      tx.run(`CREATE (n:Entity:Person {id: $id, kind: 'PERSON', name: 'Migrert Person', searchNames: ['migrert person'], degree: 9})`, { id }),
    );
    expect(await stored(id)).toEqual({ degree: 9, rank: null });
    await migrateFrom2(db);
    expect(await stored(id)).toEqual({ degree: 9, rank: 'r1 r2 r3' });
    expect((await searchEntities(db, { query: 'migrert', kinds: null, first: 5 })).map((hit) => hit.entity.id)).toContain(id);
  });
});
