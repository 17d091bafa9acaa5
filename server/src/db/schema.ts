import neo4j from 'neo4j-driver';
import type { Database } from './driver.js';
import { ENTITY_KINDS, KIND_LABEL, RELATIONSHIP_TYPE_NAMES } from '../graph/model.js';
import { SEARCH_RANK_PROPERTY, searchRankCypher } from '../graph/search-rank.js';

/** Name of the full-text index over entity names and aliases. */
export const ENTITY_NAMES_INDEX = 'entity_names';

/** Analyzer of the full-text index: it tokenises and lower-cases, with no stop words ("IT" must stay searchable). */
export const ENTITY_NAMES_ANALYZER = 'standard-no-stop-words';

/**
 * Properties the full-text index covers: folded names, the kind so a kind filter runs inside the index, and the
 * degree's rank tokens so the index ranks equal name matches by connectedness (`graph/search-rank.ts`).
 */
export const ENTITY_NAMES_PROPERTIES = ['searchNames', 'kind', SEARCH_RANK_PROPERTY] as const;

/**
 * Version of the storage model. A store older than version 2 (evidence as id lists, no stored degree) is emptied
 * and rebuilt from the seeds at start: before version 2 nothing but the seeds could write. Version 3 adds each
 * entity's `searchRank`; a version 2 store is migrated in place (`migrateFrom2`).
 */
export const MODEL_VERSION = 3;

/** Entities given their search rank per transaction when a version 2 store is migrated. */
export const MIGRATION_BATCH = 10_000;

/**
 * Constraints and indexes the queries rely on, each idempotent (IF NOT EXISTS). Every request-path lookup is
 * one of these: ids, a fact's evidence, a document's evidence, kinds, degrees for the overview, merge records.
 */
export function schemaStatements(): string[] {
  const statements = [
    'CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE',
    'CREATE CONSTRAINT document_id IF NOT EXISTS FOR (n:Document) REQUIRE n.id IS UNIQUE',
    'CREATE CONSTRAINT evidence_id IF NOT EXISTS FOR (n:Evidence) REQUIRE n.id IS UNIQUE',
    'CREATE CONSTRAINT tombstone_id IF NOT EXISTS FOR (n:Tombstone) REQUIRE n.id IS UNIQUE',
    'CREATE CONSTRAINT seed_file_name IF NOT EXISTS FOR (n:SeedFile) REQUIRE n.name IS UNIQUE',
    'CREATE CONSTRAINT model_key IF NOT EXISTS FOR (n:StoreModel) REQUIRE n.key IS UNIQUE',
    'CREATE INDEX entity_kind IF NOT EXISTS FOR (n:Entity) ON (n.kind)',
    'CREATE INDEX entity_degree IF NOT EXISTS FOR (n:Entity) ON (n.degree)',
    'CREATE INDEX entity_updated_at IF NOT EXISTS FOR (n:Entity) ON (n.updatedAt)',
    'CREATE INDEX entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name)',
    // The listing's orders (issue 6): (key, id) read in order, so a page within a tie group seeks to the cursor.
    'CREATE INDEX entity_degree_id IF NOT EXISTS FOR (n:Entity) ON (n.degree, n.id)',
    'CREATE INDEX entity_updated_at_id IF NOT EXISTS FOR (n:Entity) ON (n.updatedAt, n.id)',
    'CREATE INDEX entity_name_id IF NOT EXISTS FOR (n:Entity) ON (n.name, n.id)',
    'CREATE TEXT INDEX entity_search_text IF NOT EXISTS FOR (n:Entity) ON (n.searchText)',
    'CREATE INDEX evidence_fact IF NOT EXISTS FOR (n:Evidence) ON (n.factId)',
    'CREATE INDEX evidence_document IF NOT EXISTS FOR (n:Evidence) ON (n.documentId)',
    'CREATE INDEX document_content_hash IF NOT EXISTS FOR (n:Document) ON (n.contentHash)',
    'CREATE INDEX tombstone_merged_into IF NOT EXISTS FOR (n:Tombstone) ON (n.mergedInto)',
    // Import review (issue 7): mentions and proposals are records about a document, never facts or relationships.
    'CREATE INDEX document_source IF NOT EXISTS FOR (n:Document) ON (n.source)',
    'CREATE CONSTRAINT proposal_id IF NOT EXISTS FOR (n:Proposal) REQUIRE n.id IS UNIQUE',
    'CREATE INDEX proposal_document IF NOT EXISTS FOR (n:Proposal) ON (n.documentId)',
    'CREATE INDEX proposal_status IF NOT EXISTS FOR (n:Proposal) ON (n.status)',
    'CREATE INDEX proposal_key IF NOT EXISTS FOR (n:Proposal) ON (n.key)',
    'CREATE INDEX mention_document IF NOT EXISTS FOR (n:Mention) ON (n.documentId)',
    'CREATE INDEX mention_entity IF NOT EXISTS FOR (n:Mention) ON (n.entityId)',
    'CREATE CONSTRAINT rejected_proposal_key IF NOT EXISTS FOR (n:RejectedProposal) REQUIRE n.key IS UNIQUE',
    // Saved scenes (issue 8): views of the graph, not facts; no entity label, so no count, search or export sees them.
    'CREATE CONSTRAINT scene_id IF NOT EXISTS FOR (n:Scene) REQUIRE n.id IS UNIQUE',
    'CREATE CONSTRAINT scene_name IF NOT EXISTS FOR (n:Scene) REQUIRE n.name IS UNIQUE',
    'CREATE INDEX scene_updated_at IF NOT EXISTS FOR (n:Scene) ON (n.updatedAt)',
    `CREATE FULLTEXT INDEX ${ENTITY_NAMES_INDEX} IF NOT EXISTS FOR (n:Entity) ON EACH [${ENTITY_NAMES_PROPERTIES.map((p) => `n.${p}`).join(', ')}]
       OPTIONS { indexConfig: { \`fulltext.analyzer\`: '${ENTITY_NAMES_ANALYZER}', \`fulltext.eventually_consistent\`: false } }`,
  ];
  // Overviews and listings of some kinds read each kind's entities in order straight from its own label's index.
  for (const kind of ENTITY_KINDS) {
    const label = KIND_LABEL[kind];
    statements.push(`CREATE INDEX ${label.toLowerCase()}_degree IF NOT EXISTS FOR (n:${label}) ON (n.degree)`);
    statements.push(`CREATE INDEX ${label.toLowerCase()}_name IF NOT EXISTS FOR (n:${label}) ON (n.name)`);
    statements.push(`CREATE INDEX ${label.toLowerCase()}_updated_at IF NOT EXISTS FOR (n:${label}) ON (n.updatedAt)`);
    for (const key of ['degree', 'name', 'updatedAt']) {
      const name = `${label.toLowerCase()}_${key === 'updatedAt' ? 'updated_at' : key}_id`;
      statements.push(`CREATE INDEX ${name} IF NOT EXISTS FOR (n:${label}) ON (n.${key}, n.id)`);
    }
  }
  // Relationship types cannot be parameters; these come from the allowlist only. Ids are unique across types
  // too: the write path checks all types (a disjunction the planner answers with one index seek per type).
  for (const type of RELATIONSHIP_TYPE_NAMES) {
    statements.push(`CREATE CONSTRAINT rel_${type.toLowerCase()}_id IF NOT EXISTS FOR ()-[r:${type}]-() REQUIRE r.id IS UNIQUE`);
  }
  return statements;
}

/** Applies constraints and indexes (safe at every start), retires an older model's data, and waits for indexes. */
export async function applySchema(db: Database): Promise<void> {
  await dropOutdatedSearchIndex(db);
  for (const statement of schemaStatements()) {
    // Schema changes cannot share a transaction with each other in Neo4j, so each gets its own.
    await db.write((tx) => tx.run(statement));
  }
  await db.write((tx) => tx.run('CALL db.awaitIndexes(120)'));
  await retireOlderModel(db);
}

/** IF NOT EXISTS keeps an index of the same name as it was; an index built by an older definition is rebuilt. */
async function dropOutdatedSearchIndex(db: Database): Promise<void> {
  const result = await db.read((tx) =>
    tx.run('SHOW FULLTEXT INDEXES YIELD name, properties, options WHERE name = $name RETURN properties, options', {
      name: ENTITY_NAMES_INDEX,
    }),
  );
  const record = result.records[0];
  if (!record) return;
  const properties = record.get('properties') as string[];
  const options = record.get('options') as { indexConfig?: Record<string, unknown> };
  const current =
    properties.join(',') === ENTITY_NAMES_PROPERTIES.join(',') && options.indexConfig?.['fulltext.analyzer'] === ENTITY_NAMES_ANALYZER;
  if (!current) await db.write((tx) => tx.run(`DROP INDEX ${ENTITY_NAMES_INDEX} IF EXISTS`));
}

/**
 * A store from before version 2 held only seed data in an older shape; it is emptied in batches so the seed load
 * rebuilds it. A version 2 store keeps its data and gains what version 3 adds. A fresh store is simply stamped.
 */
async function retireOlderModel(db: Database): Promise<void> {
  const found = await db.read((tx) =>
    tx.run(`OPTIONAL MATCH (m:StoreModel {key: 'model'}) RETURN m.version AS version, COUNT { (:Entity) } + COUNT { (:Document) } AS items`),
  );
  const version = found.records[0]?.get('version') as number | null;
  const items = Number(found.records[0]?.get('items') ?? 0);
  if (version === MODEL_VERSION) return;
  if (items > 0 && version === 2) {
    await migrateFrom2(db);
  } else if (items > 0 && (version === null || version < 2)) {
    for (;;) {
      const deleted = await db.write((tx) =>
        tx.run('MATCH (n) WHERE NOT n:StoreModel WITH n LIMIT 10000 DETACH DELETE n RETURN count(*) AS deleted'),
      );
      if (Number(deleted.records[0]?.get('deleted') ?? 0) === 0) break;
    }
  }
  await db.write((tx) => tx.run(`MERGE (m:StoreModel {key: 'model'}) SET m.version = $version`, { version: MODEL_VERSION }));
}

/**
 * Version 2 -> 3: every entity gets `searchRank` from its stored degree, in batches so a large store (100k+
 * entities) never holds one huge transaction; the full-text index picks the tokens up as they are written.
 */
export async function migrateFrom2(db: Database): Promise<void> {
  for (;;) {
    const result = await db.write((tx) =>
      tx.run(
        `MATCH (n:Entity) WHERE n.${SEARCH_RANK_PROPERTY} IS NULL
WITH n LIMIT $batch
SET n.${SEARCH_RANK_PROPERTY} = ${searchRankCypher('coalesce(n.degree, 0)')}
RETURN count(*) AS done`,
        { batch: neo4j.int(MIGRATION_BATCH) },
      ),
    );
    if (Number(result.records[0]?.get('done') ?? 0) === 0) break;
  }
}
