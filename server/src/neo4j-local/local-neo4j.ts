import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import readline from 'node:readline';
import { logger } from '../log.js';
import { ensurePassword } from './password.js';
import { RestartPolicy, type RestartPolicyOptions } from './restart-policy.js';
import { isPortInUse } from './ports.js';
import { checkPrerequisites, javaBinary, pinnedNeo4jVersion, prepareLauncher } from './toolchain.js';

/** How to run the local database. */
export interface LocalNeo4jOptions {
  /** Folder for the build cache, password, data and logs (e.g. `.data`). */
  dataDir: string;
  boltPort: number;
  pageCache?: string;
  heap?: string;
  /** Restart the database when it dies unexpectedly (the server does; tests don't need to). */
  restartOnCrash?: boolean;
  /** Where progress lines go; defaults to the server's logger. */
  log?: (line: string) => void;
  /** Pacing of restarts after a crash (backoff, when to call the database unhealthy). */
  restartPolicy?: RestartPolicyOptions;
  /** How long to wait for Bolt to come up. */
  startTimeoutMs?: number;
}

/** Connection details of a running local Neo4j. */
export interface LocalNeo4jConnection {
  uri: string;
  username: string;
  password: string;
}

const READY_PREFIX = 'READY ';
const neo4jLog = logger('neo4j');

/**
 * Runs Neo4j Community (from Maven Central) as a child JVM with Bolt on 127.0.0.1, supervised: after any
 * unexpected death — while running or during a restart — it is started again with exponential backoff and no
 * permanent give-up; `healthy` turns false when it has stayed down too long. It is stopped cleanly with us.
 */
export class LocalNeo4j {
  private child: ChildProcess | undefined;
  private stopping = false;
  private readonly policy: RestartPolicy;
  private restartTimer: NodeJS.Timeout | undefined;
  private classpath = '';
  private password = '';
  private logStream: WriteStream | undefined;
  private readonly log: (line: string) => void;

  constructor(private readonly options: LocalNeo4jOptions) {
    this.log = options.log ?? ((line) => neo4jLog.info(line));
    this.policy = new RestartPolicy(options.restartPolicy);
  }

  /** False when the database has been down (restarts failing) for too long: the service should be restarted. */
  get healthy(): boolean {
    return this.policy.healthy();
  }

  private get homeDir(): string {
    return path.resolve(this.options.dataDir, 'neo4j');
  }

  /** Fetches what is missing, starts the database and resolves once Bolt accepts logins. */
  async start(): Promise<LocalNeo4jConnection> {
    const started = Date.now();
    await checkPrerequisites();
    if (await isPortInUse(this.options.boltPort)) {
      throw new Error(
        `Port ${this.options.boltPort} on 127.0.0.1 is already in use (another Neo4j?); stop it, set KGX_NEO4J_BOLT_PORT to another port, or set NEO4J_URI to use that database.`,
      );
    }
    await mkdir(this.homeDir, { recursive: true });
    this.classpath = await prepareLauncher(path.join(this.homeDir, 'build'), this.log);
    this.password = await ensurePassword(path.join(this.homeDir, 'password'));
    this.logStream = createWriteStream(path.join(this.homeDir, 'neo4j-console.log'), { flags: 'a' });
    // A full disk must not crash the server through an unhandled stream error; the database runs on regardless.
    this.logStream.on('error', (error) => this.log(`Cannot write the console log: ${error.message}`));
    const version = await pinnedNeo4jVersion();
    this.log(`Starting Neo4j Community ${version} on bolt://127.0.0.1:${this.options.boltPort} (data in ${path.join(this.homeDir, 'db')}) ...`);
    await this.spawnOnce();
    this.policy.up();
    this.log(`Neo4j is up after ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    return this.connection();
  }

  /** Bolt URI and credentials of the running database. */
  connection(): LocalNeo4jConnection {
    return { uri: `bolt://127.0.0.1:${this.options.boltPort}`, username: 'neo4j', password: this.password };
  }

  /** The process id of the current database JVM (for tests that simulate a crash). */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Starts one JVM; resolves when Bolt is ready. A death after that (not asked for) goes to the supervisor. */
  private spawnOnce(): Promise<void> {
    const args = [
      `-Xmx${this.options.heap ?? '1g'}`,
      '-XX:+UseG1GC',
      '-XX:-OmitStackTraceInFastThrow',
      '-Dfile.encoding=UTF-8',
      // Neo4j 5 reaches into these JDK internals; without the opens it logs warnings or falls back to slower paths.
      '--add-opens=java.base/java.nio=ALL-UNNAMED',
      '--add-opens=java.base/java.lang=ALL-UNNAMED',
      '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
      '-cp',
      this.classpath,
      'kgx.Neo4jLauncher',
      path.join(this.homeDir, 'db'),
      String(this.options.boltPort),
      path.join(this.homeDir, 'password'),
      this.options.pageCache ?? '256m',
    ];
    const child = spawn(javaBinary(), args, { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child = child;
    // Writing to stdin of a JVM that just died raises EPIPE here; the exit handler deals with the death itself.
    child.stdin?.on('error', () => undefined);
    child.stderr?.pipe(this.logStream!, { end: false });

    return new Promise<void>((resolve, reject) => {
      let ready = false;
      const timeout = setTimeout(() => {
        if (!ready) {
          child.kill('SIGKILL');
          reject(new Error(`Neo4j did not start within ${(this.options.startTimeoutMs ?? 120_000) / 1000} s; see ${path.join(this.homeDir, 'neo4j-console.log')}`));
        }
      }, this.options.startTimeoutMs ?? 120_000);

      const lines = readline.createInterface({ input: child.stdout! });
      lines.on('line', (line) => {
        this.logStream?.write(`${line}\n`);
        if (!ready && line.startsWith(READY_PREFIX)) {
          ready = true;
          clearTimeout(timeout);
          resolve();
        }
      });
      child.once('error', (error) => {
        clearTimeout(timeout);
        if (!ready) reject(new Error(`Could not run ${javaBinary()}: ${error.message}`));
      });
      // 'close' (not 'exit') comes after the output pipes are drained, so no line arrives after it.
      child.once('close', (code, signal) => {
        clearTimeout(timeout);
        if (!ready) {
          reject(new Error(`Neo4j exited during start (code ${code ?? signal}); see ${path.join(this.homeDir, 'neo4j-console.log')}`));
          return;
        }
        if (!this.stopping) this.onUnexpectedExit(code, signal);
      });
    });
  }

  private onUnexpectedExit(code: number | null, signal: NodeJS.Signals | null): void {
    const how = signal ?? `code ${code}`;
    if (!this.options.restartOnCrash) {
      this.log(`Neo4j exited unexpectedly (${how}); not restarting.`);
      return;
    }
    this.scheduleRestart(`Neo4j exited unexpectedly (${how}); restarting it`);
  }

  /** Plans the next start after the policy's pause; a failed start (even a death during it) plans another. */
  private scheduleRestart(why: string): void {
    if (this.stopping) return;
    const delay = this.policy.down();
    this.log(`${why} in ${(delay / 1000).toFixed(1)} s ...`);
    clearTimeout(this.restartTimer);
    this.restartTimer = setTimeout(() => void this.restart(), delay);
  }

  private async restart(): Promise<void> {
    if (this.stopping) return;
    try {
      await checkPrerequisites();
    } catch (error) {
      this.policy.cannotRestart(error instanceof Error ? error.message : String(error));
      this.scheduleRestart(`Neo4j cannot be restarted (${this.policy.reason}); trying again`);
      return;
    }
    try {
      await this.spawnOnce();
      this.policy.up();
      this.log('Neo4j restarted.');
    } catch (error) {
      // Whatever went wrong (a death during start, a start timeout), the child is gone or killed: try again.
      if (this.child && this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
      this.scheduleRestart(`Neo4j restart failed (${error instanceof Error ? error.message : String(error)}); retrying`);
    }
  }

  /**
   * Stops the database cleanly (closing its stdin makes the launcher shut down), escalating to SIGKILL after a
   * grace period. Marks the stop synchronously, before its first await, so an exit that races with it (Ctrl-C
   * reaches the JVM too) is never taken for a crash.
   */
  async stop(graceMs = 30_000): Promise<void> {
    this.stopping = true;
    clearTimeout(this.restartTimer);
    const child = this.child;
    if (child && child.exitCode === null && child.signalCode === null) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
        child.once('close', () => {
          clearTimeout(timer);
          resolve();
        });
        child.stdin?.end();
        child.kill('SIGTERM');
      });
    }
    this.logStream?.end();
    this.logStream = undefined;
  }
}
