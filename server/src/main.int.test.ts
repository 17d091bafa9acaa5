import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, isPortInUse } from './neo4j-local/ports.js';

// The start line end to end: `tsx server/src/main.ts` as a child process, with NEO4J_URI unset, so it fetches
// (from ~/.m2), starts and supervises its own Neo4j, loads the seeds, serves API and page, and stops on SIGTERM.

const REPO = path.resolve(import.meta.dirname, '../..');
const run = promisify(execFile);

interface Started {
  child: ChildProcess;
  lines: string[];
  exited: Promise<number | null>;
}

function startServer(env: NodeJS.ProcessEnv): Started {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], { cwd: REPO, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  // The server logs JSON lines (pino); tests read their messages. Anything else (a crash trace) is kept as is.
  const collect = (chunk: Buffer): void => {
    for (const line of chunk.toString('utf8').split('\n').filter((text) => text.length > 0)) {
      try {
        const entry = JSON.parse(line) as { msg?: string; time?: string };
        if (typeof entry.time !== 'string' || Number.isNaN(Date.parse(entry.time))) lines.push(`UNTIMED ${line}`);
        lines.push(entry.msg ?? line);
      } catch {
        lines.push(line);
      }
    }
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, lines, exited };
}

async function waitForLine(started: Started, pattern: RegExp, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!started.lines.some((line) => pattern.test(line))) {
    if (started.child.exitCode !== null) throw new Error(`server exited early:\n${started.lines.join('\n')}`);
    if (Date.now() > deadline) throw new Error(`no line matching ${pattern} in time:\n${started.lines.join('\n')}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Process ids of JVMs whose command line names `dataDir` (the local Neo4j of that folder). */
async function neo4jPids(dataDir: string): Promise<number[]> {
  try {
    const { stdout } = await run('pgrep', ['-f', `Neo4jLauncher ${dataDir}`]);
    return stdout.trim().split('\n').filter(Boolean).map(Number);
  } catch {
    return []; // pgrep exits 1 when nothing matches.
  }
}

async function graphqlBody(url: string, query: string): Promise<{ data?: unknown; errors?: { extensions?: { code?: string } }[] }> {
  const response = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  return (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
}

async function searchGro(url: string): Promise<string | undefined> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ search(query: "jaere", first: 1) { entity { name } } }' }),
  });
  const body = (await response.json()) as { data?: { search: { entity: { name: string } }[] } };
  return body.data?.search[0]?.entity.name;
}

function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  // The test run's own database variables must not leak in: this is the "NEO4J_URI unset" start.
  for (const name of ['NEO4J_URI', 'NEO4J_USERNAME', 'NEO4J_PASSWORD', 'NEO4J_DATABASE']) delete env[name];
  return env;
}

describe('npm start (server/src/main.ts) with a local Neo4j', () => {
  let dataDir = '';
  let current: Started | undefined;

  afterAll(async () => {
    if (current && current.child.exitCode === null) {
      current.child.kill('SIGKILL');
      await current.exited;
    }
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('starts everything, survives a database crash, stops cleanly, and starts again from stored data', async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'kgx-start-test-'));
    const port = await freePort();
    const boltPort = await freePort();
    const env = childEnv({ PORT: String(port), KGX_DATA_DIR: dataDir, KGX_NEO4J_BOLT_PORT: String(boltPort), KGX_NEO4J_HEAP: '512m', KGX_NEO4J_PAGE_CACHE: '64m' });
    const url = `http://127.0.0.1:${port}`;

    current = startServer(env);
    await waitForLine(current, /^Ready: http:\/\/127\.0\.0\.1:\d+\//, 180_000);
    // It said what it was doing while it prepared and started Neo4j.
    expect(current.lines.some((line) => line.startsWith('[neo4j] Resolving Neo4j Community 5.26'))).toBe(true);
    expect(current.lines.some((line) => line.startsWith(`[neo4j] Starting Neo4j Community 5.26.`) && line.includes(`bolt://127.0.0.1:${boltPort}`))).toBe(true);
    expect(current.lines.some((line) => /^Seeds loaded: 1 document\(s\), 32 entities/.test(line))).toBe(true);

    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
    expect(await searchGro(url)).toBe('Gro Jære');
    const page = await fetch(`${url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('<label');
    expect((await fetch(`${url}/no-such-file`)).status).toBe(404);

    // The database dies under the running server: requests fail fast with DATABASE_UNAVAILABLE, readiness says so
    // quickly, liveness stays up; the supervisor restarts it — even when it dies again during that restart — and
    // the API recovers without a server restart. The outage is logged once, however many requests fail.
    const [firstPid] = await neo4jPids(dataDir);
    expect(firstPid).toBeGreaterThan(0);
    process.kill(firstPid!, 'SIGKILL');
    for (let i = 0; i < 3; i += 1) {
      let started = Date.now();
      const failed = await graphqlBody(url, '{ search(query: "jaere", first: 1) { score } }');
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(failed.errors?.[0]?.extensions?.code).toBe('DATABASE_UNAVAILABLE');
      started = Date.now();
      expect((await fetch(`${url}/readyz`)).status).toBe(503);
      expect(Date.now() - started).toBeLessThan(2_000);
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
    }
    // Kill the replacement JVM while it is still starting.
    let secondPid: number | undefined;
    const deadline = Date.now() + 30_000;
    while (secondPid === undefined && Date.now() < deadline) {
      secondPid = (await neo4jPids(dataDir)).find((pid) => pid !== firstPid);
      if (secondPid === undefined) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(secondPid).toBeGreaterThan(0);
    expect(current.lines.some((line) => line === '[neo4j] Neo4j restarted.')).toBe(false);
    process.kill(secondPid!, 'SIGKILL');
    await waitForLine(current, /^\[neo4j\] Neo4j restart failed .*; retrying in/, 60_000);
    await waitForLine(current, /^\[neo4j\] Neo4j restarted\.$/, 120_000);
    expect(current.lines.some((line) => line.startsWith('[neo4j] Neo4j exited unexpectedly (SIGKILL); restarting'))).toBe(true);
    expect(await searchGro(url)).toBe('Gro Jære');
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
    expect(current.lines.filter((line) => line.startsWith('Neo4j unavailable'))).toHaveLength(1);
    expect(current.lines.filter((line) => line === 'Neo4j available again')).toHaveLength(1);
    expect(current.lines.filter((line) => line.startsWith('UNTIMED'))).toEqual([]);

    // SIGTERM: a clean stop that takes the database with it.
    current.child.kill('SIGTERM');
    expect(await current.exited).toBe(0);
    expect(current.lines).toContain('Stopped.');
    expect(await neo4jPids(dataDir)).toEqual([]);
    expect(await isPortInUse(boltPort)).toBe(false);
    expect(await isPortInUse(port)).toBe(false);

    // The second start reuses the built launcher (no Maven run) and the stored data.
    current = startServer(env);
    await waitForLine(current, /^Ready: /, 120_000);
    expect(current.lines.some((line) => line.includes('Resolving Neo4j'))).toBe(false);
    expect(await searchGro(url)).toBe('Gro Jære');
    current.child.kill('SIGINT');
    expect(await current.exited).toBe(0);
  }, 420_000);

  it('says in one line what is missing when Java and Maven cannot be found', async () => {
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'kgx-nojava-'));
    const env = childEnv({ PATH: '/nonexistent', KGX_DATA_DIR: tmp, PORT: String(await freePort()) });
    delete env.JAVA_HOME;
    const started = startServer(env);
    expect(await started.exited).toBe(1);
    await rm(tmp, { recursive: true, force: true });
    expect(started.lines).toEqual([
      expect.stringMatching(/^Start failed: Java 17 or newer is required to run the local Neo4j \(java not found\); .*NEO4J_URI/),
    ]);
  }, 60_000);

  it('refuses a bad configuration before starting anything', async () => {
    const started = startServer(childEnv({ PORT: 'eighty' }));
    expect(await started.exited).toBe(1);
    expect(started.lines).toEqual([expect.stringMatching(/^Start failed: Invalid configuration: PORT: /)]);
  }, 60_000);
});
