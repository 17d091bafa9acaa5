import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Raised when Java or Maven is missing or too old; its message is one line a user can act on. */
export class PrerequisiteError extends Error {}

/** The `java` binary to use: JAVA_HOME's when set, else the one on PATH. */
export function javaBinary(env: NodeJS.ProcessEnv = process.env): string {
  return env.JAVA_HOME ? path.join(env.JAVA_HOME, 'bin', 'java') : 'java';
}

/** The `javac` binary next to `javaBinary`. */
function javacBinary(env: NodeJS.ProcessEnv = process.env): string {
  return env.JAVA_HOME ? path.join(env.JAVA_HOME, 'bin', 'javac') : 'javac';
}

/** Extracts the feature version (17, 21, 25 ...) from `java -version` output. */
export function parseJavaMajor(versionOutput: string): number | undefined {
  const match = /version "(\d+)(?:\.(\d+))?/.exec(versionOutput);
  if (!match?.[1]) return undefined;
  const first = Number(match[1]);
  // Java 8 and older report "1.8.0_x".
  return first === 1 && match[2] ? Number(match[2]) : first;
}

/** Checks that Java 17+ (with javac) and Maven are installed; throws a one-line PrerequisiteError otherwise. */
export async function checkPrerequisites(env: NodeJS.ProcessEnv = process.env): Promise<{ javaMajor: number }> {
  let versionText: string;
  try {
    const { stdout, stderr } = await run(javaBinary(env), ['-version'], { env });
    versionText = `${stderr}${stdout}`;
  } catch {
    throw new PrerequisiteError(
      'Java 17 or newer is required to run the local Neo4j (java not found); install a JDK 17+, or set NEO4J_URI to use an existing Neo4j.',
    );
  }
  const major = parseJavaMajor(versionText);
  if (major === undefined || major < 17) {
    throw new PrerequisiteError(
      `Java 17 or newer is required to run the local Neo4j (found ${major ?? 'an unknown version'}); set JAVA_HOME to a JDK 17+, or set NEO4J_URI.`,
    );
  }
  try {
    await run(javacBinary(env), ['-version'], { env });
  } catch {
    throw new PrerequisiteError('A JDK (with javac) is required to build the local Neo4j launcher; install a JDK 17+, or set NEO4J_URI.');
  }
  try {
    await run('mvn', ['-v'], { env });
  } catch {
    throw new PrerequisiteError('Maven (mvn) is required to fetch Neo4j from Maven Central; install Maven, or set NEO4J_URI to use an existing Neo4j.');
  }
  return { javaMajor: major };
}

/** Where the launcher's sources and Maven project live in the repository. */
const LAUNCHER_DIR = path.resolve(import.meta.dirname, '../../neo4j-launcher');
const LAUNCHER_SOURCE = path.join(LAUNCHER_DIR, 'src/main/java/kgx/Neo4jLauncher.java');
const LAUNCHER_POM = path.join(LAUNCHER_DIR, 'pom.xml');

/** The Neo4j version pinned in the launcher's pom.xml. */
export async function pinnedNeo4jVersion(): Promise<string> {
  const pom = await readFile(LAUNCHER_POM, 'utf8');
  const match = /<artifactId>neo4j<\/artifactId>\s*<version>([^<]+)<\/version>/.exec(pom);
  if (!match?.[1]) throw new Error(`No Neo4j version pinned in ${LAUNCHER_POM}`);
  return match[1];
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

interface CachedBuild {
  key: string;
  classpath: string;
}

/**
 * Returns the Java classpath that runs the launcher: Neo4j's jars (resolved by Maven, fetched once into
 * ~/.m2) plus the compiled launcher. Both are cached under `buildDir` and rebuilt only when pom or source change.
 */
export async function prepareLauncher(buildDir: string, log: (line: string) => void): Promise<string> {
  const [pom, source] = await Promise.all([readFile(LAUNCHER_POM, 'utf8'), readFile(LAUNCHER_SOURCE, 'utf8')]);
  const key = sha256(`${pom}\0${source}`);
  const cacheFile = path.join(buildDir, 'launcher.json');
  const classesDir = path.join(buildDir, 'classes');
  await mkdir(buildDir, { recursive: true });

  const cached = await readCache(cacheFile);
  if (cached?.key === key && cached.classpath.split(path.delimiter).every((entry) => existsSync(entry))) {
    return cached.classpath;
  }

  const version = await pinnedNeo4jVersion();
  log(`Resolving Neo4j Community ${version} with Maven (jars not yet in ~/.m2 are downloaded from Maven Central, about 145 MB the first time) ...`);
  const started = Date.now();
  const classpathFile = path.join(buildDir, 'maven-classpath.txt');
  // Maven runs quietly; a heartbeat shows the first start is busy downloading, not hung.
  const heartbeat = setInterval(() => log(`... still resolving with Maven (${Math.round((Date.now() - started) / 1000)} s)`), 15_000);
  try {
    await run(
      'mvn',
      ['-B', '-q', '--no-transfer-progress', '-f', LAUNCHER_POM, 'dependency:build-classpath', `-Dmdep.outputFile=${classpathFile}`],
      { maxBuffer: 16 * 1024 * 1024 },
    );
  } catch (error) {
    const detail = error instanceof Error && 'stdout' in error ? String((error as { stdout: unknown }).stdout).trim().split('\n').slice(-5).join(' | ') : String(error);
    throw new PrerequisiteError(`Maven could not resolve Neo4j ${version}: ${detail}`);
  } finally {
    clearInterval(heartbeat);
  }
  const jars = (await readFile(classpathFile, 'utf8')).trim();
  log(`Neo4j jars ready after ${((Date.now() - started) / 1000).toFixed(1)} s; compiling the launcher ...`);
  await mkdir(classesDir, { recursive: true });
  await run(javacBinary(), ['-nowarn', '-cp', jars, '-d', classesDir, LAUNCHER_SOURCE]);

  const classpath = [classesDir, jars].join(path.delimiter);
  await writeFile(cacheFile, JSON.stringify({ key, classpath } satisfies CachedBuild));
  return classpath;
}

async function readCache(file: string): Promise<CachedBuild | undefined> {
  try {
    const parsed: unknown = JSON.parse(await readFile(file, 'utf8'));
    if (parsed && typeof parsed === 'object' && 'key' in parsed && 'classpath' in parsed) return parsed as CachedBuild;
  } catch {
    // Missing or unreadable cache means: build again.
  }
  return undefined;
}
