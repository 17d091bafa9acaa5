import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { searchQuery } from './queries.js';

describe('searchQuery', () => {
  it('passes the folded Lucene query, kinds and page size as parameters, never in the text', () => {
    const { cypher, params } = searchQuery({ query: 'Jære', kinds: ['PERSON'], first: 5 });
    expect(cypher).toContain("db.index.fulltext.queryNodes('entity_names', $lucene");
    expect(cypher).toContain('n.kind IN $kinds');
    expect(cypher).not.toContain('jae');
    expect(params).toMatchObject({ lucene: '(jaere^2 OR jaere*)', kinds: ['PERSON'], first: neo4j.int(5) });
  });

  it('sends null kinds to mean all kinds', () => {
    expect(searchQuery({ query: 'x', kinds: null, first: 1 }).params.kinds).toBeNull();
  });
});
