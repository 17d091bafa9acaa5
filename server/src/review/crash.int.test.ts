import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { ManagedTransaction } from 'neo4j-driver';
import { afterAll, describe, expect, it } from 'vitest';
import { startPrivateNeo4j, type PrivateNeo4j } from '../../test/private-neo4j.js';
import type { Database } from '../db/driver.js';
import { loadSeeds } from '../seed/load.js';
import { importArticleFile } from './articles.js';
import { forgetGazetteer } from './gazetteer-cache.js';
import { acceptAbove } from './review.js';

// Issue 10 item 5 for the article import (issue 7): the database process is killed for real (SIGKILL) in the
// middle of an article's import transaction and in the middle of accepting a document's proposals, on a private
// Neo4j so the other test files' database is not disturbed. Both are one transaction each (store.ts, review.ts):
// after the restart the store is exactly as before or exactly as after the step, and re-running ends with the
// counts of a run that was never interrupted.

const SEEDS = path.resolve(import.meta.dirname, '../../../seeds');
const ARTICLES = path.join(SEEDS, 'articles');
const AT = '2026-11-26T12:00:00.000Z';

/** Everything an article import and a review write, counted over the whole (private) store. */
async function counts(db: Database): Promise<Record<string, number>> {
  const result = await db.read((tx) =>
    tx.run(`RETURN COUNT { MATCH (d:Document) } AS documents,
  COUNT { MATCH (m:Mention) } AS mentions,
  COUNT { MATCH (p:Proposal) WHERE p.status = 'PENDING' } AS pending,
  COUNT { MATCH (p:Proposal) WHERE p.status = 'ACCEPTED' } AS accepted,
  COUNT { MATCH (p:Proposal) } AS proposals,
  COUNT { MATCH (n:Entity) } AS entities,
  COUNT { MATCH (:Entity)-[r]->(:Entity) } AS relationships,
  COUNT { MATCH (e:Evidence) } AS evidence,
  COUNT { MATCH (p:Proposal) WHERE p.status = 'ACCEPTED' AND NOT EXISTS { MATCH (n:Entity {id: p.writtenId}) } AND NOT EXISTS { MATCH ()-[r {id: p.writtenId}]->() } } AS acceptedWithoutFact,
  COUNT { MATCH (p:Proposal) WHERE NOT EXISTS { MATCH (d:Document {id: p.documentId}) } } AS orphanProposals,
  COUNT { MATCH (m:Mention) WHERE NOT EXISTS { MATCH (d:Document {id: m.documentId}) } OR NOT EXISTS { MATCH (n:Entity {id: m.entityId}) } } AS orphanMentions,
  COUNT { MATCH (e:Evidence) WHERE NOT EXISTS { MATCH (d:Document {id: e.documentId}) } } AS orphanEvidence`),
  );
  const record = result.records[0]!;
  return Object.fromEntries(record.keys.map((key) => [String(key), Number(record.get(key))]));
}

/**
 * The database as the import sees it, except that the statement matching `at` in a write transaction first kills
 * the Neo4j process (once): everything before it in the transaction has run, nothing after it can.
 */
function killingAt(db: Database, at: (cypher: string, nth: number) => boolean, kill: () => void): Database & { killed: () => boolean } {
  let killed = false;
  let seen = 0;
  const wrap = (tx: ManagedTransaction): ManagedTransaction =>
    new Proxy(tx, {
      get(target, property, receiver) {
        if (property !== 'run') return Reflect.get(target, property, receiver);
        return (cypher: string, params?: Record<string, unknown>) => {
          if (!killed && at(cypher, (seen += 1))) {
            killed = true;
            kill();
          }
          return target.run(cypher, params);
        };
      },
    });
  return {
    ...db,
    read: db.read.bind(db),
    write: (work, options) => db.write((tx) => work(wrap(tx)), options),
    killed: () => killed,
  } as Database & { killed: () => boolean };
}

describe('an article import and a review, with the database killed mid-transaction (a private Neo4j, killed for real)', () => {
  let neo4j: PrivateNeo4j | undefined;

  afterAll(async () => {
    await neo4j?.stop();
  });

  it('leaves each article and each accept-above batch all or nothing, and a re-run ends with the counts of an uninterrupted run', async () => {
    const local = (neo4j = await startPrivateNeo4j({ name: 'kgx-article-crash-' }));
    const { db } = local;
    const files = (await readdir(ARTICLES)).filter((name) => name.endsWith('.txt')).sort().map((name) => path.join(ARTICLES, name));
    expect(files.length).toBeGreaterThanOrEqual(6);

    const fresh = async (): Promise<void> => {
      await db.write((tx) => tx.run('MATCH (n) DETACH DELETE n'));
      forgetGazetteer();
      await loadSeeds(db, SEEDS);
    };
    const importStep = (on: Database, file: string) => importArticleFile(on, file, { at: AT });
    const acceptStep = async (on: Database, file: string): Promise<number> => {
      const documentId = (await importStep(on, file)).documentId; // unchanged by now: answers the document's id
      return (await on.write((tx) => acceptAbove(tx, documentId, 0, { source: 'test:accept-all', at: AT }))).length;
    };

    // The uninterrupted run: counts after every step (import each article, then accept each one's proposals).
    await fresh();
    const clean: Record<string, number>[] = [await counts(db)];
    for (const file of files) {
      await importStep(db, file);
      clean.push(await counts(db));
    }
    const acceptedPer: number[] = [];
    for (const file of files) {
      acceptedPer.push(await acceptStep(db, file));
      clean.push(await counts(db));
    }
    const final = clean[clean.length - 1]!;
    expect(final.mentions).toBeGreaterThan(0);
    expect(final.accepted).toBeGreaterThan(10);
    expect(final).toMatchObject({ acceptedWithoutFact: 0, orphanProposals: 0, orphanMentions: 0, orphanEvidence: 0 });

    /** Kills the database at the chosen statement of `step`, waits for the restart, and returns the store's counts. */
    const crash = async (step: (on: Database) => Promise<unknown>, at: (cypher: string, nth: number) => boolean) => {
      const before = local.restarts();
      const killing = killingAt(db, at, () => local.kill());
      const outcome = await step(killing).then(
        () => 'completed',
        () => 'failed',
      );
      expect(killing.killed()).toBe(true);
      await local.waitForRestart(before);
      process.stderr.write(`[crash] killed mid-transaction; the step ${outcome}\n`);
      return { outcome, after: await counts(db) };
    };

    // (a) An article import: the database dies after the document and its mentions were written in the
    // transaction, just before its proposals are.
    await fresh();
    const victim = 2;
    for (const file of files.slice(0, victim)) await importStep(db, file);
    expect(await counts(db)).toEqual(clean[victim]);
    const imported = await crash((on) => importStep(on, files[victim]!), (cypher) => cypher.includes('CREATE (p:Proposal)'));
    // All or nothing: as before the article (the usual case), or as after it when the driver's retry completed it.
    expect(imported.outcome === 'completed' ? [clean[victim + 1]] : [clean[victim]]).toContainEqual(imported.after);
    for (const file of files.slice(victim)) await importStep(db, file);
    expect(await counts(db)).toEqual(clean[files.length]);

    // (b) Accepting every proposal of the article with the most: the database dies halfway through the batch.
    const busiest = acceptedPer.indexOf(Math.max(...acceptedPer));
    const half = Math.floor(acceptedPer[busiest]! / 2);
    expect(half).toBeGreaterThan(2);
    for (const file of files.slice(0, busiest)) await acceptStep(db, file);
    const step = files.length + busiest;
    expect(await counts(db)).toEqual(clean[step]);
    let marked = 0;
    const accepted = await crash(
      (on) => acceptStep(on, files[busiest]!),
      (cypher) => cypher.includes("p.status = 'ACCEPTED', p.writtenId") && (marked += 1) === half,
    );
    expect(accepted.outcome === 'completed' ? [clean[step + 1]] : [clean[step]]).toContainEqual(accepted.after);
    for (const file of files.slice(busiest)) await acceptStep(db, file);
    expect(await counts(db)).toEqual(final);
  }, 900_000);
});
