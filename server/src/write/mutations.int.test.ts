import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql, removeTestData, testDatabase, testYoga } from '../../test/harness.js';
import type { Database } from '../db/driver.js';

// Writes through GraphQL against the real database. Every id carries this run's tag, so other test files
// sharing the database are never touched.
const RUN = randomUUID().slice(0, 8);
const TOKEN = `tester-token-${RUN}-0123456789`;
const DOC = `doc:test-writes-${RUN}`;
const TEXT = [
  'Kari Nordmann er direktør i Fjordlys Data AS.',
  'Fjordlys Data AS leverer journalsystemet Fjordjournal til Helse Fjord.',
  'Ola Berg, tidligere direktør i Fjordlys, er nå rådgiver i Helse Fjord.',
  'Fjordlys og Fjordlys Data er samme selskap.',
].join('\n');

const db: Database = testDatabase();
const yoga = testYoga(db, { writeTokens: [{ name: 'tester', token: TOKEN }] });
const readOnly = testYoga(db, { writeTokens: [] });
const write = (query: string, variables: Record<string, unknown> = {}) => graphql(yoga, query, variables, TOKEN);

const ENTITY = `mutation($input: EntityInput!) { upsertEntity(input: $input) { id kind name aliases description degree origin { createdBy updatedBy } evidence { quote start end addedBy document { id } } } }`;
const RELATIONSHIP = `mutation($input: RelationshipInput!) { upsertRelationship(input: $input) { id type source target title from { name } to { name } evidence { quote } } }`;
const ev = (quote: string) => [{ documentId: DOC, quote }];
const id = (slug: string) => `${slug}-${RUN}`;

async function count(cypher: string, params: Record<string, unknown>): Promise<number> {
  const result = await db.read((tx) => tx.run(cypher, params));
  return Number(result.records[0]?.get(0) ?? 0);
}

describe('writes over GraphQL', () => {
  beforeAll(async () => {
    const doc = await write(`mutation($input: DocumentInput!) { upsertDocument(input: $input) { id title } }`, {
      input: { id: DOC, title: 'Testartikkel', text: TEXT, publishedAt: '2024-03-01', language: 'nb' },
    });
    expect(doc.body.errors).toBeUndefined();
  });

  afterAll(async () => {
    await removeTestData(db, RUN);
    await db.close();
  });

  it('writes nothing without a valid token, and says why', async () => {
    const input = { id: `org:${id('nope')}`, kind: 'ORGANISATION', name: 'Nope', evidence: ev('Fjordlys Data AS') };
    for (const [server, token, message] of [
      [yoga, undefined, /valid token/],
      [yoga, 'wrong-token-0123456789abcdef', /valid token/],
      [readOnly, TOKEN, /read-only/],
    ] as const) {
      const response = await graphql(server, ENTITY, { input }, token);
      expect(response.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(response.body.errors?.[0]?.message).toMatch(message);
      expect(response.body.data).toBeNull();
    }
    expect(await count('MATCH (n:Entity {id: $id}) RETURN count(n)', { id: input.id })).toBe(0);
  });

  it('creates an entity with an id made from kind and name, its quote located, stamped with the token name', async () => {
    const response = await write(ENTITY, { input: { kind: 'PERSON', name: `Kari Nordmann ${RUN}`, evidence: ev('Kari Nordmann er direktør') } });
    expect(response.body.errors).toBeUndefined();
    const entity = response.body.data?.upsertEntity;
    expect(entity).toMatchObject({ id: `person:kari-nordmann-${RUN}`, kind: 'PERSON', degree: 0, origin: { createdBy: 'api:tester' } });
    expect(entity.evidence).toEqual([{ quote: 'Kari Nordmann er direktør', start: 0, end: 25, addedBy: 'api:tester', document: { id: DOC } }]);
  });

  it('patches: fields left out keep their value, quotes are added, a second identical write changes nothing', async () => {
    const org = `org:${id('fjordlys')}`;
    await write(ENTITY, { input: { id: org, kind: 'ORGANISATION', name: 'Fjordlys Data AS', description: 'IT-leverandør', evidence: ev('Fjordlys Data AS leverer') } });
    const second = await write(ENTITY, { input: { id: org, kind: 'ORGANISATION', name: 'Fjordlys Data AS', aliases: ['Fjordlys'], evidence: ev('Fjordlys og Fjordlys Data') } });
    expect(second.body.data?.upsertEntity).toMatchObject({ description: 'IT-leverandør', aliases: ['Fjordlys'] });
    expect(second.body.data?.upsertEntity.evidence).toHaveLength(2);
    const before = await db.read((tx) => tx.run('MATCH (n:Entity {id: $id}) RETURN n.updatedAt AS at', { id: org }));
    await write(ENTITY, { input: { id: org, kind: 'ORGANISATION', name: 'Fjordlys Data AS', evidence: ev('Fjordlys Data AS leverer') } });
    const after = await db.read((tx) => tx.run('MATCH (n:Entity {id: $id}) RETURN n.updatedAt AS at', { id: org }));
    expect(after.records[0]?.get('at')).toBe(before.records[0]?.get('at'));
    expect(await count('MATCH (e:Evidence {factId: $id}) RETURN count(e)', { id: org })).toBe(2);
  });

  it('names the field of each bad input: unknown kind, unknown type, quote not in the document, unknown property', async () => {
    const kind = await write(ENTITY, { input: { kind: 'ALIEN', name: 'X', evidence: ev('Fjordlys') } });
    expect(kind.status).toBe(400);
    expect(kind.body.errors?.[0]?.message).toMatch(/input\.kind.*EntityKind/s);

    const quote = await write(ENTITY, { input: { kind: 'TOPIC', name: `Q ${RUN}`, evidence: ev('Dette står ikke der') } });
    expect(quote.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.evidence[0]' });
    expect(quote.body.errors?.[0]?.message).toMatch(/not verbatim/);

    const property = await write(ENTITY, { input: { kind: 'PERSON', name: `P ${RUN}`, properties: { vision: 'x' }, evidence: ev('Ola Berg') } });
    expect(property.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.properties.vision' });

    const type = await write(RELATIONSHIP, { input: { type: 'LIKES', source: 'org:a', target: 'org:b', evidence: ev('Ola Berg') } });
    expect(type.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.type' });
    expect(await count('MATCH (n:Entity) WHERE n.id IN $ids RETURN count(n)', { ids: [`topic:q-${RUN}`, `person:p-${RUN}`] })).toBe(0);
  });

  it('answers NOT_FOUND for writes that name ids that do not exist, and CONFLICT for an id of another kind or type', async () => {
    const person = `person:${id('ola')}`;
    await write(ENTITY, { input: { id: person, kind: 'PERSON', name: 'Ola Berg', evidence: ev('Ola Berg') } });
    const missing = await write(RELATIONSHIP, { input: { type: 'ROLE_AT', source: person, target: `org:${id('missing')}`, evidence: ev('Ola Berg') } });
    expect(missing.body.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.target' });
    for (const [mutation, args] of [
      ['mutation($id: ID!) { deleteEntity(id: $id) }', { id: `org:${id('missing')}` }],
      ['mutation($id: ID!) { deleteRelationship(id: $id) }', { id: `rel:${id('missing')}` }],
      ['mutation($id: ID!) { mergeEntities(keepId: $id, removeId: "org:nowhere") { id } }', { id: person }],
      ['mutation($id: ID!, $ev: [EvidenceInput!]!) { addEvidence(factId: $id, evidence: $ev) { id } }', { id: `org:${id('missing')}`, ev: ev('Ola Berg') }],
    ] as const) {
      const response = await write(mutation, args);
      expect(response.body.errors?.[0]?.extensions?.code, mutation).toBe('NOT_FOUND');
    }
    const conflict = await write(ENTITY, { input: { id: person, kind: 'ORGANISATION', name: 'Ola Berg AS', evidence: ev('Ola Berg') } });
    expect(conflict.body.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'input' });
    expect(await count('MATCH (n:Person {id: $id}) RETURN count(n)', { id: person })).toBe(1);

    const org = `org:${id('helse-fjord')}`;
    await write(ENTITY, { input: { id: org, kind: 'ORGANISATION', name: 'Helse Fjord', evidence: ev('til Helse Fjord') } });
    const rel = `rel:${id('ola-helse-fjord')}`;
    const made = await write(RELATIONSHIP, { input: { id: rel, type: 'ROLE_AT', source: person, target: org, title: 'rådgiver', evidence: ev('er nå rådgiver i Helse Fjord') } });
    expect(made.body.data?.upsertRelationship).toMatchObject({ id: rel, from: { name: 'Ola Berg' }, to: { name: 'Helse Fjord' }, title: 'rådgiver' });
    const retyped = await write(RELATIONSHIP, { input: { id: rel, type: 'PART_OF', source: person, target: org, evidence: ev('til Helse Fjord') } });
    expect(retyped.body.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT' });
  });

  it('refuses a self-merge', async () => {
    const response = await write('mutation($id: ID!) { mergeEntities(keepId: $id, removeId: $id) { id } }', { id: `person:${id('ola')}` });
    expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'removeId' });
  });

  it('merges: every relationship and quote of both stays, the removed name becomes an alias, the old id resolves', async () => {
    const keep = `org:${id('merge-keep')}`;
    const remove = `org:${id('merge-remove')}`;
    const partner = `org:${id('merge-partner')}`;
    const product = `product:${id('merge-product')}`;
    await write(ENTITY, { input: { id: keep, kind: 'ORGANISATION', name: 'Fjordlys Data', evidence: ev('direktør i Fjordlys Data AS') } });
    await write(ENTITY, { input: { id: remove, kind: 'ORGANISATION', name: 'Fjordlys', aliases: ['FD'], description: 'short form', evidence: ev('Fjordlys og') } });
    await write(ENTITY, { input: { id: partner, kind: 'ORGANISATION', name: 'Helse Fjord', evidence: ev('til Helse Fjord') } });
    await write(ENTITY, { input: { id: product, kind: 'PRODUCT', name: 'Fjordjournal', evidence: ev('Fjordjournal') } });
    const link = (type: string, source: string, target: string, quote: string) =>
      write(RELATIONSHIP, { input: { id: `rel:${id(`${type}-${source.split(':')[1]}-${target.split(':')[1]}`)}`, type, source, target, evidence: ev(quote) } });
    await link('SUPPLIER_TO', keep, partner, 'leverer journalsystemet Fjordjournal til Helse Fjord');
    await link('SUPPLIER_TO', remove, partner, 'Fjordlys Data AS leverer');
    await link('SUPPLIES', remove, product, 'journalsystemet Fjordjournal');
    await link('COLLABORATES_WITH', keep, remove, 'samme selskap');
    const quotesBefore = await count('MATCH (e:Evidence) WHERE e.factId IN $ids RETURN count(e)', { ids: [keep, remove] });

    const merged = await write(
      'mutation($k: ID!, $r: ID!) { mergeEntities(keepId: $k, removeId: $r) { id name aliases description degree evidence { quote } relationships { edges { node { type source target evidence { quote } } } } } }',
      { k: keep, r: remove },
    );
    expect(merged.body.errors).toBeUndefined();
    const entity = merged.body.data?.mergeEntities;
    expect(entity).toMatchObject({ id: keep, name: 'Fjordlys Data', description: 'short form', degree: 2 });
    expect(entity.aliases.sort()).toEqual(['FD', 'Fjordlys']);
    expect(entity.evidence).toHaveLength(quotesBefore);
    const relationships = entity.relationships.edges.map((edge: { node: unknown }) => edge.node);
    const supplierTo = relationships.find((r: { type: string }) => r.type === 'SUPPLIER_TO');
    expect(supplierTo).toMatchObject({ source: keep, target: partner });
    expect(supplierTo.evidence.map((e: { quote: string }) => e.quote).sort()).toEqual(['Fjordlys Data AS leverer', 'leverer journalsystemet Fjordjournal til Helse Fjord']);
    expect(relationships.find((r: { type: string }) => r.type === 'SUPPLIES')).toMatchObject({ source: keep, target: product });
    expect(relationships.some((r: { type: string }) => r.type === 'COLLABORATES_WITH')).toBe(false);

    const old = await graphql(yoga, 'query($id: ID!) { entity(id: $id) { id name } }', { id: remove });
    expect(old.body.data?.entity).toEqual({ id: keep, name: 'Fjordlys Data' });
    expect(await count('MATCH (e:Evidence {factId: $id}) RETURN count(e)', { id: remove })).toBe(0);
    expect(await count('MATCH (n:Entity {id: $id}) RETURN n.degree', { id: partner })).toBe(1);
  });

  it('deletes an entity with its relationships and leaves no quote pointing at any of them', async () => {
    const a = `topic:${id('delete-a')}`;
    const b = `topic:${id('delete-b')}`;
    await write(ENTITY, { input: { id: a, kind: 'TOPIC', name: 'A', evidence: ev('journalsystemet') } });
    await write(ENTITY, { input: { id: b, kind: 'TOPIC', name: 'B', evidence: ev('rådgiver') } });
    const rel = `rel:${id('delete-ab')}`;
    await write(RELATIONSHIP, { input: { id: rel, type: 'HAS_CHARACTERISTIC', source: a, target: b, evidence: ev('tidligere direktør') } });
    expect(await count('MATCH (n:Entity {id: $id}) RETURN n.degree', { id: b })).toBe(1);

    const deleted = await write('mutation($id: ID!) { deleteEntity(id: $id) }', { id: a });
    expect(deleted.body.data?.deleteEntity).toBe(a);
    expect(await count('MATCH (e:Evidence) WHERE e.factId IN $ids RETURN count(e)', { ids: [a, rel] })).toBe(0);
    expect(await count('MATCH (n:Entity {id: $id}) RETURN n.degree', { id: b })).toBe(0);
    const dangling = await count(
      `MATCH (e:Evidence {documentId: $doc})
       WHERE NOT EXISTS { MATCH (n:Entity {id: e.factId}) } AND NOT EXISTS { MATCH ()-[r {id: e.factId}]->() }
       RETURN count(e)`,
      { doc: DOC },
    );
    expect(dangling).toBe(0);
  });

  it('makes one node from 50 concurrent upserts of one id', async () => {
    const shared = `org:${id('concurrent')}`;
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        write(ENTITY, { input: { id: shared, kind: 'ORGANISATION', name: 'Helse Fjord', aliases: [`variant ${i % 5}`], evidence: ev('til Helse Fjord') } }),
      ),
    );
    for (const response of responses) expect(response.body.errors).toBeUndefined();
    expect(await count('MATCH (n:Entity {id: $id}) RETURN count(n)', { id: shared })).toBe(1);
    expect(await count('MATCH (e:Evidence {factId: $id}) RETURN count(e)', { id: shared })).toBe(1);
  });

  it('refuses a document text change that would move a stored quote', async () => {
    const response = await write(`mutation($input: DocumentInput!) { upsertDocument(input: $input) { id } }`, {
      input: { id: DOC, title: 'Testartikkel', text: `Ingress.\n${TEXT}` },
    });
    expect(response.body.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(await count('MATCH (d:Document {id: $id}) WHERE d.text = $text RETURN count(d)', { id: DOC, text: TEXT })).toBe(1);
  });
});
