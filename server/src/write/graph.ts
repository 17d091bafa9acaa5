import type { ManagedTransaction } from 'neo4j-driver';
import { documentTexts, writeDocuments } from './documents.js';
import { writeEntities } from './entities.js';
import { resolveEvidence, writeEvidence, type FactRef } from './evidence.js';
import { ProblemList } from './problems.js';
import { clearDeletions, readTombstones } from './redirects.js';
import { refreshDegrees, writeRelationships } from './relationships.js';
import type { GraphChange, Progress, WritePolicy, WriteReport, Writer } from './types.js';

/**
 * The one write path: documents, entities, relationships and their quotes, in one transaction the caller owns.
 * Everything is checked against the store before the first write; any problem throws WriteRejected listing all
 * of them, so the caller's transaction rolls back and nothing lands.
 */
export async function writeGraph(
  tx: ManagedTransaction,
  change: GraphChange,
  writer: Writer,
  policy: WritePolicy,
  progress?: Progress,
): Promise<WriteReport> {
  const problems = new ProblemList();
  const documents = await writeDocuments(tx, change.documents, writer, problems);
  problems.throwIfAny();

  const tombstones = await readTombstones(tx, [
    ...change.entities.map((e) => e.id),
    ...change.relationships.flatMap((r) => [r.id, r.source, r.target]),
  ]);
  const entityResult = await writeEntities(tx, change.entities, tombstones, writer, policy, problems, progress);
  problems.throwIfAny();
  const relationshipResult = await writeRelationships(tx, change.relationships, tombstones, writer, policy, problems, progress);

  // Quotes of the items written (kept items are someone else's now and stay as they are).
  const facts: FactRef[] = [
    ...entityResult.outcomes
      .filter((o) => o.status !== 'kept')
      .map((o) => ({ id: o.id, factType: 'ENTITY', place: o.input.place, evidence: o.input.evidence })),
    ...relationshipResult.outcomes
      .filter((o) => o.status !== 'kept')
      .map((o) => ({ id: o.id, factType: o.input.type, place: o.input.place, evidence: o.input.evidence })),
  ];
  const texts = await documentTexts(
    tx,
    facts.flatMap((f) => f.evidence.map((ev) => ev.documentId)),
    change.documents,
  );
  const evidence = resolveEvidence(facts, texts, problems);
  problems.throwIfAny();
  const evidenceCounts = await writeEvidence(
    tx,
    evidence,
    facts.map((f) => f.id),
    writer,
    policy.evidence === 'replace-own',
    progress,
  );
  await refreshDegrees(tx, relationshipResult.touched);
  if (policy.ownedBy === undefined) {
    // An explicit write of a deleted id brings it back; a seed never does (it keeps such items away).
    await clearDeletions(tx, [...entityResult.outcomes.map((o) => o.id), ...relationshipResult.outcomes.map((o) => o.id)]);
  }

  // An entity is "unchanged" only if its quotes are too; new quotes on a stored fact count as an update.
  const withNewQuotes = new Set(evidence.filter((ev) => evidenceCounts.createdIds.has(ev.id)).map((ev) => ev.factId));
  const entities = { ...entityResult.counts };
  for (const o of entityResult.outcomes) {
    if (o.status === 'unchanged' && withNewQuotes.has(o.id)) {
      entities.unchanged -= 1;
      entities.updated += 1;
    }
  }
  const relationships = { ...relationshipResult.counts };
  for (const o of relationshipResult.outcomes) {
    if (o.status === 'unchanged' && withNewQuotes.has(o.id)) {
      relationships.unchanged -= 1;
      relationships.updated += 1;
    }
  }
  return {
    documents,
    entities,
    relationships,
    evidence: evidenceCounts.counts,
    kept: [
      ...entityResult.outcomes.filter((o) => o.status === 'kept').map((o) => o.input.id),
      ...relationshipResult.outcomes.filter((o) => o.status === 'kept').map((o) => o.input.id),
    ],
    entityIds: entityResult.outcomes.map((o) => o.id),
    relationshipIds: relationshipResult.outcomes.map((o) => o.id),
  };
}
