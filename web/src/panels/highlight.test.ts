import { describe, expect, it } from 'vitest';
import { highlightSegments } from './highlight.js';

const text = 'Alpha beta gamma. Delta epsilon.';
const r = (quote: string, from = 0) => ({ quote, start: text.indexOf(quote, from), end: text.indexOf(quote, from) + quote.length });

describe('highlightSegments', () => {
  it('marks every quote and flags the current one; the text survives whole', () => {
    const segs = highlightSegments(text, [r('beta'), r('Delta epsilon')], r('Delta epsilon'));
    expect(segs.map((s) => s.text).join('')).toBe(text);
    expect(segs.filter((s) => s.mark).map((s) => [s.text, s.current])).toEqual([
      ['beta', false],
      ['Delta epsilon', true],
    ]);
  });

  it('merges overlapping quotes and skips ones whose offsets do not match', () => {
    const segs = highlightSegments(text, [r('beta gamma'), r('gamma. Delta'), { quote: 'beta', start: 0, end: 4 }]);
    expect(segs.filter((s) => s.mark).map((s) => s.text)).toEqual(['beta gamma. Delta']);
  });
});
