import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { neighbourhoodQuery, overviewQuery } from './queries.js';

describe('neighbourhoodQuery', () => {
  it('expands one breadth-first level per hop', () => {
    const one = neighbourhoodQuery({ ids: ['org:a'], depth: 1, limit: 10 });
    const three = neighbourhoodQuery({ ids: ['org:a'], depth: 3, limit: 10 });
    expect(one.cypher.match(/CALL \(seen, frontier\)/g)).toHaveLength(1);
    expect(three.cypher.match(/CALL \(seen, frontier\)/g)).toHaveLength(3);
  });

  it('keeps ids and limits in parameters', () => {
    const { cypher, params } = neighbourhoodQuery({ ids: ["org:a' OR 1=1"], depth: 2, limit: 50 });
    expect(cypher).not.toContain('org:a');
    expect(params).toEqual({
      ids: ["org:a' OR 1=1"],
      limit: neo4j.int(50),
      limitPlusOne: neo4j.int(51),
      maxEdges: neo4j.int(500),
      maxEdgesPlusOne: neo4j.int(501),
    });
  });

  it('refuses a depth outside 1-3 even if a caller skipped validation', () => {
    expect(() => neighbourhoodQuery({ ids: ['x'], depth: 0, limit: 1 })).toThrow(RangeError);
    expect(() => neighbourhoodQuery({ ids: ['x'], depth: 4, limit: 1 })).toThrow(RangeError);
    expect(() => neighbourhoodQuery({ ids: ['x'], depth: 1.5, limit: 1 })).toThrow(RangeError);
  });
});

describe('overviewQuery', () => {
  it('reads each asked kind off its own label in stored-degree order, labels from the allowlist only', () => {
    const { cypher, params } = overviewQuery({ kinds: ['PERSON', 'ORGANISATION', 'PERSON'], limit: 3 });
    expect(cypher.match(/MATCH \(n:Person\) WHERE n\.degree >= 0/g)).toHaveLength(1);
    expect(cypher).toContain('MATCH (n:Organisation) WHERE n.degree >= 0');
    expect(cypher).toContain('ORDER BY n.degree DESC');
    expect(params.limitPlusOne).toEqual(neo4j.int(4));
  });

  it('reads all kinds off the Entity degree index when no kind is given', () => {
    const { cypher } = overviewQuery({ kinds: null, limit: 3 });
    expect(cypher).toContain('MATCH (n:Entity) WHERE n.degree >= 0');
    expect(cypher).not.toContain('UNION');
  });
});
