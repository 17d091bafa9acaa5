import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { removeTestData, testDatabase } from '../../test/harness.js';
import type { Database } from '../db/driver.js';
import { deleteEntity } from '../write/delete.js';
import { writeGraph } from '../write/graph.js';
import { mergeEntities } from '../write/merge.js';
import { loadSeedSet, loadSeeds, readSeedSources } from './load.js';
import { writeSeedFile } from './repository.js';
import { SeedValidationError, validateSeedSet, type SeedSet, type SeedSources } from './validate.js';

// Other test files share this database, so these tests only look at what their own seed files wrote, and
// clean up only that (never the whole graph).

const SEEDS_DIR = fileURLToPath(new URL('../../../seeds/', import.meta.url));
const GRAPH_FILE = '000_b40fe58a30269fa6.graph.yaml';
const DOC = 'doc:000_b40fe58a30269fa6';
const RUN = randomUUID().slice(0, 8);
const API = { source: `api:test-${RUN}`, at: '2026-01-01T00:00:00.000Z' };

interface SeedCounts {
  labels: Record<string, number>;
  types: Record<string, number>;
  evidence: number;
}

/** What one seed file last wrote, counted in the database by its writer stamp (a test-only scan). */
async function countsFor(db: Database, graphFile: string): Promise<SeedCounts> {
  const source = `seed:${graphFile}`;
  return db.read(async (tx) => {
    const labels = await tx.run('MATCH (n:Entity {updatedBy: $s}) UNWIND labels(n) AS label RETURN label, count(*) AS n ORDER BY label', { s: source });
    const types = await tx.run('MATCH (:Entity)-[r]->(:Entity) WHERE r.updatedBy = $s RETURN type(r) AS type, count(*) AS n ORDER BY type', { s: source });
    const evidence = await tx.run('MATCH (e:Evidence {addedBy: $s}) RETURN count(e) AS n', { s: source });
    return {
      labels: Object.fromEntries(labels.records.map((r) => [r.get('label') as string, Number(r.get('n'))])),
      types: Object.fromEntries(types.records.map((r) => [r.get('type') as string, Number(r.get('n'))])),
      evidence: Number(evidence.records[0]?.get('n')),
    };
  });
}

/** Counts the seed set says the database should hold for the real seed file. */
function expectedCounts(set: SeedSet): SeedCounts {
  const labels: Record<string, number> = { Entity: set.entities.length };
  const label = (kind: string): string => kind.charAt(0) + kind.slice(1).toLowerCase();
  for (const entity of set.entities) labels[label(entity.kind)] = (labels[label(entity.kind)] ?? 0) + 1;
  const types: Record<string, number> = {};
  for (const relationship of set.relationships) types[relationship.type] = (types[relationship.type] ?? 0) + 1;
  return { labels, types, evidence: set.quotes };
}

async function entity(db: Database, id: string): Promise<Record<string, unknown> | undefined> {
  const result = await db.read((tx) => tx.run('MATCH (n:Entity {id: $id}) RETURN properties(n) AS p', { id }));
  return result.records[0]?.get('p') as Record<string, unknown> | undefined;
}

function plus(sources: SeedSources, name: string, graph: unknown): SeedSources {
  return { ...sources, graphs: [...sources.graphs, { name, content: stringify(graph) }] };
}

const topic = (id: string, quote: string, extra: object = {}) => ({ id, kind: 'TOPIC', name: `Topic ${id}`, evidence: [{ quote }], ...extra });

describe('loading the seed folder into Neo4j', () => {
  let db: Database;
  let sources: SeedSources;
  let set: SeedSet;
  const ownFiles: string[] = [];
  const own = (stem: string): string => {
    const name = `test-${stem}-${RUN}.graph.yaml`;
    ownFiles.push(name);
    return name;
  };

  beforeAll(async () => {
    db = testDatabase();
    sources = await readSeedSources(SEEDS_DIR);
    set = validateSeedSet(sources);
  });

  afterAll(async () => {
    // A folder load retires what the test's own files wrote (they are not in the folder); what the tests wrote
    // as an analyst is theirs to remove.
    await loadSeeds(db, SEEDS_DIR);
    await removeTestData(db, RUN);
    await db.close();
  });

  it('writes what the seed file holds, counted in the database', async () => {
    const report = await loadSeeds(db, SEEDS_DIR);
    expect(report).toMatchObject({ documents: 1, entities: 32, relationships: 49, evidence: set.quotes });
    expect(await countsFor(db, GRAPH_FILE)).toEqual(expectedCounts(set));
  });

  it('writes nothing when no seed file changed since the last load', async () => {
    await loadSeeds(db, SEEDS_DIR);
    const before = await entity(db, 'org:sykehuspartner');
    const report = await loadSeeds(db, SEEDS_DIR);
    expect(report.changedFiles).toEqual([]);
    expect(await entity(db, 'org:sykehuspartner')).toEqual(before);
    expect(await countsFor(db, GRAPH_FILE)).toEqual(expectedCounts(set));
  });

  it('stores the document, entities and quotes in the agreed shape, quotes found by their fact', async () => {
    await loadSeeds(db, SEEDS_DIR);
    const text = sources.texts['000_b40fe58a30269fa6.txt'];
    const { document, evidence } = await db.read(async (tx) => {
      const d = await tx.run('MATCH (d:Document {id: $id}) RETURN properties(d) AS p', { id: DOC });
      const e = await tx.run('MATCH (e:Evidence {factId: $id}) RETURN properties(e) AS p', { id: 'org:helse-nord-ikt' });
      return { document: d.records[0]?.get('p') as Record<string, unknown>, evidence: e.records.map((r) => r.get('p') as Record<string, unknown>) };
    });
    expect(document).toMatchObject({ id: DOC, title: 'Helseregionenes IKT-virksomheter møtes årlig', text, language: 'nb', createdBy: 'seed:000_b40fe58a30269fa6.meta.yaml' });
    expect(document).not.toHaveProperty('publishedAt');
    const helseNord = await entity(db, 'org:helse-nord-ikt');
    expect(helseNord).toMatchObject({ kind: 'ORGANISATION', name: 'Helse Nord IKT', vision: 'Helse og IKT smelter sammen', aliases: [], updatedBy: `seed:${GRAPH_FILE}` });
    expect(helseNord?.degree).toBeGreaterThan(0);
    expect(await entity(db, 'org:sykehuspartner')).not.toHaveProperty('fullName');
    expect(evidence.find((e) => e.supports === 'vision')?.quote).toBe('Helse Nord IKT sin visjon: Helse og IKT smelter sammen.');
    expect(evidence.length).toBe(2);
    for (const e of evidence) {
      expect(e).toMatchObject({ factType: 'ENTITY', documentId: DOC, addedBy: `seed:${GRAPH_FILE}` });
      expect(Number.isInteger(e.start) && Number.isInteger(e.end)).toBe(true);
      expect(text?.slice(e.start as number, e.end as number)).toBe(e.quote);
    }
  });

  it("records Gro Jære's role at Sykehuspartner with its title and quote", async () => {
    const { title, quotes } = await db.read(async (tx) => {
      const r = await tx.run(
        `MATCH (:Entity {id: 'person:gro-jaere'})-[r:ROLE_AT]->(:Entity {id: 'org:sykehuspartner'})
         OPTIONAL MATCH (e:Evidence {factId: r.id})
         RETURN r.title AS title, collect(e.quote) AS quotes`,
      );
      return { title: r.records[0]?.get('title') as string, quotes: r.records[0]?.get('quotes') as string[] };
    });
    expect(title).toBe('administrerende direktør');
    expect(quotes.some((quote) => quote.includes('Gro Jære, administrerende direktør'))).toBe(true);
  });

  it('refuses a set with one non-verbatim quote and writes nothing of it', async () => {
    const file = own('broken');
    const id = `org:test-broken-${RUN}`;
    const broken = plus(sources, file, {
      document: DOC,
      entities: [{ id, kind: 'ORGANISATION', name: 'Broken', evidence: [{ quote: 'Samarbeider på tvers' }] }],
      relationships: [{ type: 'COLLABORATES_WITH', source: id, target: 'org:sykehuspartner', evidence: [{ quote: 'Samarbeider ikke på tvers' }] }],
    });
    const attempt = loadSeedSet(db, broken);
    await expect(attempt).rejects.toBeInstanceOf(SeedValidationError);
    await expect(attempt).rejects.toThrow(`relationship rel:${id}-COLLABORATES_WITH-org:sykehuspartner: quote "Samarbeider ikke på tvers" is not verbatim`);
    expect(await entity(db, id)).toBeUndefined();
    expect(await countsFor(db, file)).toEqual({ labels: {}, types: {}, evidence: 0 });
  });

  it('rolls back every write of a seed file when the transaction fails after them', async () => {
    const file = own('midway');
    const a = `topic:test-midway-a-${RUN}`;
    const b = `topic:test-midway-b-${RUN}`;
    const midway = validateSeedSet(
      plus(sources, file, {
        document: DOC,
        entities: [topic(a, 'Samarbeider på tvers'), topic(b, 'Store investeringer')],
        relationships: [{ type: 'HAS_CHARACTERISTIC', source: a, target: b, evidence: [{ quote: 'Store investeringer' }] }],
      }),
    );
    const failure = db.write(async (tx) => {
      const report = await writeSeedFile(tx, midway, file, API.at);
      expect(report.entities.created).toBe(2);
      throw new Error('fails after the writes');
    });
    await expect(failure).rejects.toThrow('fails after the writes');
    expect(await entity(db, a)).toBeUndefined();
    expect(await entity(db, b)).toBeUndefined();
    expect(await countsFor(db, file)).toEqual({ labels: {}, types: {}, evidence: 0 });
  });

  it('retires, on a load of the whole folder, what a seed file that has since been removed had written', async () => {
    const gone = own('gone');
    const id = `topic:test-gone-${RUN}`;
    await loadSeedSet(db, plus(sources, gone, { document: DOC, entities: [topic(id, 'Store investeringer')] }));
    expect(await entity(db, id)).toBeDefined();
    expect((await countsFor(db, gone)).evidence).toBe(1);

    const report = await loadSeeds(db, SEEDS_DIR);
    expect(report.removedFiles).toContain(gone);
    expect(await entity(db, id)).toBeUndefined();
    expect(await countsFor(db, gone)).toEqual({ labels: {}, types: {}, evidence: 0 });
    expect(await countsFor(db, GRAPH_FILE)).toEqual(expectedCounts(set));
  });

  it('removes what an earlier version of a seed file had and the new version drops', async () => {
    const file = own('versions');
    const a = `topic:test-a-${RUN}`;
    const b = `topic:test-b-${RUN}`;
    const v1 = {
      document: DOC,
      entities: [topic(a, 'Samarbeider på tvers'), topic(b, 'Store investeringer')],
      relationships: [{ type: 'HAS_CHARACTERISTIC', source: a, target: b, evidence: [{ quote: 'Store investeringer' }] }],
    };
    await loadSeedSet(db, plus(sources, file, v1));
    expect(await countsFor(db, file)).toEqual({ labels: { Entity: 2, Topic: 2 }, types: { HAS_CHARACTERISTIC: 1 }, evidence: 3 });
    expect((await entity(db, a))?.degree).toBe(1);

    await loadSeedSet(db, plus(sources, file, { ...v1, entities: [topic(a, 'Samarbeider på tvers')], relationships: [] }));
    expect(await entity(db, b)).toBeUndefined();
    expect(await countsFor(db, file)).toEqual({ labels: { Entity: 1, Topic: 1 }, types: {}, evidence: 1 });
    expect((await entity(db, a))?.degree).toBe(0);
    // The real seed quotes "Samarbeider på tvers" too; its own quote records are untouched.
    expect(await countsFor(db, GRAPH_FILE)).toEqual(expectedCounts(set));
  });

  it("keeps an analyst's edit of a seed entity when the seed file changes, and says so", async () => {
    const file = own('edited');
    const a = `topic:test-edited-${RUN}`;
    const b = `topic:test-fresh-${RUN}`;
    await loadSeedSet(db, plus(sources, file, { document: DOC, entities: [topic(a, 'Store investeringer', { description: 'from the seed' })] }));
    await db.write((tx) =>
      writeGraph(
        tx,
        { documents: [], relationships: [], entities: [{ id: a, kind: 'TOPIC', name: 'Renamed by an analyst', evidence: [], place: 'input' }] },
        API,
        { fields: 'patch', retype: false, evidence: 'add' },
      ),
    );
    const v2 = { document: DOC, entities: [topic(a, 'Store investeringer', { description: 'seed v2' }), topic(b, 'Samarbeider på tvers')] };
    const report = await loadSeedSet(db, plus(sources, file, v2));
    expect(report.changedFiles).toEqual([file]);
    expect(report.kept).toEqual([a]);
    expect(await entity(db, a)).toMatchObject({ name: 'Renamed by an analyst', description: 'from the seed', updatedBy: API.source });
    expect(await entity(db, b)).toMatchObject({ name: `Topic ${b}` });
    // A later load of the same file still leaves it alone.
    expect((await loadSeedSet(db, plus(sources, file, v2))).changedFiles).toEqual([]);
    expect((await entity(db, a))?.name).toBe('Renamed by an analyst');
  });

  it('does not bring back a seed entity an analyst deleted, and sends its relationships to a merged entity', async () => {
    const file = own('curated');
    const gone = `topic:test-deleted-${RUN}`;
    const keep = `topic:test-keep-${RUN}`;
    const merged = `topic:test-merged-${RUN}`;
    const v1 = { document: DOC, entities: [topic(gone, 'Store investeringer'), topic(keep, 'Samarbeider på tvers'), topic(merged, 'Samarbeider på tvers')] };
    await loadSeedSet(db, plus(sources, file, v1));
    await db.write((tx) => deleteEntity(tx, gone, API));
    await db.write((tx) => mergeEntities(tx, keep, merged, API));

    const v2 = {
      ...v1,
      relationships: [{ type: 'HAS_CHARACTERISTIC', source: 'org:sykehuspartner', target: merged, evidence: [{ quote: 'Store investeringer' }] }],
    };
    const report = await loadSeedSet(db, plus(sources, file, v2));
    expect(report.kept.sort()).toEqual([gone, keep, merged].sort());
    expect(await entity(db, gone)).toBeUndefined();
    expect(await entity(db, merged)).toBeUndefined();
    const target = await db.read((tx) =>
      tx.run('MATCH (:Entity {id: $s})-[r:HAS_CHARACTERISTIC]->(t:Entity) WHERE r.updatedBy = $by RETURN t.id AS id', { s: 'org:sykehuspartner', by: `seed:${file}` }),
    );
    expect(target.records.map((r) => r.get('id'))).toEqual([keep]);
  });
});
