import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { dropClass, setClass } from './classes.js';

function graph(n: number): cytoscape.Core {
  const cy = cytoscape({ headless: true, styleEnabled: true, style: [{ selector: '.on', style: { opacity: 0.5 } }] });
  cy.add(Array.from({ length: n }, (_, i) => ({ group: 'nodes' as const, data: { id: `n${i}` }, classes: i % 2 ? 'on' : '' })));
  return cy;
}

/** Counts the elements Cytoscape restyles (a 'style' event each) while `fn` runs. */
function restyled(cy: cytoscape.Core, fn: () => void): number {
  let count = 0;
  const count1 = () => count++;
  cy.on('style', count1);
  fn();
  cy.off('style', count1);
  return count;
}

describe('class changes restyle only what changes', () => {
  it("Cytoscape's own toggleClass restyles elements whose class does not change (why setClass exists)", () => {
    const cy = graph(10);
    expect(restyled(cy, () => cy.nodes('.on').toggleClass('on', true))).toBe(5);
  });

  it('setClass restyles only the elements whose class flips, and sets every element as asked', () => {
    const cy = graph(10);
    expect(restyled(cy, () => expect(setClass(cy.nodes(), 'on', true)).toBe(5))).toBe(5);
    expect(cy.nodes('.on').length).toBe(10);
    expect(restyled(cy, () => expect(setClass(cy.nodes(), 'on', true)).toBe(0))).toBe(0);
    expect(restyled(cy, () => setClass(cy.nodes(), 'on', (ele) => ele.id() === 'n3'))).toBe(9);
    expect(cy.nodes('.on').map((n) => n.id())).toEqual(['n3']);
  });

  it('dropClass touches only the elements that have the class', () => {
    const cy = graph(10);
    expect(restyled(cy, () => dropClass(cy, 'on'))).toBe(5);
    expect(cy.nodes('.on').length).toBe(0);
    expect(restyled(cy, () => dropClass(cy, 'on'))).toBe(0);
  });
});
