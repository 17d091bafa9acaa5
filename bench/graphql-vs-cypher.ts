/**
 * Benchmark: the GraphQL API (in process, through yoga.fetch) against the same reads as raw Cypher through the
 * driver, on the seed graph. Prints one table. Uses NEO4J_URI when set, else a throw-away local Neo4j.
 *
 *   npm run bench            (ITERATIONS=300 by default)
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { prepareDatabase } from '../server/src/bootstrap.js';
import { createDatabase, type CypherQuery, type Database, type Neo4jTarget } from '../server/src/db/driver.js';
import { createGraphQLServer } from '../server/src/http/yoga.js';
import { neighbourhoodQuery } from '../server/src/neighbourhood/queries.js';
import { LocalNeo4j } from '../server/src/neo4j-local/local-neo4j.js';
import { freePort } from '../server/src/neo4j-local/ports.js';
import { searchQuery } from '../server/src/search/queries.js';

const ITERATIONS = Number(process.env.ITERATIONS ?? 300);
const WARMUP = Math.min(50, ITERATIONS);

interface Case {
  name: string;
  graphql: { query: string; variables: Record<string, unknown> };
  cypher: CypherQuery;
}

const CASES: Case[] = [
  {
    name: 'search "jaere" (first 10)',
    graphql: { query: 'query($q:String!){search(query:$q,first:10){score entity{id name kind}}}', variables: { q: 'jaere' } },
    cypher: searchQuery({ query: 'jaere', kinds: null, first: 10 }),
  },
  {
    name: 'neighbourhood Sykehuspartner depth 2',
    graphql: {
      query: 'query($ids:[ID!]!){neighbourhood(ids:$ids,depth:2){truncated nodes{id name kind} edges{id type source target title}}}',
      variables: { ids: ['org:sykehuspartner'] },
    },
    cypher: neighbourhoodQuery({ ids: ['org:sykehuspartner'], depth: 2, limit: 200 }),
  },
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

interface Timing {
  p50: number;
  p95: number;
  opsPerSecond: number;
}

function summarise(times: number[]): Timing {
  const total = times.reduce((sum, time) => sum + time, 0);
  const sorted = [...times].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), opsPerSecond: (times.length / total) * 1000 };
}

/** Times two ways of doing the same read, alternating them every iteration so drift (JIT, GC, caches) hits both alike. */
async function measurePair(a: () => Promise<unknown>, b: () => Promise<unknown>): Promise<[Timing, Timing]> {
  for (let i = 0; i < WARMUP; i += 1) {
    await a();
    await b();
  }
  const timesA: number[] = [];
  const timesB: number[] = [];
  for (let i = 0; i < ITERATIONS; i += 1) {
    for (const [run, times] of (i % 2 === 0 ? [[a, timesA], [b, timesB]] : [[b, timesB], [a, timesA]]) as [() => Promise<unknown>, number[]][]) {
      const t0 = performance.now();
      await run();
      times.push(performance.now() - t0);
    }
  }
  return [summarise(timesA), summarise(timesB)];
}

async function main(): Promise<void> {
  let local: LocalNeo4j | undefined;
  let dataDir: string | undefined;
  let target: Neo4jTarget;
  if (process.env.NEO4J_URI) {
    target = { uri: process.env.NEO4J_URI, username: process.env.NEO4J_USERNAME ?? 'neo4j', password: process.env.NEO4J_PASSWORD ?? '' };
  } else {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'kgx-bench-'));
    local = new LocalNeo4j({ dataDir, boltPort: await freePort(), log: (line) => process.stderr.write(`[neo4j] ${line}\n`) });
    target = await local.start();
  }
  const db: Database = createDatabase(target);
  try {
    await prepareDatabase(db, { loadSeeds: true, log: (line) => process.stderr.write(`${line}\n`) });
    const yoga = createGraphQLServer({ db, maxBodyBytes: 100_000 });
    const rows: string[][] = [];
    for (const benchCase of CASES) {
      const [viaGraphql, viaCypher] = await measurePair(async () => {
        const response = await yoga.fetch('http://localhost/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(benchCase.graphql),
        });
        const body = (await response.json()) as { errors?: unknown };
        if (body.errors) throw new Error(JSON.stringify(body.errors));
      }, () => db.read((tx) => tx.run(benchCase.cypher.cypher, benchCase.cypher.params)));
      for (const [label, result] of [['GraphQL (yoga.fetch)', viaGraphql], ['raw Cypher (driver)', viaCypher]] as const) {
        rows.push([benchCase.name, label, result.p50.toFixed(2), result.p95.toFixed(2), result.opsPerSecond.toFixed(0)]);
      }
      rows.push([benchCase.name, 'GraphQL / Cypher p50', (viaGraphql.p50 / viaCypher.p50).toFixed(2) + 'x', '', '']);
    }
    const header = ['case', 'path', 'p50 ms', 'p95 ms', 'ops/s'];
    const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
    const line = (cells: string[]): string => cells.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ');
    console.log(`\n${ITERATIONS} iterations per path (the two paths alternate) after ${WARMUP} warm-up, one client, Neo4j ${local ? 'local' : target.uri}\n`);
    console.log(line(header));
    console.log(widths.map((width) => '-'.repeat(width)).join('-|-'));
    for (const row of rows) console.log(line(row));
  } finally {
    await db.close();
    await local?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
