import { describe, expect, it } from 'vitest';
import type { ExplorerApi } from '../api/explorer.js';
import type { Subgraph } from '../model.js';
import { apply, type Operation } from '../scene/operations.js';
import { EMPTY_SCENE, type QueryRecord, type Scene } from '../scene/scene.js';
import { Expander } from './expand.js';

const hub = { id: 'h', kind: 'ORGANISATION' as const, name: 'Hub', degree: 300 };
const other = { id: 'x', kind: 'PERSON' as const, name: 'X', degree: 1 };
const leaves = Array.from({ length: 300 }, (_, i) => ({ id: `p${String(i).padStart(3, '0')}`, kind: 'PERSON' as const, name: `P ${i}`, degree: 1 }));

function harness() {
  let scene: Scene = apply(EMPTY_SCENE, {
    type: 'add',
    subgraph: { nodes: [hub, other], edges: [], truncated: false },
    positions: new Map([
      ['h', { x: 0, y: 0 }],
      ['x', { x: 400, y: 0 }],
    ]),
  });
  const ops: Operation[] = [];
  const said: string[] = [];
  const asked: QueryRecord[] = [];
  const api = {
    subgraph: (record: QueryRecord): Promise<Subgraph> => {
      asked.push(record);
      return Promise.resolve({ nodes: [hub, ...leaves], edges: leaves.map((l) => ({ id: `${l.id}>h`, type: 'ROLE_AT', source: l.id, target: 'h', title: null })), truncated: false });
    },
    expansionPreview: () => Promise.resolve([{ type: 'ROLE_AT', direction: 'IN' as const, kind: 'PERSON' as const, count: 300 }]),
  } as unknown as ExplorerApi;
  const expander = new Expander({
    api,
    scene: () => scene,
    commit: (op) => {
      ops.push(op);
      scene = apply(scene, op);
    },
    say: (message) => said.push(message),
    preview: { choose: (_name, groups) => Promise.resolve([...groups]) },
  });
  return { expander, ops, said, asked, scene: () => scene };
}

describe('expanding a hub through its preview', () => {
  it('brings the picked group in as one step, places the new nodes round the hub and moves nothing on screen', async () => {
    const h = harness();
    await h.expander.expand('h');
    expect(h.asked).toHaveLength(1);
    expect(h.asked[0]).toMatchObject({ op: 'neighbourhood', variables: { ids: ['h'], relationshipTypes: ['ROLE_AT'], kinds: ['PERSON'] } });
    expect(h.ops).toHaveLength(1);
    const scene = h.scene();
    expect(scene.nodes.size).toBe(302);
    expect(scene.positions.get('h')).toEqual({ x: 0, y: 0 });
    expect(scene.positions.get('x')).toEqual({ x: 400, y: 0 });
    expect(leaves.every((l) => scene.positions.has(l.id))).toBe(true);
    expect(scene.queries.at(-1)).toEqual(h.asked[0]);
    expect(h.said.at(-1)).toBe('Added 300 entities around Hub.');
  });

  it('commits nothing when the answer brings nothing new', async () => {
    const h = harness();
    await h.expander.expand('h');
    await h.expander.expand('h');
    expect(h.ops).toHaveLength(1);
    expect(h.said.at(-1)).toBe('Everything around Hub is already in the scene.');
  });
});
