import type { CypherQuery, Database } from './driver.js';

/** Runs a read query whose rows each hold one map in `column`, converts them, and keys them by `id`. */
export async function readKeyed<T extends { id: string }>(
  db: Database,
  { cypher, params }: CypherQuery,
  column: string,
  convert: (value: Record<string, unknown>) => T,
): Promise<Map<string, T>> {
  const result = await db.read((tx) => tx.run(cypher, params));
  return new Map(
    result.records.map((record) => {
      const item = convert(record.get(column) as Record<string, unknown>);
      return [item.id, item];
    }),
  );
}
