import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../test/harness.js';
import { MAX_SELECTION, parseExportRequest } from './selection.js';
import { prepareExport, streamExport } from './stream.js';

// Opt-in (KGX_EXPORT_SCALE=<entities>): a generated graph, exported whole in every format, with time and heap
// printed. It writes and then removes run-tagged data, so it runs only when asked.
const SIZE = Number(process.env.KGX_EXPORT_SCALE ?? 0);
const RUN = randomUUID().slice(0, 8);
const db = testDatabase();
const idOf = (i: number) => `org:scale-${i}-${RUN}`;

describe.runIf(SIZE > 0)(`export of ${SIZE} generated entities`, () => {
  beforeAll(async () => {
    const started = Date.now();
    await db.write((tx) => tx.run(`CREATE (:Document {id: $doc, title: 'Scale', text: 'x', publishedAt: '2020-06'})`, { doc: `doc:scale-${RUN}` }));
    for (let at = 0; at < SIZE; at += 5_000) {
      const ids = Array.from({ length: Math.min(5_000, SIZE - at) }, (_, k) => at + k);
      await db.write((tx) =>
        tx.run(
          `UNWIND $ids AS x WITH toInteger(x) AS i
CREATE (n:Entity:Organisation {id: 'org:scale-' + i + '-' + $run, kind: 'ORGANISATION', name: 'Scale <' + i + '> & co', aliases: ['S' + i], degree: 2})
CREATE (:Evidence {id: 'ev:scale-' + i + '-' + $run, factId: n.id, factType: 'entity', documentId: $doc, quote: 'quote "' + i + '"', start: 0, end: 1})`,
          { ids, run: RUN, doc: `doc:scale-${RUN}` },
        ),
      );
    }
    for (let at = 0; at < SIZE; at += 5_000) {
      const ids = Array.from({ length: Math.min(5_000, SIZE - at) }, (_, k) => at + k);
      await db.write((tx) =>
        tx.run(
          `UNWIND $ids AS x WITH toInteger(x) AS i
MATCH (a:Entity {id: 'org:scale-' + i + '-' + $run}), (b:Entity {id: 'org:scale-' + ((i * 7919 + 1) % toInteger($n)) + '-' + $run})
CREATE (a)-[:COLLABORATES_WITH {id: 'rel:scale-' + i + '-' + $run}]->(b)`,
          { ids, run: RUN, n: SIZE },
        ),
      );
    }
    console.log(`generated ${SIZE} entities and relationships in ${Date.now() - started} ms`);
  }, 600_000);

  afterAll(async () => {
    for (;;) {
      const result = await db.write((tx) => tx.run('MATCH (n:Entity) WHERE n.id STARTS WITH "org:scale-" AND n.id ENDS WITH $run WITH n LIMIT 5000 DETACH DELETE n RETURN count(*) AS c', { run: RUN }));
      if (Number(result.records[0]?.get('c')) === 0) break;
    }
    await db.write((tx) => tx.run('MATCH (e:Evidence {documentId: $doc}) DELETE e', { doc: `doc:scale-${RUN}` }));
    await db.write((tx) => tx.run('MATCH (d:Document {id: $doc}) DELETE d', { doc: `doc:scale-${RUN}` }));
    await db.close();
  }, 600_000);

  it.each(['format=gexf', 'format=graphml', 'format=csv&part=edges', 'format=cytoscape'])('%s streams every entity once', async (query) => {
    const prepared = await prepareExport(db, parseExportRequest(new URLSearchParams(query)));
    const heapBefore = process.memoryUsage().heapUsed;
    let peak = heapBefore;
    let bytes = 0;
    let generated = 0;
    const started = Date.now();
    await streamExport(db, prepared, async (chunk) => {
      bytes += chunk.length;
      generated += chunk.match(/org:scale-\d+-/g)?.length ?? 0;
      peak = Math.max(peak, process.memoryUsage().heapUsed);
    });
    console.log(`${query}: ${(bytes / 1e6).toFixed(1)} MB in ${Date.now() - started} ms, heap peak +${((peak - heapBefore) / 1e6).toFixed(1)} MB`);
    expect(generated).toBeGreaterThanOrEqual(SIZE);
  }, 600_000);

  it('resolves a depth-3 selection', async () => {
    const started = Date.now();
    await expect(prepareExport(db, parseExportRequest(new URLSearchParams(`format=gexf&ids=${idOf(0)}&depth=3`)))).resolves.toBeDefined();
    const deep = Date.now() - started;
    console.log(`depth-3 selection from one entity: ${deep} ms (cap ${MAX_SELECTION})`);
  }, 120_000);
});
