import { describe, expect, it } from 'vitest';
import { explicitDate, roleDates } from './dates.js';
import { editDistance, findDuplicate, isShortFormOf } from './duplicates.js';
import { Gazetteer } from './gazetteer.js';
import { normaliseTitle } from './patterns.js';
import { splitSentences } from './sentences.js';

describe('sentences', () => {
  it('splits at full stops before capitals and at line breaks, not after abbreviations or ordinals', () => {
    const text = 'Sier adm. dir. Ola Vik. Fra 1. mars er han sjef.\nNy linje! – Sitat her.';
    const sentences = splitSentences(text).map((sentence) => text.slice(sentence.start, sentence.end));
    expect(sentences).toEqual(['Sier adm. dir. Ola Vik.', 'Fra 1. mars er han sjef.', 'Ny linje!', '– Sitat her.']);
  });

  it('numbers paragraphs by blank lines', () => {
    expect(splitSentences('Ein.\n\nTo. Tre.\n\n\nFire.').map((sentence) => sentence.paragraph)).toEqual([0, 1, 1, 2]);
  });
});

describe('dates', () => {
  it('reads "fra 1. mars" with the year of publication, or the year it states', () => {
    expect(explicitDate('Hun begynner fra 1. mars.', '2022-10-01')).toBe('2022-03-01');
    expect(explicitDate('Gjeld frå 15. januar 2024.', undefined)).toBe('2024-01-15');
    expect(explicitDate('Fra august 2019 leder han arbeidet.', undefined)).toBe('2019-08');
    expect(explicitDate('fra 1. mars', undefined)).toBeUndefined();
    expect(explicitDate('Han kom fra Bergen.', '2020')).toBeUndefined();
  });

  it('gives an ended role its end (the date, else publication) and a started one its start', () => {
    expect(roleDates('går av fra 1. juni', 'end', '2020-02-01')).toEqual({ validTo: '2020-06-01' });
    expect(roleDates('går av', 'end', '2020-02-01')).toEqual({ validTo: '2020-02-01' });
    expect(roleDates('går av', 'end', undefined)).toEqual({});
    expect(roleDates('ny sjef fra 1. juni', 'start', '2020')).toEqual({ validFrom: '2020-06-01' });
    expect(roleDates('ny sjef', 'start', '2020')).toEqual({});
  });
});

describe('duplicates', () => {
  it('recognises short forms and acronyms made of the words\' beginnings', () => {
    expect(isShortFormOf('hemit', ['helse', 'midt', 'norge', 'it'])).toBe(true);
    expect(isShortFormOf('hso', ['helse', 'sor', 'ost'])).toBe(true);
    expect(isShortFormOf('nhn', ['norsk', 'helsenett'])).toBe(false);
    expect(isShortFormOf('helse', ['helse', 'nord'])).toBe(false);
    expect(isShortFormOf('midt', ['helse', 'midt', 'norge'])).toBe(false);
  });

  it('measures edit distance with an early stop', () => {
    expect(editDistance('corporation', 'corportation', 2)).toBe(1);
    expect(editDistance('kitten', 'sitting', 5)).toBe(3);
    expect(editDistance('abc', 'abcdef', 1)).toBe(2);
  });

  it('finds another spelling of the same number of words, not a name with a word more or less', () => {
    const gazetteer = new Gazetteer([
      { entityId: 'org:hmn-it', kind: 'ORGANISATION', name: 'Helse Midt-Norge IT', aliases: [] },
      { entityId: 'vendor:cerner', kind: 'VENDOR', name: 'Cerner Corporation', aliases: [] },
      { entityId: 'person:x', kind: 'PERSON', name: 'Helse Midt-Norge ID', aliases: [] },
    ]);
    expect(findDuplicate(gazetteer, 'Cerner Corportation', 'ORGANISATION')?.entityId).toBe('vendor:cerner');
    expect(findDuplicate(gazetteer, 'Helse Midt-Noreg IT', 'ORGANISATION')?.entityId).toBe('org:hmn-it');
    expect(findDuplicate(gazetteer, 'Helse Midt-Norge', 'ORGANISATION')).toBeUndefined();
    expect(findDuplicate(gazetteer, 'Hemit', 'ORGANISATION')?.entityId).toBe('org:hmn-it');
    expect(findDuplicate(gazetteer, 'Hemit', 'PERSON')).toBeUndefined();
  });
});

describe('titles', () => {
  it('spells out "adm. dir." and lower-cases a capital that only opens a sentence', () => {
    expect(normaliseTitle('adm. dir.')).toBe('administrerende direktør');
    expect(normaliseTitle('Adm.dir.')).toBe('administrerende direktør');
    expect(normaliseTitle('Direktør for eierstyring')).toBe('direktør for eierstyring');
    expect(normaliseTitle('IT-sjef')).toBe('IT-sjef');
  });
});
