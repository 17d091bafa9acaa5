/**
 * `tsx bench/browser/profile.ts [size] [all]`: where the main thread's time goes while the page expands
 * the 5,000-neighbour hub. Opens the built page (build it unminified for names:
 * `npx vite build --config web/vite.config.ts --minify false`), records a CPU profile over
 * CDP around "Add all", and prints the long tasks and the functions with the most self time.
 */
import { chromium } from 'playwright-core';
import { installProbe, type Probe } from './probe.js';
import { HUB_ID, sceneGraph } from './scenes.js';
import { startMockServer } from './server.js';

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tid: number;
  args?: { data?: { functionName?: string; url?: string; lineNumber?: number; type?: string } };
}

/** Each task over 150 ms on the main thread, with what ran inside it (events over 10 ms, nested by time). */
function tasksOf(events: TraceEvent[]): void {
  const long = events.filter((e) => e.name === 'RunTask' && e.ph === 'X' && (e.dur ?? 0) > 150_000);
  const t0 = Math.min(...events.filter((e) => e.ts > 0).map((e) => e.ts));
  for (const task of long) {
    console.log(`\nRunTask at ${Math.round((task.ts - t0) / 1000)} ms: ${Math.round(task.dur! / 1000)} ms`);
    const inner = events
      .filter((e) => e.tid === task.tid && e.ph === 'X' && e !== task && e.ts >= task.ts && e.ts + (e.dur ?? 0) <= task.ts + task.dur! && (e.dur ?? 0) > 10_000)
      .sort((a, b) => a.ts - b.ts);
    for (const e of inner.slice(0, 25)) {
      const d = e.args?.data;
      const what = d?.functionName !== undefined ? `${d.functionName} ${String(d.url).split('/').pop()}:${d.lineNumber}` : d?.type ?? '';
      console.log(`  +${Math.round((e.ts - task.ts) / 1000)} ${e.name} ${Math.round(e.dur! / 1000)} ms ${what}`);
    }
  }
}

async function main(): Promise<void> {
  const size = Number(process.argv[2] ?? 2000);
  const allAtOnce = process.argv[3] === 'all';
  const mock = await startMockServer();
  mock.setScene(sceneGraph(size));
  mock.setAllAtOnce(allAtOnce);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
    await context.addInitScript({ content: `window.__name = (f) => f; (${installProbe.toString()})();` });
    const page = await context.newPage();
    await page.goto(mock.url + '/');
    await page.waitForFunction(() => (window as unknown as { __bench: Probe }).__bench.paintFrame !== null, undefined, { timeout: 300_000 });
    await page.waitForTimeout(1000);
    await page.locator(`#entity-list button[data-id="${HUB_ID}"]`).click();
    await page.keyboard.press('e');
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: /Expand Helse Benchmark RHF/ }).waitFor({ timeout: 60_000 });
    await page.waitForTimeout(300);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', (e) => {
      events.push(...(e.value as unknown as TraceEvent[]));
    });
    const traced = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
    const t0 = await page.evaluate(() => performance.now());
    await dialog.getByRole('button', { name: /^Add all/ }).click();
    await page.locator('#toolbar-message').filter({ hasText: /Added \d+ entities around/ }).waitFor({ timeout: 300_000 });
    await page.waitForTimeout(2000);
    await cdp.send('Tracing.end');
    await traced;
    tasksOf(events);
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
    const p = await page.evaluate(() => (window as unknown as { __bench: Probe }).__bench);
    const tasks = p.longTasks.filter((t) => t.start >= t0 - 1);
    console.log(`long tasks (ms after Add all: duration): ${tasks.map((t) => `${Math.round(t.start - t0)}:${Math.round(t.duration)}`).join(' ')}`);
    const self = new Map<string, number>();
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    profile.samples.forEach((id, i) => {
      const n = byId.get(id)!;
      const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
      self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
    });
    // Inclusive time per function: each sample counts once for every distinct function on its stack.
    const parent = new Map<number, number>();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const incl = new Map<string, number>();
    profile.samples.forEach((id, i) => {
      const seen = new Set<string>();
      for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
        const n = byId.get(cur)!;
        const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
        if (seen.has(key)) continue;
        seen.add(key);
        incl.set(key, (incl.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
      }
    });
    // Tasks: runs of samples between idle ones; for each long one, where its time went.
    const keyOf = (id: number) => {
      const n = byId.get(id)!;
      return `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
    };
    let run: number[] = [];
    let runMs = 0;
    let at = 0;
    const flush = () => {
      if (runMs > 120) {
        const m = new Map<string, number>();
        for (const i of run) {
          const seen = new Set<string>();
          for (let cur: number | undefined = profile.samples[i]; cur !== undefined; cur = parent.get(cur)) {
            const key = keyOf(cur);
            if (seen.has(key)) continue;
            seen.add(key);
            m.set(key, (m.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
          }
        }
        console.log(`\ntask at ${Math.round(at)} ms, ${Math.round(runMs)} ms:\n` + [...m].sort((a, b) => b[1] - a[1]).slice(1, 60).map(([f, ms]) => `${ms.toFixed(0).padStart(7)} ms  ${f}`).join('\n'));
      }
      run = [];
      runMs = 0;
    };
    let clock = 0;
    profile.samples.forEach((id, i) => {
      clock += (profile.timeDeltas[i] ?? 0) / 1000;
      if (byId.get(id)!.callFrame.functionName === '(idle)') flush();
      else {
        if (!run.length) at = clock;
        run.push(i);
        runMs += (profile.timeDeltas[i] ?? 0) / 1000;
      }
    });
    flush();
    const top = (m: Map<string, number>, k: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, k).map(([f, ms]) => `${ms.toFixed(0).padStart(7)} ms  ${f}`).join('\n');
    console.log('\nself time:\n' + top(self, 30));
    console.log('\ninclusive time:\n' + top(incl, 50));
  } finally {
    await browser.close();
    await mock.close();
  }
}

await main();
process.exit(0);
