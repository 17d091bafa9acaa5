import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { testDatabase } from '../../test/harness.js';
import type { Database } from '../db/driver.js';
import { loadSeedSet, loadSeeds, readSeedSources } from './load.js';
import { SeedValidationError, validateSeedSet, type SeedSet, type SeedSources } from './validate.js';

// Other test files share this database, so these tests only look at what carries their own ids or seed-file
// tags, and clean up only those (never the whole graph).

const SEEDS_DIR = fileURLToPath(new URL('../../../seeds/', import.meta.url));
const GRAPH_FILE = '000_b40fe58a30269fa6.graph.yaml';
const DOC = 'doc:000_b40fe58a30269fa6';
const RUN = randomUUID().slice(0, 8);
const STALE_FILE = `test-stale-${RUN}.graph.yaml`;
const BROKEN_FILE = `test-broken-${RUN}.graph.yaml`;

interface SeedCounts {
  labels: Record<string, number>;
  types: Record<string, number>;
  evidence: number;
  documents: number;
}

/** What the database holds for one graph file, counted in the database itself. */
async function countsFor(db: Database, graphFile: string, documentId = DOC): Promise<SeedCounts> {
  return db.read(async (tx) => {
    const labels = await tx.run(
      'MATCH (n:Entity {seedFile: $f}) UNWIND labels(n) AS label RETURN label, count(*) AS n ORDER BY label',
      { f: graphFile },
    );
    const types = await tx.run(
      'MATCH (:Entity)-[r]->(:Entity) WHERE r.seedFile = $f RETURN type(r) AS type, count(*) AS n ORDER BY type',
      { f: graphFile },
    );
    const evidence = await tx.run('MATCH (e:Evidence) WHERE $f IN e.seedFiles RETURN count(e) AS n', { f: graphFile });
    const documents = await tx.run('MATCH (d:Document {id: $id}) RETURN count(d) AS n', { id: documentId });
    return {
      labels: Object.fromEntries(labels.records.map((r) => [r.get('label') as string, Number(r.get('n'))])),
      types: Object.fromEntries(types.records.map((r) => [r.get('type') as string, Number(r.get('n'))])),
      evidence: Number(evidence.records[0]?.get('n')),
      documents: Number(documents.records[0]?.get('n')),
    };
  });
}

/** Counts the seed set says the database should hold. */
function expectedCounts(set: SeedSet): SeedCounts {
  const labels: Record<string, number> = { Entity: set.entities.length };
  const label = (kind: string): string => kind.charAt(0) + kind.slice(1).toLowerCase();
  for (const entity of set.entities) labels[label(entity.kind)] = (labels[label(entity.kind)] ?? 0) + 1;
  const types: Record<string, number> = {};
  for (const relationship of set.relationships) types[relationship.type] = (types[relationship.type] ?? 0) + 1;
  return { labels, types, evidence: set.evidence.length, documents: 1 };
}

async function entityExists(db: Database, id: string): Promise<boolean> {
  const result = await db.read((tx) => tx.run('MATCH (n:Entity {id: $id}) RETURN count(n) AS n', { id }));
  return Number(result.records[0]?.get('n')) > 0;
}

function plus(sources: SeedSources, name: string, graph: unknown): SeedSources {
  return { ...sources, graphs: [...sources.graphs, { name, content: stringify(graph) }] };
}

describe('loading the seed folder into Neo4j', () => {
  let db: Database;
  let sources: SeedSources;
  let set: SeedSet;

  beforeAll(async () => {
    db = testDatabase();
    sources = await readSeedSources(SEEDS_DIR);
    set = validateSeedSet(sources);
  });

  afterAll(async () => {
    // An empty version of the test's own file retires whatever a failed test left behind under that tag.
    await loadSeedSet(db, plus(sources, STALE_FILE, { entities: [] }));
    await db.close();
  });

  it('writes what the seed file holds, counted in the database', async () => {
    const report = await loadSeeds(db, SEEDS_DIR);
    expect(report).toEqual({ documents: 1, entities: 32, relationships: 49, evidence: set.evidence.length });
    expect(await countsFor(db, GRAPH_FILE)).toEqual(expectedCounts(set));
  });

  it('gives the same graph when loaded twice', async () => {
    await loadSeeds(db, SEEDS_DIR);
    const first = await countsFor(db, GRAPH_FILE);
    const report = await loadSeeds(db, SEEDS_DIR);
    expect(report.entities).toBe(32);
    expect(await countsFor(db, GRAPH_FILE)).toEqual(first);
    expect(first).toEqual(expectedCounts(set));
  });

  it('stores the document, entities and evidence in the agreed shape', async () => {
    await loadSeeds(db, SEEDS_DIR);
    const text = sources.texts['000_b40fe58a30269fa6.txt'];
    const { document, helseNord, sykehuspartner, evidence } = await db.read(async (tx) => {
      const d = await tx.run('MATCH (d:Document {id: $id}) RETURN properties(d) AS p', { id: DOC });
      const n = await tx.run('MATCH (n:Entity:Organisation {id: $id}) RETURN properties(n) AS p', { id: 'org:helse-nord-ikt' });
      const s = await tx.run('MATCH (n:Entity {id: $id}) RETURN properties(n) AS p', { id: 'org:sykehuspartner' });
      const e = await tx.run('MATCH (e:Evidence) WHERE e.id IN $ids RETURN properties(e) AS p', {
        ids: (n.records[0]?.get('p') as { evidenceIds: string[] }).evidenceIds,
      });
      return {
        document: d.records[0]?.get('p') as Record<string, unknown>,
        helseNord: n.records[0]?.get('p') as Record<string, unknown>,
        sykehuspartner: s.records[0]?.get('p') as Record<string, unknown>,
        evidence: e.records.map((r) => r.get('p') as Record<string, unknown>),
      };
    });
    expect(document).toMatchObject({ id: DOC, title: 'Helseregionenes IKT-virksomheter møtes årlig', text, language: 'nb' });
    expect(document).not.toHaveProperty('publishedAt');
    expect(helseNord).toMatchObject({ kind: 'ORGANISATION', name: 'Helse Nord IKT', vision: 'Helse og IKT smelter sammen', aliases: [] });
    expect(sykehuspartner.aliases).toEqual([]);
    expect(sykehuspartner).not.toHaveProperty('fullName');
    const vision = evidence.find((e) => e.supports === 'vision');
    expect(vision?.quote).toBe('Helse Nord IKT sin visjon: Helse og IKT smelter sammen.');
    for (const e of evidence) {
      expect(Number.isInteger(e.start) && Number.isInteger(e.end)).toBe(true);
      expect(text?.slice(e.start as number, e.end as number)).toBe(e.quote);
    }
  });

  it("records Gro Jære's role at Sykehuspartner with its title and quote", async () => {
    await loadSeeds(db, SEEDS_DIR);
    const { title, quotes } = await db.read(async (tx) => {
      const r = await tx.run(
        `MATCH (:Entity {id: 'person:gro-jaere'})-[r:ROLE_AT]->(:Entity {id: 'org:sykehuspartner'})
         OPTIONAL MATCH (e:Evidence) WHERE e.id IN r.evidenceIds
         RETURN r.title AS title, collect(e.quote) AS quotes`,
      );
      return { title: r.records[0]?.get('title') as string, quotes: r.records[0]?.get('quotes') as string[] };
    });
    expect(title).toBe('administrerende direktør');
    expect(quotes.length).toBeGreaterThan(0);
    expect(quotes.some((quote) => quote.includes('Gro Jære, administrerende direktør'))).toBe(true);
  });

  it('refuses a set with one non-verbatim quote and writes nothing of it', async () => {
    await loadSeeds(db, SEEDS_DIR);
    const before = await countsFor(db, GRAPH_FILE);
    const id = `org:test-broken-${RUN}`;
    const broken = plus(sources, BROKEN_FILE, {
      document: DOC,
      entities: [{ id, kind: 'ORGANISATION', name: 'Broken', evidence: [{ quote: 'Samarbeider på tvers' }] }],
      relationships: [
        { type: 'COLLABORATES_WITH', source: id, target: 'org:sykehuspartner', evidence: [{ quote: 'Samarbeider ikke på tvers' }] },
      ],
    });
    const attempt = loadSeedSet(db, broken);
    await expect(attempt).rejects.toBeInstanceOf(SeedValidationError);
    await expect(attempt).rejects.toThrow(`relationship rel:${id}-COLLABORATES_WITH-org:sykehuspartner: quote "Samarbeider ikke på tvers" is not verbatim`);
    expect(await entityExists(db, id)).toBe(false);
    expect(await countsFor(db, BROKEN_FILE)).toMatchObject({ labels: {}, types: {}, evidence: 0 });
    expect(await countsFor(db, GRAPH_FILE)).toEqual(before);
  });

  it('rolls back everything when the write fails half-way (a constraint breaks after entities were written)', async () => {
    await loadSeeds(db, SEEDS_DIR);
    const before = await countsFor(db, GRAPH_FILE);
    const person = `person:test-midway-${RUN}`;
    const org = `org:test-midway-${RUN}`;
    // Valid on its own, so validation passes; in the database the relationship id is already taken by the real
    // seed's ROLE_AT, so the uniqueness constraint fails on the last statement, after the entity upsert ran.
    const colliding = {
      metas: sources.metas,
      texts: sources.texts,
      graphs: [
        {
          name: BROKEN_FILE,
          content: stringify({
            document: DOC,
            entities: [
              { id: person, kind: 'PERSON', name: 'Midway', evidence: [{ quote: 'Samarbeider på tvers' }] },
              { id: org, kind: 'ORGANISATION', name: 'Midway AS', evidence: [{ quote: 'Samarbeider på tvers' }] },
            ],
            relationships: [
              {
                id: 'rel:person:gro-jaere-ROLE_AT-org:sykehuspartner',
                type: 'ROLE_AT',
                source: person,
                target: org,
                evidence: [{ quote: 'Samarbeider på tvers' }],
              },
            ],
          }),
        },
      ],
    };
    await expect(loadSeedSet(db, colliding)).rejects.toMatchObject({ code: 'Neo.ClientError.Schema.ConstraintValidationFailed' });
    expect(await entityExists(db, person)).toBe(false);
    expect(await entityExists(db, org)).toBe(false);
    expect(await countsFor(db, BROKEN_FILE)).toMatchObject({ labels: {}, types: {}, evidence: 0 });
    expect(await countsFor(db, GRAPH_FILE)).toEqual(before);
  });

  it('retires, on a load of the whole folder, what a seed file that has since been removed had written', async () => {
    const gone = `test-gone-${RUN}.graph.yaml`;
    const id = `topic:test-gone-${RUN}`;
    const quote = `Store investeringer`;
    await loadSeedSet(db, plus(sources, gone, { document: DOC, entities: [{ id, kind: 'TOPIC', name: id, evidence: [{ quote, supports: `gone${RUN}` }] }] }));
    expect(await entityExists(db, id)).toBe(true);
    expect((await countsFor(db, gone)).evidence).toBe(1);

    // The file is not in the folder: a folder load is the whole truth for seed data.
    await loadSeeds(db, SEEDS_DIR);
    expect(await entityExists(db, id)).toBe(false);
    expect(await countsFor(db, gone)).toMatchObject({ labels: {}, types: {}, evidence: 0 });
    expect(await countsFor(db, GRAPH_FILE)).toEqual(expectedCounts(set));
  });

  it('removes what an earlier version of a seed file had and the new version drops', async () => {
    const a = `topic:test-a-${RUN}`;
    const b = `topic:test-b-${RUN}`;
    const supports = `test${RUN}`;
    const topic = (id: string, quote: string, extra: object = {}) => ({ id, kind: 'TOPIC', name: id, evidence: [{ quote, ...extra }] });
    const v1 = {
      document: DOC,
      entities: [topic(a, 'Samarbeider på tvers'), topic(b, 'Store investeringer', { supports })],
      relationships: [{ type: 'HAS_CHARACTERISTIC', source: a, target: b, evidence: [{ quote: 'Store investeringer', supports }] }],
    };
    const realBefore = await countsFor(db, GRAPH_FILE);

    await loadSeedSet(db, plus(sources, STALE_FILE, v1));
    expect(await countsFor(db, STALE_FILE)).toEqual({ labels: { Entity: 2, Topic: 2 }, types: { HAS_CHARACTERISTIC: 1 }, evidence: 2, documents: 1 });

    await loadSeedSet(db, plus(sources, STALE_FILE, { ...v1, entities: [topic(a, 'Samarbeider på tvers')], relationships: [] }));
    expect(await entityExists(db, a)).toBe(true);
    expect(await entityExists(db, b)).toBe(false);
    expect(await countsFor(db, STALE_FILE)).toEqual({ labels: { Entity: 1, Topic: 1 }, types: {}, evidence: 1, documents: 1 });

    await loadSeedSet(db, plus(sources, STALE_FILE, { entities: [] }));
    expect(await entityExists(db, a)).toBe(false);
    expect(await countsFor(db, STALE_FILE)).toMatchObject({ labels: {}, types: {}, evidence: 0 });
    // The real seed shares the "Samarbeider på tvers" quote; it must survive the test file letting go of it.
    expect(await countsFor(db, GRAPH_FILE)).toEqual(realBefore);
    const shared = await db.read((tx) =>
      tx.run('MATCH (e:Evidence {quote: $quote, documentId: $doc}) RETURN e.seedFiles AS files', { quote: 'Samarbeider på tvers', doc: DOC }),
    );
    expect(shared.records).toHaveLength(1);
    expect(shared.records[0]?.get('files')).toContain(GRAPH_FILE);
    expect(shared.records[0]?.get('files')).not.toContain(STALE_FILE);
  });
});
