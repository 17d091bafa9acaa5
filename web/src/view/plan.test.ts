import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { LONE_CLASS, graphStylesheet } from '../graph/style.js';
import type { Subgraph } from '../model.js';
import { apply } from '../scene/operations.js';
import { EMPTY_SCENE, type Scene } from '../scene/scene.js';
import { drawPlan, loneEdges } from './plan.js';

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

describe('edges alone between their two nodes', () => {
  it('are lone until a parallel edge (either direction) arrives, and then the one already drawn is named', () => {
    const isLone = loneEdges(base, []).isLone;
    expect(isLone('a>b')).toBe(true);
    const back = { id: 'b>a', type: 'PART_OF', source: 'b', target: 'a', title: null };
    const grown = apply(base, { type: 'add', subgraph: { nodes: [], edges: [back, edge('a', 'a')], truncated: false }, positions: new Map() });
    const lone = loneEdges(grown, ['b>a', 'a>a']);
    expect(lone.isLone('a>b')).toBe(false);
    expect(lone.isLone('b>a')).toBe(false);
    // A loop is never drawn straight.
    expect(lone.isLone('a>a')).toBe(false);
    expect(lone.notLoneAnyMore).toEqual(['a>b']);
  });

  it('are drawn straight by the stylesheet, the others as bundled beziers', () => {
    const cy = cytoscape({ headless: true, styleEnabled: true, style: graphStylesheet() });
    cy.add([{ data: { id: 'a' } }, { data: { id: 'b' } }, { data: { id: 'one', source: 'a', target: 'b' }, classes: LONE_CLASS }, { data: { id: 'two', source: 'b', target: 'a' } }]);
    expect(cy.getElementById('one').style('curve-style')).toBe('straight');
    expect(cy.getElementById('two').style('curve-style')).toBe('bezier');
  });
});
