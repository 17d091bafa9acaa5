import type { ManagedTransaction } from 'neo4j-driver';
import { ANY_RELATIONSHIP_TYPE } from '../graph/model.js';
import { rows } from './cypher.js';
import { documentTexts } from './documents.js';
import { resolveEvidence, writeEvidence } from './evidence.js';
import { ProblemList } from './problems.js';
import type { Counts, EvidenceInput, Writer } from './types.js';

/** Adds quotes to an existing entity or relationship (a merged-away entity id adds to the kept entity). */
export async function addEvidence(tx: ManagedTransaction, factId: string, evidence: readonly EvidenceInput[], writer: Writer): Promise<Counts> {
  const found = await rows(
    tx,
    `OPTIONAL MATCH (t:Tombstone {id: $id})
WITH coalesce(t.mergedInto, $id) AS id
CALL (id) {
  MATCH (n:Entity {id: id}) RETURN n.id AS factId, 'ENTITY' AS factType
  UNION
  MATCH ()-[r:${ANY_RELATIONSHIP_TYPE} {id: id}]->() RETURN r.id AS factId, type(r) AS factType
}
RETURN factId, factType`,
    { id: factId },
  );
  const fact = found[0];
  const problems = new ProblemList();
  if (!fact) {
    problems.add('NOT_FOUND', 'factId', `no entity or relationship has id ${factId}`);
    problems.throwIfAny();
  }
  const ref = { id: String(fact!.factId), factType: String(fact!.factType), place: 'evidence', evidence };
  const texts = await documentTexts(
    tx,
    evidence.map((ev) => ev.documentId),
    [],
  );
  const resolved = resolveEvidence([ref], texts, problems);
  problems.throwIfAny();
  const written = await writeEvidence(tx, resolved, [ref.id], writer, false);
  return written.counts;
}
