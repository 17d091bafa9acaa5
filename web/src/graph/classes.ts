import type { Core, SingularElementArgument } from 'cytoscape';

/** What setClass needs of a collection (nodes, edges or both). */
interface Classed<E extends SingularElementArgument> {
  filter(keep: (ele: E) => boolean): { nonempty(): boolean; toggleClass(cls: string): unknown; length: number };
}

/**
 * Class changes that restyle only what changes. Cytoscape's toggleClass(cls, on) restyles every
 * element it is given, whether or not the element already had that state, and a restyle is the
 * costliest step of drawing: on a scene of thousands that was hundreds of milliseconds per call.
 */

/** Gives `cls` to the elements of `eles` for which `on` says so and takes it from the others; returns how many changed. */
export function setClass<E extends SingularElementArgument>(eles: Classed<E>, cls: string, on: boolean | ((ele: E) => boolean)): number {
  const want = typeof on === 'function' ? on : () => on;
  const flip = eles.filter((ele: E) => ele.hasClass(cls) !== want(ele));
  if (flip.nonempty()) flip.toggleClass(cls);
  return flip.length;
}

/** Takes `cls` from every element (of the graph, or of `within`) that has it, and touches no other. */
export function dropClass(within: Core | { filter(selector: string): { nonempty(): boolean; removeClass(cls: string): unknown } }, cls: string): void {
  const having = within.filter(`.${cls}`);
  if (having.nonempty()) having.removeClass(cls);
}

/**
 * Computes the style and rendered geometry of the elements changed since the last frame, now rather
 * than at the start of the next frame. Cytoscape does it itself before drawing; doing it in the task
 * that made the change keeps that task and the frame's drawing from adding up to one long block.
 */
export function settleStyles(cy: Core): void {
  const renderer = (cy as unknown as { renderer(): { flushRenderedStyleQueue?: () => void } | undefined }).renderer();
  renderer?.flushRenderedStyleQueue?.();
}
