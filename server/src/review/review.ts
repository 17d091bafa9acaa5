import type { ManagedTransaction } from 'neo4j-driver';
import { defaultRelationshipId, entityIdFor } from '../graph/ids.js';
import { isEntityKind, isRelationshipType, type EntityKindName, type RelationshipTypeName } from '../graph/model.js';
import { rows } from '../write/cypher.js';
import { writeGraph } from '../write/graph.js';
import { WriteRejected, type WriteProblemKind } from '../write/problems.js';
import type { Writer, WritePolicy } from '../write/types.js';
import { toProposalRecord, type ProposalRecord } from './records.js';

/** What a reviewer may change before accepting; absent fields keep the proposal's value. */
export interface ProposalEdit {
  name?: string | null;
  entityKind?: string | null;
  type?: string | null;
  title?: string | null;
  fromId?: string | null;
  toId?: string | null;
  validFrom?: string | null;
  validTo?: string | null;
}

const POLICY: WritePolicy = { fields: 'patch', retype: false, evidence: 'add' };

const reject = (kind: WriteProblemKind, place: string, message: string): WriteRejected => new WriteRejected([{ kind, place, message }]);

async function pendingProposal(tx: ManagedTransaction, id: string): Promise<ProposalRecord> {
  const found = await rows(tx, 'MATCH (p:Proposal {id: $id}) RETURN properties(p) AS p', { id });
  if (!found[0]) throw reject('NOT_FOUND', 'id', `no proposal ${id}`);
  const proposal = toProposalRecord(found[0].p as Record<string, unknown>);
  if (proposal.status !== 'PENDING') throw reject('CONFLICT', 'id', `proposal ${id} is already ${proposal.status.toLowerCase()}`);
  return proposal;
}

/**
 * The stored entity a relationship end names: the id given in the edit, the entity the extraction resolved it
 * to, or the entity an accepted proposal of the same document wrote under that name. Null when none.
 */
async function resolveEnd(tx: ManagedTransaction, documentId: string, name: string | null, resolved: string | null, given: string | null | undefined): Promise<string | null> {
  if (given) return given;
  if (resolved) return resolved;
  if (!name) return null;
  const accepted = await rows(
    tx,
    `MATCH (q:Proposal {documentId: $documentId}) WHERE q.kind = 'ENTITY' AND q.status = 'ACCEPTED' AND q.name = $name
RETURN q.writtenId AS id LIMIT 1`,
    { documentId, name },
  );
  return accepted[0] ? String(accepted[0].id) : null;
}

/** The pending entity proposal of the same document that would give `name` an entity, to name in an error. */
async function entityProposalNamed(tx: ManagedTransaction, documentId: string, name: string): Promise<string | null> {
  const found = await rows(
    tx,
    `MATCH (q:Proposal {documentId: $documentId}) WHERE q.kind = 'ENTITY' AND q.status = 'PENDING' AND q.name = $name RETURN q.id AS id LIMIT 1`,
    { documentId, name },
  );
  return found[0] ? String(found[0].id) : null;
}

/**
 * Accepts a pending proposal: writes its entity or relationship through the write path, stamped
 * `import:<document id>`, with the proposal's quote as evidence (so it is dated by its document), then marks it
 * accepted with the written id. `skipUnresolved` (bulk accept) makes a relationship whose end is not stored,
 * or an entity whose id another kind holds, return null instead of failing.
 */
export async function acceptProposal(
  tx: ManagedTransaction,
  id: string,
  edit: ProposalEdit | null | undefined,
  reviewer: Writer,
  options: { skipUnresolved?: boolean } = {},
): Promise<ProposalRecord | null> {
  const p = await pendingProposal(tx, id);
  const writer: Writer = { source: `import:${p.documentId}`, at: reviewer.at };
  const evidence = [{ documentId: p.documentId, quote: p.quote, start: p.start }];
  const place = `proposal ${p.id}`;
  const changes: Record<string, unknown> = {};
  let writtenId: string;
  if (p.kind === 'ENTITY') {
    const kind = edit?.entityKind ?? p.entityKind;
    const name = (edit?.name ?? p.name ?? '').trim();
    if (!kind || !isEntityKind(kind)) throw reject('BAD_INPUT', 'edit.entityKind', 'an entity proposal needs a kind');
    if (name === '') throw reject('BAD_INPUT', 'edit.name', 'an entity proposal needs a name');
    writtenId = entityIdFor(kind, name);
    if (options.skipUnresolved) {
      // Checked here, not by catching the write path's refusal: a refusal can come after part of a write, and the
      // batch shares one transaction.
      const taken = await rows(tx, 'MATCH (n:Entity {id: $id}) WHERE n.kind <> $kind RETURN n.id AS id', { id: writtenId, kind });
      if (taken.length > 0) return null;
    }
    const report = await writeGraph(tx, { documents: [], entities: [{ id: writtenId, kind: kind as EntityKindName, name, evidence, place }], relationships: [] }, writer, POLICY);
    writtenId = report.entityIds[0] ?? writtenId;
    Object.assign(changes, { entityKind: kind, name });
  } else {
    const type = edit?.type ?? p.type;
    if (!type || !isRelationshipType(type)) throw reject('BAD_INPUT', 'edit.type', 'a relationship proposal needs a type');
    const source = await resolveEnd(tx, p.documentId, p.fromName, p.fromEntityId, edit?.fromId);
    const target = await resolveEnd(tx, p.documentId, p.toName, p.toEntityId, edit?.toId);
    const missing: { place: string; name: string | null }[] = [];
    if (!source) missing.push({ place: 'from', name: p.fromName });
    if (!target) missing.push({ place: 'to', name: p.toName });
    const stored = source && target ? await rows(tx, 'UNWIND $ids AS id MATCH (n:Entity {id: id}) RETURN n.id AS id', { ids: [source, target] }) : [];
    const found = new Set(stored.map((row) => String(row.id)));
    if (source && !found.has(source)) missing.push({ place: 'from', name: source });
    if (target && !found.has(target)) missing.push({ place: 'to', name: target });
    if (missing.length > 0) {
      if (options.skipUnresolved) return null;
      const problems = await Promise.all(
        missing.map(async (end) => {
          const pending = end.name ? await entityProposalNamed(tx, p.documentId, end.name) : null;
          const hint = pending ? `accept proposal ${pending} first` : `give edit.${end.place}Id`;
          return { kind: 'BAD_INPUT' as const, place: `edit.${end.place}Id`, message: `the ${end.place} end "${end.name ?? '?'}" is not a stored entity: ${hint}` };
        }),
      );
      throw new WriteRejected(problems);
    }
    const title = edit?.title !== undefined ? edit.title : p.title;
    const validFrom = edit?.validFrom !== undefined ? edit.validFrom : p.validFrom;
    const validTo = edit?.validTo !== undefined ? edit.validTo : p.validTo;
    const relationship = { id: defaultRelationshipId({ source: source!, type, target: target! }), type: type as RelationshipTypeName, source: source!, target: target!, title, validFrom, validTo, evidence, place };
    const report = await writeGraph(tx, { documents: [], entities: [], relationships: [relationship] }, writer, POLICY);
    writtenId = report.relationshipIds[0] ?? relationship.id;
    Object.assign(changes, { type, title, validFrom, validTo, fromEntityId: source, toEntityId: target });
  }
  const updated = await rows(
    tx,
    `MATCH (p:Proposal {id: $id})
SET p += $changes, p.status = 'ACCEPTED', p.writtenId = $writtenId, p.reviewedAt = $at, p.reviewedBy = $by
RETURN properties(p) AS p`,
    { id, changes: Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)), writtenId, at: reviewer.at, by: reviewer.source },
  );
  return toProposalRecord(updated[0]?.p as Record<string, unknown>);
}

/** Rejects a pending proposal and remembers its key, so later imports of any document do not propose it again. */
export async function rejectProposal(tx: ManagedTransaction, id: string, reviewer: Writer): Promise<ProposalRecord> {
  const p = await pendingProposal(tx, id);
  await tx.run('MERGE (r:RejectedProposal {key: $key}) ON CREATE SET r.rejectedAt = $at, r.rejectedBy = $by, r.proposalId = $id', {
    key: p.key,
    at: reviewer.at,
    by: reviewer.source,
    id,
  });
  const updated = await rows(
    tx,
    "MATCH (p:Proposal {id: $id}) SET p.status = 'REJECTED', p.reviewedAt = $at, p.reviewedBy = $by RETURN properties(p) AS p",
    { id, at: reviewer.at, by: reviewer.source },
  );
  return toProposalRecord(updated[0]?.p as Record<string, unknown>);
}

/**
 * Accepts every pending proposal of a document at or above `minConfidence`, in one transaction: entities first, so
 * the relationships between them find their ends; relationships whose ends are still not stored, and entities whose
 * id is taken by another kind, stay pending for a person to decide.
 */
export async function acceptAbove(tx: ManagedTransaction, documentId: string, minConfidence: number, reviewer: Writer): Promise<ProposalRecord[]> {
  const candidates = await rows(
    tx,
    `MATCH (p:Proposal {documentId: $documentId}) WHERE p.status = 'PENDING' AND p.confidence >= $min
RETURN p.id AS id, p.kind AS kind ORDER BY p.kind, p.start, p.id`,
    { documentId, min: minConfidence },
  );
  const ordered = [...candidates.filter((c) => c.kind === 'ENTITY'), ...candidates.filter((c) => c.kind !== 'ENTITY')];
  const accepted: ProposalRecord[] = [];
  for (const candidate of ordered) {
    const record = await acceptProposal(tx, String(candidate.id), null, reviewer, { skipUnresolved: true });
    if (record) accepted.push(record);
  }
  return accepted;
}
