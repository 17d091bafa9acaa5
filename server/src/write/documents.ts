import type { ManagedTransaction } from 'neo4j-driver';
import { contentHash } from '../graph/ids.js';
import { rows } from './cypher.js';
import type { ProblemList } from './problems.js';
import { emptyCounts, type Counts, type DocumentWrite, type Writer } from './types.js';

const DOCUMENT_FIELDS = ['title', 'text', 'publishedAt', 'source', 'language'] as const;

/**
 * Writes documents. A text change is refused when it would move a stored quote: evidence offsets point into
 * the text, so the quotes must still sit where they are.
 */
export async function writeDocuments(
  tx: ManagedTransaction,
  documents: readonly DocumentWrite[],
  writer: Writer,
  problems: ProblemList,
): Promise<{ counts: Counts; redated: string[] }> {
  const counts = emptyCounts();
  const redated: string[] = [];
  if (documents.length === 0) return { counts, redated };
  const stored = new Map(
    (
      await rows(tx, 'UNWIND $ids AS id MATCH (d:Document {id: id}) RETURN d { .id, .title, .text, .publishedAt, .source, .language } AS d', {
        ids: documents.map((d) => d.id),
      })
    ).map((row) => {
      const d = row.d as Record<string, unknown>;
      return [String(d.id), d];
    }),
  );
  const changed: DocumentWrite[] = [];
  const textChanged: DocumentWrite[] = [];
  for (const document of documents) {
    const old = stored.get(document.id);
    if (!old) {
      counts.created += 1;
      changed.push(document);
    } else if (DOCUMENT_FIELDS.some((field) => (old[field] ?? null) !== document[field])) {
      counts.updated += 1;
      changed.push(document);
      if (old.text !== document.text) textChanged.push(document);
      if ((old.publishedAt ?? null) !== document.publishedAt) redated.push(document.id);
    } else {
      counts.unchanged += 1;
    }
  }
  // Lock first, so a concurrent write pinning quotes against the old text (documentTexts) either committed before
  // these quotes are read, or reads the new text after this commits: never a quote left off its text.
  await lockDocuments(tx, textChanged.map((d) => d.id));
  for (const document of textChanged) {
    const quotes = await rows(tx, 'MATCH (e:Evidence {documentId: $id}) RETURN e.start AS start, e.end AS end, e.quote AS quote', {
      id: document.id,
    });
    const moved = quotes.filter((q) => document.text.slice(Number(q.start), Number(q.end)) !== q.quote);
    if (moved.length > 0) {
      problems.add(
        'CONFLICT',
        `document ${document.id}`,
        `the new text would move ${moved.length} stored quote(s) (e.g. ${JSON.stringify(String(moved[0]?.quote).slice(0, 60))}); quotes must stay verbatim at their offsets`,
      );
    }
  }
  if (changed.length > 0 && problems.items.length === 0) {
    await tx.run(
      `UNWIND $rows AS row
MERGE (d:Document {id: row.id})
ON CREATE SET d.createdAt = $at, d.createdBy = $by
SET d += row.props, d.updatedAt = $at, d.updatedBy = $by`,
      {
        at: writer.at,
        by: writer.source,
        rows: changed.map((d) => ({
          id: d.id,
          props: { title: d.title, text: d.text, publishedAt: d.publishedAt, source: d.source, language: d.language, contentHash: contentHash(d.text) },
        })),
      },
    );
  }
  return { counts, redated };
}

/**
 * Takes the write lock of these documents (in id order, so two writers never wait on each other crosswise) until
 * the transaction ends. Quotes are pinned to offsets in a text, and a text change is checked against the stored
 * quotes: both hold the lock, so neither reads a state the other is about to change.
 */
async function lockDocuments(tx: ManagedTransaction, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await tx.run('UNWIND $ids AS id MATCH (d:Document {id: id}) SET d.writeLock = true REMOVE d.writeLock', { ids: [...new Set(ids)].sort() });
}

/** Texts of the documents quotes point into (locked until the transaction ends): those being written, else the stored ones. */
export async function documentTexts(
  tx: ManagedTransaction,
  ids: readonly string[],
  incoming: readonly DocumentWrite[],
): Promise<Map<string, string>> {
  await lockDocuments(tx, ids);
  const texts = new Map(incoming.map((d) => [d.id, d.text]));
  const missing = [...new Set(ids)].filter((id) => !texts.has(id));
  if (missing.length > 0) {
    for (const row of await rows(tx, 'UNWIND $ids AS id MATCH (d:Document {id: id}) RETURN d.id AS id, d.text AS text', { ids: missing })) {
      texts.set(String(row.id), String(row.text));
    }
  }
  return texts;
}
