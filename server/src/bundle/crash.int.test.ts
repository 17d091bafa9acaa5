import { afterAll, describe, expect, it } from 'vitest';
import { startPrivateNeo4j, type PrivateNeo4j } from '../../test/private-neo4j.js';
import type { Database } from '../db/driver.js';
import { importBundle } from './import.js';

/** A bundle big enough that its one transaction runs for a while: people, organisations and their roles. */
function bigBundle(people: number) {
  const sentences: string[] = [];
  const entities: unknown[] = [];
  const relationships: unknown[] = [];
  for (let org = 0; org < 50; org += 1) {
    sentences.push(`Organisasjon ${org} ble stiftet.`);
    entities.push({ id: `org:crash-${org}`, kind: 'ORGANISATION', name: `Organisasjon ${org}`, evidence: [{ quote: `Organisasjon ${org} ble stiftet.` }] });
  }
  for (let i = 0; i < people; i += 1) {
    const sentence = `Person ${i} er rådgiver i Organisasjon ${i % 50}.`;
    sentences.push(sentence);
    entities.push({ id: `person:crash-${i}`, kind: 'PERSON', name: `Person ${i}`, evidence: [{ quote: sentence }] });
    relationships.push({ type: 'ROLE_AT', source: `person:crash-${i}`, target: `org:crash-${i % 50}`, title: 'rådgiver', evidence: [{ quote: sentence }] });
  }
  return {
    documents: [{ id: 'doc:crash', title: 'Krasjtest', text: sentences.join('\n'), publishedAt: '2024', language: 'nb' }],
    document: 'doc:crash',
    entities,
    relationships,
  };
}

async function countOf(db: Database, cypher: string): Promise<number> {
  const result = await db.read((tx) => tx.run(cypher));
  return Number(result.records[0]?.get(0) ?? 0);
}

describe('writes and a database killed mid-import (a private Neo4j, killed for real)', () => {
  let neo4j: PrivateNeo4j | undefined;

  afterAll(async () => {
    await neo4j?.stop();
  });

  it('keeps acknowledged writes, leaves nothing of a half-done bundle, and a re-run completes it with the counts of an uninterrupted run', async () => {
    const local = (neo4j = await startPrivateNeo4j({ name: 'kgx-crash-test-' }));
    const { db } = local;

    // Acknowledged before the crash.
    const small = { documents: [{ id: 'doc:ack', title: 'Kvittert', text: 'Kari Kvittering er direktør.' }], document: 'doc:ack', entities: [{ id: 'person:ack', kind: 'PERSON', name: 'Kari Kvittering', evidence: [{ quote: 'Kari Kvittering' }] }] };
    expect((await importBundle(db, small, { origin: 'bundle:ack' })).entities.created).toBe(1);

    const bundle = bigBundle(6_000);
    let batches = 0;
    const interrupted = importBundle(db, bundle, {
      origin: 'bundle:crash',
      progress: () => {
        batches += 1;
        // Kill the database once the transaction has written its first batch.
        if (batches === 1) local.kill();
      },
    });
    const outcome = await interrupted.then(
      () => 'completed',
      () => 'failed',
    );
    expect(batches).toBeGreaterThan(0);
    await local.waitForRestart(0);

    expect(await countOf(db, "MATCH (n:Person {id: 'person:ack'}) RETURN count(n)")).toBe(1);
    const people = await countOf(db, "MATCH (n:Person) WHERE n.id STARTS WITH 'person:crash-' RETURN count(n)");
    // All or nothing: a driver retry after the restart may have completed it; a half-written bundle may not exist.
    expect(people === 0 || (outcome === 'completed' && people === 6_000)).toBe(true);

    const rerun = await importBundle(db, bundle, { origin: 'bundle:crash' });
    if (people === 0) {
      expect(rerun.entities).toEqual({ created: 6_050, updated: 0, unchanged: 0 });
      expect(rerun.relationships).toEqual({ created: 6_000, updated: 0, unchanged: 0 });
      expect(rerun.evidence).toEqual({ created: 12_050, updated: 0, unchanged: 0 });
    }
    const again = await importBundle(db, bundle, { origin: 'bundle:crash' });
    expect(again.entities).toEqual({ created: 0, updated: 0, unchanged: 6_050 });
    expect(await countOf(db, "MATCH (n:Organisation {id: 'org:crash-7'}) RETURN n.degree")).toBe(120);
    expect(await countOf(db, "MATCH (e:Evidence) WHERE e.documentId = 'doc:crash' RETURN count(e)")).toBe(12_050);

    // A planned restart on the same store keeps every acknowledged write.
    await local.restart();
    expect(await countOf(db, "MATCH (n:Entity) WHERE n.id STARTS WITH 'person:crash-' OR n.id = 'person:ack' RETURN count(n)")).toBe(6_001);
  }, 600_000);
});
