/**
 * The scene state format, shared by the page (which writes it into permalinks and saved scenes) and the server
 * (which stores saved scenes and checks them without understanding them). Pure: no DOM, no Node.
 *
 * A state is compact JSON (the `PackedScene` below), deflated (zlib format, as `CompressionStream('deflate')`
 * writes it), in base64url without padding.
 */

/** Longest accepted state, in characters of base64url: a scene of a few thousand entities with positions. */
export const SCENE_STATE_MAX_LENGTH = 65_536;

/** Longest state once inflated: deflate of JSON rarely beats 1:10, so more is a bomb, not a scene. */
export const SCENE_JSON_MAX_BYTES = 1_048_576;

/** Longest scene name, and longest description. */
export const SCENE_NAME_MAX_LENGTH = 100;
export const SCENE_DESCRIPTION_MAX_LENGTH = 1_000;

/** The wire format (short keys: it goes into a URL). Ids of nodes once; positions as integer pairs in node order. */
export interface PackedScene {
  v: 1;
  /** The queries that built the scene: [op letter, variables]. */
  q: [string, unknown][];
  /** Node ids. */
  n: string[];
  /** x, y per node in `n` order (null where a node has no position). */
  p: (number | null)[];
  /** Hidden ids, as indexes into `n` where possible. */
  h?: (number | string)[];
  /** Hidden kinds. */
  k?: string[];
  /** Hidden relationship types. */
  t?: string[];
  /** Removed edge ids. */
  r?: string[];
  /** Selection, as indexes into `n` where possible. */
  s?: (number | string)[];
  /** The date the scene is shown as of. */
  a?: string;
}

/** The letters of the replayable queries. */
export const SCENE_QUERY_OPS = { graph: 'g', neighbourhood: 'n', shortestPath: 'p' } as const;

/** True when `text` is base64url without padding (the only alphabet a state may use). */
export function isBase64url(text: string): boolean {
  return /^[A-Za-z0-9_-]*$/.test(text);
}

const isStringList = (value: unknown): value is string[] => Array.isArray(value) && value.every((x) => typeof x === 'string');
const isRefList = (value: unknown): boolean => Array.isArray(value) && value.every((x) => typeof x === 'string' || (typeof x === 'number' && Number.isInteger(x)));

/**
 * Checks the shape of an inflated, parsed state. Returns what is wrong, or null when it is a scene. It checks
 * the structure only: whether the ids still exist is for the reader to find out when it replays the queries.
 */
export function sceneStateProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not an object';
  const p = value as Record<string, unknown>;
  if (p.v !== 1) return 'unknown version (v must be 1)';
  const ops: readonly string[] = Object.values(SCENE_QUERY_OPS);
  if (!Array.isArray(p.q) || !p.q.every((q) => Array.isArray(q) && q.length === 2 && ops.includes(q[0]) && typeof q[1] === 'object' && q[1] !== null)) {
    return 'q must list [op, variables] pairs';
  }
  if (!isStringList(p.n)) return 'n must list node ids';
  if (!Array.isArray(p.p) || p.p.length !== 2 * p.n.length || !p.p.every((x) => x === null || (typeof x === 'number' && Number.isFinite(x)))) {
    return 'p must hold an x and a y (or nulls) per node';
  }
  for (const key of ['h', 's'] as const) if (p[key] !== undefined && !isRefList(p[key])) return `${key} must list ids or node indexes`;
  for (const key of ['k', 't', 'r'] as const) if (p[key] !== undefined && !isStringList(p[key])) return `${key} must list strings`;
  if (p.a !== undefined && typeof p.a !== 'string') return 'a must be a date';
  return null;
}
