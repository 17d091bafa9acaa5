import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { Database, ReadTransaction } from '../src/db/driver.js';
import { writeGraph } from '../src/write/graph.js';
import { graphql, removeTestData, testDatabase, testYoga } from './harness.js';

const RUN = randomUUID().slice(0, 8);
const SP = 'org:sykehuspartner';
const WRITER = { source: `api:read-test-${RUN}`, at: '2026-01-01T00:00:00.000Z' };
const POLICY = { fields: 'patch', retype: false, evidence: 'add' } as const;

/** The metadata of the kg-explorer transactions open in Neo4j right now, as Neo4j reports them (from another session). */
async function openTransactionMetadata(db: Database): Promise<Record<string, string>[]> {
  const result = await db.read((tx) => tx.run('SHOW TRANSACTIONS YIELD metaData RETURN metaData'));
  return result.records.map((record) => record.get('metaData') as Record<string, string>).filter((metadata) => metadata['app'] === 'kg-explorer');
}

/**
 * The real database, observed: counts the transactions a request opens (managed or explicit) and the statements
 * it runs, and records what Neo4j itself says about each transaction while it is open.
 */
function observedDatabase(db: Database) {
  const seen = { transactions: 0, statements: 0, metadata: [] as Record<string, string>[][] };
  const counted = <R extends ReadTransaction>(tx: R): R => ({
    ...tx,
    run: ((...args: Parameters<ReadTransaction['run']>) => {
      seen.statements += 1;
      return tx.run(...args);
    }) as ReadTransaction['run'],
  });
  const observed: Database = {
    ...db,
    read: (work, options) => {
      seen.transactions += 1;
      return db.read((tx) => work(counted(tx)), options);
    },
    write: (work, options) => {
      seen.transactions += 1;
      return db.write(async (tx) => {
        seen.metadata.push(await openTransactionMetadata(db));
        return work(tx);
      }, options);
    },
    beginRead: async (options) => {
      seen.transactions += 1;
      const tx = await db.beginRead(options);
      seen.metadata.push(await openTransactionMetadata(db));
      return counted(tx);
    },
  };
  const reset = () => Object.assign(seen, { transactions: 0, statements: 0, metadata: [] });
  return { db: observed, seen, reset };
}

const db = testDatabase();
const observed = observedDatabase(db);
const TOKEN = `read-api-${RUN}`;
const yoga = testYoga(observed.db, { writeTokens: [{ name: 'read-test', token: TOKEN }] });
const query = (q: string, variables: Record<string, unknown> = {}) => graphql(yoga, q, variables);

afterAll(async () => {
  await removeTestData(db, RUN);
  await db.close();
});

describe('the read API', () => {
  it('gives each quote its sentence, with the quote offsets inside it', async () => {
    const { body } = await query(`{ entity(id: "person:gro-jaere") { evidence { quote start context { text documentStart quoteStart quoteEnd } } } }`);
    const evidence = body.data?.entity.evidence as { quote: string; start: number; context: { text: string; documentStart: number; quoteStart: number; quoteEnd: number } }[];
    expect(evidence.length).toBeGreaterThan(0);
    for (const ev of evidence) {
      expect(ev.context.text.slice(ev.context.quoteStart, ev.context.quoteEnd)).toBe(ev.quote);
      expect(ev.context.documentStart + ev.context.quoteStart).toBe(ev.start);
      expect(ev.context.text.length).toBeLessThanOrEqual(600);
    }
  });

  it('counts per kind and type from the count store, adding up to the totals', async () => {
    const { body } = await query('{ stats { entities relationships byKind { kind count } byRelationshipType { type count } } kinds { kind typeName description } relationshipTypes { type description } }');
    const stats = body.data?.stats;
    expect(stats.byKind.reduce((sum: number, k: { count: number }) => sum + k.count, 0)).toBe(stats.entities);
    expect(stats.byRelationshipType.reduce((sum: number, t: { count: number }) => sum + t.count, 0)).toBe(stats.relationships);
    expect(stats.byKind).toHaveLength(8);
    expect(body.data?.kinds).toContainEqual(expect.objectContaining({ kind: 'PERSON', typeName: 'Person' }));
    expect(body.data?.relationshipTypes).toContainEqual({ type: 'ROLE_AT', description: 'person holds a role (title) at an organisation' });
  });

  it('previews an expansion from stored counts that add up to the degree', async () => {
    const { body } = await query(`query($id: ID!) { expansionPreview(id: $id) { type direction kind count } entity(id: $id) { degree } }`, { id: SP });
    const groups = body.data?.expansionPreview as { type: string; direction: string; kind: string; count: number }[];
    expect(groups.reduce((sum, g) => sum + g.count, 0)).toBe(body.data?.entity.degree);
    expect(groups).toContainEqual({ type: 'ROLE_AT', direction: 'INCOMING', kind: 'PERSON', count: 1 });
  });

  it('walks only the asked types and direction, and says how much each node leaves out', async () => {
    const { body } = await query(
      `query($id: ID!) { neighbourhood(ids: [$id], relationshipTypes: [ROLE_AT], direction: INCOMING) { nodes { id kind } edges { type target } hidden { id count } }
        entity(id: $id) { degree roleDegree: degree(types: [ROLE_AT], direction: INCOMING) } }`,
      { id: SP },
    );
    const { nodes, edges, hidden } = body.data!.neighbourhood;
    expect(nodes.filter((n: { id: string }) => n.id !== SP).every((n: { kind: string }) => n.kind === 'PERSON')).toBe(true);
    expect(edges.every((e: { type: string; target: string }) => e.type === 'ROLE_AT' && e.target === SP)).toBe(true);
    expect(body.data?.entity.roleDegree).toBe(edges.length);
    // Inside the scope (incoming ROLE_AT) nothing is left out.
    expect(hidden.find((h: { id: string }) => h.id === SP)).toBeUndefined();
    const open = await query(`query($id: ID!) { neighbourhood(ids: [$id], depth: 1, limit: 2) { nodes { id } edges { id source target } hidden { id count } } }`, { id: SP });
    const shown = open.body.data?.neighbourhood.edges.filter((e: { source: string; target: string }) => e.source === SP || e.target === SP).length;
    expect(open.body.data?.neighbourhood.hidden).toContainEqual({ id: SP, count: body.data?.entity.degree - shown });
  });

  it('finds the shortest path between Gro Jære and Epic, nodes in path order', async () => {
    const { body } = await query('{ shortestPath(from: "person:gro-jaere", to: "vendor:epic") { nodes { id } edges { source target } } }');
    const [path] = body.data?.shortestPath as { nodes: { id: string }[]; edges: { source: string; target: string }[] }[];
    expect(path!.nodes[0]?.id).toBe('person:gro-jaere');
    expect(path!.nodes.at(-1)?.id).toBe('vendor:epic');
    expect(path!.edges).toHaveLength(path!.nodes.length - 1);
    path!.edges.forEach((edge, i) => {
      expect([edge.source, edge.target].sort()).toEqual([path!.nodes[i]!.id, path!.nodes[i + 1]!.id].sort());
    });
    const none = await query('{ shortestPath(from: "person:gro-jaere", to: "vendor:epic", maxLength: 1) { nodes { id } } }');
    expect(none.body.data?.shortestPath).toEqual([]);
  });

  it("pages through an entity's relationships by cursor, each once", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (let page = 0; page < 50; page += 1) {
      const { body } = await query(
        `query($id: ID!, $after: String) { entity(id: $id) { degree relationships(first: 3, after: $after) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } totalCount } } }`,
        { id: SP, after },
      );
      const connection = body.data?.entity.relationships;
      total = connection.totalCount;
      expect(total).toBe(body.data?.entity.degree);
      seen.push(...connection.edges.map((e: { node: { id: string } }) => e.node.id));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
  });

  it('pages through every entity exactly once while entities are being inserted', async () => {
    const pass = async (insertBetweenPages: boolean): Promise<string[]> => {
      const ids: string[] = [];
      let after: string | null = null;
      for (let page = 0; page < 100; page += 1) {
        const { body } = await query('query($after: String) { entities(first: 7, after: $after) { edges { node { id name } } pageInfo { hasNextPage endCursor } } }', { after });
        const connection = body.data?.entities;
        expect(connection, JSON.stringify(body.errors)).toBeDefined();
        ids.push(...connection.edges.map((e: { node: { id: string } }) => e.node.id));
        if (insertBetweenPages) {
          // One name sorts before everything seen, one after: neither may shift what comes next.
          await db.write((tx) =>
            writeGraph(
              tx,
              {
                documents: [],
                relationships: [],
                entities: ['AAA', 'ZZZ'].map((prefix) => ({
                  id: `topic:${prefix.toLowerCase()}-${page}-${RUN}`,
                  kind: 'TOPIC' as const,
                  name: `${prefix} innskudd ${page}`,
                  evidence: [{ documentId: 'doc:000_b40fe58a30269fa6', quote: 'Store investeringer' }],
                  place: 'test',
                })),
              },
              WRITER,
              POLICY,
            ),
          );
        }
        if (!connection.pageInfo.hasNextPage) break;
        after = connection.pageInfo.endCursor;
      }
      return ids;
    };
    const before = await pass(false);
    const during = await pass(true);
    const originals = during.filter((id) => before.includes(id));
    expect(originals.sort()).toEqual([...before].sort());
    expect(new Set(during).size).toBe(during.length);
  });

  it('dates facts by their sources and answers as of a date', async () => {
    const doc = `doc:dated-${RUN}`;
    const person = `person:dated-${RUN}`;
    await db.write((tx) =>
      writeGraph(
        tx,
        {
          documents: [{ id: doc, title: 'Datert', text: 'Per Dato er direktør i Sykehuspartner fra 2021.', publishedAt: '2020-03', source: null, language: 'nb' }],
          entities: [{ id: person, kind: 'PERSON', name: 'Per Dato', evidence: [{ documentId: doc, quote: 'Per Dato' }], place: 'test' }],
          relationships: [
            { id: `rel:dated-${RUN}`, type: 'ROLE_AT', source: person, target: SP, title: 'direktør', validTo: '2022', evidence: [{ documentId: doc, quote: 'er direktør i Sykehuspartner' }], place: 'test' },
          ],
        },
        WRITER,
        POLICY,
      ),
    );
    const ask = async (asOf: string) => {
      const { body } = await query('query($id: ID!, $asOf: Date) { neighbourhood(ids: [$id], asOf: $asOf) { nodes { id } } }', { id: SP, asOf });
      return (body.data?.neighbourhood.nodes as { id: string }[]).map((n) => n.id);
    };
    expect(await ask('2019')).not.toContain(person);
    expect(await ask('2020')).toContain(person);
    expect(await ask('2021-06')).toContain(person);
    expect(await ask('2023')).not.toContain(person);
    const { body } = await query(`query($id: ID!) { entity(id: $id) { firstSeen lastSeen relationships(asOf: "2019") { totalCount } } }`, { id: person });
    expect(body.data?.entity).toEqual({ firstSeen: '2020-03', lastSeen: '2020-03', relationships: { totalCount: 0 } });
    const bad = await query('{ graph(asOf: "2019-13") { nodes { id } } }');
    expect(bad.body.errors?.[0]?.message).toMatch(/year, year-month or day/);
  });

  it('lists the documents quoting an entity, and documents in pages', async () => {
    const { body } = await query('{ entity(id: "person:gro-jaere") { documents { edges { node { id } } totalCount } } documents(first: 1) { edges { node { id } } totalCount pageInfo { hasNextPage } } }');
    expect(body.data?.entity.documents).toEqual({ edges: [{ node: { id: 'doc:000_b40fe58a30269fa6' } }], totalCount: 1 });
    expect(body.data?.documents.edges).toHaveLength(1);
  });

  it("pages through every quote of a document, each once in text order, with the entity or relationship it supports", async () => {
    const documentId = 'doc:000_b40fe58a30269fa6';
    const counted = await db.read((tx) =>
      tx.run('RETURN COUNT { MATCH (:Evidence {documentId: $id}) } AS evidence, COUNT { MATCH (:Mention {documentId: $id}) } AS mentions', { id: documentId }),
    );
    const quotes = Number(counted.records[0]!.get('evidence')) + Number(counted.records[0]!.get('mentions'));
    expect(quotes).toBeGreaterThan(20);
    type Node = { source: string; quote: string; start: number; end: number; entity: { id: string } | null; relationship: { id: string; from: { name: string }; to: { name: string } } | null; evidence: { id: string } | null };
    const seen: Node[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 100; pages += 1) {
      const { body } = await query(
        `query($id: ID!, $after: String) { document(id: $id) { text mentions(first: 7, after: $after) {
          edges { cursor node { source quote start end entity { id } relationship { id from { name } to { name } } evidence { id } } }
          pageInfo { hasNextPage endCursor } totalCount } } }`,
        { id: documentId, after },
      );
      expect(body.errors).toBeUndefined();
      const { text, mentions } = body.data?.document as { text: string; mentions: { edges: { node: Node }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null }; totalCount: number } };
      expect(mentions.totalCount).toBe(quotes);
      for (const { node } of mentions.edges) {
        expect(text.slice(node.start, node.end)).toBe(node.quote);
        // Each is about exactly one thing: an entity, or a relationship with both ends named.
        expect(Number(node.entity !== null) + Number(node.relationship !== null)).toBe(1);
        if (node.relationship) expect(node.relationship.from.name && node.relationship.to.name).toBeTruthy();
        seen.push(node);
      }
      if (!mentions.pageInfo.hasNextPage) break;
      expect(mentions.edges).toHaveLength(7);
      after = mentions.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(quotes);
    const evidenceIds = seen.map((node) => node.evidence?.id).filter(Boolean);
    expect(new Set(evidenceIds).size).toBe(evidenceIds.length);
    expect(seen.map((node) => node.start)).toEqual([...seen.map((node) => node.start)].sort((a, b) => a - b));
    expect(seen.some((node) => node.relationship) && seen.some((node) => node.entity)).toBe(true);
  });

  it('answers a list of entities with their relationships in one transaction and a fixed number of statements, whatever its length', async () => {
    const reads = async (first: number) => {
      observed.reset();
      const { body } = await query(
        'query($first: Int!) { entities(kinds: [ORGANISATION], orderBy: DEGREE, first: $first) { edges { node { id relationships(first: 5) { edges { node { id from { name } to { name } evidence { quote } } } } } } } }',
        { first },
      );
      expect(body.errors).toBeUndefined();
      expect(observed.seen.transactions).toBe(1);
      return observed.seen.statements;
    };
    const few = await reads(2);
    const many = await reads(8);
    expect(many).toBe(few);
  });

  it('runs every read of a request in one transaction that Neo4j knows by the operation name', async () => {
    observed.reset();
    const { body } = await query(
      `query AnalystTrace {
        search(query: "Sykehuspartner", first: 3) { entity { id
          relationships(first: 3) { edges { node { from { name } to { name } evidence { quote document { title } } } } }
          documents { edges { node { title } } } } }
      }`,
    );
    expect(body.errors).toBeUndefined();
    const hits = body.data?.search as { entity: { relationships: { edges: { node: { evidence: { document: { title: string } }[] } }[] } } }[];
    // The answer did reach through search, entities, relationships, quotes and documents ...
    expect(hits.some((hit) => hit.entity.relationships.edges.some((edge) => edge.node.evidence.some((ev) => ev.document.title)))).toBe(true);
    // ... several statements (one per loader batch), all in one transaction.
    expect(observed.seen.statements).toBeGreaterThanOrEqual(4);
    expect(observed.seen.transactions).toBe(1);
    expect(observed.seen.metadata[0]).toContainEqual({ app: 'kg-explorer', api: 'graphql', operation: 'AnalystTrace', operationType: 'query' });
  });

  it('names a mutation\'s write transaction too, and an unnamed operation "anonymous"', async () => {
    observed.reset();
    const named = await graphql(yoga, `mutation RemoveTrace { deleteEntity(id: "person:nobody-${RUN}") }`, {}, TOKEN);
    expect(named.body.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
    expect(observed.seen.metadata[0]).toContainEqual({ app: 'kg-explorer', api: 'graphql', operation: 'RemoveTrace', operationType: 'mutation' });
    observed.reset();
    expect((await query('{ entity(id: "person:gro-jaere") { name } }')).body.data?.entity).toEqual({ name: expect.any(String) });
    expect(observed.seen.metadata[0]).toContainEqual(expect.objectContaining({ operation: 'anonymous', operationType: 'query' }));
  });

  it('ends the request transaction when the request is answered: no kg-explorer transaction stays open', async () => {
    await query('query Done { entities(first: 3) { edges { node { id relationships(first: 2) { totalCount } } } } }');
    expect((await openTransactionMetadata(db)).filter((metadata) => metadata['operation'] === 'Done')).toEqual([]);
  });
});
