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

/** A write token and the name its writes are stamped with (`api:<name>`). */
export interface WriteToken {
  name: string;
  token: string;
}

export type Config = z.infer<typeof ConfigSchema> & {
  /** True when the project runs Neo4j itself because NEO4J_URI is unset. */
  readonly localNeo4j: boolean;
  /** Every configured write token; empty means the server is read-only. */
  readonly writeTokens: readonly WriteToken[];
};

/** Reads and validates the configuration once; throws one readable error listing every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
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
  return { ...config, localNeo4j: config.NEO4J_URI === undefined, writeTokens };
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
