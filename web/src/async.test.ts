import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Latest, debounce } from './async.js';

describe('debounce', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs once, with the last arguments, after the burst is over', () => {
    const calls: string[] = [];
    const typed = debounce((q: string) => calls.push(q), 150);
    typed('j');
    vi.advanceTimersByTime(100);
    typed('ja');
    vi.advanceTimersByTime(100);
    typed('jae');
    vi.advanceTimersByTime(149);
    expect(calls).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(calls).toEqual(['jae']);
  });

  it('cancel drops the pending call', () => {
    const fn = vi.fn();
    const typed = debounce(fn, 150);
    typed();
    typed.cancel();
    vi.advanceTimersByTime(1000);
    expect(fn).not.toHaveBeenCalled();
  });
});

describe('Latest', () => {
  it('aborts and outdates the previous request when a new one begins', () => {
    const latest = new Latest();
    const first = latest.begin();
    expect(first.isCurrent()).toBe(true);
    const second = latest.begin();
    expect(first.signal.aborted).toBe(true);
    expect(first.isCurrent()).toBe(false);
    expect(second.isCurrent()).toBe(true);
    expect(second.signal.aborted).toBe(false);
  });

  it('ignores a slow first response that arrives after a fast second one', async () => {
    const latest = new Latest();
    const shown: string[] = [];
    const respond = async (query: string, delay: number) => {
      const ticket = latest.begin();
      await new Promise((r) => setTimeout(r, delay));
      if (ticket.isCurrent()) shown.push(query);
    };
    await Promise.all([respond('jae', 30), respond('jaere', 5)]);
    expect(shown).toEqual(['jaere']);
  });

  it('cancel outdates the running request', () => {
    const latest = new Latest();
    const ticket = latest.begin();
    latest.cancel();
    expect(ticket.isCurrent()).toBe(false);
    expect(ticket.signal.aborted).toBe(true);
  });
});
