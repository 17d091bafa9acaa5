// cytoscape-svg ships no types; registering it adds `cy.svg(options)`.
declare module 'cytoscape-svg' {
  import type { Ext } from 'cytoscape';
  const svg: Ext;
  export default svg;
}
