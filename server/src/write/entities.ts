import type { ManagedTransaction } from 'neo4j-driver';
import { KIND_PROPERTIES, KIND_PROPERTY_NAMES, labelForKind } from '../graph/model.js';
import { searchNames, searchText } from '../graph/search-names.js';
import { SEARCH_RANK_PROPERTY } from '../graph/search-rank.js';
import { groupBy, otherKindLabels, rows, runBatched } from './cypher.js';
import type { ProblemList } from './problems.js';
import type { Tombstone } from './redirects.js';
import { emptyCounts, type Counts, type EntityWrite, type Progress, type WritePolicy, type Writer } from './types.js';

/** Every kind-specific property name. */
/** The stored fields that make up an entity's content (stamps and degree aside). */
interface EntityContent {
  kind: string;
  name: string;
  aliases: string[];
  description: string | null;
  [property: string]: unknown;
}

/** The outcome for one input entity. */
export interface EntityOutcome {
  input: EntityWrite;
  /** The id written (a merged-away id resolves to the entity it was merged into). */
  id: string;
  status: 'created' | 'updated' | 'unchanged' | 'kept';
  /** True when the entity changed kind: its neighbours' per-kind counts change with it. */
  retyped?: boolean;
}

/**
 * Writes entities: labels, folded search names, properties, kind changes (when the policy allows), stamps.
 * Returns one outcome per input; `kept` ones (seed items someone else changed or removed) were not touched.
 */
export async function writeEntities(
  tx: ManagedTransaction,
  entities: readonly EntityWrite[],
  tombstones: ReadonlyMap<string, Tombstone>,
  writer: Writer,
  policy: WritePolicy,
  problems: ProblemList,
  progress?: Progress,
): Promise<{ counts: Counts; outcomes: EntityOutcome[] }> {
  const counts = emptyCounts();
  const outcomes: EntityOutcome[] = [];
  const targets = entities.map((entity) => {
    const tombstone = tombstones.get(entity.id);
    return { entity, id: tombstone?.mergedInto ?? entity.id, tombstone };
  });
  const stored = await readStoredEntities(
    tx,
    targets.map((t) => t.id),
  );
  const writes: { id: string; kind: EntityWrite['kind']; props: Record<string, unknown> }[] = [];

  for (const { entity, id, tombstone } of targets) {
    const old = stored.get(id);
    if (policy.ownedBy !== undefined && (tombstone !== undefined || (old !== undefined && old.updatedBy !== policy.ownedBy))) {
      outcomes.push({ input: entity, id, status: 'kept' });
      continue;
    }
    if (old && old.content.kind !== entity.kind && !policy.retype) {
      problems.add('CONFLICT', entity.place, `id ${id} is taken by an entity of kind ${old.content.kind}, not ${entity.kind}`);
      continue;
    }
    if (!old && entity.evidence.length === 0) {
      problems.add('BAD_INPUT', `${entity.place}.evidence`, 'a new entity needs at least one quote');
      continue;
    }
    const redirected = tombstone?.mergedInto != null;
    const next = nextContent(entity, old?.content, policy, redirected);
    for (const key of Object.keys(entity.properties ?? {})) {
      if (!KIND_PROPERTIES[entity.kind].includes(key)) {
        const allowed = KIND_PROPERTIES[entity.kind].join(', ') || 'none';
        problems.add('BAD_INPUT', `${entity.place}.properties.${key}`, `unknown property for kind ${entity.kind} (allowed: ${allowed})`);
      }
    }
    const status = !old ? 'created' : sameContent(old.content, next) ? 'unchanged' : 'updated';
    counts[status] += 1;
    outcomes.push({ input: entity, id, status, retyped: old !== undefined && old.content.kind !== entity.kind });
    if (status !== 'unchanged') {
      writes.push({
        id,
        kind: entity.kind,
        props: { ...next, searchNames: searchNames(next.name, next.aliases), searchText: searchText(next.name, next.aliases) },
      });
    }
  }
  if (problems.items.length > 0) return { counts, outcomes };

  for (const [kind, group] of groupBy(writes, (w) => w.kind)) {
    await runBatched(
      tx,
      `UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
ON CREATE SET n.createdAt = $at, n.createdBy = $by, n.degree = 0, n.${SEARCH_RANK_PROPERTY} = ''
SET n += row.props, n.updatedAt = $at, n.updatedBy = $by
REMOVE n${otherKindLabels(kind)}
SET n:${labelForKind(kind)}`,
      group.map((w) => ({ id: w.id, props: w.props })),
      { at: writer.at, by: writer.source },
      progress && ((done, total) => progress(`entities (${kind})`, done, total)),
    );
  }
  return { counts, outcomes };
}

/** Stored content and last writer of entities, keyed by id. */
async function readStoredEntities(
  tx: ManagedTransaction,
  ids: readonly string[],
): Promise<Map<string, { content: EntityContent; updatedBy: string | null }>> {
  if (ids.length === 0) return new Map();
  const found = await rows(
    tx,
    `UNWIND $ids AS id MATCH (n:Entity {id: id})
RETURN n.id AS id, n { .kind, .name, .aliases, .description, ${KIND_PROPERTY_NAMES.map((p) => `.${p}`).join(', ')} } AS content, n.updatedBy AS updatedBy`,
    { ids: [...new Set(ids)] },
  );
  return new Map(
    found.map((row) => {
      const content = row.content as Record<string, unknown>;
      return [
        String(row.id),
        {
          content: {
            ...content,
            kind: String(content.kind),
            name: String(content.name),
            aliases: Array.isArray(content.aliases) ? content.aliases.map(String) : [],
            description: typeof content.description === 'string' ? content.description : null,
          },
          updatedBy: typeof row.updatedBy === 'string' ? row.updatedBy : null,
        },
      ];
    }),
  );
}

/**
 * The content after this write. A patch keeps what the input leaves undefined; a write to a merged-away id
 * lands on the kept entity without renaming it: the written name joins its aliases instead.
 */
function nextContent(entity: EntityWrite, old: EntityContent | undefined, policy: WritePolicy, redirected: boolean): EntityContent {
  const patch = policy.fields === 'patch' && old !== undefined;
  const keep = <T>(given: T | undefined, stored: T): T => (given === undefined && patch ? stored : (given as T));
  let name = entity.name;
  let aliases = keep(entity.aliases, old?.aliases ?? []) ?? [];
  if (redirected && old) {
    aliases = [...aliases, ...(name !== old.name ? [name] : [])];
    name = old.name;
  }
  const next: EntityContent = {
    kind: entity.kind,
    name,
    aliases: [...new Set(aliases.filter((alias) => alias !== name))],
    description: keep(entity.description, old?.description ?? null) ?? null,
  };
  for (const property of KIND_PROPERTY_NAMES) {
    const allowed = (KIND_PROPERTIES[entity.kind] as readonly string[]).includes(property);
    const given = entity.properties?.[property];
    // A kind change drops the old kind's properties; a patch keeps the stored ones it does not mention.
    next[property] = !allowed ? null : given !== undefined ? given : patch ? (old?.[property] ?? null) : null;
  }
  return next;
}

function sameContent(a: EntityContent, b: EntityContent): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    const x = a[key] ?? null;
    const y = b[key] ?? null;
    if (Array.isArray(x) || Array.isArray(y)) {
      if (!Array.isArray(x) || !Array.isArray(y) || x.length !== y.length || x.some((v, i) => v !== y[i])) return false;
    } else if (x !== y) {
      return false;
    }
  }
  return true;
}

