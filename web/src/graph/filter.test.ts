import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import type { EntityKind } from '../model.js';
import { mergeSubgraph } from './elements.js';
import { applyKindFilter, setKindVisible, visibleKinds } from './filter.js';
import { HIDDEN_CLASS, graphStylesheet } from './style.js';

function graph() {
  const cy = cytoscape({ headless: true, styleEnabled: true, style: graphStylesheet() });
  mergeSubgraph(cy, {
    nodes: [
      { id: 'p', kind: 'PERSON', name: 'Gro Jære' },
      { id: 'o', kind: 'ORGANISATION', name: 'Sykehuspartner' },
      { id: 't', kind: 'TOPIC', name: 'Infrastruktur' },
    ],
    edges: [
      { id: 'e1', type: 'ROLE_AT', source: 'p', target: 'o', title: null },
      { id: 'e2', type: 'ABOUT', source: 'o', target: 't', title: null },
    ],
  });
  return cy;
}

describe('kind filter', () => {
  it('hides exactly the nodes of hidden kinds, and their edges with them', () => {
    const cy = graph();
    const hidden = setKindVisible(new Set<EntityKind>(), 'PERSON', false);
    expect(applyKindFilter(cy, hidden)).toBe(1);
    expect(cy.getElementById('p').hasClass(HIDDEN_CLASS)).toBe(true);
    expect(cy.getElementById('p').style('display')).toBe('none');
    expect(cy.getElementById('o').style('display')).toBe('element');
    expect(cy.getElementById('e1').visible()).toBe(false);
    expect(cy.getElementById('e2').visible()).toBe(true);
  });

  it('shows a kind again when it is ticked back on', () => {
    const cy = graph();
    let hidden = setKindVisible(new Set<EntityKind>(), 'PERSON', false);
    hidden = setKindVisible(hidden, 'TOPIC', false);
    expect(applyKindFilter(cy, hidden)).toBe(2);
    hidden = setKindVisible(hidden, 'PERSON', true);
    expect(applyKindFilter(cy, hidden)).toBe(1);
    expect(cy.getElementById('p').visible()).toBe(true);
    expect(cy.getElementById('t').visible()).toBe(false);
    expect(visibleKinds(hidden)).not.toContain('TOPIC');
    expect(visibleKinds(hidden)).toContain('PERSON');
  });

  it('does not mutate the set it is given and unselects what it hides', () => {
    const cy = graph();
    const before = new Set<EntityKind>();
    const after = setKindVisible(before, 'ORGANISATION', false);
    expect(before.size).toBe(0);
    cy.getElementById('o').select();
    applyKindFilter(cy, after);
    expect(cy.getElementById('o').selected()).toBe(false);
  });
});
