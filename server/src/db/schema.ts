import type { Database } from './driver.js';
import { RELATIONSHIP_TYPE_NAMES } from '../graph/model.js';

/** Name of the full-text index over entity names and aliases. */
export const ENTITY_NAMES_INDEX = 'entity_names';

/**
 * Constraints and indexes the queries rely on, each idempotent (IF NOT EXISTS). The full-text index uses
 * Lucene's `standard-folding` analyzer, which lower-cases and folds diacritics (æ -> ae, é -> e).
 */
export function schemaStatements(): string[] {
  const statements = [
    'CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE',
    'CREATE CONSTRAINT document_id IF NOT EXISTS FOR (n:Document) REQUIRE n.id IS UNIQUE',
    'CREATE CONSTRAINT evidence_id IF NOT EXISTS FOR (n:Evidence) REQUIRE n.id IS UNIQUE',
    'CREATE INDEX entity_kind IF NOT EXISTS FOR (n:Entity) ON (n.kind)',
    'CREATE INDEX entity_seed_file IF NOT EXISTS FOR (n:Entity) ON (n.seedFile)',
    `CREATE FULLTEXT INDEX ${ENTITY_NAMES_INDEX} IF NOT EXISTS FOR (n:Entity) ON EACH [n.name, n.aliases]
       OPTIONS { indexConfig: { \`fulltext.analyzer\`: 'standard-folding', \`fulltext.eventually_consistent\`: false } }`,
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
  for (const statement of schemaStatements()) {
    // Schema changes cannot share a transaction with each other in Neo4j, so each gets its own.
    await db.write((tx) => tx.run(statement));
  }
  await db.write((tx) => tx.run('CALL db.awaitIndexes(60)'));
}
