import type { Core } from 'cytoscape';
import { ENTITY_KINDS, type EntityKind } from '../model.js';
import { HIDDEN_CLASS } from './style.js';

/** Returns a new hidden-kinds set with `kind` shown or hidden (sets are treated as immutable). */
export function setKindVisible(hidden: ReadonlySet<EntityKind>, kind: EntityKind, visible: boolean): Set<EntityKind> {
  const next = new Set(hidden);
  if (visible) next.delete(kind);
  else next.add(kind);
  return next;
}

/** The kinds that are shown, in legend order. */
export function visibleKinds(hidden: ReadonlySet<EntityKind>): EntityKind[] {
  return ENTITY_KINDS.filter((k) => !hidden.has(k));
}

/**
 * Hides the nodes of the hidden kinds with a class (the stylesheet maps it to display:none, which
 * also hides their edges) and shows all others. Returns how many nodes are hidden. Hiding via a
 * class rather than removing keeps positions and selection intact when the kind comes back.
 */
export function applyKindFilter(cy: Core, hidden: ReadonlySet<EntityKind>): number {
  let count = 0;
  cy.batch(() => {
    cy.nodes().forEach((node) => {
      const hide = hidden.has(node.data('kind') as EntityKind);
      if (hide) count++;
      // Deselect what disappears so the panel and the graph never disagree about the selection.
      if (hide && node.selected()) node.unselect();
      node.toggleClass(HIDDEN_CLASS, hide);
    });
  });
  return count;
}
