/** Small statistics for the browser benchmark. */
export function percentile(values: readonly number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

/** Gaps between consecutive frame timestamps inside [from, to]. */
export function frameGaps(frames: readonly number[], from: number, to: number): number[] {
  const inside = frames.filter((t) => t >= from && t <= to);
  return inside.slice(1).map((t, i) => t - inside[i]!);
}

export const round1 = (n: number): number => Math.round(n * 10) / 10;
