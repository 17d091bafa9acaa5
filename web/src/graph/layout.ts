/** Above this many nodes the full fcose refinement costs more time than it buys legibility. */
export const DRAFT_ABOVE = 300;

/** Options for the fcose layout (typed loosely: cytoscape's types do not know extension layouts). */
export interface FcoseOptions {
  name: 'fcose';
  quality: 'draft' | 'default' | 'proof';
  randomize: boolean;
  animate: boolean;
  fit: boolean;
  padding: number;
  nodeDimensionsIncludeLabels: boolean;
  nodeRepulsion: number;
  idealEdgeLength: number;
  nodeSeparation: number;
  numIter: number;
}

/**
 * fcose options for `nodeCount` nodes. The first layout starts from random positions; an
 * incremental one (after an expansion) starts from where nodes are, so the analyst's mental map
 * survives. An incremental layout always refines ('default'): fcose's draft is only a spectral
 * placement from scratch, which with randomize off moves nothing at all. Never animated: tests
 * and screenshots must see the final positions at once.
 */
export function layoutOptions(nodeCount: number, incremental = false): FcoseOptions {
  return {
    name: 'fcose',
    quality: nodeCount > DRAFT_ABOVE && !incremental ? 'draft' : 'default',
    randomize: !incremental,
    animate: false,
    fit: !incremental,
    padding: 40,
    nodeDimensionsIncludeLabels: true,
    // Generous spacing: labels sit under the nodes and need room.
    nodeRepulsion: 9000,
    idealEdgeLength: 110,
    nodeSeparation: 110,
    numIter: 2500,
  };
}
