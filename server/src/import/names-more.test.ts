import { describe, expect, it } from 'vitest';
import { extract } from './extract.js';
import { Gazetteer } from './gazetteer.js';
import { entityNames as entities } from './test-lines.js';
import type { ExtractionResult } from './types.js';

// Names of organisations, vendors and people by shapes of Norwegian news writing, in sentences written for these
// tests (invented people and companies; national institutions are named as news names them).
const gazetteer = new Gazetteer([]);

function run(text: string): ExtractionResult {
  return extract(text, { gazetteer });
}

describe('organisations', () => {
  it('"Norges X": a capitalised noun (also in the genitive) or an institution noun; not any lower-case noun', () => {
    const result = run('Han satt i Norges Banks hovedstyre og i Norges forskningsråd. Norges helsetjeneste er god.');
    expect(entities(result, 'ORGANISATION')).toEqual(['Norges Bank', 'Norges forskningsråd']);
  });

  it('a definite state institution in the genitive, but not when the genitive opens a longer name', () => {
    expect(entities(run('Det skjer innenfor Stortingets vedtatte rammer.'), 'ORGANISATION')).toEqual(['Stortinget']);
    expect(entities(run('Planen ble lagt fram av Politiets fellestjeneste.'), 'ORGANISATION')).not.toContain('Politiet');
  });

  it('one-word names ending in "-hospitalet"', () => {
    expect(entities(run('Hun har arbeidet på Nordhospitalet i mange år.'), 'ORGANISATION')).toEqual(['Nordhospitalet']);
  });

  it('a photo credit gives the photographer and the agency', () => {
    const result = run('Ny leiar i Helse Austvik. Foto: Kari Dahl / Bildeknappen');
    expect(entities(result, 'ORGANISATION')).toEqual(['Bildeknappen', 'Helse Austvik']);
    expect(entities(result, 'PERSON')).toEqual(['Kari Dahl']);
  });
});

describe('vendors and people', () => {
  it('"A, B og C er valgt som leverandører": each a vendor', () => {
    const result = run('Journalia, Bildex og Labora er valgt som leverandører av kliniske systemer.');
    expect(entities(result, 'VENDOR')).toEqual(['Bildex', 'Journalia', 'Labora']);
  });

  it('a title opening the sentence before a name and a verb: a person whatever the first name', () => {
    expect(entities(run('Styreleder Zorvald Nesheim er glad for tilliten.'), 'PERSON')).toEqual(['Zorvald Nesheim']);
    expect(entities(run('Vi møtte Zorvald Nesheim i går.'), 'PERSON')).toEqual([]);
  });
});
