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

/** Writes `bundle` row by row, a transaction each; returns the elapsed milliseconds and then deletes it again. */
export async function naiveImport(db: Database, original: Bundle): Promise<{ ms: number; entities: number; relationships: number }> {
  const rows = bundleRows(renamed(original));
  const t0 = performance.now();
  for (const d of rows.documents) await db.write((tx) => tx.run('MERGE (d:Document {id: $id}) SET d += $props', d));
  for (const e of rows.evidence) {
    await db.write((tx) => tx.run('MERGE (e:Evidence {id: $id}) SET e.documentId = $documentId, e.quote = $quote, e.start = $start, e.end = $end', e));
  }
  for (const e of rows.entities) {
    await db.write((tx) => tx.run(`MERGE (n:Entity {id: $id}) SET n += $props SET n:${KIND_LABEL[e.kind]}`, e));
  }
  for (const r of rows.relationships) {
    await db.write((tx) =>
      tx.run(`MATCH (a:Entity {id: $source}) MATCH (b:Entity {id: $target}) MERGE (a)-[r:${checkedRelationshipType(r.type)} {id: $id}]->(b) SET r += $props`, r),
    );
  }
  const ms = performance.now() - t0;
  await db.write(async (tx) => {
    await tx.run('UNWIND $ids AS id MATCH (n:Entity {id: id}) DETACH DELETE n', { ids: rows.entities.map((e) => e.id) });
    await tx.run('UNWIND $ids AS id MATCH (n:Evidence {id: id}) DETACH DELETE n', { ids: rows.evidence.map((e) => e.id) });
    await tx.run('UNWIND $ids AS id MATCH (n:Document {id: id}) DETACH DELETE n', { ids: rows.documents.map((d) => d.id) });
  });
  return { ms, entities: rows.entities.length, relationships: rows.relationships.length };
}
