import { describe, expect, it } from 'vitest';
import { MAX_CONTEXT, quoteContext } from './context.js';

const at = (text: string, quote: string) => {
  const start = text.indexOf(quote);
  return quoteContext(text, start, start + quote.length);
};

describe('quoteContext', () => {
  const text = 'Første setning her. Gro Jære, administrerende direktør i Sykehuspartner, sier dette! Neste setning.\nNy linje.';

  it('gives the sentence around a quote, with the quote offsets inside it', () => {
    const context = at(text, 'administrerende direktør');
    expect(context.text).toBe('Gro Jære, administrerende direktør i Sykehuspartner, sier dette!');
    expect(context.text.slice(context.quoteStart, context.quoteEnd)).toBe('administrerende direktør');
    expect(text.slice(context.documentStart, context.documentStart + context.text.length)).toBe(context.text);
  });

  it('spans several sentences when the quote does', () => {
    const context = at(text, 'dette! Neste');
    expect(context.text).toBe('Gro Jære, administrerende direktør i Sykehuspartner, sier dette! Neste setning.');
  });

  it('stops at a line break and handles the first and last sentence', () => {
    expect(at(text, 'Første').text).toBe('Første setning her.');
    expect(at(text, 'linje').text).toBe('Ny linje.');
  });

  it('cuts a run-on sentence to a window around the quote', () => {
    const long = `${'ord '.repeat(400)}midt i teksten ${'ord '.repeat(400)}`;
    const context = at(long, 'midt i teksten');
    expect(context.text.length).toBeLessThanOrEqual(MAX_CONTEXT);
    expect(context.text.slice(context.quoteStart, context.quoteEnd)).toBe('midt i teksten');
  });
});
