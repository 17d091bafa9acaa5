import { describe, expect, it } from 'vitest';
import { layout } from './layout.js';
import { answerLayout } from './layoutJob.js';
import { apply } from './operations.js';
import { EMPTY_SCENE } from './scene.js';

const nodes = Array.from({ length: 40 }, (_, i) => ({ id: `n${i}`, kind: 'PERSON' as const, name: `N ${i}`, degree: 2 }));
const edges = nodes.slice(1).map((n, i) => ({ id: `e${i}`, type: 'ROLE_AT', source: n.id, target: nodes[i % 5]!.id, title: null }));
const scene = apply(EMPTY_SCENE, { type: 'add', subgraph: { nodes, edges, truncated: false }, positions: new Map() });

describe('a layout run for the worker', () => {
  it('gives the same positions as the layout run on the page, for the parts of the scene it is sent', () => {
    const request = { id: 7, name: 'fcose' as const, scene: structuredClone({ nodes: scene.nodes, edges: scene.edges, positions: scene.positions, hidden: scene.hidden, hiddenKinds: scene.hiddenKinds }) };
    const answer = answerLayout(request);
    expect(answer.id).toBe(7);
    if ('error' in answer) throw new Error(answer.error);
    expect(answer.positions).toHaveLength(40);
    expect(new Map(answer.positions)).toEqual(layout(scene, 'fcose'));
  });

  it('answers a failure in words instead of throwing', () => {
    const broken = { id: 1, name: 'fcose' as const, scene: { nodes: null, edges: new Map(), positions: new Map(), hidden: new Set(), hiddenKinds: new Set() } };
    const answer = answerLayout(broken as never);
    expect('error' in answer && answer.error.length > 0).toBe(true);
  });
});
