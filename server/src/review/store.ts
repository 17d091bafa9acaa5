import { createHash } from 'node:crypto';
import type { ManagedTransaction } from 'neo4j-driver';
import type { Database } from '../db/driver.js';
import { DOCUMENT_ID_PATTERN, MAX_ID_LENGTH, documentIdFor } from '../graph/ids.js';
import { prepareImport, type ImportDocumentInput, type Proposal } from '../import/index.js';
import { sentenceSpan, splitSentences } from '../import/sentences.js';
import { int, rows } from '../write/cypher.js';
import { writeGraph } from '../write/graph.js';
import { WriteRejected } from '../write/problems.js';
import type { Writer } from '../write/types.js';
import { currentGazetteer } from './gazetteer-cache.js';

/** An article to import: the engine's input plus the id to store it under (made from title and text if absent). */
export interface ArticleInput extends ImportDocumentInput {
  id?: string | null;
}

export interface ImportOutcome {
  documentId: string;
  /** True when the same text had been imported before and nothing was written. */
  unchanged: boolean;
  mentions: number;
  proposals: number;
}

/** Proposal ids are stable per document and key, so a re-import of a changed text keeps a proposal's id. */
export function proposalIdFor(documentId: string, key: string): string {
  return `prop:${createHash('sha256').update(`${documentId}\u0000${key}`).digest('hex').slice(0, 24)}`;
}

/**
 * Imports an article: checks and extracts it (IntakeError on bad input, before any write), then in ONE
 * transaction stores the document through the write path, replaces its mentions and pending proposals, and
 * stores the new ones, leaving out keys that were rejected anywhere or already reviewed for this document. A
 * failure anywhere rolls all of it back: never a half-written document or a proposal pointing at nothing.
 */
export async function importArticle(db: Database, input: ArticleInput, writer: Writer): Promise<ImportOutcome> {
  const id = input.id?.trim() || null;
  if (id !== null && (!DOCUMENT_ID_PATTERN.test(id) || id.length > MAX_ID_LENGTH)) {
    throw new WriteRejected([{ kind: 'BAD_INPUT', place: 'input.id', message: 'must look like doc:some-name (letters, digits, . _ -)' }]);
  }
  const prepared = prepareImport(input, await currentGazetteer(db));
  const { document, result } = prepared;
  return db.write(async (tx) => {
    const same = await rows(
      tx,
      `MATCH (d:Document {contentHash: $hash}) WHERE d.importHash = $hash AND ($id IS NULL OR d.id = $id)
RETURN d.id AS id ORDER BY d.id LIMIT 1`,
      { hash: document.contentHash, id },
    );
    if (same[0]) {
      const documentId = String(same[0].id);
      const counts = await rows(
        tx,
        'RETURN COUNT { MATCH (m:Mention {documentId: $id}) } AS mentions, COUNT { MATCH (p:Proposal {documentId: $id}) } AS proposals',
        { id: documentId },
      );
      return { documentId, unchanged: true, mentions: Number(counts[0]?.mentions), proposals: Number(counts[0]?.proposals) };
    }
    const documentId = id ?? (await documentOfSource(tx, document.source)) ?? documentIdFor(document.title, document.text);
    await writeGraph(
      tx,
      {
        documents: [
          { id: documentId, title: document.title, text: document.text, publishedAt: document.publishedAt, source: document.source, language: document.language },
        ],
        entities: [],
        relationships: [],
      },
      writer,
      { fields: 'patch', retype: false, evidence: 'add' },
    );
    await tx.run('MATCH (d:Document {id: $id}) SET d.importHash = $hash, d.importedAt = $at, d.importedBy = $by', {
      id: documentId,
      hash: document.contentHash,
      at: writer.at,
      by: writer.source,
    });
    await tx.run('MATCH (m:Mention {documentId: $id}) DELETE m', { id: documentId });
    await tx.run("MATCH (p:Proposal {documentId: $id}) WHERE p.status = 'PENDING' DELETE p", { id: documentId });
    const proposals = await freshProposals(tx, documentId, result.proposals);
    await tx.run(
      `UNWIND $rows AS row CREATE (m:Mention) SET m = row`,
      { rows: result.mentions.map((m) => ({ documentId, entityId: m.entityId, quote: m.quote, start: int(m.start), end: int(m.end) })) },
    );
    const sentences = splitSentences(document.text);
    await tx.run('UNWIND $rows AS row CREATE (p:Proposal) SET p = row', {
      rows: proposals.map((p) => proposalRow(documentId, p, sentences, document.text, writer)),
    });
    return { documentId, unchanged: false, mentions: result.mentions.length, proposals: proposals.length };
  });
}

/** The stored document a new version of `source` replaces, when one was imported from that source before. */
async function documentOfSource(tx: ManagedTransaction, source: string | null): Promise<string | null> {
  if (source === null) return null;
  const found = await rows(tx, 'MATCH (d:Document {source: $source}) RETURN d.id AS id ORDER BY d.id LIMIT 1', { source });
  return found[0] ? String(found[0].id) : null;
}

/** One proposal per key (the most confident), without keys rejected anywhere or already reviewed for this document. */
async function freshProposals(tx: ManagedTransaction, documentId: string, proposals: readonly Proposal[]): Promise<Proposal[]> {
  const best = new Map<string, Proposal>();
  for (const p of proposals) {
    const seen = best.get(p.key);
    if (!seen || p.confidence > seen.confidence) best.set(p.key, p);
  }
  const keys = [...best.keys()];
  const rejected = await rows(tx, 'UNWIND $keys AS key MATCH (r:RejectedProposal {key: key}) RETURN key', { keys });
  // Reviewed proposals of this document survive the delete of pending ones; their id comes from document and key.
  const reviewed = await rows(tx, 'UNWIND $ids AS id MATCH (p:Proposal {id: id}) RETURN p.key AS key', {
    ids: keys.map((key) => proposalIdFor(documentId, key)),
  });
  const skip = new Set([...rejected, ...reviewed].map((row) => String(row.key)));
  return [...best.values()].filter((p) => !skip.has(p.key)).sort((a, b) => a.start - b.start || a.end - b.end);
}

function proposalRow(
  documentId: string,
  p: Proposal,
  sentences: ReturnType<typeof splitSentences>,
  text: string,
  writer: Writer,
): Record<string, unknown> {
  const span = sentenceSpan(sentences, p.start, p.end);
  const row: Record<string, unknown> = {
    id: proposalIdFor(documentId, p.key),
    key: p.key,
    documentId,
    kind: p.kind,
    status: 'PENDING',
    entityKind: p.entityKind,
    name: p.name,
    type: p.type,
    fromName: p.from?.name,
    fromEntityId: p.from?.entityId ?? undefined,
    toName: p.to?.name,
    toEntityId: p.to?.entityId ?? undefined,
    title: p.title,
    confidence: p.confidence,
    quote: p.quote,
    start: int(p.start),
    end: int(p.end),
    context: text.slice(span.start, span.end),
    contextStart: int(span.start),
    validFrom: p.validFrom,
    validTo: p.validTo,
    duplicateOf: p.duplicateOf,
    createdAt: writer.at,
    createdBy: writer.source,
  };
  // Absent, not null: `SET p = row` would fail on nothing, but absent properties keep nodes small and uniform.
  for (const [key, value] of Object.entries(row)) if (value === undefined || value === null) delete row[key];
  return row;
}
