import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { nodeDefinition, stubDefinitions } from '../graph/elements.js';
import { graphStylesheet } from '../graph/style.js';
import type { EntityKind, Subgraph } from '../model.js';
import { apply } from './operations.js';
import { EMPTY_SCENE, statusLine, type Scene } from './scene.js';
import { moreStubs, stubLabel, stubOwner } from './stubs.js';

const node = (id: string, kind: EntityKind = 'PERSON', degree = 1) => ({ id, kind, name: id.toUpperCase(), degree });
const edge = (source: string, target: string) => ({ id: `${source}-ROLE_AT-${target}`, type: 'ROLE_AT', source, target, title: null });

/** A hub with three people drawn to its right, and 35 relationships the answer left out. */
function hubScene(): Scene {
  const subgraph: Subgraph = {
    nodes: [node('hub', 'ORGANISATION', 38), node('a'), node('b'), node('c'), node('lone', 'TOPIC')],
    edges: [edge('a', 'hub'), edge('b', 'hub'), edge('c', 'hub')],
    hidden: [
      { id: 'hub', count: 35 },
      { id: 'lone', count: 2 },
    ],
    truncated: true,
  };
  const positions = new Map([
    ['hub', { x: 0, y: 0 }],
    ['a', { x: 200, y: -50 }],
    ['b', { x: 200, y: 0 }],
    ['c', { x: 200, y: 50 }],
    ['lone', { x: -400, y: 300 }],
  ]);
  return apply(EMPTY_SCENE, { type: 'add', subgraph, positions, query: { op: 'neighbourhood', variables: { ids: ['hub'], depth: 1, limit: 3 } } });
}

describe('"+N more" stubs', () => {
  it('one stub per visible node with relationships left out, on the side away from its neighbours', () => {
    const stubs = moreStubs(hubScene());
    expect(stubs.map((s) => [s.of, s.count, s.label])).toEqual([
      ['hub', 35, '+35 more'],
      ['lone', 2, '+2 more'],
    ]);
    const hub = stubs[0]!;
    expect(hub.id).toBe('more:hub');
    expect(stubOwner(hub.id)).toBe('hub');
    expect(stubOwner('hub')).toBeNull();
    // Neighbours lie to the right (+x): the stub goes left, level with the hub.
    expect(hub.position.x).toBeLessThan(-30);
    expect(Math.abs(hub.position.y)).toBeLessThan(5);
    // No neighbours: below and to the right of the node.
    const lone = stubs[1]!;
    expect(lone.position.y).toBeGreaterThan(300);
  });

  it('is deterministic and follows the scene: hidden nodes and counts of zero get none', () => {
    const scene = hubScene();
    expect(moreStubs(scene)).toEqual(moreStubs(hubScene()));
    expect(moreStubs(apply(scene, { type: 'hide', ids: ['lone'] })).map((s) => s.of)).toEqual(['hub']);
    expect(moreStubs(apply(scene, { type: 'setKindVisible', kind: 'ORGANISATION', visible: false })).map((s) => s.of)).toEqual(['lone']);
    // A later answer that returned the hub with nothing left out removes its stub.
    const after = apply(scene, {
      type: 'add',
      subgraph: { nodes: [node('hub', 'ORGANISATION', 38)], edges: [], hidden: [], truncated: false },
      positions: new Map(),
      query: { op: 'neighbourhood', variables: { ids: ['hub'], depth: 1, limit: 1000 } },
    });
    expect(moreStubs(after).map((s) => s.of)).toEqual(['lone']);
  });

  it('stubs are not entities: the status line counts only the scene', () => {
    expect(statusLine(hubScene(), 100)).toMatch(/^5 nodes · 3 edges shown of 100/);
  });

  it('labels large counts readably', () => {
    expect(stubLabel(4800)).toBe('+4\u202f800 more');
  });

  it('draws as a labelled, ungrabbable pill tied to its entity by a dashed edge (headless Cytoscape)', () => {
    const cy = cytoscape({ headless: true, styleEnabled: true, style: graphStylesheet() });
    const scene = hubScene();
    cy.add([...scene.nodes.values()].map((n) => nodeDefinition(n, scene.positions.get(n.id))));
    for (const stub of moreStubs(scene)) cy.add(stubDefinitions(stub));
    const stub = cy.getElementById('more:hub');
    expect(stub.style('label')).toBe('+35 more');
    expect(stub.grabbable()).toBe(false);
    expect(stub.data('of')).toBe('hub');
    const tie = cy.getElementById('more-edge:hub');
    expect(tie.source().id()).toBe('hub');
    expect(tie.style('line-style')).toBe('dashed');
  });
});
