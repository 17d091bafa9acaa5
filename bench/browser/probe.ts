/**
 * What the benchmark installs in the page before its scripts run (Playwright's init script, which the
 * page's CSP does not apply to): long tasks from a PerformanceObserver, every animation frame's
 * timestamp, and the moment the explorer first reports ready. Written as a plain function so
 * Playwright can serialise it; it only reads.
 */
export interface Probe {
  longTasks: { start: number; duration: number }[];
  frames: number[];
  readyFrame: number | null;
  paintFrame: number | null;
}

export function installProbe(): void {
  const probe: Probe = { longTasks: [], frames: [], readyFrame: null, paintFrame: null };
  (window as unknown as { __bench: Probe }).__bench = probe;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) probe.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // No long-task timing in this browser: the frame gaps below still say how long the page was blocked.
  }
  const tick = (t: number): void => {
    probe.frames.push(t);
    if (probe.frames.length > 20_000) probe.frames.splice(0, 10_000);
    const ready = (window as unknown as { __kgx?: { ready: boolean } }).__kgx?.ready === true;
    // The frame in which the page is first ready draws the scene; the next frame starts after that paint.
    if (ready && probe.readyFrame === null) probe.readyFrame = t;
    else if (probe.readyFrame !== null && probe.paintFrame === null) probe.paintFrame = t;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}
