import { readFileSync } from 'node:fs';
import { z } from 'zod';

const optionalString = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value.trim()));

const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().min(1).default('127.0.0.1'),
  NEO4J_URI: optionalString.pipe(
    z
      .string()
      .regex(/^(bolt|neo4j)(\+s|\+ssc)?:\/\/.+/, 'must be a bolt://, bolt+s://, neo4j:// or neo4j+s:// URI')
      .optional(),
  ),
  NEO4J_USERNAME: optionalString,
  // Not trimmed: a password may legitimately start or end with a space.
  NEO4J_PASSWORD: z
    .string()
    .optional()
    .transform((value) => (value === undefined || value === '' ? undefined : value)),
  NEO4J_DATABASE: optionalString,
  /** Folder for the local Neo4j's jars-classpath, data, logs and generated password (git-ignored). */
  KGX_DATA_DIR: z.string().min(1).default('.data'),
  /** Bolt port of the local Neo4j started when NEO4J_URI is unset. */
  KGX_NEO4J_BOLT_PORT: z.coerce.number().int().min(0).max(65535).default(7687),
  KGX_NEO4J_PAGE_CACHE: z.string().regex(/^\d+[kmg]$/i).default('256m'),
  KGX_NEO4J_HEAP: z.string().regex(/^\d+[kmg]$/i).default('1g'),
  /** Load the seed graph at start (idempotent). */
  KGX_LOAD_SEEDS: z
    .enum(['true', 'false', '1', '0'])
    .default('true')
    .transform((value) => value === 'true' || value === '1'),
  /** Largest accepted request body, in bytes. */
  KGX_MAX_BODY_BYTES: z.coerce.number().int().min(1024).default(100_000),
  /** A bearer token that may write (stamped as `api:default`); unset and no tokens file = read-only server. */
  KGX_WRITE_TOKEN: optionalString.pipe(z.string().min(16, 'must be at least 16 characters').optional()),
  /** A file of named write tokens, one `name:token` per line (`#` comments), so writes say who made them. */
  KGX_WRITE_TOKENS_FILE: optionalString,
});

const flag = (fallback: 'true' | 'false' | undefined) =>
  (fallback === undefined ? z.enum(['true', 'false', '1', '0']).optional() : z.enum(['true', 'false', '1', '0']).default(fallback)).transform(
    (value) => (value === undefined ? undefined : value === 'true' || value === '1'),
  );
const list = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((value) =>
      value
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item.length > 0),
    );
const count = (fallback: number, min = 1) => z.coerce.number().int().min(min).default(fallback);

/** Hardening: who may call, how much one request and one client may ask for, and how long anything may take. */
const SecuritySchema = z.object({
  NODE_ENV: z.string().optional(),
  /** Production mode (also NODE_ENV=production): masked errors, no suggestions, introspection and GraphiQL off. */
  KGX_PRODUCTION: flag('false'),
  /** Introspection and GraphiQL; unset: on in development, off in production. */
  KGX_INTROSPECTION: flag(undefined),
  KGX_GRAPHIQL: flag(undefined),
  /** Origins (scheme://host[:port]) allowed to call the API from a browser; empty: none besides our own page. */
  KGX_ALLOWED_ORIGINS: list('').pipe(z.array(z.string().regex(/^https?:\/\/[^/\s]+$/, 'must be a comma-separated list of http(s)://host[:port] origins'))),
  /** Host names (without port) the server answers to; `*` for any. HOST is added when it is a specific address. */
  KGX_ALLOWED_HOSTS: list('localhost,127.0.0.1,::1'),
  /** Take the client address from the first X-Forwarded-For entry (only behind a proxy that sets it). */
  KGX_TRUST_PROXY: flag('false'),
  /** Per-request deadline. */
  KGX_REQUEST_TIMEOUT_MS: count(10_000, 100),
  /** Transaction timeout of every Cypher statement (also capped by the time left of the request's deadline). */
  KGX_TX_TIMEOUT_MS: count(8_000, 100),
  /** Bolt connection pool size of the server. */
  KGX_NEO4J_POOL_SIZE: count(40),
  /** Bolt connections are closed after this age, idle ones after KGX_NEO4J_IDLE_MS (so a burst's connections go). */
  KGX_NEO4J_MAX_CONNECTION_LIFETIME_MS: count(300_000, 1_000),
  KGX_NEO4J_IDLE_MS: count(30_000, 1_000),
  KGX_MAX_DEPTH: count(10),
  KGX_MAX_ALIASES: count(15, 0),
  KGX_MAX_DIRECTIVES: count(50, 0),
  KGX_MAX_TOKENS: count(1_000),
  /** Estimated cost of one request; list fields multiply by their first/limit (and depth) arguments. */
  KGX_MAX_COST: count(50_000),
  /** Root fields that run a query of their own (search, neighbourhood, graph, documents, stats, mutations) per request. */
  KGX_MAX_ROOT_FIELDS: count(5),
  /** Largest JSON response, in bytes. */
  KGX_MAX_RESPONSE_BYTES: count(2_000_000, 1_024),
  /** Neo4j sessions one request may hold at once. */
  KGX_MAX_SESSIONS_PER_REQUEST: count(4),
  /** Requests one client address may have in flight; more wait in a queue of KGX_CLIENT_QUEUE, beyond it 429. */
  KGX_CLIENT_CONCURRENCY: count(8),
  KGX_CLIENT_QUEUE: count(100, 0),
  /** Expensive requests (cost at least KGX_EXPENSIVE_COST) per client per minute; 0 turns the limit off. */
  KGX_RATE_EXPENSIVE_PER_MINUTE: count(60, 0),
  KGX_EXPENSIVE_COST: count(10_000),
  /** Mutations per client per minute; 0 turns the limit off. */
  KGX_RATE_WRITES_PER_MINUTE: count(60, 0),
  /** Longest string (ID and String arguments, input fields, variables) accepted, unless an argument has its own cap. */
  KGX_MAX_STRING_LENGTH: count(1_000),
  KGX_MAX_ID_LENGTH: count(200),
});

const FullSchema = ConfigSchema.extend(SecuritySchema.shape);

export type Config = z.infer<typeof FullSchema> & {
  /** True when the project runs Neo4j itself because NEO4J_URI is unset. */
  readonly localNeo4j: boolean;
  /** NODE_ENV=production or KGX_PRODUCTION. */
  readonly production: boolean;
  /** Every configured write token; empty means the server is read-only. */
  readonly writeTokens: readonly WriteToken[];
};

/** A write token and the name its writes are stamped with (`api:<name>`). */
export interface WriteToken {
  name: string;
  token: string;
}

/** Reads and validates the configuration once; throws one readable error listing every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = FullSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration: ${problems.join('; ')}`);
  }
  const config = parsed.data;
  if (config.NEO4J_URI && (!config.NEO4J_USERNAME || !config.NEO4J_PASSWORD)) {
    throw new Error('Invalid configuration: NEO4J_URI is set, so NEO4J_USERNAME and NEO4J_PASSWORD must be set too');
  }
  const writeTokens: WriteToken[] = [];
  if (config.KGX_WRITE_TOKEN) writeTokens.push({ name: 'default', token: config.KGX_WRITE_TOKEN });
  if (config.KGX_WRITE_TOKENS_FILE) writeTokens.push(...readTokensFile(config.KGX_WRITE_TOKENS_FILE));
  const production = config.KGX_PRODUCTION === true || config.NODE_ENV === 'production';
  const allowedHosts = [...config.KGX_ALLOWED_HOSTS];
  if (!['0.0.0.0', '::', ...allowedHosts].includes(config.HOST)) allowedHosts.push(config.HOST);
  return { ...config, KGX_ALLOWED_HOSTS: allowedHosts, localNeo4j: config.NEO4J_URI === undefined, production, writeTokens };
}

/** Parses a tokens file: `name:token` per line, blank lines and `#` comments ignored. */
export function parseTokens(content: string, file = 'KGX_WRITE_TOKENS_FILE'): WriteToken[] {
  const tokens: WriteToken[] = [];
  const names = new Set<string>();
  content.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const match = /^([A-Za-z0-9][A-Za-z0-9._-]{0,63}):(\S{16,})$/.exec(line);
    if (!match) {
      throw new Error(`Invalid configuration: ${file} line ${index + 1}: expected name:token (token at least 16 characters, no spaces)`);
    }
    const [, name, token] = match as unknown as [string, string, string];
    if (names.has(name)) throw new Error(`Invalid configuration: ${file} line ${index + 1}: token name ${name} is used twice`);
    names.add(name);
    tokens.push({ name, token });
  });
  return tokens;
}

function readTokensFile(file: string): WriteToken[] {
  let content: string;
  try {
    content = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`Invalid configuration: KGX_WRITE_TOKENS_FILE: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  return parseTokens(content);
}
