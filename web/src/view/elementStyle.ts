/** Style questions the canvas shortcuts ask of an element, each answered from Cytoscape's computed style. */

/** An element as these read it. */
export interface Styled {
  pstyle(name: string): { strValue?: string; value?: unknown };
}

/** Whether the element has any label to draw (its own, or at an edge's source or target end). */
export function hasLabel(ele: Styled): boolean {
  return ele.pstyle('label').strValue !== '' || ele.pstyle('source-label').strValue !== '' || ele.pstyle('target-label').strValue !== '';
}

/** Whether an underlay or overlay (Cytoscape draws neither at opacity 0) would show. */
export function layerShows(ele: Styled, layer: 'underlay' | 'overlay'): boolean {
  return Number(ele.pstyle(`${layer}-opacity`).value) > 0;
}
