import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { searchQuery } from './queries.js';

describe('searchQuery', () => {
  it('passes the folded Lucene query, with the kind filter inside it, and the page size as parameters', () => {
    const { cypher, params } = searchQuery({ query: 'Jære', kinds: ['PERSON', 'VENDOR'], first: 5 });
    expect(cypher).toContain("db.index.fulltext.queryNodes('entity_names', $lucene");
    expect(cypher).not.toContain('jae');
    expect(params).toMatchObject({
      lucene: 'searchNames:((jaere^2 OR jaere*)) AND kind:(person OR vendor)',
      first: neo4j.int(5),
    });
  });

  it('leaves the kind out when all kinds are asked for', () => {
    expect(searchQuery({ query: 'x', kinds: null, first: 1 }).params.lucene).toBe('searchNames:((x^2 OR x*))');
  });
});
