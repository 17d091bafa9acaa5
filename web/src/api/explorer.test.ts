import { describe, expect, it } from 'vitest';
import { fromWireGroup, mergeSubgraphs, operationOf } from './explorer.js';

const node = (id: string) => ({ id, kind: 'PERSON' as const, name: id, degree: 1 });
const edge = (source: string, target: string) => ({ id: `${source}-${target}`, type: 'KNOWS', source, target, title: null });

describe('explorer api helpers', () => {
  it('turns the server’s OUTGOING / INCOMING into the page’s OUT / IN', () => {
    expect(fromWireGroup({ type: 'ROLE_AT', direction: 'INCOMING', kind: 'PERSON', count: 3 })).toEqual({ type: 'ROLE_AT', direction: 'IN', kind: 'PERSON', count: 3 });
    expect(fromWireGroup({ type: 'FUNDS', direction: 'OUTGOING', kind: 'PROGRAMME', count: 1 }).direction).toBe('OUT');
  });

  it('merges paths into one subgraph, each node and edge once', () => {
    const a = { nodes: [node('a'), node('b'), node('c')], edges: [edge('a', 'b'), edge('b', 'c')], hidden: [{ id: 'b', count: 2 }], truncated: false };
    const b = { nodes: [node('a'), node('d'), node('c')], edges: [edge('a', 'd'), edge('d', 'c')], hidden: [{ id: 'b', count: 5 }], truncated: true };
    const merged = mergeSubgraphs([a, b]);
    expect(merged.nodes.map((n) => n.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(merged.edges).toHaveLength(4);
    expect(merged.hidden).toEqual([{ id: 'b', count: 5 }]);
    expect(merged.truncated).toBe(true);
  });

  it('sends asOf with every scene query when set, and leaves unset variables out', () => {
    expect(operationOf({ op: 'graph', variables: { limit: 300, asOf: '2019' } }).variables).toEqual({ limit: 300, asOf: '2019' });
    expect(operationOf({ op: 'graph', variables: { limit: 300 } }).variables).toEqual({ limit: 300 });
    const path = operationOf({ op: 'shortestPath', variables: { from: 'a', to: 'b', all: true, asOf: '2019-05-14' } });
    expect(path.name).toBe('ShortestPath');
    expect(path.query).toMatch(/shortestPath\(from: \$from, to: \$to, all: \$all, asOf: \$asOf\)/);
    expect(path.variables).toEqual({ from: 'a', to: 'b', all: true, asOf: '2019-05-14' });
  });
});
