import type { Core } from 'cytoscape';
import { EDGE_LABEL_ZOOM, MINOR_CLASS, NODE_LABEL_ZOOM, ZOOM_LABEL_CLASS } from './style.js';

// Remembers which node-label state is applied, so zoom events that change nothing cost nothing.
const SCRATCH = '_kgxLabels';

/**
 * Keeps labels in step with the zoom from now on: re-applies on every zoom, and re-ranks nodes
 * whenever elements come or go (a new hub must get its label).
 */
export function attachLabels(cy: Core): void {
  cy.on('add remove', () => {
    cy.removeScratch(SCRATCH);
  });
  cy.on('zoom', () => syncLabels(cy));
  syncLabels(cy);
}

/** When zoomed out, only this many nodes (the best connected) keep their labels. */
export const MAJOR_NODES = 60;

/**
 * Puts labels on or off for the current zoom, so the overview shows structure and the names that
 * matter, and zooming in reveals the rest. Cytoscape's own min-zoomed-font-size rounds zoom to
 * powers of two and depends on the screen's pixel ratio, so it cannot give one predictable
 * threshold; classes toggled here can.
 *  - Edges: every label shows from EDGE_LABEL_ZOOM (hovered and selected ones always do).
 *  - Nodes: below NODE_LABEL_ZOOM only the MAJOR_NODES highest-degree nodes keep their label.
 */
export function syncLabels(cy: Core, edgeZoom = EDGE_LABEL_ZOOM, nodeZoom = NODE_LABEL_ZOOM, major = MAJOR_NODES): void {
  const zoom = cy.zoom();
  cy.batch(() => {
    const edgesOn = zoom >= edgeZoom;
    // Only touch what differs: zoom events fire many times a second.
    const staleEdges = edgesOn ? cy.edges().not(`.${ZOOM_LABEL_CLASS}`) : cy.edges(`.${ZOOM_LABEL_CLASS}`);
    if (staleEdges.nonempty()) staleEdges.toggleClass(ZOOM_LABEL_CLASS, edgesOn);

    const nodes = cy.nodes();
    const allOn = zoom >= nodeZoom || nodes.length <= major;
    const key = allOn ? 'all' : 'minor';
    if (cy.scratch(SCRATCH) === key) return;
    cy.scratch(SCRATCH, key);
    if (allOn) {
      cy.nodes(`.${MINOR_CLASS}`).removeClass(MINOR_CLASS);
      return;
    }
    // Ties broken by id so the same graph always labels the same nodes.
    const ranked = nodes.toArray().sort((a, b) => (b.data('degree') as number) - (a.data('degree') as number) || a.id().localeCompare(b.id()));
    ranked.forEach((node, rank) => node.toggleClass(MINOR_CLASS, rank >= major));
  });
}
