import { describe, expect, it } from 'vitest';
import type { Subgraph } from '../model.js';
import { apply } from './operations.js';
import { expansionGroups, newEntityCount, pickGroups } from './preview.js';
import { EMPTY_SCENE } from './scene.js';

const hub = { id: 'hub', kind: 'ORGANISATION' as const, name: 'Hub', degree: 30 };
const people = Array.from({ length: 20 }, (_, i) => ({ id: `p${i}`, kind: 'PERSON' as const, name: `P${i}`, degree: 1 }));
const topics = Array.from({ length: 5 }, (_, i) => ({ id: `t${i}`, kind: 'TOPIC' as const, name: `T${i}`, degree: 1 }));
const subgraph: Subgraph = {
  nodes: [hub, ...people, ...topics],
  edges: [
    ...people.map((p) => ({ id: `${p.id}-ROLE_AT-hub`, type: 'ROLE_AT', source: p.id, target: 'hub', title: null })),
    ...topics.map((t) => ({ id: `hub-DISCUSSED-${t.id}`, type: 'DISCUSSED', source: 'hub', target: t.id, title: null })),
    { id: 'p0-DISCUSSED-t0', type: 'DISCUSSED', source: 'p0', target: 't0', title: null },
  ],
  truncated: false,
};
const scene = apply(EMPTY_SCENE, { type: 'add', subgraph: { nodes: [hub, people[0]!], edges: [], truncated: false }, positions: new Map() });

describe('expansion preview', () => {
  it('groups what is new by type, direction and kind, biggest first', () => {
    const groups = expansionGroups(scene, 'hub', subgraph);
    expect(groups.map((g) => [g.type, g.direction, g.kind, g.ids.length])).toEqual([
      ['ROLE_AT', 'IN', 'PERSON', 19],
      ['DISCUSSED', 'OUT', 'TOPIC', 5],
    ]);
    expect(newEntityCount(scene, subgraph)).toBe(24);
  });

  it('brings in only the chosen groups, with the edges among what is shown', () => {
    const topicsOnly = expansionGroups(scene, 'hub', subgraph).filter((g) => g.kind === 'TOPIC');
    const picked = pickGroups(subgraph, 'hub', topicsOnly);
    const next = apply(scene, { type: 'add', subgraph: picked, positions: new Map() });
    expect([...next.nodes.keys()].sort()).toEqual(['hub', 'p0', 't0', 't1', 't2', 't3', 't4']);
    // p0 was already there, so its edges to the hub and to the new topic come along; no other person does.
    expect(next.edges.has('p0-DISCUSSED-t0')).toBe(true);
    expect(next.edges.has('p0-ROLE_AT-hub')).toBe(true);
    expect(next.edges.size).toBe(7);
  });
});
