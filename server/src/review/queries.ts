import neo4j from 'neo4j-driver';
import type { CypherQuery, Database } from '../db/driver.js';
import { decodeCursor, encodeCursor } from '../graph/cursor.js';
import { toMentionRecord, toProposalRecord, type MentionRecord, type ProposalRecord, type ProposalStatus } from './records.js';

export interface ProposalPageArgs {
  documentId: string | null;
  status: ProposalStatus;
  first: number;
  after: string | null;
}

/** Cursor key of a proposal in the listing order: document, position, id. */
export const proposalCursor = (p: ProposalRecord): string => encodeCursor([p.documentId, p.start, p.id]);

/**
 * One page of proposals of a status (and document), in document then text order: an index seek on the document
 * (or, across documents, on the status: the pending work, sorted), from the cursor on.
 */
export function proposalPageQuery(args: ProposalPageArgs, cursor: readonly [string, number, string] | null): CypherQuery {
  const match = args.documentId === null ? 'MATCH (p:Proposal {status: $status})' : 'MATCH (p:Proposal {documentId: $documentId}) WHERE p.status = $status';
  const after = '($afterDoc IS NULL OR p.documentId > $afterDoc OR (p.documentId = $afterDoc AND (p.start > $afterStart OR (p.start = $afterStart AND p.id > $afterId))))';
  return {
    cypher: `${match}
${args.documentId === null ? 'WHERE' : 'AND'} ${after}
WITH p ORDER BY p.documentId, p.start, p.id LIMIT $limit
RETURN properties(p) AS p`,
    params: {
      status: args.status,
      documentId: args.documentId,
      afterDoc: cursor?.[0] ?? null,
      afterStart: cursor === null ? null : neo4j.int(cursor[1]),
      afterId: cursor?.[2] ?? null,
      limit: neo4j.int(args.first + 1),
    },
  };
}

/** Decodes a proposals cursor; undefined when it is not one of ours. */
export function decodeProposalCursor(after: string): readonly [string, number, string] | undefined {
  const key = decodeCursor(after, 3);
  if (!key || typeof key[0] !== 'string' || typeof key[1] !== 'number' || typeof key[2] !== 'string') return undefined;
  return [key[0], key[1], key[2]];
}

export async function findProposalPage(db: Database, args: ProposalPageArgs, cursor: readonly [string, number, string] | null): Promise<{ items: ProposalRecord[]; hasNextPage: boolean }> {
  const query = proposalPageQuery(args, cursor);
  const result = await db.read((tx) => tx.run(query.cypher, query.params));
  const items = result.records.map((r) => toProposalRecord(r.get('p') as Record<string, unknown>));
  return { items: items.slice(0, args.first), hasNextPage: items.length > args.first };
}

/** A document's mentions and proposals (every status), in text order: index lookups on documentId. */
export function documentImportQuery(documentId: string): CypherQuery {
  return {
    cypher: `CALL (){ MATCH (m:Mention {documentId: $id}) WITH m ORDER BY m.start, m.end RETURN collect(properties(m)) AS mentions }
CALL (){ MATCH (p:Proposal {documentId: $id}) WITH p ORDER BY p.start, p.end, p.id RETURN collect(properties(p)) AS proposals }
RETURN mentions, proposals`,
    params: { id: documentId },
  };
}

export async function findDocumentImport(db: Database, documentId: string): Promise<{ mentions: MentionRecord[]; proposals: ProposalRecord[] }> {
  const query = documentImportQuery(documentId);
  const result = await db.read((tx) => tx.run(query.cypher, query.params));
  const record = result.records[0];
  return {
    mentions: ((record?.get('mentions') ?? []) as Record<string, unknown>[]).map(toMentionRecord),
    proposals: ((record?.get('proposals') ?? []) as Record<string, unknown>[]).map(toProposalRecord),
  };
}

/** One proposal by id, or null. */
export async function findProposal(db: Database, id: string): Promise<ProposalRecord | null> {
  const result = await db.read((tx) => tx.run('MATCH (p:Proposal {id: $id}) RETURN properties(p) AS p', { id }));
  const record = result.records[0];
  return record ? toProposalRecord(record.get('p') as Record<string, unknown>) : null;
}
