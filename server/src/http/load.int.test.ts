import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readdir, readFile, readlink } from 'node:fs/promises';
import path from 'node:path';
import autocannon from 'autocannon';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { removeTestData, testDatabase } from '../../test/harness.js';
import { logger } from '../log.js';
import { freePort } from '../neo4j-local/ports.js';

// Load: the real server (`server/src/main.ts`, as a child process so its memory and Bolt sockets are its own) on
// loopback, driven by autocannon. `npm test` runs a few seconds; `npm run load` the full 30 s (LOAD_SECONDS=30).
const SECONDS = Number(process.env.LOAD_SECONDS ?? 3);
const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 50);
/** The server closes an idle Bolt pool after this long (KGX_NEO4J_IDLE_MS); short here so the test need not wait. */
const IDLE_MS = 2_000;
/** How far above their idle baselines (after full GCs) the server's V8 heap and resident memory may stay after the load. */
const HEAP_SLACK_MB = 20;
const RSS_SLACK_MB = 100;

const REPO = path.resolve(import.meta.dirname, '../../..');
const neo4jTarget = inject('neo4j');
/** Marks everything the writes of this run create (entities and their document), so removeTestData finds it. */
const MARKER = `load-${randomUUID().slice(0, 8)}`;
const DOC = `doc:${MARKER}`;
const TOKEN = `load-token-${MARKER}-0123456789`;
/** The writes upsert this many distinct test entities, round and round: creates first, then updates. */
const WRITE_IDS = 100;
const db = testDatabase();
let child: ChildProcess | undefined;
afterAll(async () => {
  child?.kill('SIGTERM');
  await removeTestData(db, MARKER);
  await db.close();
});

const graphqlRequest = (query: string, variables: Record<string, unknown> = {}, token?: string) => ({
  method: 'POST' as const,
  path: '/graphql',
  headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
  body: JSON.stringify({ query, variables }),
});

const NOTE = 'Lasttestpersonen er rådgiver i Helse Vest IKT.';
const PAGE = 'query($after: String, $order: EntityOrder) { entities(first: 5, after: $after, orderBy: $order) { edges { cursor node { id name kind degree } } pageInfo { hasNextPage endCursor } totalCount } }';
const paging = { pages: 0, followed: 0 };
let writes = 0;

/**
 * A page of the entity list that follows the cursor of the page before it in the same round of the mix (autocannon
 * keeps a context per connection and round); a round starting over, or a last page, starts from the first page.
 */
const entityPage = (order: 'NAME' | 'DEGREE') => ({
  ...graphqlRequest(PAGE, { after: null, order }),
  setupRequest: (request: any, context: any) => {
    const after = context.after ?? null;
    if (after) paging.followed += 1;
    return { ...request, body: JSON.stringify({ query: PAGE, variables: { after, order } }) };
  },
  onResponse: (_status: number, body: string, context: any) => {
    const page = (JSON.parse(body) as { data?: { entities?: { pageInfo: { hasNextPage: boolean; endCursor: string | null } } } }).data?.entities;
    if (page) paging.pages += 1;
    context.after = page?.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  },
});

/** An upsert of one of WRITE_IDS test entities (created the first time, then updated: a new description). */
const upsert = {
  ...graphqlRequest('mutation { __typename }', {}, TOKEN),
  setupRequest: (request: any) => {
    const n = writes++;
    const input = {
      id: `person:${MARKER}-${n % WRITE_IDS}`,
      kind: 'PERSON',
      name: `Lasttest Person ${n % WRITE_IDS}`,
      description: `Skrevet ${n} gang(er) under lasttesten.`,
      evidence: [{ documentId: DOC, quote: NOTE }],
    };
    return { ...request, body: JSON.stringify({ query: 'mutation($e: EntityInput!) { upsertEntity(input: $e) { id name } }', variables: { e: input } }) };
  },
};

/** The mix: type-ahead search, expanding a neighbourhood (depth 1 and 2), opening an entity, paging, writes. */
const READS = [
  graphqlRequest('query($q: String!) { search(query: $q, first: 10) { score entity { id name kind } } }', { q: 'jaere' }),
  graphqlRequest('query($ids: [ID!]!) { neighbourhood(ids: $ids, depth: 2) { truncated nodes { id name kind } edges { id type source target title } } }', {
    ids: ['org:sykehuspartner'],
  }),
  graphqlRequest('query($id: ID!) { entity(id: $id) { id name kind aliases description degree evidence { quote start end } relationships(first: 50) { edges { node { id type source target title } } } } }', {
    id: 'person:gro-jaere',
  }),
  graphqlRequest('query($q: String!) { search(query: $q, first: 5) { entity { id name } } }', { q: 'helse' }),
  graphqlRequest('query($ids: [ID!]!) { neighbourhood(ids: $ids, depth: 1) { nodes { id name kind } edges { id type source target } } }', {
    ids: ['programme:stim'],
  }),
  graphqlRequest('query($id: ID!) { entity(id: $id) { id name ... on Programme { fullName } evidence { quote document { id title } } } }', {
    id: 'programme:stim',
  }),
];
// Every connection starts at the top of the mix: paging and a write come first, so a short run on a busy machine
// (a few requests per connection) has them too.
const MIX = [entityPage('NAME'), upsert, entityPage('NAME'), ...READS.slice(0, 3), entityPage('DEGREE'), entityPage('DEGREE'), entityPage('DEGREE'), upsert, ...READS.slice(3)];

/** Resident memory of a process, in MB. */
async function rssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? Number.NaN) / 1024;
}

/** Established TCP connections of `pid` to `port` (its Bolt connections), from its sockets and /proc/net/tcp{,6}. */
async function connectionsTo(pid: number, port: number): Promise<number> {
  const inodes = new Set<string>();
  for (const fd of await readdir(`/proc/${pid}/fd`).catch(() => [] as string[])) {
    const target = await readlink(`/proc/${pid}/fd/${fd}`).catch(() => '');
    const match = /^socket:\[(\d+)\]$/.exec(target);
    if (match) inodes.add(match[1]!);
  }
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  let count = 0;
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    const lines = (await readFile(table, 'utf8').catch(() => '')).split('\n').slice(1);
    for (const line of lines) {
      const fields = line.trim().split(/\s+/);
      // fields: sl local remote st ... inode(9)
      if (fields.length > 9 && fields[2]!.endsWith(`:${hexPort}`) && fields[3] === '01' && inodes.has(fields[9]!)) count += 1;
    }
  }
  return count;
}

async function waitForReady(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if ((await fetch(`${url}/readyz`)).status === 200) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('server not ready in time');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe(`load: ${CONNECTIONS} clients for ${SECONDS} s on search, expand, entity, paging and writes`, () => {
  it('answers every request without an error, then releases Bolt connections and memory', async () => {
    const port = await freePort();
    const boltPort = Number(new URL(neo4jTarget.uri.replace(/^[a-z+]+:/, 'http:')).port || 7687);
    child = spawn(process.execPath, ['--expose-gc', '--require', './server/test/gc-probe.cjs', '--import', 'tsx', 'server/src/main.ts'], {
      cwd: REPO,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: {
        ...process.env,
        PORT: String(port),
        NEO4J_URI: neo4jTarget.uri,
        NEO4J_USERNAME: neo4jTarget.username,
        NEO4J_PASSWORD: neo4jTarget.password,
        ...(neo4jTarget.database ? { NEO4J_DATABASE: neo4jTarget.database } : {}),
        KGX_LOAD_SEEDS: 'false',
        KGX_NEO4J_IDLE_MS: String(IDLE_MS),
        KGX_LOG_LEVEL: 'warn',
        KGX_WRITE_TOKEN: TOKEN,
        // All 50 clients are one address here: the per-address write limit (60 a minute by default) would answer
        // most writes 429, and the test asks for no error responses, so it is off for this run. The per-client
        // concurrency and queue limits stay at their defaults.
        KGX_RATE_WRITES_PER_MINUTE: '0',
      },
    });
    const probes: { rss: number; heapUsed: number }[] = [];
    let pending = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      pending += chunk.toString('utf8');
      const lines = pending.split('\n');
      pending = lines.pop()!;
      for (const line of lines) {
        if (line.startsWith('[gc-probe] ')) probes.push(JSON.parse(line.slice('[gc-probe] '.length)));
        else process.stderr.write(`${line}\n`);
      }
    });
    /** Memory after full garbage collections in the server (RSS and V8 heap in use, MB). */
    const collectedMemory = async (): Promise<{ rss: number; heap: number }> => {
      const seen = probes.length;
      child!.kill('SIGUSR2');
      const deadline = Date.now() + 10_000;
      while (probes.length === seen && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      const probe = probes[seen];
      if (!probe) throw new Error('the server did not report its memory');
      return { rss: probe.rss / 2 ** 20, heap: probe.heapUsed / 2 ** 20 };
    };
    const url = `http://127.0.0.1:${port}`;
    await waitForReady(url, 60_000);
    const pid = child.pid!;

    // The document the writes quote, then a warm-up (JIT, pool), then let the pool go idle: the baseline.
    const stored = await fetch(`${url}/graphql`, {
      ...graphqlRequest('mutation($d: DocumentInput!) { upsertDocument(input: $d) { id } }', { d: { id: DOC, title: 'Lasttest', text: NOTE, language: 'nb' } }, TOKEN),
    });
    expect(await stored.json()).toEqual({ data: { upsertDocument: { id: DOC } } });
    for (const request of READS) await fetch(`${url}${request.path}`, request);
    await new Promise((resolve) => setTimeout(resolve, IDLE_MS + 1_500));
    const before = { ...(await collectedMemory()), bolt: await connectionsTo(pid, boltPort) };

    let graphqlErrors = 0;
    const samples: string[] = [];
    let peakBolt = 0;
    const sampler = setInterval(() => {
      void connectionsTo(pid, boltPort).then((count) => {
        peakBolt = Math.max(peakBolt, count);
      });
    }, 500);
    const result = await autocannon({
      url,
      connections: CONNECTIONS,
      duration: SECONDS,
      requests: MIX.map((request) => ({
        ...request,
        onResponse: (status: number, body: string, context: any) => {
          if (status === 200 && body.includes('"errors"')) {
            graphqlErrors += 1;
            if (samples.length < 3) samples.push(body.slice(0, 300));
          }
          const own = (request as { onResponse?: (status: number, body: string, context: unknown) => void }).onResponse;
          if (status === 200 && own) own(status, body, context);
        },
      })),
    });
    clearInterval(sampler);
    const peakRss = await rssMb(pid);

    // Idle again: the pool is closed IDLE_MS after the last request ends. autocannon stops at its deadline, but on a
    // busy machine the server may still be answering queued requests for seconds, so wait (bounded) for the
    // connections to go rather than for one fixed interval; a pool that never closes still fails below.
    const releaseDeadline = Date.now() + IDLE_MS + 30_000;
    await new Promise((resolve) => setTimeout(resolve, IDLE_MS + 1_000));
    while ((await connectionsTo(pid, boltPort)) > before.bolt + 1 && Date.now() < releaseDeadline) {
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    // After full garbage collections, memory must be near the start.
    const after = { ...(await collectedMemory()), bolt: await connectionsTo(pid, boltPort) };
    const report = {
      requests: result.requests.total,
      perSecond: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      max: result.latency.max,
      non2xx: result.non2xx,
      errors: result.errors,
      timeouts: result.timeouts,
      graphqlErrors,
      writes,
      pages: paging.pages,
      pagesAfterCursor: paging.followed,
      bolt: { before: before.bolt, peak: peakBolt, after: after.bolt },
      rssMb: { before: Math.round(before.rss), peak: Math.round(peakRss), after: Math.round(after.rss) },
      heapMb: { before: Math.round(before.heap), after: Math.round(after.heap) },
    };
    logger('load-test').info(report, `${CONNECTIONS} clients x ${SECONDS} s: p50 ${report.p50} ms, p99 ${report.p99} ms`);

    expect(result.requests.total).toBeGreaterThan(0);
    expect(writes).toBeGreaterThan(0);
    expect(paging.pages).toBeGreaterThan(0);
    // A cursor is followed by a connection's third request; a short run on a very busy machine may not get there.
    if (result.requests.total >= 3 * CONNECTIONS) expect(paging.followed).toBeGreaterThan(0);
    expect({ non2xx: result.non2xx, errors: result.errors, timeouts: result.timeouts, graphqlErrors, samples }).toEqual({
      non2xx: 0,
      errors: 0,
      timeouts: 0,
      graphqlErrors: 0,
      samples: [],
    });
    // The per-client limit holds the pool well below its size even under 50 connections from one address.
    expect(peakBolt).toBeLessThanOrEqual(40);
    expect(after.bolt).toBeLessThanOrEqual(before.bolt + 1);
    // "Near start", both after full collections: what the heap holds (no leak), and the process's resident memory
    // (the issue saw +530 MB with 15 clients).
    expect(after.heap).toBeLessThan(before.heap + HEAP_SLACK_MB);
    expect(after.rss).toBeLessThan(before.rss + RSS_SLACK_MB);

    child.kill('SIGTERM');
    await new Promise((resolve) => child!.once('exit', resolve));
    child = undefined;
  }, 180_000);
});
