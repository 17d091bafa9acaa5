import neo4j from 'neo4j-driver';
import type { CypherQuery, Database } from '../db/driver.js';
import { isEntityKind } from '../graph/model.js';
import { Gazetteer, type GazetteerEntry } from '../import/index.js';

/** Names are read in pages of this many entities: one huge unbounded query would hold the whole store in memory twice. */
export const GAZETTEER_BATCH = 5_000;

/**
 * What the store's entities look like now, at the cost of two index reads: the count (count store) and the latest
 * `updatedAt` (its index). Any write through the write path that creates, renames, merges or deletes an entity
 * changes one of them, whoever made it (this server, the CLI, a seed load), so a cached gazetteer is never stale
 * without an event bus between processes.
 */
export async function storeFingerprint(db: Database): Promise<string> {
  const query = fingerprintQuery();
  const result = await db.read((tx) => tx.run(query.cypher, query.params));
  const record = result.records[0];
  return `${String(record?.get('entities'))}|${String(record?.get('latest') ?? '')}`;
}

/** A range seek (`>= ''`) rather than an existence scan: read in index order, it stops at the first row. */
export function fingerprintQuery(): CypherQuery {
  return {
    cypher: `CALL () { MATCH (n:Entity) RETURN count(n) AS entities }
CALL () { OPTIONAL MATCH (n:Entity) WHERE n.updatedAt >= '' RETURN n.updatedAt AS latest ORDER BY n.updatedAt DESC LIMIT 1 }
RETURN entities, latest`,
    params: {},
  };
}

/** One page of the gazetteer's entities after `after` in id order, read off the id index. */
export function gazetteerPageQuery(after: string, batch: number): CypherQuery {
  return {
    cypher: `MATCH (n:Entity) WHERE n.id > $after
RETURN n.id AS id, n.kind AS kind, n.name AS name, coalesce(n.aliases, []) AS aliases ORDER BY n.id LIMIT $limit`,
    params: { after, limit: neo4j.int(batch) },
  };
}

/** Every entity's id, kind, name and aliases, read in keyset pages over the id index. */
export async function readGazetteerEntries(db: Database, batch = GAZETTEER_BATCH): Promise<GazetteerEntry[]> {
  const entries: GazetteerEntry[] = [];
  let after = '';
  for (;;) {
    const query = gazetteerPageQuery(after, batch);
    const page = await db.read((tx) => tx.run(query.cypher, query.params));
    for (const record of page.records) {
      const kind = String(record.get('kind'));
      if (!isEntityKind(kind)) continue;
      entries.push({ entityId: String(record.get('id')), kind, name: String(record.get('name')), aliases: record.get('aliases') as string[] });
    }
    if (page.records.length < batch) return entries;
    after = String(page.records[page.records.length - 1]?.get('id'));
  }
}

let cached: { fingerprint: string; gazetteer: Gazetteer } | undefined;
let building: Promise<Gazetteer> | undefined;

/**
 * The gazetteer of the store's entities, built once per process and rebuilt when the store's fingerprint changes
 * (see storeFingerprint). Concurrent imports share one build.
 */
export async function currentGazetteer(db: Database): Promise<Gazetteer> {
  const fingerprint = await storeFingerprint(db);
  if (cached?.fingerprint === fingerprint) return cached.gazetteer;
  building ??= (async () => {
    try {
      const gazetteer = new Gazetteer(await readGazetteerEntries(db));
      cached = { fingerprint, gazetteer };
      return gazetteer;
    } finally {
      building = undefined;
    }
  })();
  return building;
}

/** Drops the cached gazetteer (tests, and a caller that knows the store changed under the same fingerprint). */
export function forgetGazetteer(): void {
  cached = undefined;
}
