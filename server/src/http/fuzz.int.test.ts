import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { SchemaFuzzer, type FuzzCase } from '../../test/fuzz.js';
import { createFixture, invariantViolations, removeFuzzData, storeFingerprint } from '../../test/fuzz-writes.js';
import { testDatabase } from '../../test/harness.js';
import { ErrorCode } from '../errors.js';
import { buildSchema } from './schema.js';
import { createGraphQLServer } from './yoga.js';

// `npm test` runs a short, seeded pass; `npm run fuzz` the long one (FUZZ_ITERATIONS=5000). FUZZ_SEED replays a run.
const ITERATIONS = Number(process.env.FUZZ_ITERATIONS ?? 300);
// The write pass: every mutation with the write token, inside a scope of its own (the long run: a fifth as many).
const WRITE_ITERATIONS = Math.max(300, Math.round(ITERATIONS / 5));
const SEED = Number(process.env.FUZZ_SEED ?? 20261126);
const PER_REQUEST_MS = 15_000;

const db = testDatabase();
// Unique to the run: in every id and name the write pass makes up, and in its token's name (stamped on its writes).
const MARKER = `fz${randomUUID().slice(0, 8)}`;
const TOKEN_NAME = `fuzzer-${MARKER}`;
const TOKEN = `fuzz-write-token-${MARKER}`;
// One in-process client sends everything, so its rate limits are off (they have their own tests); every other limit holds.
const clients = { concurrency: 8, queue: 100, writesPerMinute: 0, expensivePerMinute: 0, expensiveCost: 1e9, trustProxy: false };
const yoga = createGraphQLServer({ db, maxBodyBytes: 100_000, security: { clients } });
// The write pass's server knows the token; its request deadline is longer, as writes on this shared 2-core machine
// can take seconds (the deadline has its own tests), and its answers are checked the same way.
const WRITE_DEADLINE_MS = 60_000;
const writer = createGraphQLServer({
  db,
  maxBodyBytes: 100_000,
  writeTokens: [{ name: TOKEN_NAME, token: TOKEN }],
  security: { clients, requestTimeoutMs: WRITE_DEADLINE_MS },
});
afterAll(async () => {
  await removeFuzzData(db, MARKER, TOKEN_NAME);
  await db.close();
});

const KNOWN_CODES = new Set<string>(Object.values(ErrorCode));
const LEAKS = /Neo4j|Cypher|neo4j-driver|bolt:\/\/|\bat .+\.(ts|js):\d+|stack|ECONNREFUSED|Unexpected error/i;

interface Finding {
  index: number;
  problem: string;
  query: string;
  variables: unknown;
  status: number;
  body: string;
}

async function send(query: string, variables: Record<string, unknown>, token?: string): Promise<{ status: number; text: string }> {
  const body = JSON.stringify({ query, variables });
  let timer: NodeJS.Timeout | undefined;
  const limit = token === undefined ? PER_REQUEST_MS : WRITE_DEADLINE_MS + 5_000;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${limit} ms`)), limit);
  });
  try {
    const response = await Promise.race([
      (token === undefined ? yoga : writer).fetch('http://localhost/graphql', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json',
          'content-length': String(Buffer.byteLength(body)),
          ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
        },
        body,
      }),
      hang,
    ]);
    return { status: response.status, text: await response.text() };
  } finally {
    clearTimeout(timer);
  }
}

/** What is wrong with one answer, or undefined when it is a proper answer or a proper refusal. */
function problemWith(status: number, text: string): string | undefined {
  if (status >= 500) return `HTTP ${status}`;
  let body: { data?: unknown; errors?: { message?: unknown; extensions?: { code?: unknown } }[] };
  try {
    body = JSON.parse(text);
  } catch {
    return status === 413 ? undefined : 'body is not JSON';
  }
  for (const error of body.errors ?? []) {
    const code = error.extensions?.code;
    if (typeof code !== 'string' || !KNOWN_CODES.has(code)) return `error without a known code: ${JSON.stringify(error).slice(0, 300)}`;
    if (typeof error.message !== 'string' || LEAKS.test(error.message)) return `unmasked or leaking error: ${JSON.stringify(error).slice(0, 300)}`;
  }
  if (!body.errors && body.data === undefined) return 'neither data nor errors';
  return undefined;
}

/** Sends the cases from `workers` concurrent clients; returns what was wrong and the count per HTTP status. */
async function run(cases: readonly FuzzCase[], workers: number, token?: string, onAnswer?: (index: number, text: string) => void) {
  const findings: Finding[] = [];
  const statuses = new Map<number, number>();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < cases.length) {
      const index = next++;
      const { query, variables } = cases[index]!;
      try {
        const { status, text } = await send(query, variables, token);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        const problem = problemWith(status, text);
        if (problem) findings.push({ index, problem, query: query.slice(0, 500), variables, status, body: text.slice(0, 500) });
        onAnswer?.(index, text);
      } catch (error) {
        findings.push({ index, problem: String(error), query: query.slice(0, 500), variables, status: 0, body: '' });
      }
    }
  };
  await Promise.all(Array.from({ length: workers }, worker));
  return { findings, statuses };
}

describe(`schema-aware fuzzing (seed ${SEED}, ${ITERATIONS} operations)`, () => {
  it('never gets a 5xx, a hang, a crash or an unmasked error, and the server still answers afterwards', async () => {
    const schema = buildSchema();
    const fuzzer = new SchemaFuzzer(schema, SEED);
    const cases = Array.from({ length: ITERATIONS }, () => fuzzer.next());
    // Every root field and every argument of one (fields added since, scenes and all) is exercised by the short run too.
    const roots = [schema.getQueryType()!, schema.getMutationType()!];
    const coordinates = roots.flatMap((root) =>
      Object.values(root.getFields()).flatMap((field) => [`${root.name}.${field.name}`, ...field.args.map((argument) => `${root.name}.${field.name}.${argument.name}`)]),
    );
    expect(coordinates.filter((coordinate) => !fuzzer.covered.has(coordinate))).toEqual([]);
    const { findings, statuses } = await run(cases, 4);
    process.stderr.write(`[fuzz] seed ${SEED}: ${ITERATIONS} operations, statuses ${JSON.stringify(Object.fromEntries(statuses))}, ${findings.length} findings\n`);
    expect(findings.slice(0, 5)).toEqual([]);

    const health = await yoga.fetch('http://localhost/healthz');
    expect(health.status).toBe(200);
    const { status, text } = await send('{ entity(id: "org:sykehuspartner") { name } }', {});
    expect(status).toBe(200);
    expect(JSON.parse(text)).toEqual({ data: { entity: { name: 'Sykehuspartner' } } });
  }, 600_000);
});

describe(`schema-aware fuzzing of mutations with the write token (seed ${SEED}, ${WRITE_ITERATIONS} mutations)`, () => {
  it('answers every hostile mutation with a documented error or a proper write, and leaves no half-written state', async () => {
    const fingerprint = await storeFingerprint(db);
    const clean = await invariantViolations(db);
    const sendAs = async (query: string, variables: Record<string, unknown>) => JSON.parse((await send(query, variables, TOKEN)).text);
    const scope = await createFixture(sendAs, MARKER, db);
    const fuzzer = new SchemaFuzzer(buildSchema(), SEED + 1, scope);
    const cases = Array.from({ length: WRITE_ITERATIONS }, () => fuzzer.nextMutation());
    // Every mutation and every argument of one is sent with the token, even in the short run.
    const mutation = buildSchema().getMutationType()!;
    const coordinates = Object.values(mutation.getFields()).flatMap((field) => [`Mutation.${field.name}`, ...field.args.map((a) => `Mutation.${field.name}.${a.name}`)]);
    expect(coordinates.filter((coordinate) => !fuzzer.covered.has(coordinate))).toEqual([]);

    // Which mutations got through to a write (data, no error), so the pass is seen to reach past validation.
    const written = new Map<string, number>();
    const { findings, statuses } = await run(cases, 2, TOKEN, (index, text) => {
      const body = JSON.parse(text) as { data?: Record<string, unknown> | null; errors?: unknown[] };
      const field = /\{ (?:f\d+: )?(\w+)/.exec(cases[index]!.query)?.[1];
      if (!body.errors && body.data && field) written.set(field, (written.get(field) ?? 0) + 1);
    });
    process.stderr.write(
      `[fuzz] write pass, seed ${SEED + 1}: ${WRITE_ITERATIONS} mutations, statuses ${JSON.stringify(Object.fromEntries(statuses))}, ${findings.length} findings, ` +
        `writes ${JSON.stringify(Object.fromEntries(written))}\n`,
    );
    expect(findings.slice(0, 5)).toEqual([]);
    expect(written.size).toBeGreaterThanOrEqual(6);

    // Nothing half-written anywhere: every count as it was before the pass (zero, with the seeds alone).
    expect(await invariantViolations(db)).toEqual(clean);
    expect((await writer.fetch('http://localhost/healthz')).status).toBe(200);

    // The pass changed nothing it did not create: once its data is gone the store is as it was.
    await removeFuzzData(db, MARKER, TOKEN_NAME);
    expect(await storeFingerprint(db)).toBe(fingerprint);
  }, 600_000);
});
