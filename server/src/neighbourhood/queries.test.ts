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
  it('orders by degree and filters kinds through a parameter', () => {
    const { cypher, params } = overviewQuery({ kinds: ['PERSON', 'ORGANISATION'], limit: 3 });
    expect(cypher).toContain('ORDER BY degree DESC');
    expect(params.kinds).toEqual(['PERSON', 'ORGANISATION']);
    expect(params.limitPlusOne).toEqual(neo4j.int(4));
  });
});
