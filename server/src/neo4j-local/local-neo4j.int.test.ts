import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { afterAll, describe, expect, it } from 'vitest';
import { until } from '../../test/private-neo4j.js';
import { LocalNeo4j } from './local-neo4j.js';
import { freePort } from './ports.js';

async function countMarkers(uri: string, password: string): Promise<number> {
  const driver = neo4j.driver(uri, neo4j.auth.basic('neo4j', password), { disableLosslessIntegers: true });
  try {
    const result = await driver.executeQuery('MATCH (m:LauncherTestMarker) RETURN count(m) AS n');
    return Number(result.records[0]?.get('n'));
  } finally {
    await driver.close();
  }
}

describe('LocalNeo4j (a second, private instance)', () => {
  const logs: string[] = [];
  let dataDir = '';
  let instance: LocalNeo4j | undefined;

  afterAll(async () => {
    await instance?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('runs with authentication, restarts after a crash, and keeps data and password across starts', async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'kgx-launcher-test-'));
    const boltPort = await freePort();
    instance = new LocalNeo4j({ dataDir, boltPort, heap: '512m', pageCache: '64m', restartOnCrash: true, log: (line) => logs.push(line) });
    const { uri, password } = await instance.start();
    expect(uri).toBe(`bolt://127.0.0.1:${boltPort}`);
    expect(password.length).toBeGreaterThanOrEqual(20);
    const passwordFile = path.join(dataDir, 'neo4j', 'password');
    expect((await readFile(passwordFile, 'utf8')).trim()).toBe(password);
    expect((await stat(passwordFile)).mode & 0o777).toBe(0o600);

    // Authentication is on: a wrong password is refused.
    const intruder = neo4j.driver(uri, neo4j.auth.basic('neo4j', 'wrong-password'));
    await expect(intruder.executeQuery('RETURN 1')).rejects.toMatchObject({ code: 'Neo.ClientError.Security.Unauthorized' });
    await intruder.close();

    const writer = neo4j.driver(uri, neo4j.auth.basic('neo4j', password));
    await writer.executeQuery('CREATE (:LauncherTestMarker {at: datetime()})');
    await writer.close();

    // Crash: the supervisor notices, logs it and brings the database back with the data on disk.
    const firstPid = instance.pid;
    process.kill(firstPid!, 'SIGKILL');
    await until(() => logs.some((line) => line === 'Neo4j restarted.'), 90_000);
    expect(logs.some((line) => line.startsWith('Neo4j exited unexpectedly'))).toBe(true);
    expect(instance.pid).not.toBe(firstPid);
    expect(await countMarkers(uri, password)).toBe(1);

    // A clean stop and a second start reuse the built launcher, the password and the data.
    await instance.stop();
    logs.length = 0;
    instance = new LocalNeo4j({ dataDir, boltPort, heap: '512m', pageCache: '64m', log: (line) => logs.push(line) });
    const again = await instance.start();
    expect(again.password).toBe(password);
    expect(logs.some((line) => line.startsWith('Resolving Neo4j'))).toBe(false);
    expect(await countMarkers(again.uri, again.password)).toBe(1);
  }, 300_000);

  it('refuses to start on a port that is already taken, with a message that says what to do', async () => {
    const { uri } = instance!.connection();
    const takenPort = Number(new URL(uri.replace('bolt', 'http')).port);
    const second = new LocalNeo4j({ dataDir: path.join(dataDir, 'other'), boltPort: takenPort, log: () => {} });
    await expect(second.start()).rejects.toThrow(/already in use.*KGX_NEO4J_BOLT_PORT/);
  });
});
