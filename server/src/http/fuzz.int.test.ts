import { afterAll, describe, expect, it } from 'vitest';
import { SchemaFuzzer } from '../../test/fuzz.js';
import { testDatabase } from '../../test/harness.js';
import { ErrorCode } from '../errors.js';
import { buildSchema } from './schema.js';
import { createGraphQLServer } from './yoga.js';

// `npm test` runs a short, seeded pass; `npm run fuzz` the long one (FUZZ_ITERATIONS=5000). FUZZ_SEED replays a run.
const ITERATIONS = Number(process.env.FUZZ_ITERATIONS ?? 300);
const SEED = Number(process.env.FUZZ_SEED ?? 20261126);
const PER_REQUEST_MS = 15_000;

const db = testDatabase();
// One in-process client sends everything, so its rate limits are off (they have their own tests); every other limit holds.
const yoga = createGraphQLServer({
  db,
  maxBodyBytes: 100_000,
  security: { clients: { concurrency: 8, queue: 100, writesPerMinute: 0, expensivePerMinute: 0, expensiveCost: 1e9, trustProxy: false } },
});
afterAll(() => db.close());

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

async function send(query: string, variables: Record<string, unknown>): Promise<{ status: number; text: string }> {
  const body = JSON.stringify({ query, variables });
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${PER_REQUEST_MS} ms`)), PER_REQUEST_MS);
  });
  try {
    const response = await Promise.race([
      yoga.fetch('http://localhost/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', 'content-length': String(Buffer.byteLength(body)) },
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

describe(`schema-aware fuzzing (seed ${SEED}, ${ITERATIONS} operations)`, () => {
  it('never gets a 5xx, a hang, a crash or an unmasked error, and the server still answers afterwards', async () => {
    const schema = buildSchema();
    const fuzzer = new SchemaFuzzer(schema, SEED);
    const findings: Finding[] = [];
    const statuses = new Map<number, number>();
    const cases = Array.from({ length: ITERATIONS }, () => fuzzer.next());
    // Every root field and every argument of one (fields added since, scenes and all) is exercised by the short run too.
    const roots = [schema.getQueryType()!, schema.getMutationType()!];
    const coordinates = roots.flatMap((root) =>
      Object.values(root.getFields()).flatMap((field) => [`${root.name}.${field.name}`, ...field.args.map((argument) => `${root.name}.${field.name}.${argument.name}`)]),
    );
    expect(coordinates.filter((coordinate) => !fuzzer.covered.has(coordinate))).toEqual([]);
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < cases.length) {
        const index = next++;
        const { query, variables } = cases[index]!;
        try {
          const { status, text } = await send(query, variables);
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          const problem = problemWith(status, text);
          if (problem) findings.push({ index, problem, query: query.slice(0, 500), variables, status, body: text.slice(0, 500) });
        } catch (error) {
          findings.push({ index, problem: String(error), query: query.slice(0, 500), variables, status: 0, body: '' });
        }
      }
    };
    await Promise.all(Array.from({ length: 4 }, worker));
    process.stderr.write(`[fuzz] seed ${SEED}: ${ITERATIONS} operations, statuses ${JSON.stringify(Object.fromEntries(statuses))}, ${findings.length} findings\n`);
    expect(findings.slice(0, 5)).toEqual([]);

    const health = await yoga.fetch('http://localhost/healthz');
    expect(health.status).toBe(200);
    const { status, text } = await send('{ entity(id: "org:sykehuspartner") { name } }', {});
    expect(status).toBe(200);
    expect(JSON.parse(text)).toEqual({ data: { entity: { name: 'Sykehuspartner' } } });
  }, 600_000);
});
