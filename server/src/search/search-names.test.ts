import { describe, expect, it } from 'vitest';
import { searchNames } from '../graph/search-names.js';
import { searchTerms } from './lucene.js';

describe('searchNames', () => {
  it('folds name and aliases, dropping duplicates that fold alike', () => {
    expect(searchNames('Helse Midt-Norge IT', ['Helse Midt-IT', 'helse midt-it'])).toEqual(['helse midt-norge it', 'helse midt-it']);
    expect(searchNames('Gro Jære', [])).toEqual(['gro jaere']);
  });

  it('folds exactly as search words are folded, so every word of a name finds it', () => {
    for (const name of ['Gro Jære', 'Olav Storli Ulvund', 'ForBedring 2019', 'Tromsø Ålesund']) {
      const indexed = searchNames(name, [])[0]!;
      for (const term of searchTerms(name)) expect(indexed.split(/[^\p{L}\p{N}]+/u)).toContain(term);
    }
  });
});
