import { describe, expect, it } from 'vitest';
import { foldForSearch } from '../graph/fold.js';
import { luceneQuery, MAX_SEARCH_LENGTH, SearchSyntaxError, searchTerms } from './lucene.js';

describe('foldForSearch', () => {
  it('folds Norwegian letters as Lucene ASCII folding does', () => {
    expect(foldForSearch('Gro Jære')).toBe('gro jaere');
    expect(foldForSearch('Tromsø Ålesund')).toBe('tromso alesund');
    expect(foldForSearch('Ulvùnd Érik')).toBe('ulvund erik');
  });
});

describe('searchTerms', () => {
  it('keeps only letters and digits, so Lucene syntax in input is inert', () => {
    expect(searchTerms('jae* OR name:x~ AND (y)"')).toEqual(['jae', 'or', 'name', 'x', 'and', 'y']);
    expect(searchTerms('Helse Midt-IT')).toEqual(['helse', 'midt', 'it']);
  });

  it('refuses empty, oversized and over-long queries', () => {
    expect(() => searchTerms('  ?!* ')).toThrow(SearchSyntaxError);
    expect(() => searchTerms('a'.repeat(MAX_SEARCH_LENGTH + 1))).toThrow(/longer than/);
    expect(() => searchTerms(Array.from({ length: 13 }, (_, i) => `w${i}`).join(' '))).toThrow(/more than 12 words/);
  });
});

describe('luceneQuery', () => {
  it('requires every word, each whole (boosted) or as a prefix', () => {
    expect(luceneQuery('Jæ')).toBe('(jae^2 OR jae*)');
    expect(luceneQuery('gro jaere')).toBe('(gro^2 OR gro*) AND (jaere^2 OR jaere*)');
  });
});
