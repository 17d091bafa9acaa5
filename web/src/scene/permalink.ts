import { SCENE_QUERY_OPS, isBase64url, sceneStateProblem, type PackedScene } from '../../../common/scene-state.js';
import { isEntityKind, type EntityKind, type Subgraph } from '../model.js';
import { apply } from './operations.js';
import { EMPTY_SCENE, type Position, type QueryRecord, type Scene } from './scene.js';

/**
 * Permalinks. The URL holds how the scene was built (its queries) and what the analyst did to it
 * (which nodes stay, where they are, what is hidden), not the data itself: reopening replays the
 * queries and restores the rest, so the link stays short and the data stays the API's.
 *
 * Encoding: compact JSON (node ids once; positions as integer pairs in node order; hidden ids as
 * indexes into that list where possible), deflated, base64url, in the hash `#s=...`.
 */

export interface SceneLink {
  queries: QueryRecord[];
  nodeIds: string[];
  positions: Map<string, Position>;
  hidden: string[];
  hiddenKinds: EntityKind[];
  hiddenTypes: string[];
  removedEdges: string[];
  selection: string[];
  asOf: string | null;
}

/** The wire format is shared with the server, which stores saved scenes in it (common/scene-state.ts). */
type Packed = PackedScene;

const OPS: Record<QueryRecord['op'], string> = SCENE_QUERY_OPS;

export function toLink(scene: Scene): SceneLink {
  const nodeIds = [...scene.nodes.keys()];
  return {
    queries: [...scene.queries],
    nodeIds,
    positions: new Map(nodeIds.flatMap((id) => (scene.positions.has(id) ? [[id, scene.positions.get(id)!] as const] : []))),
    hidden: [...scene.hidden],
    hiddenKinds: [...scene.hiddenKinds],
    hiddenTypes: [...scene.hiddenTypes],
    removedEdges: [...scene.removedEdges],
    selection: [...scene.selection],
    asOf: scene.asOf,
  };
}

export function pack(link: SceneLink): Packed {
  const index = new Map(link.nodeIds.map((id, i) => [id, i]));
  const ref = (id: string) => index.get(id) ?? id;
  const packed: Packed = {
    v: 1,
    q: link.queries.map((q) => [OPS[q.op], q.variables]),
    n: link.nodeIds,
    // A node without a position gets a pair of nulls, and none back.
    p: link.nodeIds.flatMap((id) => {
      const p = link.positions.get(id);
      return p ? [Math.round(p.x), Math.round(p.y)] : [null, null];
    }),
  };
  if (link.hidden.length) packed.h = link.hidden.map(ref);
  if (link.hiddenKinds.length) packed.k = link.hiddenKinds;
  if (link.hiddenTypes.length) packed.t = link.hiddenTypes;
  if (link.removedEdges.length) packed.r = link.removedEdges;
  if (link.selection.length) packed.s = link.selection.map(ref);
  if (link.asOf) packed.a = link.asOf;
  return packed;
}

/** Reads a packed link back; throws on anything malformed (a hand-edited or truncated URL). */
export function unpack(value: unknown): SceneLink {
  const problem = sceneStateProblem(value);
  if (problem) throw new Error(`not a scene link: ${problem}`);
  const p = value as Packed;
  const nodeIds = p.n.map(String);
  const deref = (r: number | string) => (typeof r === 'number' ? nodeIds[r] : String(r));
  const positions = new Map<string, Position>();
  nodeIds.forEach((id, i) => {
    const x = p.p[2 * i];
    const y = p.p[2 * i + 1];
    if (typeof x === 'number' && typeof y === 'number') positions.set(id, { x, y });
  });
  const ops = Object.fromEntries(Object.entries(OPS).map(([k, v]) => [v, k])) as Record<string, QueryRecord['op']>;
  const queries = p.q.map(([op, variables]) => {
    const name = ops[op];
    if (!name || typeof variables !== 'object' || variables === null) throw new Error('bad query in scene link');
    return { op: name, variables } as QueryRecord;
  });
  return {
    queries,
    nodeIds,
    positions,
    hidden: (p.h ?? []).map(deref).filter((id): id is string => !!id),
    hiddenKinds: (p.k ?? []).filter(isEntityKind),
    hiddenTypes: (p.t ?? []).map(String),
    removedEdges: (p.r ?? []).map(String),
    selection: (p.s ?? []).map(deref).filter((id): id is string => !!id),
    asOf: typeof p.a === 'string' ? p.a : null,
  };
}

/**
 * Rebuilds the scene from a link and the answers to its queries (in the link's order): keeps only
 * the nodes the link lists, puts them where the link says, restores hidden items and filters.
 */
export function restore(link: SceneLink, answers: readonly Pick<Subgraph, 'nodes' | 'edges' | 'truncated'>[]): Scene {
  let scene = EMPTY_SCENE;
  answers.forEach((subgraph, i) => {
    const query = link.queries[i];
    scene = apply(scene, { type: 'add', subgraph, positions: new Map(), ...(query ? { query } : {}) });
  });
  const keep = new Set(link.nodeIds);
  scene = apply(scene, { type: 'remove', ids: [...scene.nodes.keys()].filter((id) => !keep.has(id)) });
  scene = apply(scene, { type: 'remove', ids: link.removedEdges.filter((id) => scene.edges.has(id)) });
  scene = apply(scene, { type: 'move', positions: link.positions });
  scene = apply(scene, { type: 'hide', ids: link.hidden });
  for (const kind of link.hiddenKinds) scene = apply(scene, { type: 'setKindVisible', kind, visible: false });
  for (const relType of link.hiddenTypes) scene = apply(scene, { type: 'setTypeVisible', relType, visible: false });
  scene = apply(scene, { type: 'setAsOf', asOf: link.asOf });
  return apply(scene, { type: 'select', ids: link.selection });
}

/** Scene link -> URL-safe text. Async because deflate runs through CompressionStream. */
export async function encodeLink(link: SceneLink): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(pack(link)));
  const deflated = await pipe(json, new CompressionStream('deflate'));
  return base64url(deflated);
}

export async function decodeLink(text: string): Promise<SceneLink> {
  const bytes = fromBase64url(text);
  const json = await pipe(bytes, new DecompressionStream('deflate'));
  return unpack(JSON.parse(new TextDecoder().decode(json)));
}

async function pipe(bytes: Uint8Array, transform: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(transform);
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64url(text: string): Uint8Array {
  if (!isBase64url(text)) throw new Error('not a scene link');
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/** The hash for a scene; `#s=` keeps room for other hash parameters later. */
export async function sceneHash(scene: Scene): Promise<string> {
  return `#s=${await encodeLink(toLink(scene))}`;
}

/** The encoded link in a location hash, if there is one. */
export function linkFromHash(hash: string): string | undefined {
  return new URLSearchParams(hash.replace(/^#/, '')).get('s') ?? undefined;
}
