import type { CypherQuery, Database } from './driver.js';

/** Plan operators that read every node of a label, every node, or every relationship of a type. */
export const SCAN_OPERATORS = [
  'AllNodesScan',
  'NodeByLabelScan',
  'UnionNodeByLabelsScan',
  'IntersectionNodeByLabelsScan',
  'NodeIndexScan',
  'DirectedRelationshipTypeScan',
  'UndirectedRelationshipTypeScan',
  'DirectedAllRelationshipsScan',
  'UndirectedAllRelationshipsScan',
  'DirectedRelationshipIndexScan',
  'UndirectedRelationshipIndexScan',
] as const;

interface PlanNode {
  operatorType: string;
  identifiers?: string[];
  arguments?: Record<string, unknown>;
  children: PlanNode[];
}

/** The operators of a query's plan, as Neo4j would run it (EXPLAIN runs nothing). */
export async function planOperators(db: Database, { cypher, params }: CypherQuery): Promise<string[]> {
  const result = await db.read((tx) => tx.run(`EXPLAIN ${cypher}`, params));
  const plan = result.summary.plan as unknown as PlanNode | false;
  if (!plan) throw new Error('EXPLAIN returned no plan');
  const operators: string[] = [];
  const walk = (node: PlanNode): void => {
    const details = node.arguments?.Details;
    operators.push(`${node.operatorType.replace(/@.*$/, '')}${typeof details === 'string' ? ` ${details}` : ''}`);
    node.children.forEach(walk);
  };
  walk(plan);
  return operators;
}

/** The scanning operators of a query's plan; empty when every read starts from an index, a count or a parameter. */
export async function scansIn(db: Database, query: CypherQuery): Promise<string[]> {
  const operators = await planOperators(db, query);
  return operators.filter((op) => SCAN_OPERATORS.some((scan) => op === scan || op.startsWith(`${scan} `)));
}

/** The database hits of every operator of a query's profiled plan, summed (PROFILE runs the query). */
export async function profiledDbHits(db: Database, { cypher, params }: CypherQuery): Promise<number> {
  const result = await db.read((tx) => tx.run(`PROFILE ${cypher}`, params));
  type Profiled = { dbHits: number; children: Profiled[] };
  const sum = (node: Profiled): number => node.dbHits + node.children.reduce((total, child) => total + sum(child), 0);
  return sum(result.summary.profile as unknown as Profiled);
}
