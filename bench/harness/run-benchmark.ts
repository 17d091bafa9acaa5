/** The whole benchmark run: database, endpoints, checks, timings, search quality, memory, report. */
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import type { Database, Neo4jTarget } from '../../server/src/db/driver.js';
import { planGraph } from '../gen/plan.js';
import { sizeOptions, type GenerateOptions, type SizeName } from '../generate.js';
import { buildApiCases, readDeepKeys } from './cases-api.js';
import { NOT_YET_IN_SCHEMA, buildCases, type BenchCase } from './cases.js';
import { openBenchDatabase } from './database.js';
import { getText, postFloor, postGraphQL, startEndpoints, type Endpoints, type FloorHandler } from './endpoints.js';
import { measureRaw, summarise, type RawSeries, type Timing } from './measure.js';
import type { BenchResult, QueryRow } from './result.js';
import { chooseProbes } from './probes.js';
import { formatTable } from './report.js';
import { measureSearchQuality } from './search-quality.js';
import { measureArticleImport } from './articles.js';
import { evidenceCount, measureNaiveBaseline, type NaiveBaseline } from './naive-baseline.js';

export interface RunOptions {
  size: SizeName;
  seed: number;
  iterations: number;
  concurrencies?: number[];
  peer: boolean;
  out?: string;
  /** Time only the queries whose name contains this; the article import is then skipped. */
  only?: string | null;
  generate?: GenerateOptions;
  target?: Neo4jTarget;
  cache?: boolean;
  /** Entities per naive-baseline sample (default 200) and samples (default 5). */
  naiveEntities?: number;
  naiveSamples?: number;
  /** Cap per measured series (one path, one query, one concurrency). */
  maxMsPerSeries?: number;
  searchProbes?: number;
  /** Rounds over the article seeds in the article import measurement. */
  articleRounds?: number;
  /** Print the table to stdout (default true). */
  print?: boolean;
  log?: (line: string) => void;
}

const round = (value: number): number => Math.round(value * 100) / 100;
/** Turns each path gets per query and concurrency. */
const ROUNDS = 4;

export async function runBenchmark(options: RunOptions): Promise<BenchResult> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const generate = options.generate ?? sizeOptions(options.size, options.seed);
  const concurrencies = options.concurrencies ?? [1, 16];
  const bench = await openBenchDatabase(
    { size: options.size, seed: options.seed, generate, target: options.target, cache: options.cache },
    log,
  );
  let endpoints: Endpoints | undefined;
  try {
    const probes = chooseProbes(planGraph(generate), generate.seed, options.searchProbes ?? 50);
    const cases = [...buildCases(probes), ...buildApiCases(probes, await readDeepKeys(bench.db, probes))].filter(
      (c) => !options.only || c.name.includes(options.only),
    );
    const floors = new Map<string, FloorHandler>(cases.map((c) => [c.name, c.floor.run]));
    endpoints = await startEndpoints(bench.db, bench.target, floors, options.peer);
    const version = await neo4jVersion(bench.db);
    const rest = process.memoryUsage().rss;
    const neo4jAtRest = await neo4jMemory(bench.db);
    // The machine is shared: its load average goes into the result beside the figures.
    const loadStart = os.loadavg().map(round);
    let loadMax = rest;
    const rows: QueryRow[] = [];
    for (const benchCase of cases) {
      const check = await checkCase(benchCase, endpoints);
      if (check.note) log(`${benchCase.name}: ${check.note}`);
      if (!check.peerWorks && benchCase.peer && endpoints.peerUrl) {
        // The client gave up on @neo4j/graphql, but its query still runs in Neo4j (no transaction timeout) and
        // would load every series timed after it: end it first.
        const ended = await terminateRunawayTransactions(bench.db);
        if (ended > 0) log(`${benchCase.name}: terminated ${ended} @neo4j/graphql transaction(s) still running in Neo4j`);
      }
      for (const concurrency of concurrencies) {
        // The paths take turns in rounds, so drift on this shared machine (other processes, GC, page cache) hits
        // all three alike instead of whichever happened to run last.
        // Each round keeps every worker busy for a few requests, or concurrency 16 would not be 16.
        const rounds = Math.max(1, Math.min(ROUNDS, Math.floor(options.iterations / (concurrency * 3))));
        const perRound = Math.ceil(options.iterations / rounds);
        const series = { iterations: perRound, concurrency, warmup: 0, maxMs: Math.ceil((options.maxMsPerSeries ?? 20_000) / rounds) };
        const warm = { ...series, iterations: 0, warmup: Math.min(20, options.iterations) };
        const paths: { name: 'server' | 'floor' | 'peer'; request: () => Promise<void> }[] = [
          { name: 'server', request: () => requestServer(benchCase, endpoints!.serverUrl) },
          { name: 'floor', request: () => postFloor(endpoints!.floorUrl, benchCase.name, {}) },
        ];
        if (check.peerWorks && benchCase.peer && endpoints.peerUrl) {
          const { query, variables } = benchCase.peer;
          paths.push({ name: 'peer', request: () => postGraphQL(endpoints!.peerUrl!, query, variables) });
        }
        const raw = new Map<string, RawSeries[]>(paths.map((p) => [p.name, []]));
        for (const path of paths) await measureRaw(path.request, warm);
        for (let round = 0; round < rounds; round += 1) {
          for (const path of round % 2 === 0 ? paths : [...paths].reverse()) {
            const sampler = path.name === 'server' ? setInterval(() => (loadMax = Math.max(loadMax, process.memoryUsage().rss)), 100) : undefined;
            raw.get(path.name)!.push(await measureRaw(path.request, series));
            clearInterval(sampler);
          }
        }
        const server = summarise(raw.get('server')!);
        const floor = summarise(raw.get('floor')!);
        const peer: Timing | undefined = raw.get('peer') ? summarise(raw.get('peer')!) : undefined;
        const row: QueryRow = {
          name: benchCase.name,
          concurrency,
          server_p50_ms: round(server.p50),
          server_p95_ms: round(server.p95),
          server_p99_ms: round(server.p99),
          server_rps: round(server.rps),
          floor_p50_ms: round(floor.p50),
          floor_p95_ms: round(floor.p95),
          floor_p99_ms: round(floor.p99),
          floor_rps: round(floor.rps),
          peer_p50_ms: peer && peer.count > 0 ? round(peer.p50) : null,
          peer_p95_ms: peer && peer.count > 0 ? round(peer.p95) : null,
          peer_rps: peer && peer.count > 0 ? round(peer.rps) : null,
          equal_floor: check.equalFloor,
          equal_peer: check.equalPeer,
          errors: { server: server.errors, floor: floor.errors, peer: peer?.errors ?? 0 },
          capped: server.capped || floor.capped || Boolean(peer?.capped),
          ...(check.note ? { peer_note: check.note } : {}),
        };
        rows.push(row);
        log(`${row.name} c=${concurrency}: server p50 ${row.server_p50_ms} ms, floor ${row.floor_p50_ms} ms, peer ${row.peer_p50_ms ?? '-'} ms`);
      }
    }
    const neo4jUnderLoad = await neo4jMemory(bench.db);
    log('Search quality ...');
    const search = await measureSearchQuality(endpoints.serverUrl, probes);
    let articles: Awaited<ReturnType<typeof measureArticleImport>> | null = null;
    if (!options.only) {
      log('Article import with the whole graph as gazetteer ...');
      articles = await measureArticleImport(bench.db, options.articleRounds ?? 3);
      log(`Articles: ${articles.articles_per_s}/s (${articles.import_ms_per_article} ms each; gazetteer of ${articles.gazetteer_names} names built in ${articles.gazetteer_build_ms} ms)`);
    }
    const stats = bench.importStats;
    let naive: NaiveBaseline | null = null;
    if (!options.only) {
      log('Naive import baseline ...');
      const counts = { ...stats, evidence: stats.evidence ?? (await evidenceCount(bench.db)) };
      naive = await measureNaiveBaseline(bench.db, generate, counts, log, { entities: options.naiveEntities, samples: options.naiveSamples });
    }
    const result: BenchResult = {
      size: options.generate ? `custom (${generate.entities} entities)` : options.size,
      seed: generate.seed,
      machine: `${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.platform()} ${os.release()}, Node ${process.version}`,
      date: new Date().toISOString(),
      iterations: options.iterations,
      neo4j: { where: bench.neo4j.where, version, heap: bench.neo4j.heap, page_cache: bench.neo4j.pageCache },
      graph: { entities: stats.entities, relationships: stats.relationships, documents: stats.documents, cached: bench.cached, hub: probes.hubId, ordinary: probes.ordinaryId },
      ...(options.only ? { only: options.only } : {}),
      queries: rows,
      not_yet_in_schema: NOT_YET_IN_SCHEMA,
      search_top5: round(search.top5),
      search,
      import: {
        importer: stats.importer,
        entities_per_s: round(stats.entities_per_s),
        relationships_per_s: round(stats.relationships_per_s),
        naive_entities_per_s: naive && round(naive.entities_per_s),
        articles_per_s: articles?.articles_per_s ?? null,
        articles,
        naive_relationships_per_s: naive && round(naive.relationships_per_s),
        seconds: round(stats.seconds),
        naive_estimated_seconds: naive && round(naive.estimated_seconds),
        naive: naive && {
          ...naive,
          entities_per_s: round(naive.entities_per_s),
          relationships_per_s: round(naive.relationships_per_s),
          entities_per_s_min: round(naive.entities_per_s_min),
          entities_per_s_max: round(naive.entities_per_s_max),
          estimated_seconds: round(naive.estimated_seconds),
          seconds: round(naive.seconds),
          per_sample_entities_per_s: naive.per_sample_entities_per_s.map(round),
        },
      },
      memory: {
        rss_at_rest_mb: round(rest / 2 ** 20),
        rss_under_load_max_mb: round(loadMax / 2 ** 20),
        note: 'RSS of the benchmark process, which hosts the server, the floor endpoint, @neo4j/graphql and the load generator; Neo4j runs in its own JVM',
        neo4j_at_rest: neo4jAtRest,
        neo4j_after_load: neo4jUnderLoad,
      },
      load_average: { start: loadStart, end: os.loadavg().map(round) },
    };
    if (options.out) {
      await mkdir(path.dirname(options.out), { recursive: true });
      await writeFile(options.out, `${JSON.stringify(result, null, 2)}\n`);
      // The same table as printed, for the README and reviews (full tables live next to the JSON).
      await writeFile(options.out.replace(/\.json$/, '') + '.md', `# Benchmark ${result.size}, ${result.date}\n\n\`\`\`text${formatTable(result)}\`\`\`\n`);
    }
    if (options.print !== false) console.log(formatTable(result));
    return result;
  } finally {
    await endpoints?.close();
    await bench.close();
  }
}

/** The server's answer: GraphQL data, or the body of a GET (the export). */
function requestServer(benchCase: BenchCase, url: string): Promise<any> {
  const { server } = benchCase;
  return 'get' in server ? getText(url, server.get) : postGraphQL(url, server.query, server.variables);
}

/** One request per side, compared by content; decides whether the peer is timed at all. */
async function checkCase(benchCase: BenchCase, endpoints: Endpoints): Promise<{ equalFloor: boolean; equalPeer: boolean | null; peerWorks: boolean; note?: string }> {
  const server = benchCase.server.canon(await requestServer(benchCase, endpoints.serverUrl));
  const floor = benchCase.floor.canon(await postFloor(endpoints.floorUrl, benchCase.name, {}));
  const equalFloor = JSON.stringify(server) === JSON.stringify(floor);
  if (!benchCase.peer || !endpoints.peerUrl) return { equalFloor, equalPeer: null, peerWorks: false, ...(benchCase.peerNote ? { note: benchCase.peerNote } : {}) };
  try {
    const data = await postGraphQL(endpoints.peerUrl, benchCase.peer.query, benchCase.peer.variables);
    const equalPeer = benchCase.peer.canon ? JSON.stringify(benchCase.peer.canon(data)) === JSON.stringify(server) : null;
    return { equalFloor, equalPeer, peerWorks: true, ...(benchCase.peerNote ? { note: benchCase.peerNote } : {}) };
  } catch (error) {
    return { equalFloor, equalPeer: null, peerWorks: false, note: `@neo4j/graphql failed: ${String(error).slice(0, 200)}` };
  }
}

/**
 * Terminates the transactions that have run for more than `seconds` (only the peer's abandoned queries do: every
 * other query of the benchmark answers within the client's 30 s), and waits until they are gone.
 */
async function terminateRunawayTransactions(db: Database, seconds = 10): Promise<number> {
  const runaway = async (): Promise<string[]> => {
    const result = await db.read((tx) =>
      tx.run(
        "SHOW TRANSACTIONS YIELD transactionId, elapsedTime, currentQuery WHERE elapsedTime.seconds >= $seconds AND NOT currentQuery STARTS WITH 'SHOW' RETURN transactionId",
        { seconds: neo4j.int(seconds) },
      ),
    );
    return result.records.map((record) => record.get('transactionId') as string);
  };
  const ids = await runaway().catch(() => []);
  if (ids.length === 0) return 0;
  await db.write((tx) => tx.run('TERMINATE TRANSACTIONS $ids', { ids })).catch(() => undefined);
  for (let i = 0; i < 50 && (await runaway().catch(() => [])).length > 0; i += 1) await new Promise((resolve) => setTimeout(resolve, 200));
  return ids.length;
}

async function neo4jVersion(db: { read: (work: (tx: any) => Promise<any>) => Promise<any> }): Promise<string> {
  try {
    const result = await db.read((tx) => tx.run('CALL dbms.components() YIELD versions, edition RETURN versions[0] AS version, edition'));
    const record = result.records[0];
    return `${record?.get('version')} ${record?.get('edition')}`;
  } catch {
    return 'unknown';
  }
}

/** Neo4j's heap in use and committed (JMX), and the page cache's configured size and use where the edition reports it. */
async function neo4jMemory(db: { read: (work: (tx: any) => Promise<any>) => Promise<any> }): Promise<Record<string, number | null>> {
  const mb = (bytes: unknown): number | null => (typeof bytes === 'number' || typeof bytes === 'bigint' ? round(Number(bytes) / 2 ** 20) : null);
  try {
    const result = await db.read((tx) => tx.run("CALL dbms.queryJmx('java.lang:type=Memory') YIELD attributes RETURN attributes.HeapMemoryUsage.value.properties AS heap"));
    const heap = result.records[0]?.get('heap') as Record<string, unknown> | undefined;
    const num = (value: unknown): unknown => (value && typeof value === 'object' && 'toNumber' in value ? (value as { toNumber(): number }).toNumber() : value);
    return { heap_used_mb: mb(num(heap?.used)), heap_committed_mb: mb(num(heap?.committed)), heap_max_mb: mb(num(heap?.max)) };
  } catch {
    return { heap_used_mb: null, heap_committed_mb: null, heap_max_mb: null };
  }
}
