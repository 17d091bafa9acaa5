import type { Database } from '../db/driver.js';
import { defaultRelationshipId } from '../graph/ids.js';
import { describePath } from '../seed/validate.js';
import { writeGraph } from '../write/graph.js';
import { ProblemList } from '../write/problems.js';
import type { GraphChange, Progress, WriteReport, Writer } from '../write/types.js';
import { BundleSchema, type Bundle } from './format.js';

/** What an import did, per kind of item. */
export type BundleImportReport = Pick<WriteReport, 'documents' | 'entities' | 'relationships' | 'evidence'>;

/**
 * Checks a bundle's shape and turns it into one write; every problem is listed with its place (e.g.
 * `entities[3] (org:x).kind`). References to entities or documents already stored are checked by the write.
 */
export function bundleChange(bundle: unknown): GraphChange {
  const problems = new ProblemList();
  const parsed = BundleSchema.safeParse(bundle ?? {});
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.add('BAD_INPUT', describePath(bundle, issue.path), issue.message);
    problems.throwIfAny();
  }
  const data: Bundle = parsed.data!;
  const seen = new Map<string, string>();
  const unique = (id: string, place: string): void => {
    const other = seen.get(id);
    if (other !== undefined) problems.add('BAD_INPUT', place, `duplicate id ${id} (also at ${other})`);
    else seen.set(id, place);
  };
  data.documents.forEach((d, i) => unique(d.id, `documents[${i}]`));
  const evidenceOf = (place: string, items: Bundle['entities'][number]['evidence']) =>
    items.flatMap((ev, i) => {
      const documentId = ev.document ?? data.document;
      if (documentId === undefined) {
        problems.add('BAD_INPUT', `${place}.evidence[${i}].document`, 'names no document (set "document" on the bundle or the quote)');
        return [];
      }
      return [{ documentId, quote: ev.quote, start: ev.start ?? null, supports: ev.supports ?? null }];
    });
  const entities = data.entities.map((e, i) => {
    const place = `entities[${i}] (${e.id})`;
    unique(e.id, place);
    return {
      id: e.id,
      kind: e.kind,
      name: e.name,
      aliases: e.aliases,
      description: e.description ?? null,
      properties: e.properties,
      evidence: evidenceOf(place, e.evidence),
      place,
    };
  });
  const relationships = data.relationships.map((r, i) => {
    const id = r.id ?? defaultRelationshipId(r);
    const place = `relationships[${i}] (${id})`;
    unique(id, place);
    return { id, type: r.type, source: r.source, target: r.target, title: r.title ?? null, evidence: evidenceOf(place, r.evidence), place };
  });
  problems.throwIfAny();
  return {
    documents: data.documents.map((d) => ({
      id: d.id,
      title: d.title,
      text: d.text.replace(/^\uFEFF/, ''),
      publishedAt: d.publishedAt ?? null,
      source: d.source ?? null,
      language: d.language ?? null,
    })),
    entities,
    relationships,
  };
}

/**
 * Imports one bundle through the write path, atomically: it is checked whole (shape first, then references and
 * quotes against the store) and written in one transaction, or nothing is written. Importing it again finds
 * everything unchanged.
 */
export async function importBundle(db: Database, bundle: unknown, options: { origin: string; progress?: Progress }): Promise<BundleImportReport> {
  const change = bundleChange(bundle);
  const writer: Writer = { source: options.origin, at: new Date().toISOString() };
  const report = await db.write((tx) => writeGraph(tx, change, writer, { fields: 'patch', retype: false, evidence: 'add' }, options.progress));
  return { documents: report.documents, entities: report.entities, relationships: report.relationships, evidence: report.evidence };
}

