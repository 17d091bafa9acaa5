import type { Core, ElementDefinition, Position } from 'cytoscape';
import type { EntitySummary, RelationshipSummary, Subgraph } from '../model.js';
import type { MoreStub } from '../scene/stubs.js';
import { STUB_CLASS, STUB_EDGE_CLASS, kindClass, nodeSize } from './style.js';

/** What the node's `data` holds; the panel and search read these back. */
export interface NodeData {
  id: string;
  label: string;
  kind: EntitySummary['kind'];
  degree: number;
  size: number;
}

/** What the edge's `data` holds. */
export interface EdgeData {
  id: string;
  source: string;
  target: string;
  type: string;
  title: string | null;
  label: string;
}

/** The text on an edge: its type, plus the title when the relationship has one ("ROLE_AT: direktør"). */
export function edgeLabel(rel: Pick<RelationshipSummary, 'type' | 'title'>): string {
  const title = rel.title?.trim();
  return title ? `${rel.type}: ${title}` : rel.type;
}

/** The Cytoscape definition of one entity. */
export function nodeDefinition(entity: EntitySummary, position?: Position): ElementDefinition {
  const data: NodeData = {
    id: entity.id,
    label: entity.name,
    kind: entity.kind,
    degree: entity.degree ?? 0,
    size: nodeSize(entity.degree),
  };
  return { group: 'nodes', data: { ...data }, classes: kindClass(entity.kind), ...(position ? { position } : {}) };
}

/** The Cytoscape definition of one relationship. */
export function edgeDefinition(rel: RelationshipSummary): ElementDefinition {
  const data: EdgeData = {
    id: rel.id,
    source: rel.source,
    target: rel.target,
    type: rel.type,
    title: rel.title,
    label: edgeLabel(rel),
  };
  return { group: 'edges', data: { ...data } };
}

/**
 * A "+N more" stub and the dashed edge tying it to its entity: not grabbable (its place follows the
 * entity), not selectable; `degree` 0 keeps it last when labels are ranked.
 */
export function stubDefinitions(stub: MoreStub): ElementDefinition[] {
  return [
    { group: 'nodes', data: { id: stub.id, label: stub.label, of: stub.of, degree: 0, size: 0, w: stub.label.length * 6.5 + 8 }, classes: STUB_CLASS, position: { ...stub.position }, grabbable: false },
    { group: 'edges', data: { id: stub.edgeId, source: stub.of, target: stub.id, label: '' }, classes: STUB_EDGE_CLASS },
  ];
}

export interface MergeResult {
  /** Ids of the nodes that were not in the graph before. */
  nodes: string[];
  /** Ids of the edges that were not in the graph before. */
  edges: string[];
  /** Ids of edges left out because an endpoint is in neither the graph nor the subgraph. */
  skippedEdges: string[];
}

export interface MergeOptions {
  /** Where to put new nodes; without it they get no position and the next layout places them. */
  placeNear?: Position;
}

/**
 * Adds the subgraph's nodes and edges that `cy` lacks, leaving existing elements (and their
 * positions) alone. Edges are only added when both endpoints exist, because Cytoscape throws on
 * dangling edges and a truncated neighbourhood can name entities it did not return.
 */
export function mergeSubgraph(cy: Core, subgraph: Pick<Subgraph, 'nodes' | 'edges'>, options: MergeOptions = {}): MergeResult {
  const newNodes: ElementDefinition[] = [];
  const nodeIds = new Set<string>();
  const fresh = subgraph.nodes.filter((n) => {
    // A subgraph can repeat an entity (several seeds reach it); keep the first.
    if (nodeIds.has(n.id) || cy.getElementById(n.id).nonempty()) return false;
    nodeIds.add(n.id);
    return true;
  });
  fresh.forEach((entity, i) => newNodes.push(nodeDefinition(entity, options.placeNear && ring(options.placeNear, i, fresh.length))));

  const newEdges: ElementDefinition[] = [];
  const edgeIds = new Set<string>();
  const skippedEdges: string[] = [];
  const exists = (id: string) => nodeIds.has(id) || cy.getElementById(id).nonempty();
  for (const rel of subgraph.edges) {
    if (edgeIds.has(rel.id) || cy.getElementById(rel.id).nonempty()) continue;
    if (!exists(rel.source) || !exists(rel.target)) {
      skippedEdges.push(rel.id);
      continue;
    }
    edgeIds.add(rel.id);
    newEdges.push(edgeDefinition(rel));
  }

  cy.batch(() => {
    if (newNodes.length) cy.add(newNodes);
    if (newEdges.length) cy.add(newEdges);
  });
  return { nodes: [...nodeIds], edges: [...edgeIds], skippedEdges };
}

// New nodes start on a small ring round the anchor rather than on top of each other, so an
// incremental layout can spread them without flinging the rest of the graph about.
function ring(centre: Position, index: number, count: number): Position {
  const radius = 40 + count * 4;
  const angle = (index / Math.max(1, count)) * 2 * Math.PI;
  return { x: centre.x + radius * Math.cos(angle), y: centre.y + radius * Math.sin(angle) };
}
