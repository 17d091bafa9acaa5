import { describe, expect, it } from 'vitest';
import { checkPrerequisites, parseJavaMajor, pinnedNeo4jVersion, PrerequisiteError } from './toolchain.js';

describe('parseJavaMajor', () => {
  it('reads modern and legacy version strings', () => {
    expect(parseJavaMajor('openjdk version "17.0.15" 2025-04-15')).toBe(17);
    expect(parseJavaMajor('openjdk version "25" 2025-09-16')).toBe(25);
    expect(parseJavaMajor('java version "1.8.0_381"')).toBe(8);
    expect(parseJavaMajor('no version here')).toBeUndefined();
  });
});

describe('checkPrerequisites', () => {
  it('passes on this machine (Java 17+ and Maven are required to run the local Neo4j)', async () => {
    const { javaMajor } = await checkPrerequisites();
    expect(javaMajor).toBeGreaterThanOrEqual(17);
  });

  it('says in one line what to do when Java is missing', async () => {
    const error = await checkPrerequisites({ PATH: '/nonexistent' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PrerequisiteError);
    expect((error as Error).message).toMatch(/^Java 17 or newer is required .*NEO4J_URI/);
    expect((error as Error).message).not.toContain('\n');
  });

  it('names Maven when only Maven is missing', async () => {
    const javaHome = process.env.JAVA_HOME ?? '/usr/lib/jvm/java-17-openjdk-amd64';
    const error = await checkPrerequisites({ PATH: '/nonexistent', JAVA_HOME: javaHome }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PrerequisiteError);
    expect((error as Error).message).toMatch(/Maven \(mvn\) is required/);
  });
});

describe('pinnedNeo4jVersion', () => {
  it('reads the 5.26 LTS version pinned in the launcher pom', async () => {
    expect(await pinnedNeo4jVersion()).toMatch(/^5\.26\.\d+$/);
  });
});
