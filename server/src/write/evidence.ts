import type { ManagedTransaction } from 'neo4j-driver';
import { quoteContext } from '../graph/context.js';
import { evidenceIdFor } from '../graph/ids.js';
import { describeQuoteMiss, locateQuote } from '../graph/quotes.js';
import { int, rows, runBatched } from './cypher.js';
import type { ProblemList } from './problems.js';
import { emptyCounts, type Counts, type EvidenceInput, type Progress, type Writer } from './types.js';

/** The fact a quote supports: an entity (`ENTITY`) or a relationship (its type). */
export interface FactRef {
  id: string;
  factType: string;
  place: string;
  evidence: readonly EvidenceInput[];
}

/** A quote pinned to its offsets, ready to store. */
export interface ResolvedEvidence {
  id: string;
  factId: string;
  factType: string;
  documentId: string;
  quote: string;
  start: number;
  end: number;
  supports: string | null;
  /** The sentence around the quote and its offset in the document, so readers need not fetch the text. */
  context: string;
  contextStart: number;
}

/** Pins every quote to its offsets in its document; every miss becomes a problem naming the item. */
export function resolveEvidence(facts: readonly FactRef[], texts: ReadonlyMap<string, string>, problems: ProblemList): ResolvedEvidence[] {
  const resolved: ResolvedEvidence[] = [];
  for (const fact of facts) {
    fact.evidence.forEach((ev, index) => {
      const place = `${fact.place}.evidence[${index}]`;
      const text = texts.get(ev.documentId);
      if (text === undefined) {
        problems.add('NOT_FOUND', place, `document ${ev.documentId} does not exist; write it first (upsertDocument) or bring it along`);
        return;
      }
      const location = locateQuote(text, ev.quote, ev.start ?? undefined);
      if (!location.ok) {
        problems.add('BAD_INPUT', place, describeQuoteMiss(ev.quote, ev.documentId, ev.start, location));
        return;
      }
      const { start, end } = location.span;
      const supports = ev.supports ?? null;
      const context = quoteContext(text, start, end);
      resolved.push({
        id: evidenceIdFor(fact.id, ev.documentId, start, end, supports),
        factId: fact.id,
        factType: fact.factType,
        documentId: ev.documentId,
        quote: ev.quote,
        start,
        end,
        supports,
        context: context.text,
        contextStart: context.documentStart,
      });
    });
  }
  return resolved;
}

/**
 * Stores quotes. Existing ones (same fact, span and scope) are left as they are; with `replaceOwn`, quotes this
 * writer had stored for these facts and no longer gives are removed (a seed file that dropped a quote).
 */
export async function writeEvidence(
  tx: ManagedTransaction,
  evidence: readonly ResolvedEvidence[],
  factIds: readonly string[],
  writer: Writer,
  replaceOwn: boolean,
  progress?: Progress,
): Promise<{ counts: Counts; createdIds: Set<string> }> {
  const counts = emptyCounts();
  const stored = await rows(tx, 'UNWIND $ids AS f MATCH (e:Evidence {factId: f}) RETURN e.id AS id, e.addedBy AS by', {
    ids: [...new Set(factIds)],
  });
  const storedIds = new Set(stored.map((row) => String(row.id)));
  const wanted = new Map(evidence.map((ev) => [ev.id, ev]));
  const fresh = [...wanted.values()].filter((ev) => !storedIds.has(ev.id));
  counts.created = fresh.length;
  counts.unchanged = wanted.size - fresh.length;
  if (fresh.length > 0) {
    await runBatched(
      tx,
      `UNWIND $rows AS row
MERGE (e:Evidence {id: row.id})
ON CREATE SET e += row.props, e.addedAt = $at, e.addedBy = $by`,
      fresh.map((ev) => ({
          id: ev.id,
          props: {
            factId: ev.factId,
            factType: ev.factType,
            documentId: ev.documentId,
            quote: ev.quote,
            start: int(ev.start),
            end: int(ev.end),
            supports: ev.supports,
            context: ev.context,
            contextStart: int(ev.contextStart),
          },
        })),
      { at: writer.at, by: writer.source },
      progress && ((done, total) => progress('quotes', done, total)),
    );
  }
  if (replaceOwn) {
    const dropped = stored.filter((row) => row.by === writer.source && !wanted.has(String(row.id))).map((row) => String(row.id));
    if (dropped.length > 0) {
      await tx.run('UNWIND $ids AS id MATCH (e:Evidence {id: id}) DELETE e', { ids: dropped });
    }
  }
  return { counts, createdIds: new Set(fresh.map((ev) => ev.id)) };
}

/** Removes every quote of the given facts (the facts are being deleted). */
export async function deleteEvidenceOf(tx: ManagedTransaction, factIds: readonly string[]): Promise<number> {
  if (factIds.length === 0) return 0;
  const result = await rows(tx, 'UNWIND $ids AS f MATCH (e:Evidence {factId: f}) DELETE e RETURN count(*) AS deleted', {
    ids: [...new Set(factIds)],
  });
  return Number(result[0]?.deleted ?? 0);
}
