import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { RANK_BOOST, rankClause } from './lucene.js';
import { MAX_SEARCH_CANDIDATES, searchCandidates, searchQuery } from './queries.js';

describe('searchQuery', () => {
  it('passes the folded Lucene query, with the kind filter inside it, and the page size as parameters', () => {
    const { cypher, params } = searchQuery({ query: 'Jære', kinds: ['PERSON', 'VENDOR'], first: 5 });
    expect(cypher).toContain("db.index.fulltext.queryNodes('entity_names', $lucene, {limit: $candidates})");
    expect(cypher).not.toContain('jae');
    expect(params).toMatchObject({
      lucene: `+searchNames:((jaere^2 OR jaere*)) +kind:(person OR vendor) ${rankClause()}`,
      first: neo4j.int(5),
      candidates: neo4j.int(20),
    });
  });

  it('leaves the kind out when all kinds are asked for', () => {
    expect(searchQuery({ query: 'x', kinds: null, first: 1 }).params.lucene).toBe(`+searchNames:((x^2 OR x*)) ${rankClause()}`);
  });

  it('orders equal scores deterministically: degree, then name, then id', () => {
    expect(searchQuery({ query: 'x', kinds: null, first: 1 }).cypher).toContain('ORDER BY score DESC, coalesce(n.degree, 0) DESC, n.name ASC, n.id ASC LIMIT $first');
  });
});

describe('rankClause', () => {
  it('makes every rank token optional, boosted more the higher it is', () => {
    const clause = rankClause();
    expect(clause).toMatch(/^searchRank:\(r1\^[\d.]+ OR r2\^[\d.]+ OR .* OR r14\^[\d.]+\)$/);
    const boosts = [...clause.matchAll(/r\d+\^([\d.]+)/g)].map((m) => Number(m[1]));
    expect(boosts[0]).toBeCloseTo(RANK_BOOST);
    expect(boosts).toEqual([...boosts].sort((a, b) => a - b));
    expect(clause).not.toContain('+');
  });
});

describe('searchCandidates', () => {
  it('reads a few index hits per result asked for, capped, never fewer than asked for', () => {
    expect(searchCandidates(1)).toBe(4);
    expect(searchCandidates(10)).toBe(40);
    expect(searchCandidates(50)).toBe(MAX_SEARCH_CANDIDATES);
    expect(searchCandidates(100)).toBe(MAX_SEARCH_CANDIDATES);
  });
});
