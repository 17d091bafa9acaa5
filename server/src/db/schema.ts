import type { Database } from './driver.js';
import { RELATIONSHIP_TYPE_NAMES } from '../graph/model.js';

/** Name of the full-text index over entity names and aliases. */
export const ENTITY_NAMES_INDEX = 'entity_names';

/** Analyzer of the full-text index: it tokenises and lower-cases, with no stop words ("IT" must stay searchable). */
export const ENTITY_NAMES_ANALYZER = 'standard-no-stop-words';

/**
 * Constraints and indexes the queries rely on, each idempotent (IF NOT EXISTS). The full-text index covers
 * `searchNames`, the entity's name and aliases folded for case and diacritics (see search/fields.ts).
 */
export function schemaStatements(): string[] {
  const statements = [
    'CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE',
    'CREATE CONSTRAINT document_id IF NOT EXISTS FOR (n:Document) REQUIRE n.id IS UNIQUE',
    'CREATE CONSTRAINT evidence_id IF NOT EXISTS FOR (n:Evidence) REQUIRE n.id IS UNIQUE',
    'CREATE INDEX entity_kind IF NOT EXISTS FOR (n:Entity) ON (n.kind)',
    'CREATE INDEX entity_seed_file IF NOT EXISTS FOR (n:Entity) ON (n.seedFile)',
    `CREATE FULLTEXT INDEX ${ENTITY_NAMES_INDEX} IF NOT EXISTS FOR (n:Entity) ON EACH [n.searchNames]
       OPTIONS { indexConfig: { \`fulltext.analyzer\`: '${ENTITY_NAMES_ANALYZER}', \`fulltext.eventually_consistent\`: false } }`,
  ];
  // Relationship types cannot be parameters; these come from the allowlist only.
  for (const type of RELATIONSHIP_TYPE_NAMES) {
    statements.push(
      `CREATE CONSTRAINT rel_${type.toLowerCase()}_id IF NOT EXISTS FOR ()-[r:${type}]-() REQUIRE r.id IS UNIQUE`,
    );
  }
  return statements;
}

/** Applies constraints and indexes (safe at every start) and waits until they are online. */
export async function applySchema(db: Database): Promise<void> {
  await dropOutdatedSearchIndex(db);
  for (const statement of schemaStatements()) {
    // Schema changes cannot share a transaction with each other in Neo4j, so each gets its own.
    await db.write((tx) => tx.run(statement));
  }
  await db.write((tx) => tx.run('CALL db.awaitIndexes(60)'));
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
  const current = properties.join(',') === 'searchNames' && options.indexConfig?.['fulltext.analyzer'] === ENTITY_NAMES_ANALYZER;
  if (!current) await db.write((tx) => tx.run(`DROP INDEX ${ENTITY_NAMES_INDEX} IF EXISTS`));
}
