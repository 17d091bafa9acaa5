import neo4j from 'neo4j-driver';
import type { CypherQuery, Database } from '../db/driver.js';
import type { CursorKey } from '../graph/cursor.js';
import { toEvidenceRecord, type EvidenceRecord } from '../graph/provenance.js';

/** Where a mention of a document comes from: a stored quote (Evidence) or the article import's entity finder (Mention). */
export type MentionSourceName = 'EVIDENCE' | 'IMPORT';

/** One quote of a document and what it is about. */
export interface DocumentMentionRecord {
  /** Its place in the order after `start`: the quote's id, or a key made from an import mention's entity and span. */
  key: string;
  source: MentionSourceName;
  quote: string;
  start: number;
  end: number;
  /** The entity it is about; null for a quote supporting a relationship. */
  entityId: string | null;
  relationshipId: string | null;
  evidence: EvidenceRecord | null;
}

/** Arguments of a page of a document's mentions: the cursor holds (start, key) of the last one seen. */
export interface MentionPageArgs {
  first: number;
  after: CursorKey | null;
}

/** The keyset cursor key of a mention. */
export const mentionCursorKey = (mention: DocumentMentionRecord): CursorKey => [mention.start, mention.key];

/**
 * A page of each document's mentions in text order (start, then key), after the cursor: the stored quotes
 * (Evidence) and the known entities the article import found named (Mention), both looked up by their
 * `documentId` index. Only one document's quotes are sorted, never the graph's; whether a quote supports an
 * entity or a relationship is looked up for the page's quotes only. The total is counted off the same indexes.
 */
export function documentMentionsQuery(args: MentionPageArgs & { ids: readonly string[] }): CypherQuery {
  return {
    cypher: `UNWIND $ids AS documentId
CALL (documentId) {
  CALL (documentId) {
    MATCH (e:Evidence {documentId: documentId})
    WHERE e.start >= $afterStart AND (e.start > $afterStart OR e.id > $afterKey)
    RETURN e.start AS start, e.id AS key, 'EVIDENCE' AS source, e.quote AS quote, e.end AS end, e.factId AS factId, properties(e) AS evidence
    UNION ALL
    MATCH (m:Mention {documentId: documentId})
    WITH m, 'mention:' + m.entityId + '@' + toString(m.start) + '-' + toString(m.end) AS key
    WHERE m.start >= $afterStart AND (m.start > $afterStart OR key > $afterKey)
    RETURN m.start AS start, key, 'IMPORT' AS source, m.quote AS quote, m.end AS end, m.entityId AS factId, null AS evidence
  }
  WITH start, key, source, quote, end, factId, evidence ORDER BY start, key LIMIT $firstPlusOne
  RETURN collect({
    key: key, source: source, quote: quote, start: start, end: end, factId: factId, evidence: evidence,
    aboutEntity: source = 'IMPORT' OR EXISTS { MATCH (:Entity {id: factId}) }
  }) AS page
}
RETURN documentId, page,
  COUNT { MATCH (:Evidence {documentId: documentId}) } + COUNT { MATCH (:Mention {documentId: documentId}) } AS total`,
    params: {
      ids: [...args.ids],
      afterStart: neo4j.int((args.after?.[0] as number | undefined) ?? -1),
      afterKey: (args.after?.[1] as string | undefined) ?? '',
      firstPlusOne: neo4j.int(args.first + 1),
    },
  };
}

function toMention(row: Record<string, unknown>): DocumentMentionRecord {
  const factId = String(row.factId);
  const aboutEntity = row.aboutEntity === true;
  return {
    key: String(row.key),
    source: row.source === 'IMPORT' ? 'IMPORT' : 'EVIDENCE',
    quote: String(row.quote),
    start: Number(row.start),
    end: Number(row.end),
    entityId: aboutEntity ? factId : null,
    relationshipId: aboutEntity ? null : factId,
    evidence: row.evidence ? toEvidenceRecord(row.evidence as Record<string, unknown>) : null,
  };
}

/** A page of mentions per document id (documents without any are absent). */
export async function findMentionPages(
  db: Database,
  ids: readonly string[],
  args: MentionPageArgs,
): Promise<Map<string, { items: DocumentMentionRecord[]; hasNextPage: boolean; totalCount: number }>> {
  const { cypher, params } = documentMentionsQuery({ ids, ...args });
  const result = await db.read((tx) => tx.run(cypher, params));
  return new Map(
    result.records.map((record) => {
      const page = (record.get('page') as Record<string, unknown>[]).map(toMention);
      return [String(record.get('documentId')), { items: page.slice(0, args.first), hasNextPage: page.length > args.first, totalCount: Number(record.get('total')) }];
    }),
  );
}
