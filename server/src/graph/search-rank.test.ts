import { describe, expect, it } from 'vitest';
import { SEARCH_RANK_LEVELS, searchRankCypher, searchRankTokens } from './search-rank.js';

describe('searchRankTokens', () => {
  it('gives one token per doubling of degree reached, none below 2', () => {
    expect(searchRankTokens(0)).toBe('');
    expect(searchRankTokens(1)).toBe('');
    expect(searchRankTokens(2)).toBe('r1');
    expect(searchRankTokens(7)).toBe('r1 r2');
    expect(searchRankTokens(8)).toBe('r1 r2 r3');
    expect(searchRankTokens(1_000_000).split(' ')).toHaveLength(SEARCH_RANK_LEVELS);
  });

  it('has a Cypher twin that only reads the degree expression it is given', () => {
    const cypher = searchRankCypher('degree');
    expect(cypher).toContain(`range(1, ${SEARCH_RANK_LEVELS})`);
    expect(cypher).toContain('WHEN degree >= toInteger(2 ^ level)');
    expect(cypher).not.toContain('$');
  });
});
