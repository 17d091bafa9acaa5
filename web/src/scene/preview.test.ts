import { describe, expect, it } from 'vitest';
import type { Subgraph } from '../model.js';
import { apply } from './operations.js';
import { chosenCount, expansionGroups, groupQueries, newEntityCount, pickGroups, serverGroups } from './preview.js';
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
    expect(groups.map((g) => [g.type, g.direction, g.kind, g.count])).toEqual([
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

  it('shows the server’s groups biggest first, and fetches each chosen group alone', () => {
    const groups = serverGroups([
      { type: 'DISCUSSED', direction: 'OUT', kind: 'TOPIC', count: 10 },
      { type: 'ROLE_AT', direction: 'IN', kind: 'PERSON', count: 40 },
      { type: 'FUNDS', direction: 'OUT', kind: 'PROGRAMME', count: 0 },
    ]);
    expect(groups.map((g) => g.key)).toEqual(['ROLE_AT|IN|PERSON', 'DISCUSSED|OUT|TOPIC']);
    expect(chosenCount(groups)).toBe(50);
    expect(groupQueries('hub', groups, 200, '2019-05')).toEqual([
      { op: 'neighbourhood', variables: { ids: ['hub'], depth: 1, limit: 200, kinds: ['PERSON'], relationshipTypes: ['ROLE_AT'], direction: 'INCOMING', asOf: '2019-05' } },
      { op: 'neighbourhood', variables: { ids: ['hub'], depth: 1, limit: 200, kinds: ['TOPIC'], relationshipTypes: ['DISCUSSED'], direction: 'OUTGOING' } },
    ].map((q, i) => (i === 1 ? { ...q, variables: { ...q.variables, asOf: '2019-05' } } : q)));
    expect(groupQueries('hub', groups.slice(1), 50, null)[0]!.variables).not.toHaveProperty('asOf');
  });
});
