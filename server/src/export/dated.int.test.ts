import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql, testDatabase, testYoga } from '../../test/harness.js';
import { parseExportRequest } from './selection.js';
import { prepareExport, streamExport } from './stream.js';

// Facts quoted in dated documents: their export carries the documents' dates. Every id carries this run's tag and
// is removed afterwards, so other test files sharing the database are not touched.
const RUN = randomUUID().slice(0, 8);
const TOKEN = `export-tester-${RUN}-0123456789`;
const OLD = `doc:export-2019-${RUN}`;
const NEW = `doc:export-2021-${RUN}`;
const ORG = `org:fjordlys-${RUN}`;
const PERSON = `person:kari-${RUN}`;
const ROLE = `rel:${PERSON}-ROLE_AT-${ORG}`;
// A name with markup and a control character, as a careless writer might store it.
const NASTY_NAME = `Fjordlys <Data> & "Co"\u0007 ${RUN}`;

const db = testDatabase();
const yoga = testYoga(db, { writeTokens: [{ name: 'export-tester', token: TOKEN }] });
const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  htmlEntities: true,
  isArray: (name, _path, _leaf, isAttribute) => !isAttribute && ['node', 'edge', 'attvalue'].includes(name),
});

async function exportText(query: string): Promise<string> {
  const prepared = await prepareExport(db, parseExportRequest(new URLSearchParams(query)));
  let text = '';
  await streamExport(db, prepared, async (chunk) => {
    text += chunk;
  });
  return text;
}

beforeAll(async () => {
  const bundle = {
    documents: [
      { id: OLD, title: 'Eldre', language: 'nb', publishedAt: '2019', text: `Kari Nordmann er direktør i ${NASTY_NAME}.` },
      { id: NEW, title: 'Nyere', language: 'nb', publishedAt: '2021-03-05', text: `Kari Nordmann leder fortsatt ${NASTY_NAME}.` },
    ],
    entities: [
      { id: ORG, kind: 'ORGANISATION', name: NASTY_NAME, evidence: [{ document: OLD, quote: NASTY_NAME }] },
      { id: PERSON, kind: 'PERSON', name: `Kari ${RUN}`, evidence: [{ document: NEW, quote: 'Kari Nordmann leder' }] },
    ],
    relationships: [
      {
        type: 'ROLE_AT', source: PERSON, target: ORG, title: 'direktør',
        evidence: [{ document: OLD, quote: 'Kari Nordmann er direktør' }, { document: NEW, quote: 'Kari Nordmann leder fortsatt' }],
      },
    ],
  };
  const { body } = await graphql(yoga, 'mutation($b: JSON!) { importGraph(bundle: $b, name: "export-test") { entities { created } } }', { b: bundle }, TOKEN);
  expect(body.errors).toBeUndefined();
});

afterAll(async () => {
  await db.write((tx) => tx.run('MATCH (n:Entity) WHERE n.id ENDS WITH $run DETACH DELETE n', { run: RUN }));
  await db.write((tx) => tx.run('MATCH (e:Evidence) WHERE e.documentId IN $docs DELETE e', { docs: [OLD, NEW] }));
  await db.write((tx) => tx.run('MATCH (n) WHERE (n:Document OR n:Tombstone) AND n.id ENDS WITH $run DELETE n', { run: RUN }));
  await db.close();
});

describe('dated facts in exports', () => {
  it('GEXF spans each fact from its earliest to its latest source, keeping the precision in firstSeen/lastSeen', async () => {
    const graph = xml.parse(await exportText(`format=gexf&ids=${PERSON}&depth=1`)).gexf.graph;
    const attributes = (item: any) => Object.fromEntries(item.attvalues.attvalue.map((v: any) => [v.for, v.value]));
    const org = graph.nodes.node.find((n: any) => n.id === ORG);
    expect(org).toMatchObject({ label: NASTY_NAME.replace('\u0007', ''), start: '2019-01-01', end: '2019-12-31' });
    expect(attributes(org)).toMatchObject({ firstSeen: '2019', lastSeen: '2019' });
    const person = graph.nodes.node.find((n: any) => n.id === PERSON);
    expect(person).toMatchObject({ start: '2021-03-05', end: '2021-03-05' });
    const role = graph.edges.edge.find((e: any) => e.id === ROLE);
    expect(role).toMatchObject({ source: PERSON, target: ORG, kind: 'ROLE_AT', start: '2019-01-01', end: '2021-03-05' });
    expect(attributes(role)).toMatchObject({ firstSeen: '2019', lastSeen: '2021-03-05', evidenceCount: '2', title: 'direktør' });
  });

  it('the CLI writes both CSV files for the same selection', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'kgx-export-'));
    try {
      const cli = path.resolve(import.meta.dirname, 'cli.ts');
      const tsx = path.resolve(import.meta.dirname, '../../../node_modules/.bin/tsx');
      const { stderr } = await promisify(execFile)(tsx, [cli, '--format', 'csv', '--ids', PERSON, '--depth', '1', '--out', path.join(dir, 'graph.csv')], {
        env: process.env,
        timeout: 60_000,
      });
      expect(stderr).toMatch(/graph\.edges\.csv: .* KiB of csv \(edges\)/);
      const nodes = parseCsv(await readFile(path.join(dir, 'graph.nodes.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
      const edges = parseCsv(await readFile(path.join(dir, 'graph.edges.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
      expect(nodes.map((n) => n.id).sort()).toEqual([ORG, PERSON].sort());
      expect(nodes.find((n) => n.id === ORG)?.label).toBe(NASTY_NAME);
      expect(edges).toEqual([expect.objectContaining({ id: ROLE, relationshipType: 'ROLE_AT', firstSeen: '2019', lastSeen: '2021-03-05', quotes: 'Kari Nordmann er direktør | Kari Nordmann leder fortsatt' })]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('the CLI refuses bad options with the same message as the route', async () => {
    const cli = path.resolve(import.meta.dirname, 'cli.ts');
    const tsx = path.resolve(import.meta.dirname, '../../../node_modules/.bin/tsx');
    const failure = await promisify(execFile)(tsx, [cli, '--format', 'gexf', '--depth', '2'], { env: process.env, timeout: 60_000 }).catch((error: unknown) => error as { code: number; stderr: string });
    expect(failure).toMatchObject({ code: 2, stderr: expect.stringMatching(/depth needs ids/) });
  });
});
