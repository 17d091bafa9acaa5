import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { servedContext, quoteContext, validOffsets } from './context.js';

const SEED_NAME = '000_b40fe58a30269fa6.txt';
const seedPath = [`/work/main/seeds/${SEED_NAME}`, `/work/shared/seeds/${SEED_NAME}`].find((p) => existsSync(p));
if (!seedPath) throw new Error(`seed document ${SEED_NAME} not found`);
const text = readFileSync(seedPath, 'utf8');

/** Offsets of `quote` in the seed, the way the API reports them (UTF-16 indices, end exclusive). */
function offsets(quote: string, from = 0): [number, number] {
  const start = text.indexOf(quote, from);
  if (start < 0) throw new Error(`quote not in seed: ${quote}`);
  return [start, start + quote.length];
}

/** The context must be one contiguous piece of the document, with the quote exactly in place. */
function expectContiguous(start: number, end: number, c: ReturnType<typeof quoteContext>) {
  expect(text.slice(start - c.before.length, start)).toBe(c.before);
  expect(text.slice(end, end + c.after.length)).toBe(c.after);
}

describe('quoteContext on the seed article', () => {
  it('highlights exactly the role quote inside its sentence', () => {
    const [start, end] = offsets('administrerende direktør i Sykehuspartner');
    const c = quoteContext(text, start, end);
    expect(c.quote).toBe('administrerende direktør i Sykehuspartner');
    expect(c.before).toBe('- Denne arenaen er viktig, siden vi har mye til felles og får utveksle erfaringer, sier Gro Jære, ');
    expect(c.after).toBe('.');
    expect(c.clippedBefore).toBe(false);
    expect(c.clippedAfter).toBe(false);
    expectContiguous(start, end, c);
  });

  it('handles quotes made of diacritics (æøå) without shifting a character', () => {
    const [start, end] = offsets('Gro Jære');
    const c = quoteContext(text, start, end);
    expect(c.quote).toBe('Gro Jære');
    expect(c.before.endsWith('sier ')).toBe(true);
    expect(c.after.startsWith(', administrerende direktør')).toBe(true);
    expectContiguous(start, end, c);

    const [s2, e2] = offsets('på ulike stadier');
    const c2 = quoteContext(text, s2, e2);
    expect(c2.before).toBe('Regionene har svært like utfordringer innen IKT-området, men er ');
    // The seed has a no-break space before "fastslår"; it must come through untouched.
    expect(c2.after).toBe(' innen flere av disse,\u00a0fastslår han.');
  });

  it('finds the second mention when the offsets point at it', () => {
    const first = offsets('fastslår Gro Jære');
    const c = quoteContext(text, first[0], first[1]);
    expect(c.before).toBe('De har derfor viktig kunnskap som er nyttig for oss i vår pågående moderniseringsprosess,\u00a0');
    expect(c.after).toBe('.');
  });

  it('stops at a heading or paragraph break rather than running into it', () => {
    const [start, end] = offsets('Lederne i Helse Nord IKT');
    const c = quoteContext(text, start, end);
    expect(c.before).toBe('');
    expect(c.after).toBe(', Helse Midt-IT, Helse Vest IKT og Sykehuspartner var samlet i Bergen i mai.');
  });

  it('needs nothing after a quote that is itself a whole sentence', () => {
    const [start, end] = offsets('Moderne teknologi krever en stødig grunnmur.');
    const c = quoteContext(text, start, end);
    expect(c.before).toBe('');
    expect(c.after).toBe('');
  });

  it('clips long sentences at word boundaries and says so', () => {
    const [start, end] = offsets('datahaller');
    const c = quoteContext(text, start, end, 40);
    expect(c.clippedBefore).toBe(true);
    expect(c.clippedAfter).toBe(true);
    expect(c.before.length).toBeLessThanOrEqual(40);
    expect(c.after.length).toBeLessThanOrEqual(40);
    expect(c.before).toMatch(/^\S/);
    expect(text[start - c.before.length - 1]).toMatch(/\s/);
    expect(text[end + c.after.length]).toMatch(/\s/);
    expectContiguous(start, end, c);
  });
});

describe('quoteContext edge cases', () => {
  it('never splits a surrogate pair when clipping', () => {
    const emoji = '😀'.repeat(30); // 60 UTF-16 units, no spaces to cut at
    const t = `${emoji}QUOTE${emoji}`;
    const c = quoteContext(t, 60, 65, 15);
    expect(c.quote).toBe('QUOTE');
    for (const part of [c.before, c.after]) {
      expect(part.length % 2).toBe(0);
      expect(part).toMatch(/^(?:😀)*$/u);
    }
  });

  it('keeps closing quotation marks with their sentence', () => {
    const t = 'Hun sa: «Vi er klare.» Så gikk hun.';
    const c = quoteContext(t, t.indexOf('Vi'), t.indexOf('Vi') + 2);
    expect(c.after).toBe(' er klare.»');
    const d = quoteContext(t, t.indexOf('gikk'), t.indexOf('gikk') + 4);
    expect(d.before).toBe('Så ');
  });

  it('rejects offsets that do not fit the text', () => {
    expect(validOffsets('abc', 0, 3)).toBe(true);
    expect(validOffsets('abc', 2, 1)).toBe(false);
    expect(validOffsets('abc', 0, 4)).toBe(false);
    expect(validOffsets('abc', -1, 2)).toBe(false);
    expect(validOffsets('abc', 0.5, 2)).toBe(false);
    expect(() => quoteContext('abc', 1, 9)).toThrow(RangeError);
  });
});

describe('served context', () => {
  it('splits the server’s sentence round the quote, and refuses offsets that do not reproduce it', () => {
    const context = { text: 'Hun er administrerende direktør i Sykehuspartner.', quoteStart: 7, quoteEnd: 31 };
    expect(servedContext(context, 'administrerende direktør')).toEqual({
      before: 'Hun er ',
      quote: 'administrerende direktør',
      after: ' i Sykehuspartner.',
      clippedBefore: false,
      clippedAfter: false,
    });
    expect(servedContext({ ...context, quoteStart: 8 }, 'administrerende direktør')).toBeNull();
    expect(servedContext({ ...context, quoteEnd: 99 }, 'administrerende direktør')).toBeNull();
    expect(servedContext(undefined, 'x')).toBeNull();
  });
});

