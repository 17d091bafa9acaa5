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
});

export type Config = z.infer<typeof ConfigSchema> & {
  /** True when the project runs Neo4j itself because NEO4J_URI is unset. */
  readonly localNeo4j: boolean;
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
  return { ...config, localNeo4j: config.NEO4J_URI === undefined };
}
