import neo4j from 'neo4j-driver';
import type { CypherQuery, Database } from '../db/driver.js';
import {
  ENTITY_KINDS,
  KIND_LABEL,
  checkedRelationshipType,
  labelForKind,
  type EntityKindName,
} from '../graph/model.js';
import { searchNames } from '../search/fields.js';
import type { SeedEntity, SeedRelationship, SeedSet } from './validate.js';

/** A query plus how many rows it must touch; a shortfall means the data moved under us, so we roll back. */
interface SeedStatement extends CypherQuery {
  expectRows?: number;
}

// Relationship identity for stale-checks: same id but new endpoints or type counts as a different relationship.
const relationshipKey = (r: { type: string; id: string; source: string; target: string }): string =>
  `${r.type}|${r.id}|${r.source}|${r.target}`;

/**
 * How far a load's word goes. `files`: it is the truth for the seed files it holds, and other seed files' items
 * stay. `all`: it is the whole seed folder, so seed items of files that are no longer there are retired too.
 */
export type SeedScope = 'files' | 'all';

/** The statements that make the database match `set`, in order: retire stale items first, then upsert. */
export function seedWriteStatements(set: SeedSet, scope: SeedScope = 'files'): SeedStatement[] {
  const statements: SeedStatement[] = [];
  const graphFiles = set.graphFiles;
  const all = scope === 'all';

  // Retire first, so a relationship id that moved to new endpoints does not collide with its old self.
  statements.push({
    cypher: `MATCH (a:Entity)-[r]->(b:Entity)
WHERE ${all ? 'r.seedFile IS NOT NULL' : 'r.seedFile IN $graphFiles'} AND NOT (type(r) + '|' + r.id + '|' + a.id + '|' + b.id) IN $keep
DELETE r`,
    params: { graphFiles, keep: set.relationships.map(relationshipKey) },
  });
  statements.push({
    cypher: `MATCH (n:Entity) WHERE ${all ? 'n.seedFile IS NOT NULL' : 'n.seedFile IN $graphFiles'} AND NOT n.id IN $keep
DETACH DELETE n`,
    params: { graphFiles, keep: set.entities.map((entity) => entity.id) },
  });
  // Evidence may be shared by several graph files, so it goes only when no file of any load still claims it.
  statements.push({
    cypher: `MATCH (e:Evidence) WHERE ${all ? 'size(coalesce(e.seedFiles, [])) > 0' : 'any(f IN coalesce(e.seedFiles, []) WHERE f IN $graphFiles)'} AND NOT e.id IN $keep
SET e.seedFiles = ${all ? '[]' : '[f IN e.seedFiles WHERE NOT f IN $graphFiles]'}
WITH e WHERE size(e.seedFiles) = 0
DELETE e`,
    params: { graphFiles, keep: set.evidence.map((ev) => ev.id) },
  });
  statements.push({
    cypher: `MATCH (d:Document) WHERE ${all ? 'd.seedFile IS NOT NULL' : 'd.seedFile IN $metaFiles'} AND NOT d.id IN $keep
DETACH DELETE d`,
    params: { metaFiles: set.metaFiles, keep: set.documents.map((document) => document.id) },
  });

  statements.push({
    cypher: `UNWIND $rows AS row
MERGE (d:Document {id: row.id})
SET d = row.props`,
    params: {
      rows: set.documents.map((document) => ({
        id: document.id,
        props: withoutNulls({
          id: document.id,
          title: document.title,
          text: document.text,
          publishedAt: document.publishedAt,
          source: document.source,
          language: document.language,
          seedFile: document.metaFile,
        }),
      })),
    },
  });

  statements.push({
    cypher: `UNWIND $rows AS row
MERGE (e:Evidence {id: row.id})
SET e.documentId = row.documentId, e.quote = row.quote, e.start = row.start, e.end = row.end, e.supports = row.supports,
    e.seedFiles = ${all ? 'row.seedFiles' : '[f IN coalesce(e.seedFiles, []) WHERE NOT f IN $graphFiles] + row.seedFiles'}`,
    params: {
      // Claims by files outside this load stay; claims by files in it are replaced by what they say now.
      graphFiles,
      rows: set.evidence.map((ev) => ({
        id: ev.id,
        documentId: ev.documentId,
        quote: ev.quote,
        // JS numbers would be stored as floats; offsets are integers.
        start: neo4j.int(ev.start),
        end: neo4j.int(ev.end),
        supports: ev.supports,
        seedFiles: ev.seedFiles,
      })),
    },
  });

  const byKind = groupBy(set.entities, (entity) => entity.kind);
  for (const kind of ENTITY_KINDS) {
    const rows = byKind.get(kind);
    if (!rows) continue;
    statements.push({ ...entityUpsert(kind, rows), expectRows: rows.length });
  }

  const byType = groupBy(set.relationships, (relationship) => relationship.type);
  for (const [type, rows] of [...byType].sort(([a], [b]) => a.localeCompare(b))) {
    statements.push({ ...relationshipUpsert(type, rows), expectRows: rows.length });
  }
  return statements;
}

/** Writes a validated seed set in one write transaction: all of it lands, or none of it does. */
export async function writeSeedSet(db: Database, set: SeedSet, scope: SeedScope = 'files'): Promise<void> {
  const statements = seedWriteStatements(set, scope);
  await db.write(async (tx) => {
    for (const statement of statements) {
      const result = await tx.run(statement.cypher, statement.params);
      if (statement.expectRows !== undefined) {
        const written = Number(result.records[0]?.get('written') ?? 0);
        if (written !== statement.expectRows) {
          throw new Error(`Seed write wrote ${written} of ${statement.expectRows} rows for: ${statement.cypher.split('\n')[0]}`);
        }
      }
    }
  });
}

function entityUpsert(kind: EntityKindName, entities: SeedEntity[]): CypherQuery {
  const label = labelForKind(kind);
  // A kind change in the file must not leave the old kind's label behind.
  const otherLabels = ENTITY_KINDS.filter((other) => other !== kind).map((other) => `:${KIND_LABEL[other]}`).join('');
  return {
    cypher: `UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
SET n = row.props
REMOVE n${otherLabels}
SET n:${label}
RETURN count(n) AS written`,
    params: {
      rows: entities.map((entity) => ({
        id: entity.id,
        props: withoutNulls({
          ...entity.properties,
          id: entity.id,
          kind: entity.kind,
          name: entity.name,
          aliases: entity.aliases,
          searchNames: searchNames(entity.name, entity.aliases),
          description: entity.description,
          evidenceIds: entity.evidenceIds,
          seedFile: entity.seedFile,
        }),
      })),
    },
  };
}

function relationshipUpsert(type: string, relationships: SeedRelationship[]): CypherQuery {
  const checked = checkedRelationshipType(type);
  return {
    cypher: `UNWIND $rows AS row
MATCH (a:Entity {id: row.source})
MATCH (b:Entity {id: row.target})
MERGE (a)-[r:${checked} {id: row.id}]->(b)
SET r = row.props
RETURN count(r) AS written`,
    params: {
      rows: relationships.map((relationship) => ({
        id: relationship.id,
        source: relationship.source,
        target: relationship.target,
        props: withoutNulls({
          id: relationship.id,
          title: relationship.title,
          evidenceIds: relationship.evidenceIds,
          seedFile: relationship.seedFile,
        }),
      })),
    },
  };
}

// Absent, not null: the storage model leaves missing optional properties off the node.
function withoutNulls(props: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(props).filter(([, value]) => value !== null && value !== undefined));
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
