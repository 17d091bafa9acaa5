/**
 * Smoke run of the benchmark on a tiny generated graph in the test database: proves the harness works end to end
 * (generate, import, naive baseline, the three endpoints, content checks, search probes, JSON). No timing is
 * asserted; the machine's load decides those. The generated data is removed afterwards so other tests see the seeds only.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createDatabase } from '../server/src/db/driver.js';
import { planGraph } from './gen/plan.js';
import type { GenerateOptions } from './generate.js';
import type { BenchResult } from './harness/result.js';
import { runBenchmark } from './harness/run-benchmark.js';

const GENERATE: GenerateOptions = { seed: 5, entities: 200, relationships: 600, documentsPerBundle: 50 };

describe('benchmark harness (smoke)', () => {
  const { uri, username, password, database } = inject('neo4j');
  const target = { uri, username, password, database };
  let dir: string | undefined;

  afterAll(async () => {
    const db = createDatabase(target);
    try {
      await db.write(async (tx) => {
        await tx.run('UNWIND $ids AS id MATCH (n:Entity {id: id}) DETACH DELETE n', { ids: planGraph(GENERATE).ids });
        await tx.run("MATCH (e:Evidence) WHERE e.documentId STARTS WITH 'doc:g-' DETACH DELETE e");
        await tx.run("MATCH (d:Document) WHERE d.id STARTS WITH 'doc:g-' DETACH DELETE d");
      });
    } finally {
      await db.close();
    }
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('runs every query three ways and writes the result JSON', { timeout: 300_000 }, async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'kgx-bench-smoke-'));
    const out = path.join(dir, 'latest.json');
    await runBenchmark({
      size: 'S',
      seed: GENERATE.seed,
      generate: GENERATE,
      target,
      cache: false,
      iterations: 2,
      concurrencies: [1, 2],
      peer: true,
      naiveEntities: 15,
      naiveSamples: 2,
      maxMsPerSeries: 5_000,
      searchProbes: 6,
      articleRounds: 1,
      out,
      print: false,
      log: () => undefined,
    });
    const result = JSON.parse(await readFile(out, 'utf8')) as BenchResult;
    expect(result).toMatchObject({ size: expect.any(String), machine: expect.any(String), search_top5: expect.any(Number) });
    expect(result.import.entities_per_s).toBeGreaterThan(0);
    expect(result.import.naive_entities_per_s).toBeGreaterThan(0);
    expect(result.import.naive?.samples).toBe(2);
    expect(result.import.naive!.entities_per_s_min).toBeLessThanOrEqual(result.import.naive!.entities_per_s_max);
    expect(result.graph.entities).toBe(GENERATE.entities);
    expect(result.queries.length).toBeGreaterThanOrEqual(40);
    // The read-API cases are all there (the tiny graph has a path through the hub and pages to go deep into).
    for (const name of ['expansion preview (hub)', 'shortest path (through the hub)', 'entities page (first, by name, 50)', 'export 10k entities']) {
      expect(result.queries.some((row) => row.name.startsWith(name)), name).toBe(true);
    }
    expect(result.queries.some((row) => /^entities page after \d+/.test(row.name))).toBe(true);
    // The article seeds went through importArticle with the graph's names as gazetteer, and were removed again.
    expect(result.import.articles?.gazetteer_entities).toBeGreaterThanOrEqual(GENERATE.entities);
    expect(result.import.articles_per_s).toBeGreaterThan(0);
    for (const row of result.queries) {
      expect(row).toMatchObject({ name: expect.any(String), concurrency: expect.any(Number), server_p50_ms: expect.any(Number), floor_p50_ms: expect.any(Number) });
      expect(row.peer_p50_ms === null || typeof row.peer_p50_ms === 'number').toBe(true);
      // Same data, same content: the server must answer exactly what the floor does.
      expect(row.equal_floor, row.name).toBe(true);
      expect(row.errors.server + row.errors.floor, row.name).toBe(0);
    }
    // Where @neo4j/graphql's answer is comparable, it matches too.
    expect(result.queries.filter((row) => row.equal_peer === false).map((row) => row.name)).toEqual([]);
  });
});
