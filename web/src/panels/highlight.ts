import { validOffsets } from '../graph/context.js';

/** A run of document text, marked when a quote covers it. */
export interface Segment {
  text: string;
  mark: boolean;
  /** True for the mark that holds the quote the analyst clicked. */
  current: boolean;
}

export interface Range {
  start: number;
  end: number;
  quote: string;
}

/**
 * Cuts `text` into plain and marked runs for the given quotes. Quotes whose offsets do not
 * reproduce them are left out (the panel already warns about those); overlapping quotes merge into
 * one mark, which is `current` when it contains the `current` quote.
 */
export function highlightSegments(text: string, ranges: readonly Range[], current?: Range): Segment[] {
  const good = ranges.filter((r) => validOffsets(text, r.start, r.end) && r.end > r.start && text.slice(r.start, r.end) === r.quote);
  good.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: { start: number; end: number; current: boolean }[] = [];
  const isCurrent = (r: Range) => !!current && r.start === current.start && r.end === current.end;
  for (const r of good) {
    const last = merged.at(-1);
    if (last && r.start <= last.end) {
      last.end = Math.max(last.end, r.end);
      last.current ||= isCurrent(r);
    } else merged.push({ start: r.start, end: r.end, current: isCurrent(r) });
  }
  const out: Segment[] = [];
  let at = 0;
  for (const m of merged) {
    if (m.start > at) out.push({ text: text.slice(at, m.start), mark: false, current: false });
    out.push({ text: text.slice(m.start, m.end), mark: true, current: m.current });
    at = m.end;
  }
  if (at < text.length) out.push({ text: text.slice(at), mark: false, current: false });
  return out;
}
