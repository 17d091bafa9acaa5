import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { csvField, csvWriter } from './csv.js';
import { cytoscapeWriter } from './cytoscape.js';
import { periodEnd, periodStart, seenRange } from './dates.js';
import { gexfWriter } from './gexf.js';
import { graphmlWriter } from './graphml.js';
import type { ExportEdge, ExportNode } from './model.js';
import { entityPageQuery, relationshipPageQuery, selectionQuery } from './queries.js';
import { ExportInputError, parseExportRequest } from './selection.js';
import type { FormatWriter } from './writer.js';
import { xmlAttribute, xmlText } from './xml.js';

const NASTY = 'A <b> & "c" \'d\'\u0001\u0008\u000B\u000C\uFFFE\uD800 e\tf\r\ng 💡';
const CLEAN = 'A <b> & "c" \'d\' e\tf\r\ng 💡';

const node = (id: string, extra: Partial<ExportNode> = {}): ExportNode => ({
  id,
  kind: 'ORGANISATION',
  name: id.toUpperCase(),
  aliases: [],
  description: null,
  degree: 1,
  fields: {},
  quotes: [],
  firstSeen: null,
  lastSeen: null,
  ...extra,
});

const NODES: ExportNode[] = [
  node('org:a', { name: NASTY, aliases: ['Alpha', 'A & Co'], description: 'line one\nline two', fields: { vision: 'See <all>' }, quotes: ['q1, "quoted"', 'q2'], firstSeen: '2019', lastSeen: '2020-02' }),
  node('org:b'),
];
const EDGES: ExportEdge[] = [
  { id: 'rel:a-b', type: 'COLLABORATES_WITH', source: 'org:a', target: 'org:b', title: NASTY, quotes: ['they work together'], firstSeen: '2019-05-14', lastSeen: '2019-05-14' },
];

function write(writer: FormatWriter, batches = 1): string {
  const size = Math.ceil(NODES.length / batches);
  let out = writer.head();
  if (writer.reads.nodes) for (let at = 0; at < NODES.length; at += size) out += writer.nodes(NODES.slice(at, at + size));
  out += writer.between();
  if (writer.reads.edges) out += writer.edges(EDGES);
  return out + writer.tail();
}

// htmlEntities: this parser decodes numeric character references only when asked to (XML parsers always do).
const xml = new XMLParser({ htmlEntities: true, ignoreAttributes: false, attributeNamePrefix: '', parseTagValue: false, parseAttributeValue: false, isArray: (name, _path, _leaf, isAttribute) => !isAttribute && ['key', 'node', 'edge', 'data', 'attvalue', 'attribute', 'attributes'].includes(name) });

describe('XML escaping', () => {
  it('drops characters XML 1.0 forbids and escapes markup, keeping whitespace in attributes', () => {
    expect(xmlText(NASTY)).toBe('A &lt;b&gt; &amp; "c" \'d\' e\tf&#13;\ng 💡');
    expect(xmlAttribute(NASTY)).toBe('A &lt;b&gt; &amp; &quot;c&quot; &apos;d&apos; e&#9;f&#13;&#10;g 💡');
  });
});

describe('GraphML', () => {
  it('parses back with declared keys, escaped names and the yEd label', () => {
    const doc = xml.parse(write(graphmlWriter({ yed: true })));
    const graph = doc.graphml.graph;
    expect(graph.edgedefault).toBe('directed');
    const keys = new Map<string, string>(doc.graphml.key.filter((k: any) => k['attr.name']).map((k: any) => [k.id, k['attr.name']]));
    const a = graph.node.find((n: any) => n.id === 'org:a');
    const values = Object.fromEntries(a.data.filter((d: any) => keys.has(d.key)).map((d: any) => [keys.get(d.key), d['#text']]));
    expect(values).toMatchObject({ label: CLEAN, name: CLEAN, kind: 'ORGANISATION', vision: 'See <all>', aliases: 'Alpha | A & Co', evidenceCount: '2', firstSeen: '2019', lastSeen: '2020-02' });
    expect(a.data.find((d: any) => d.key === 'n_graphics')['y:ShapeNode']['y:NodeLabel']).toBe(CLEAN);
    expect(graph.edge).toHaveLength(1);
    expect(graph.edge[0]).toMatchObject({ source: 'org:a', target: 'org:b' });
  });

  it('leaves the yFiles graphics out on request', () => {
    const text = write(graphmlWriter({ yed: false }));
    expect(text).not.toContain('y:');
    expect(xml.parse(text).graphml.graph.node).toHaveLength(2);
  });
});

describe('GEXF', () => {
  it('parses back with attributes and spans from the first to the last day of the sources', () => {
    const doc = xml.parse(write(gexfWriter()));
    expect(doc.gexf.version).toBe('1.3');
    const graph = doc.gexf.graph;
    expect(graph).toMatchObject({ mode: 'dynamic', timeformat: 'date', defaultedgetype: 'directed' });
    const a = graph.nodes.node.find((n: any) => n.id === 'org:a');
    expect(a).toMatchObject({ label: CLEAN, start: '2019-01-01', end: '2020-02-29' });
    const values = Object.fromEntries(a.attvalues.attvalue.map((v: any) => [v.for, v.value]));
    expect(values).toMatchObject({ kind: 'ORGANISATION', description: 'line one\nline two', quotes: 'q1, "quoted" | q2', evidenceCount: '2' });
    const b = graph.nodes.node.find((n: any) => n.id === 'org:b');
    expect(b.start).toBeUndefined();
    expect(graph.edges.edge[0]).toMatchObject({ kind: 'COLLABORATES_WITH', start: '2019-05-14', end: '2019-05-14' });
  });
});

describe('CSV', () => {
  it('quotes by RFC 4180 and parses back', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField(null)).toBe('');
    const nodes = parseCsv(write(csvWriter('nodes')), { columns: true, record_delimiter: '\r\n' }) as Record<string, string>[];
    expect(nodes).toHaveLength(2);
    // A lone surrogate cannot be UTF-8; the parser (like the wire) turns it into U+FFFD.
    expect(nodes[0]).toMatchObject({ id: 'org:a', label: NASTY.replace('\uD800', '\uFFFD'), quotes: 'q1, "quoted" | q2', vision: 'See <all>', firstSeen: '2019' });
    const edges = parseCsv(write(csvWriter('edges')), { columns: true }) as Record<string, string>[];
    expect(edges).toEqual([expect.objectContaining({ source: 'org:a', target: 'org:b', relationshipType: 'COLLABORATES_WITH', title: NASTY.replace('\uD800', '\uFFFD') })]);
  });
});

describe('Cytoscape JSON', () => {
  it('is valid JSON across batches, with lists kept as lists', () => {
    const one = JSON.parse(write(cytoscapeWriter()));
    const two = JSON.parse(write(cytoscapeWriter(), 2));
    expect(two).toEqual(one);
    expect(one.elements.nodes).toHaveLength(2);
    expect(one.elements.nodes[0].data).toMatchObject({ id: 'org:a', name: NASTY, aliases: ['Alpha', 'A & Co'], quotes: ['q1, "quoted"', 'q2'] });
    expect(one.elements.nodes[1].data).not.toHaveProperty('description');
    expect(one.elements.edges[0].data).toMatchObject({ source: 'org:a', target: 'org:b', interaction: 'COLLABORATES_WITH' });
  });

  it('writes an empty graph as valid JSON', () => {
    const writer = cytoscapeWriter();
    expect(JSON.parse(writer.head() + writer.between() + writer.tail()).elements).toEqual({ nodes: [], edges: [] });
  });
});

describe('dates', () => {
  it('keeps each date in its precision and orders periods by where they start and end', () => {
    expect(periodStart('2019')).toBe('2019-01-01');
    expect(periodEnd('2019')).toBe('2019-12-31');
    expect(periodEnd('2021-02')).toBe('2021-02-28');
    expect(seenRange(['2019-05-14', null, '2019', '2020-01-02T10:00:00Z', 'soon'])).toEqual({ firstSeen: '2019', lastSeen: '2020-01-02' });
    expect(seenRange(['2019', '2019-12'])).toEqual({ firstSeen: '2019', lastSeen: '2019' });
    expect(seenRange([])).toEqual({ firstSeen: null, lastSeen: null });
  });
});

describe('export parameters', () => {
  const parse = (query: string) => parseExportRequest(new URLSearchParams(query));

  it('reads a selection with filters, case-insensitively for kinds and types', () => {
    expect(parse('format=graphml&ids=org:a,org:b,org:a&depth=2&kinds=person&types=role_at')).toMatchObject({
      format: 'graphml', ids: ['org:a', 'org:b'], depth: 2, kinds: ['PERSON'], types: ['ROLE_AT'], yed: true,
    });
    expect(parse('format=csv&part=edges')).toMatchObject({ ids: null, part: 'edges' });
  });

  it.each([
    ['', /format is required/],
    ['format=pdf', /unknown format/],
    ['format=csv', /part=nodes or part=edges/],
    ['format=gexf&part=nodes', /csv only/],
    ['format=gexf&depth=1', /depth needs ids/],
    ['format=gexf&ids=a&depth=4', /depth must be/],
    ['format=gexf&ids=a&depth=-1', /depth must be/],
    ['format=gexf&ids=,', /at least one/],
    [`format=gexf&ids=${Array.from({ length: 101 }, (_, i) => `e${i}`).join(',')}`, /at most 100/],
    ['format=gexf&kinds=SPACESHIP', /unknown kind/],
    ['format=gexf&types=LOVES', /unknown relationship type/],
    ['format=gexf&id=a', /unknown parameter id/],
    ['format=gexf&format=csv', /more than once/],
    ['format=graphml&yed=maybe', /true or false/],
  ])('refuses %s', (query, message) => {
    expect(() => parse(query)).toThrow(ExportInputError);
    expect(() => parse(query)).toThrow(message);
  });
});

describe('export queries', () => {
  it('page by id with every value a parameter and types from the allowlist', () => {
    const page = entityPageQuery({ after: "x' OR 1=1", limit: 10, kinds: ['PERSON'] });
    expect(page.cypher).toContain('n.id > $after');
    expect(page.cypher).not.toContain('OR 1=1');
    expect(relationshipPageQuery({ after: '', limit: 10, kinds: null, types: ['ROLE_AT', 'RUNS'] }).cypher).toContain('[r:ROLE_AT|RUNS]');
    expect(() => relationshipPageQuery({ after: '', limit: 10, kinds: null, types: ['X]->() DETACH DELETE (n' as never] })).toThrow(/Unknown relationship type/);
    expect(() => selectionQuery({ ids: ['a'], depth: 4, limit: 1, kinds: null, types: null })).toThrow(RangeError);
    expect(selectionQuery({ ids: ['a'], depth: 2, limit: 5, kinds: null, types: null }).cypher.match(/CALL \(seen, frontier\)/g)).toHaveLength(2);
  });
});
