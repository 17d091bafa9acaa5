/**
 * The naive baseline of the import benchmark: one MERGE per row, each in its own transaction, as a script
 * written without thought for batching would do, writing what the project's model stores (documents, entities with
 * folded search names, relationships, one Evidence node per quote keyed to its fact). It keeps no stored degree up
 * to date, so it does less than the real import. Run on a sample with renamed ids (suffix `-nv`), timed per kind
 * of row, then removed again, so it neither touches the benchmark graph nor takes hours at M.
 */
import neo4j from 'neo4j-driver';
import type { Database } from '../../server/src/db/driver.js';
import { KIND_LABEL, checkedRelationshipType, type EntityKindName } from '../../server/src/graph/model.js';
import { fold } from '../gen/fold.js';
import type { Bundle, BundleEvidence } from '../generate.js';

/** The bundle with every id renamed, so the sample lands next to (not onto) the real graph. */
export function renamed(bundle: Bundle, suffix = '-nv'): Bundle {
  const id = (value: string): string => value + suffix;
  const ev = (items: BundleEvidence[]) => items.map((e) => ({ ...e, ...(e.document ? { document: id(e.document) } : {}) }));
  return {
    documents: bundle.documents.map((d) => ({ ...d, id: id(d.id) })),
    document: id(bundle.document),
    entities: bundle.entities.map((e) => ({ ...e, id: id(e.id), evidence: ev(e.evidence) })),
    relationships: bundle.relationships.map((r) => ({ ...r, id: id(r.id), source: id(r.source), target: id(r.target), evidence: ev(r.evidence) })),
  };
}

/** `entities` entities of a bundle (from `offset`), the relationships among them and the documents their quotes need. */
export function sample(bundle: Bundle, entities: number, offset = 0): Bundle {
  const kept = bundle.entities.slice(offset, offset + entities);
  const ids = new Set(kept.map((e) => e.id));
  const relationships = bundle.relationships.filter((r) => ids.has(r.source) && ids.has(r.target));
  const needed = new Set([...kept, ...relationships].flatMap((item) => item.evidence.map((ev) => ev.document ?? bundle.document)));
  return { documents: bundle.documents.filter((d) => needed.has(d.id)), document: bundle.document, entities: kept, relationships };
}

interface EvidenceRow {
  id: string;
  factId: string;
  documentId: string;
  quote: string;
  start: unknown;
  end: unknown;
}

/** One row per document, quote, entity and relationship; throws when a quote is not verbatim. */
export function bundleRows(bundle: Bundle) {
  const texts = new Map(bundle.documents.map((d) => [d.id, d.text]));
  const evidence: EvidenceRow[] = [];
  const quotes = (factId: string, items: BundleEvidence[]): void => {
    for (const ev of items) {
      const documentId = ev.document ?? bundle.document;
      const text = texts.get(documentId) ?? '';
      const start = ev.start ?? text.indexOf(ev.quote);
      if (start < 0 || text.slice(start, start + ev.quote.length) !== ev.quote) throw new Error(`quote not verbatim in ${documentId}: ${ev.quote}`);
      const end = start + ev.quote.length;
      evidence.push({ id: `ev:${factId}:${documentId}:${start}-${end}`, factId, documentId, quote: ev.quote, start: neo4j.int(start), end: neo4j.int(end) });
    }
  };
  const entities = bundle.entities.map((e) => {
    quotes(e.id, e.evidence);
    const props: Record<string, unknown> = { id: e.id, kind: e.kind, name: e.name, aliases: e.aliases, searchNames: [...new Set([e.name, ...e.aliases].map(fold))] };
    for (const key of ['description', 'fullName', 'when'] as const) if (e[key] !== undefined) props[key] = e[key];
    return { id: e.id, kind: e.kind as EntityKindName, props };
  });
  const relationships = bundle.relationships.map((r) => {
    quotes(r.id, r.evidence);
    return { id: r.id, type: r.type, source: r.source, target: r.target, props: { id: r.id, ...(r.title ? { title: r.title } : {}) } };
  });
  const documents = bundle.documents.map((d) => ({ id: d.id, props: { ...d } }));
  return { documents, evidence, entities, relationships };
}

/** Rows written and milliseconds spent, per kind of row. */
export interface NaiveTimings {
  documents: { rows: number; ms: number };
  evidence: { rows: number; ms: number };
  entities: { rows: number; ms: number };
  relationships: { rows: number; ms: number };
}

/** Writes `bundle` row by row, a transaction each, timing each kind of row; then deletes it again. */
export async function naiveImport(db: Database, original: Bundle, suffix = '-nv'): Promise<NaiveTimings> {
  const rows = bundleRows(renamed(original, suffix));
  const timed = async <T>(items: T[], write: (item: T) => Promise<unknown>): Promise<{ rows: number; ms: number }> => {
    const t0 = performance.now();
    for (const item of items) await write(item);
    return { rows: items.length, ms: performance.now() - t0 };
  };
  const documents = await timed(rows.documents, (d) => db.write((tx) => tx.run('MERGE (d:Document {id: $id}) SET d += $props', d)));
  const entities = await timed(rows.entities, (e) => db.write((tx) => tx.run(`MERGE (n:Entity {id: $id}) SET n += $props SET n:${KIND_LABEL[e.kind]}`, e)));
  const relationships = await timed(rows.relationships, (r) =>
    db.write((tx) =>
      tx.run(`MATCH (a:Entity {id: $source}) MATCH (b:Entity {id: $target}) MERGE (a)-[r:${checkedRelationshipType(r.type)} {id: $id}]->(b) SET r += $props`, r),
    ),
  );
  const evidence = await timed(rows.evidence, (e) =>
    db.write((tx) =>
      tx.run('MERGE (e:Evidence {id: $id}) SET e.factId = $factId, e.documentId = $documentId, e.quote = $quote, e.start = $start, e.end = $end', e),
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
