import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import type { Subgraph } from '../model.js';
import { edgeLabel, mergeSubgraph } from './elements.js';

const seed: Subgraph = {
  truncated: false,
  nodes: [
    { id: 'person:gro-jaere', kind: 'PERSON', name: 'Gro Jære', degree: 3 },
    { id: 'org:sykehuspartner', kind: 'ORGANISATION', name: 'Sykehuspartner', degree: 9 },
    { id: 'org:helse-nord-ikt', kind: 'ORGANISATION', name: 'Helse Nord IKT', degree: 4 },
  ],
  edges: [
    { id: 'rel:1', type: 'ROLE_AT', source: 'person:gro-jaere', target: 'org:sykehuspartner', title: 'administrerende direktør' },
    { id: 'rel:2', type: 'COLLABORATES_WITH', source: 'org:sykehuspartner', target: 'org:helse-nord-ikt', title: null },
  ],
};

function headless() {
  return cytoscape({ headless: true, styleEnabled: true });
}

describe('mergeSubgraph', () => {
  it('adds every node and edge of a subgraph to an empty graph', () => {
    const cy = headless();
    const result = mergeSubgraph(cy, seed);
    expect(result.nodes.sort()).toEqual(['org:helse-nord-ikt', 'org:sykehuspartner', 'person:gro-jaere']);
    expect(result.edges.sort()).toEqual(['rel:1', 'rel:2']);
    expect(cy.nodes()).toHaveLength(3);
    expect(cy.edges()).toHaveLength(2);
    const edge = cy.getElementById('rel:1');
    expect(edge.source().id()).toBe('person:gro-jaere');
    expect(edge.target().id()).toBe('org:sykehuspartner');
    expect(edge.data('label')).toBe('ROLE_AT: administrerende direktør');
    expect(cy.getElementById('person:gro-jaere').data('label')).toBe('Gro Jære');
  });

  it('merging the same subgraph twice adds nothing the second time', () => {
    const cy = headless();
    mergeSubgraph(cy, seed);
    const again = mergeSubgraph(cy, seed);
    expect(again).toEqual({ nodes: [], edges: [], skippedEdges: [] });
    expect(cy.nodes()).toHaveLength(3);
    expect(cy.edges()).toHaveLength(2);
  });

  it('adds only what is new from an overlapping neighbourhood and keeps existing positions', () => {
    const cy = headless();
    mergeSubgraph(cy, seed);
    cy.getElementById('org:sykehuspartner').position({ x: 500, y: 70 });
    const result = mergeSubgraph(
      cy,
      {
        nodes: [
          { id: 'org:sykehuspartner', kind: 'ORGANISATION', name: 'Sykehuspartner HF', degree: 9 },
          { id: 'programme:stim', kind: 'PROGRAMME', name: 'STIM', degree: 1 },
          { id: 'programme:stim', kind: 'PROGRAMME', name: 'STIM', degree: 1 },
        ],
        edges: [
          { id: 'rel:1', type: 'ROLE_AT', source: 'person:gro-jaere', target: 'org:sykehuspartner', title: 'administrerende direktør' },
          { id: 'rel:3', type: 'RUNS', source: 'org:sykehuspartner', target: 'programme:stim', title: null },
          { id: 'rel:3', type: 'RUNS', source: 'org:sykehuspartner', target: 'programme:stim', title: null },
        ],
      },
      { placeNear: { x: 500, y: 70 } },
    );
    expect(result.nodes).toEqual(['programme:stim']);
    expect(result.edges).toEqual(['rel:3']);
    expect(cy.nodes()).toHaveLength(4);
    expect(cy.edges()).toHaveLength(3);
    // Existing nodes are left alone: neither renamed nor moved.
    expect(cy.getElementById('org:sykehuspartner').data('label')).toBe('Sykehuspartner');
    expect(cy.getElementById('org:sykehuspartner').position()).toEqual({ x: 500, y: 70 });
    const stim = cy.getElementById('programme:stim').position();
    expect(Math.hypot(stim.x - 500, stim.y - 70)).toBeGreaterThan(10);
    expect(Math.hypot(stim.x - 500, stim.y - 70)).toBeLessThan(200);
  });

  it('does not add edges whose endpoints are in neither the graph nor the subgraph', () => {
    const cy = headless();
    const result = mergeSubgraph(cy, {
      nodes: [{ id: 'person:gro-jaere', kind: 'PERSON', name: 'Gro Jære' }],
      edges: [
        { id: 'rel:1', type: 'ROLE_AT', source: 'person:gro-jaere', target: 'org:sykehuspartner', title: null },
        { id: 'rel:9', type: 'KNOWS', source: 'person:nobody', target: 'person:gro-jaere', title: null },
      ],
    });
    expect(result.edges).toEqual([]);
    expect(result.skippedEdges).toEqual(['rel:1', 'rel:9']);
    expect(cy.edges()).toHaveLength(0);
    // Once the missing endpoint arrives, the edge can be added.
    const later = mergeSubgraph(cy, seed);
    expect(later.edges).toContain('rel:1');
    expect(cy.getElementById('rel:1').nonempty()).toBe(true);
  });

  it('connects a new edge to nodes that were already drawn', () => {
    const cy = headless();
    mergeSubgraph(cy, { nodes: seed.nodes, edges: [] });
    const result = mergeSubgraph(cy, { nodes: [], edges: seed.edges });
    expect(result.edges.sort()).toEqual(['rel:1', 'rel:2']);
    expect(cy.getElementById('org:sykehuspartner').connectedEdges()).toHaveLength(2);
  });
});

describe('edgeLabel', () => {
  it('shows the type, and the title after a colon when there is one', () => {
    expect(edgeLabel({ type: 'ROLE_AT', title: 'administrerende direktør' })).toBe('ROLE_AT: administrerende direktør');
    expect(edgeLabel({ type: 'RUNS', title: null })).toBe('RUNS');
    expect(edgeLabel({ type: 'RUNS', title: '  ' })).toBe('RUNS');
  });
});
