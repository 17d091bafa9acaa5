/**
 * A stand-in for the project's bundle import (`server/src/bundle/import.ts`, being written on another branch),
 * so the harness can load graphs before that lands. It writes the storage model main has today (Evidence nodes
 * referenced by `evidenceIds`, folded `searchNames`, one label per kind) in UNWIND batches, one transaction per
 * bundle, which is what the real import is specified to do. The adapter in bench/load.ts prefers the real one.
 */
import neo4j from 'neo4j-driver';
import type { Database } from '../../server/src/db/driver.js';
import { ENTITY_KINDS, KIND_LABEL, checkedRelationshipType, labelForKind } from '../../server/src/graph/model.js';
import { fold } from '../gen/fold.js';
import type { Bundle, BundleEvidence } from '../generate.js';

// Self-contained on purpose: the stand-in must keep compiling while the server's modules move under it.
const evidenceId = (documentId: string, start: number, end: number): string => `ev:${documentId}:${start}-${end}`;
const searchNames = (name: string, aliases: readonly string[]): string[] => [...new Set([name, ...aliases].map(fold))];

/** The quote's span: at `start` when given (and checked), else its only occurrence. */
function locate(text: string, quote: string, start: number | undefined): { start: number; end: number } {
  const at = start ?? text.indexOf(quote);
  if (at < 0 || text.slice(at, at + quote.length) !== quote) throw new Error('not verbatim');
  if (start === undefined && text.indexOf(quote, at + 1) !== -1) throw new Error('ambiguous without start');
  return { start: at, end: at + quote.length };
}

export interface ImportCounts {
  documents: number;
  entities: number;
  relationships: number;
  evidence: number;
}

/** Rows of one bundle in the current storage model; throws when a quote is not verbatim. */
export function bundleRows(bundle: Bundle) {
  const texts = new Map(bundle.documents.map((d) => [d.id, d.text]));
  const evidence = new Map<string, { id: string; documentId: string; quote: string; start: unknown; end: unknown }>();
  const resolve = (items: BundleEvidence[]): string[] =>
    items.map((ev) => {
      const documentId = ev.document ?? bundle.document;
      const text = texts.get(documentId);
      if (text === undefined) throw new Error(`evidence names unknown document ${documentId}`);
      let span: { start: number; end: number };
      try {
        span = locate(text, ev.quote, ev.start);
      } catch (error) {
        throw new Error(`quote ${(error as Error).message} in ${documentId}: ${ev.quote}`);
      }
      const id = evidenceId(documentId, span.start, span.end);
      evidence.set(id, { id, documentId, quote: ev.quote, start: neo4j.int(span.start), end: neo4j.int(span.end) });
      return id;
    });
  const entities = bundle.entities.map((e) => ({
    id: e.id,
    kind: e.kind,
    props: withoutNulls({
      id: e.id,
      kind: e.kind,
      name: e.name,
      aliases: e.aliases,
      searchNames: searchNames(e.name, e.aliases),
      description: e.description,
      fullName: e.fullName,
      when: e.when,
      evidenceIds: resolve(e.evidence),
    }),
  }));
  const relationships = bundle.relationships.map((r) => ({
    id: r.id,
    type: r.type,
    source: r.source,
    target: r.target,
    props: withoutNulls({ id: r.id, title: r.title, evidenceIds: resolve(r.evidence) }),
  }));
  const documents = bundle.documents.map((d) => ({ id: d.id, props: { ...d } }));
  return { documents, evidence: [...evidence.values()], entities, relationships };
}

/** Writes one bundle in one transaction with one UNWIND per label and relationship type. */
export async function interimImportBundle(db: Database, bundle: Bundle): Promise<ImportCounts> {
  const rows = bundleRows(bundle);
  await db.write(async (tx) => {
    await tx.run('UNWIND $rows AS row MERGE (d:Document {id: row.id}) SET d += row.props', { rows: rows.documents });
    await tx.run(
      'UNWIND $rows AS row MERGE (e:Evidence {id: row.id}) SET e.documentId = row.documentId, e.quote = row.quote, e.start = row.start, e.end = row.end',
      { rows: rows.evidence },
    );
    for (const kind of ENTITY_KINDS) {
      const batch = rows.entities.filter((e) => e.kind === kind);
      if (batch.length === 0) continue;
      const others = ENTITY_KINDS.filter((k) => k !== kind).map((k) => `:${KIND_LABEL[k]}`).join('');
      await tx.run(`UNWIND $rows AS row MERGE (n:Entity {id: row.id}) SET n += row.props REMOVE n${others} SET n:${labelForKind(kind)}`, { rows: batch });
    }
    const types = [...new Set(rows.relationships.map((r) => r.type))].sort();
    for (const type of types) {
      const batch = rows.relationships.filter((r) => r.type === type);
      await tx.run(
        `UNWIND $rows AS row
MATCH (a:Entity {id: row.source})
MATCH (b:Entity {id: row.target})
MERGE (a)-[r:${checkedRelationshipType(type)} {id: row.id}]->(b)
SET r += row.props`,
        { rows: batch },
      );
    }
  });
  return { documents: rows.documents.length, entities: rows.entities.length, relationships: rows.relationships.length, evidence: rows.evidence.length };
}

function withoutNulls(props: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(props).filter(([, value]) => value !== null && value !== undefined));
}
