/**
 * The naive baseline of the import benchmark: one MERGE per row, each in its own transaction, as a script
 * written without thought for batching would do. Run on a sample with renamed ids (suffix `-nv`), timed, then
 * removed again, so it neither touches the benchmark graph nor takes hours at M.
 */
import type { Database } from '../../server/src/db/driver.js';
import { KIND_LABEL, checkedRelationshipType } from '../../server/src/graph/model.js';
import type { Bundle } from '../generate.js';
import { bundleRows } from './interim-import.js';

const SUFFIX = '-nv';

/** The bundle with every id renamed, so the sample lands next to (not onto) the real graph. */
export function renamed(bundle: Bundle): Bundle {
  const id = (value: string): string => value + SUFFIX;
  const ev = (items: Bundle['entities'][number]['evidence']) => items.map((e) => ({ ...e, ...(e.document ? { document: id(e.document) } : {}) }));
  return {
    documents: bundle.documents.map((d) => ({ ...d, id: id(d.id) })),
    document: id(bundle.document),
    entities: bundle.entities.map((e) => ({ ...e, id: id(e.id), evidence: ev(e.evidence) })),
    relationships: bundle.relationships.map((r) => ({ ...r, id: id(r.id), source: id(r.source), target: id(r.target), evidence: ev(r.evidence) })),
  };
}

/** The first `entities` entities of a bundle, the relationships among them and the documents their quotes need. */
export function sample(bundle: Bundle, entities: number): Bundle {
  const kept = bundle.entities.slice(0, entities);
  const ids = new Set(kept.map((e) => e.id));
  const relationships = bundle.relationships.filter((r) => ids.has(r.source) && ids.has(r.target));
  const needed = new Set([...kept, ...relationships].flatMap((item) => item.evidence.map((ev) => ev.document ?? bundle.document)));
  return { documents: bundle.documents.filter((d) => needed.has(d.id)), document: bundle.document, entities: kept, relationships };
}

/** Rows written and milliseconds spent, per kind of row. */
export interface NaiveTimings {
  documents: { rows: number; ms: number };
  evidence: { rows: number; ms: number };
  entities: { rows: number; ms: number };
  relationships: { rows: number; ms: number };
}

/** Writes `bundle` row by row, a transaction each, timing each kind of row; then deletes it again. */
export async function naiveImport(db: Database, original: Bundle): Promise<NaiveTimings> {
  const rows = bundleRows(renamed(original));
  const timed = async <T>(items: T[], write: (item: T) => Promise<unknown>): Promise<{ rows: number; ms: number }> => {
    const t0 = performance.now();
    for (const item of items) await write(item);
    return { rows: items.length, ms: performance.now() - t0 };
  };
  const documents = await timed(rows.documents, (d) => db.write((tx) => tx.run('MERGE (d:Document {id: $id}) SET d += $props', d)));
  const evidence = await timed(rows.evidence, (e) =>
    db.write((tx) => tx.run('MERGE (e:Evidence {id: $id}) SET e.documentId = $documentId, e.quote = $quote, e.start = $start, e.end = $end', e)),
  );
  const entities = await timed(rows.entities, (e) => db.write((tx) => tx.run(`MERGE (n:Entity {id: $id}) SET n += $props SET n:${KIND_LABEL[e.kind]}`, e)));
  const relationships = await timed(rows.relationships, (r) =>
    db.write((tx) =>
      tx.run(`MATCH (a:Entity {id: $source}) MATCH (b:Entity {id: $target}) MERGE (a)-[r:${checkedRelationshipType(r.type)} {id: $id}]->(b) SET r += $props`, r),
    ),
  );
  await db.write(async (tx) => {
    await tx.run('UNWIND $ids AS id MATCH (n:Entity {id: id}) DETACH DELETE n', { ids: rows.entities.map((e) => e.id) });
    await tx.run('UNWIND $ids AS id MATCH (n:Evidence {id: id}) DETACH DELETE n', { ids: rows.evidence.map((e) => e.id) });
    await tx.run('UNWIND $ids AS id MATCH (n:Document {id: id}) DETACH DELETE n', { ids: rows.documents.map((d) => d.id) });
  });
  return { documents, evidence, entities, relationships };
}

/** Seconds the naive loader would need for a whole graph of these row counts, at the sample's cost per row. */
export function naiveSecondsFor(timings: NaiveTimings, counts: { documents: number; evidence: number; entities: number; relationships: number }): number {
  const perRow = (t: { rows: number; ms: number }): number => (t.rows > 0 ? t.ms / t.rows : 0);
  return (
    (counts.documents * perRow(timings.documents) +
      counts.evidence * perRow(timings.evidence) +
      counts.entities * perRow(timings.entities) +
      counts.relationships * perRow(timings.relationships)) /
    1000
  );
}
