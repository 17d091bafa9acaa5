import { describe, expect, it } from 'vitest';
import type { Subgraph } from '../model.js';
import { apply } from '../scene/operations.js';
import { EMPTY_SCENE, type Scene } from '../scene/scene.js';
import { drawPlan } from './plan.js';

const node = (id: string) => ({ id, kind: 'PERSON' as const, name: id, degree: 1 });
const edge = (source: string, target: string) => ({ id: `${source}>${target}`, type: 'ROLE_AT', source, target, title: null });

function grow(scene: Scene, subgraph: Pick<Subgraph, 'nodes' | 'edges'>): Scene {
  const positions = new Map(subgraph.nodes.map((n, i) => [n.id, { x: i * 10, y: 0 }]));
  return apply(scene, { type: 'add', subgraph: { ...subgraph, truncated: false }, positions });
}

const base = grow(EMPTY_SCENE, { nodes: [node('a'), node('b')], edges: [edge('a', 'b')] });
const nothingDrawn = () => false;

describe('what the canvas must do between two scenes', () => {
  it('draws everything of a first scene, nodes before edges, and restyles nothing', () => {
    const plan = drawPlan(null, base, nothingDrawn);
    expect(plan.add).toEqual(['a', 'b', 'a>b']);
    expect(plan.remove).toEqual([]);
    expect(plan.restyle).toEqual([]);
  });

  it('after an expansion adds only the new elements and moves and restyles none of the old ones', () => {
    const grown = grow(base, { nodes: [node('a'), node('c'), node('d')], edges: [edge('a', 'c'), edge('a', 'd')] });
    const plan = drawPlan(base, grown, () => {
      throw new Error('a complete canvas is not asked');
    });
    expect(plan.add).toEqual(['c', 'd', 'a>c', 'a>d']);
    expect(plan.move.size).toBe(0);
    expect(plan.remove).toEqual([]);
    expect(plan.restyle).toEqual([]);
  });

  it('takes off what left and moves what moved', () => {
    const removed = apply(base, { type: 'remove', ids: ['b'] });
    expect(drawPlan(base, removed, nothingDrawn).remove).toEqual(['b', 'a>b']);
    const moved = apply(base, { type: 'move', positions: new Map([['b', { x: 500, y: 5 }]]) });
    expect([...drawPlan(base, moved, nothingDrawn).move]).toEqual([['b', { x: 500, y: 5 }]]);
  });

  it('restyles only the elements whose selection changed, and everything when a filter changed', () => {
    const one = apply(base, { type: 'select', ids: ['a'] });
    const other = apply(one, { type: 'select', ids: ['b'] });
    expect(drawPlan(one, other, nothingDrawn).restyle).toEqual(['a', 'b']);
    expect(drawPlan(one, apply(one, { type: 'select', ids: ['a'] }), nothingDrawn).restyle).toEqual([]);
    expect(drawPlan(base, apply(base, { type: 'hide', ids: ['a'] }), nothingDrawn).restyle).toBe('all');
    expect(drawPlan(base, apply(base, { type: 'setKindVisible', kind: 'PERSON', visible: false }), nothingDrawn).restyle).toBe('all');
  });

  it('asks the canvas what is there when the last scene was still being drawn', () => {
    const grown = grow(base, { nodes: [node('c')], edges: [edge('a', 'c')] });
    const drawn = new Set(['a', 'c']);
    const plan = drawPlan(base, grown, (id) => drawn.has(id), false);
    expect(plan.add).toEqual(['b', 'a>b', 'a>c']);
  });
});
