import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser } from 'fast-xml-parser';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql, startTestServer, testYoga } from '../../test/harness.js';
import type { Database } from '../db/driver.js';
import { planOperators, scansIn } from '../db/plans.js';
import { createExportHandler } from './route.js';
import { LIST_SEPARATOR } from './model.js';
import { entitiesByIdQuery, entityPageQuery, relationshipPageQuery, relationshipsWithinQuery, selectionQuery } from './queries.js';
import { resolveScope } from './repository.js';
import { parseExportRequest } from './selection.js';
import { prepareExport, streamExport } from './stream.js';

// Exports of the seed graph over real HTTP, each parsed back and compared with what GraphQL says.
let server: Awaited<ReturnType<typeof startTestServer>>;
let yoga: ReturnType<typeof testYoga>;

const SYKEHUSPARTNER = 'org:sykehuspartner';
const GRO = 'person:gro-jaere';

interface Truth {
  entities: number;
  relationships: number;
  sykehuspartner: { name: string; kind: string; degree: number };
  roleAt: { id: string; target: string; quotes: string[] };
}
let truth: Truth;

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  // This parser decodes numeric character references only when asked to (XML parsers always do).
  htmlEntities: true,
  isArray: (name, _path, _leaf, isAttribute) => !isAttribute && ['key', 'node', 'edge', 'data', 'attvalue', 'attribute'].includes(name),
});

async function download(query: string): Promise<{ status: number; type: string | null; text: string }> {
  const response = await fetch(`${server.url}/export?${query}`);
  return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
}

/** One parsed export: ids of nodes and edges, and the properties of one entity and one relationship. */
interface Parsed {
  nodeIds: string[];
  edgeCount: number;
  node(id: string): Record<string, string | string[]>;
  edge(id: string): Record<string, string | string[]>;
}

function parseGraphml(text: string): Parsed {
  const doc = xml.parse(text).graphml;
  const names = new Map<string, string>(doc.key.filter((k: any) => k['attr.name']).map((k: any) => [k.id, k['attr.name']]));
  const values = (item: any) => Object.fromEntries((item.data ?? []).filter((d: any) => names.has(d.key)).map((d: any) => [names.get(d.key), d['#text']]));
  const nodes: any[] = doc.graph.node ?? [];
  const edges: any[] = doc.graph.edge ?? [];
  return {
    nodeIds: nodes.map((n) => n.id),
    edgeCount: edges.length,
    node: (id) => values(nodes.find((n) => n.id === id)),
    edge: (id) => values(edges.find((e) => e.id === id)),
  };
}

function parseGexf(text: string): Parsed {
  const graph = xml.parse(text).gexf.graph;
  const values = (item: any) => ({ ...item, ...Object.fromEntries((item.attvalues?.attvalue ?? []).map((v: any) => [v.for, v.value])) });
  const nodes: any[] = graph.nodes?.node ?? [];
  const edges: any[] = graph.edges?.edge ?? [];
  return {
    nodeIds: nodes.map((n) => n.id),
    edgeCount: edges.length,
    node: (id) => values(nodes.find((n) => n.id === id)),
    edge: (id) => values(edges.find((e) => e.id === id)),
  };
}

function parseCsvParts(nodesText: string, edgesText: string): Parsed {
  const nodes = parseCsv(nodesText, { columns: true }) as Record<string, string>[];
  const edges = parseCsv(edgesText, { columns: true }) as Record<string, string>[];
  return {
    nodeIds: nodes.map((n) => n.id!),
    edgeCount: edges.length,
    node: (id) => nodes.find((n) => n.id === id)!,
    edge: (id) => edges.find((e) => e.id === id)!,
  };
}

function parseCytoscape(text: string): Parsed {
  const { elements } = JSON.parse(text) as { elements: { nodes: { data: any }[]; edges: { data: any }[] } };
  return {
    nodeIds: elements.nodes.map((n) => n.data.id),
    edgeCount: elements.edges.length,
    node: (id) => elements.nodes.find((n) => n.data.id === id)!.data,
    edge: (id) => elements.edges.find((e) => e.data.id === id)!.data,
  };
}

beforeAll(async () => {
  server = await startTestServer();
  yoga = testYoga(server.db);
  const { body } = await graphql(
    yoga,
    `{ stats { entities relationships }
       org: entity(id: "${SYKEHUSPARTNER}") { name kind degree }
       gro: entity(id: "${GRO}") { relationships(first: 100) { edges { node { id type target evidence { quote } } } } } }`,
  );
  const role = body.data!.gro.relationships.edges.map((e: any) => e.node).find((r: any) => r.type === 'ROLE_AT' && r.target === SYKEHUSPARTNER);
  truth = {
    entities: body.data!.stats.entities,
    relationships: body.data!.stats.relationships,
    sykehuspartner: body.data!.org,
    roleAt: { id: role.id, target: role.target, quotes: role.evidence.map((e: any) => e.quote) },
  };
  // The seed graph, as the brief of this test says; the comparisons below are against GraphQL, not these numbers.
  expect(truth.entities).toBeGreaterThanOrEqual(32);
  expect(truth.roleAt.quotes.length).toBeGreaterThan(0);
});

afterAll(() => server.close());

describe('exports of the whole graph parse back to what GraphQL says', () => {
  const expectSame = (parsed: Parsed, lists: 'joined' | 'arrays', names: { name: string; type: string }) => {
    expect(parsed.nodeIds).toHaveLength(truth.entities);
    expect(new Set(parsed.nodeIds).size).toBe(truth.entities);
    expect(parsed.edgeCount).toBe(truth.relationships);
    const org = parsed.node(SYKEHUSPARTNER);
    expect(org[names.name]).toBe(truth.sykehuspartner.name);
    expect(org.kind).toBe(truth.sykehuspartner.kind);
    expect(Number(org.degree)).toBe(truth.sykehuspartner.degree);
    const role = parsed.edge(truth.roleAt.id);
    expect(role[names.type]).toBe('ROLE_AT');
    expect(role.quotes).toEqual(lists === 'joined' ? truth.roleAt.quotes.join(LIST_SEPARATOR) : truth.roleAt.quotes);
    expect(Number(role.evidenceCount)).toBe(truth.roleAt.quotes.length);
  };

  it('GraphML', async () => {
    const { status, type, text } = await download('format=graphml');
    expect(status).toBe(200);
    expect(type).toMatch(/^application\/graphml\+xml/);
    expectSame(parseGraphml(text), 'joined', { name: 'name', type: 'relationshipType' });
    expect(parseGraphml(text).node(SYKEHUSPARTNER).label).toBe(truth.sykehuspartner.name);
  });

  it('GEXF', async () => {
    const { status, text } = await download('format=gexf');
    expect(status).toBe(200);
    expectSame(parseGexf(text), 'joined', { name: 'label', type: 'relationshipType' });
    // The seed article has no date, so nothing is dated.
    expect(parseGexf(text).node(SYKEHUSPARTNER).start).toBeUndefined();
  });

  it('CSV (nodes and edges)', async () => {
    const nodes = await download('format=csv&part=nodes');
    const edges = await download('format=csv&part=edges');
    expect([nodes.status, edges.status]).toEqual([200, 200]);
    expect(nodes.type).toMatch(/^text\/csv/);
    expect(nodes.text).toMatch(/^id,label,kind,/);
    expectSame(parseCsvParts(nodes.text, edges.text), 'joined', { name: 'label', type: 'relationshipType' });
  });

  it('Cytoscape JSON', async () => {
    const { status, text } = await download('format=cytoscape');
    expect(status).toBe(200);
    expectSame(parseCytoscape(text), 'arrays', { name: 'name', type: 'interaction' });
  });
});

describe('a selection', () => {
  it('exports the neighbourhood GraphQL returns for the same ids and depth', async () => {
    const { body } = await graphql(yoga, `{ neighbourhood(ids: ["${SYKEHUSPARTNER}"], depth: 1) { nodes { id } edges { id } truncated } }`);
    const hood = body.data!.neighbourhood;
    expect(hood.truncated).toBe(false);
    const { status, text } = await download(`format=graphml&ids=${SYKEHUSPARTNER}&depth=1`);
    expect(status).toBe(200);
    const parsed = parseGraphml(text);
    expect(parsed.nodeIds.sort()).toEqual(hood.nodes.map((n: any) => n.id).sort());
    expect(parsed.edgeCount).toBe(hood.edges.length);
    expect(parsed.nodeIds.length).toBeLessThan(truth.entities);
  });

  it('narrows by relationship type and kind', async () => {
    const { text } = await download(`format=cytoscape&ids=${SYKEHUSPARTNER}&depth=1&types=ROLE_AT&kinds=PERSON`);
    const parsed = parseCytoscape(text);
    expect(parsed.nodeIds).toContain(GRO);
    for (const id of parsed.nodeIds.filter((n) => n !== SYKEHUSPARTNER)) expect(parsed.node(id).kind).toBe('PERSON');
    expect(parsed.edgeCount).toBeGreaterThan(0);
    expect(parsed.edge(truth.roleAt.id).interaction).toBe('ROLE_AT');
  });

  it('refuses a selection past its cap before sending anything', async () => {
    const request = parseExportRequest(new URLSearchParams(`format=gexf&ids=${SYKEHUSPARTNER}&depth=3`));
    await expect(resolveScope(server.db, request, 3)).rejects.toThrow(/more than 3 entities/);
  });
});

describe('bad requests', () => {
  it.each([
    ['', /format is required/],
    ['format=xlsx', /unknown format/],
    ['format=csv', /part=nodes or part=edges/],
    ['format=gexf&ids=org:does-not-exist', /no entity with id org:does-not-exist/],
    ['format=gexf&ids=org:sykehuspartner&depth=9', /depth must be/],
    ['format=gexf&kinds=ALIEN', /unknown kind/],
  ])('%s gets 400 with a plain message', async (query, message) => {
    const { status, type, text } = await download(query);
    expect(status).toBe(400);
    expect(type).toMatch(/^text\/plain/);
    expect(text).toMatch(message);
  });

  it('answers other methods with 405', async () => {
    const response = await fetch(`${server.url}/export?format=gexf`, { method: 'POST' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET');
  });
});

describe('streaming', () => {
  async function collect(query: string, batchSize: number, stopAfter = Infinity): Promise<{ text: string; chunks: number; complete: boolean }> {
    const prepared = await prepareExport(server.db, parseExportRequest(new URLSearchParams(query)));
    const stop = new AbortController();
    let text = '';
    let chunks = 0;
    const complete = await streamExport(
      server.db,
      prepared,
      async (chunk) => {
        text += chunk;
        chunks += 1;
        if (chunks >= stopAfter) stop.abort();
      },
      { batchSize, signal: stop.signal },
    );
    return { text, chunks, complete };
  }

  it.each(['format=graphml', 'format=csv&part=edges', `format=cytoscape&ids=${SYKEHUSPARTNER}&depth=2`, 'format=gexf&kinds=PERSON,ORGANISATION'])(
    '%s: small batches give the same output as one batch',
    async (query) => {
      const whole = await collect(query, 1_000);
      const small = await collect(query, 5);
      expect(small.text).toBe(whole.text);
      expect(small.chunks).toBeGreaterThan(whole.chunks);
    },
  );

  it('stops reading when the consumer goes away', async () => {
    const all = await collect('format=gexf', 3);
    const cut = await collect('format=gexf', 3, 2);
    expect(cut.complete).toBe(false);
    expect(cut.chunks).toBe(2);
    expect(all.chunks).toBeGreaterThan(10);
  });

  it('a client that disconnects stops the reading (each read slowed down, so the full export would take long)', async () => {
    let reads = 0;
    const slow: Database = {
      ...server.db,
      read: async (work) => {
        reads += 1;
        await new Promise((resolve) => setTimeout(resolve, 25));
        return server.db.read(work);
      },
    };
    const handler = createExportHandler(slow, { batchSize: 1 });
    let finished: Promise<void> | undefined;
    const local = createServer((req, res) => {
      finished = handler(req, res);
    });
    await new Promise<void>((resolve) => local.listen(0, '127.0.0.1', resolve));
    try {
      const stop = new AbortController();
      const response = await fetch(`http://127.0.0.1:${(local.address() as AddressInfo).port}/export?format=graphml`, { signal: stop.signal });
      const reader = response.body!.getReader();
      await reader.read();
      stop.abort();
      await finished;
      // Read to the end, batches of one would take a read per entity and another per source page: 64 for the seeds.
      expect(reads).toBeLessThan(10);
    } finally {
      local.closeAllConnections();
      await new Promise<void>((resolve) => local.close(() => resolve()));
    }
  });

  it('names its transactions in Neo4j after the export, as the GraphQL operations are', async () => {
    const seen: Record<string, string>[] = [];
    const observed: Database = {
      ...server.db,
      // While each batch's transaction is open, ask Neo4j (from another session) what it knows about it.
      read: (work, options) =>
        server.db.read(async (tx) => {
          const open = await server.db.read((other) => other.run('SHOW TRANSACTIONS YIELD metaData RETURN metaData'));
          seen.push(...open.records.map((record) => record.get('metaData') as Record<string, string>).filter((metadata) => metadata['api'] === 'export'));
          return work(tx);
        }, options),
    };
    const handler = createExportHandler(observed);
    const local = createServer((req, res) => void handler(req, res));
    await new Promise<void>((resolve) => local.listen(0, '127.0.0.1', resolve));
    try {
      const response = await fetch(`http://127.0.0.1:${(local.address() as AddressInfo).port}/export?format=graphml&ids=${GRO}`);
      expect(response.status).toBe(200);
      await response.text();
      expect(seen.length).toBeGreaterThan(0);
      expect(seen).toContainEqual({ app: 'kg-explorer', api: 'export', operation: 'export:graphml' });
    } finally {
      local.closeAllConnections();
      await new Promise<void>((resolve) => local.close(() => resolve()));
    }
  });

  it('a client disconnect ends the export without taking the server down', async () => {
    const stop = new AbortController();
    const response = await fetch(`${server.url}/export?format=graphml`, { signal: stop.signal });
    expect(response.status).toBe(200);
    stop.abort();
    // The server keeps serving.
    expect((await download('format=csv&part=nodes')).status).toBe(200);
  });
});

describe('query plans of the export', () => {
  const QUERIES = {
    'entity page': entityPageQuery({ after: '', limit: 1000, kinds: null }),
    'entity page of kinds': entityPageQuery({ after: 'm', limit: 1000, kinds: ['PERSON', 'ORGANISATION'] }),
    'entities by id': entitiesByIdQuery([SYKEHUSPARTNER, GRO]),
    'relationship page': relationshipPageQuery({ after: '', limit: 1000, kinds: null, types: null }),
    'relationship page of kinds and types': relationshipPageQuery({ after: '', limit: 1000, kinds: ['PERSON'], types: ['ROLE_AT', 'RUNS'] }),
    'relationships within a selection': relationshipsWithinQuery({ sourceIds: [SYKEHUSPARTNER], selected: [SYKEHUSPARTNER, GRO], types: null }),
    'selection depth 3': selectionQuery({ ids: [SYKEHUSPARTNER], depth: 3, limit: 5000, kinds: ['PERSON'], types: ['ROLE_AT'] }),
  };

  it.each(Object.entries(QUERIES))('%s reads no whole label or relationship type', async (_name, query) => {
    expect(await scansIn(server.db, query)).toEqual([]);
  });

  it.each(['entity page', 'entity page of kinds', 'relationship page'] as const)('%s comes off the id index in order, with no sort', async (name) => {
    const operators = await planOperators(server.db, QUERIES[name]);
    const source = name === 'relationship page' ? 'a' : 'n';
    expect(operators.some((op) => /^Node(Unique)?IndexSeekByRange/.test(op) && op.includes(`${source}:Entity(id)`))).toBe(true);
    // Each fact's few quotes are sorted by document and offset; the entities themselves never are.
    expect(operators.filter((op) => /^(Sort|Top|PartialSort|PartialTop) /.test(op) && op.includes(`${source}.id`))).toEqual([]);
  });

  it('reads quotes off the Evidence.factId index', async () => {
    const operators = await planOperators(server.db, QUERIES['entity page']);
    expect(operators.some((op) => op.startsWith('NodeIndexSeek') && op.includes('Evidence') && op.includes('factId'))).toBe(true);
  });
});
