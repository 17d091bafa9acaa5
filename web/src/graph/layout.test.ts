import { describe, expect, it } from 'vitest';
import { DRAFT_ABOVE, layoutOptions } from './layout.js';

describe('layoutOptions', () => {
  it('uses the full-quality fcose for small graphs and the draft one for big graphs', () => {
    expect(layoutOptions(32).quality).toBe('default');
    expect(layoutOptions(DRAFT_ABOVE).quality).toBe('default');
    expect(layoutOptions(DRAFT_ABOVE + 1).quality).toBe('draft');
  });

  it('refines incremental layouts even on big graphs (draft without randomize would move nothing)', () => {
    expect(layoutOptions(DRAFT_ABOVE * 2, true)).toMatchObject({ quality: 'default', randomize: false });
  });

  it('never animates; only the first layout starts from random positions and fits the view', () => {
    const first = layoutOptions(50);
    expect(first).toMatchObject({ name: 'fcose', randomize: true, animate: false, fit: true });
    const incremental = layoutOptions(50, true);
    expect(incremental).toMatchObject({ randomize: false, animate: false, fit: false });
  });
});
