// Where a scrolled frame's main-thread time goes (a diagnostic beside list-figures.mjs, not a test): the list page
// holding 10,000 loaded accounts is scrolled top to bottom while Chromium records a trace; the trace's main-thread
// events are summed by name, style recalculations by the elements they touched, and invalidations by their reason.
// Run: node designer/bench/scroll-trace.mjs   (needs the Release build; starts its own host; BENCH_RECORDS seeds)
// Writes test-artifacts/bench/scroll-trace.json (the summary) and scroll-trace-raw.json (open in chrome://tracing).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startHost } from '../e2e/host.mjs';
import { adminAuth, liftRequestLimits, openListHolding, scrollGridRecordingFrames, seedAccounts } from './bench-data.mjs';
import { launchBrowser, signIn } from '../e2e/browser.mjs';

const designer = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(designer, 'test-artifacts', 'bench');
mkdirSync(out, { recursive: true });
const LOADED_ROWS = 10_000;
const RECORDS = Number(process.env.BENCH_RECORDS ?? LOADED_ROWS);

liftRequestLimits();
const host = await startHost();
const api = `${host.url}/api/demo`;
const summary = {};
try {
  const auth = await adminAuth(api);
  await seedAccounts(api, auth, RECORDS);

  const browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1366, height: 860 }, locale: 'en-US' });
  const page = await context.newPage();
  await signIn(page, `${host.url}/app/login`);

  let listRequest = '';
  page.on('request', (r) => { if (r.url().includes('/api/demo/data/account?')) listRequest = r.url(); });
  await page.goto(`${host.url}/app/demo/account?size=50`);
  await page.waitForFunction(() => document.querySelector('[role=grid]')?.getAttribute('aria-busy') !== 'true' && document.querySelectorAll('[role=grid] [role=row]').length > 5);
  await openListHolding(page, host.url, auth, listRequest, LOADED_ROWS);
  // Park the mouse over the grid, as a person scrolling with the wheel would (hover moves from row to row).
  if (process.env.BENCH_HOVER) await page.mouse.move(600, 500);

  // A CPU profile beside the trace: which functions the scrolled frames' script time goes to (self time).
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await browser.startTracing(page, {
    // Invalidation tracking and selector statistics cost time inside DOM calls and style recalculation themselves
    // (removeChild shows up as the biggest cost with them on), so they are only on when asked for.
    categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'disabled-by-default-devtools.timeline.frame',
      ...(process.env.BENCH_INVALIDATIONS ? ['disabled-by-default-devtools.timeline.invalidationTracking'] : []),
      ...(process.env.BENCH_SELECTORS ? ['disabled-by-default-blink.debug', 'disabled-by-default-devtools.timeline.selector-stats'] : [])],
  });
  const frames = await scrollGridRecordingFrames(page);
  const raw = JSON.parse((await browser.stopTracing()).toString());
  const { profile } = await cdp.send('Profiler.stop');
  const self = new Map();
  const nodeById = new Map(profile.nodes.map((n) => [n.id, n]));
  profile.samples.forEach((id, i) => {
    const f = nodeById.get(id).callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*\//, '')}:${f.lineNumber}:${f.columnNumber}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  summary.cpuSelfMs = [...self].sort((a, b) => b[1] - a[1]).slice(0, 30).map(([k, ms]) => `${Math.round(ms * 10) / 10} ${k}`);
  writeFileSync(join(out, 'scroll-trace-raw.json'), JSON.stringify(raw));
  const events = raw.traceEvents ?? raw;

  // The renderer's main thread: the thread named CrRendererMain with the most events.
  const names = events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const count = (t) => events.filter((e) => e.pid === t.pid && e.tid === t.tid).length;
  const main = names.sort((a, b) => count(b) - count(a))[0];
  const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid);
  const byName = {};
  for (const e of onMain) {
    if (e.ph !== 'X' && e.ph !== 'B') continue;
    const s = (byName[e.name] ??= { count: 0, ms: 0, cpuMs: 0 });
    s.count++; s.ms += (e.dur ?? 0) / 1000; s.cpuMs += (e.tdur ?? 0) / 1000;
  }
  const top = Object.entries(byName).sort((a, b) => b[1].ms - a[1].ms).slice(0, 25)
    .map(([n, s]) => ({ name: n, count: s.count, ms: Math.round(s.ms * 10) / 10, msPerFrame: Math.round(s.ms / frames.length * 100) / 100,
      // Thread time (tdur): the CPU the main thread spent, which waits for a core on a loaded machine do not inflate.
      cpuMsPerFrame: Math.round(s.cpuMs / frames.length * 100) / 100 }));
  const styles = onMain.filter((e) => e.name === 'UpdateLayoutTree' && e.ph === 'X');
  const elementCounts = styles.map((e) => e.args?.elementCount ?? 0).sort((a, b) => b - a);
  const reasons = {};
  for (const e of events) {
    if (!/InvalidationTracking/.test(e.name)) continue;
    const d = e.args?.data ?? {};
    const key = `${e.name} | ${d.reason ?? d.invalidationSet?.id ?? ''} | ${d.nodeName ?? ''}${d.changedClass ? ` .${d.changedClass}` : ''}${d.changedAttribute ? ` [${d.changedAttribute}]` : ''}${d.changedPseudo ? ` :${d.changedPseudo}` : ''}`;
    reasons[key] = (reasons[key] ?? 0) + 1;
  }
  const selectors = new Map();
  for (const e of events) {
    for (const t of e.name === 'SelectorStats' ? e.args?.selector_stats?.selector_timings ?? [] : []) {
      const s = selectors.get(t.selector) ?? { us: 0, attempts: 0, matches: 0 };
      s.us += t['elapsed (us)'] ?? 0; s.attempts += t.match_attempts ?? 0; s.matches += t.match_count ?? 0;
      selectors.set(t.selector, s);
    }
  }
  if (selectors.size) {
    summary.selectors = [...selectors].sort((a, b) => b[1].us - a[1].us).slice(0, 25).map(([sel, s]) => `${Math.round(s.us)} us, ${s.attempts} attempts, ${s.matches} matches: ${sel.slice(0, 160)}`);
    summary.selectorsTotalUs = Math.round([...selectors.values()].reduce((n, s) => n + s.us, 0));
  }
  summary.frames = frames.length;
  summary.longestFrameMs = Math.round(Math.max(...frames) * 10) / 10;
  summary.framesOver16_7ms = frames.filter((d) => d > 17.7).length;
  summary.mainThreadByEvent = top;
  summary.styleRecalcs = { count: styles.length, elementsTouched: { max: elementCounts[0], median: elementCounts[Math.floor(elementCounts.length / 2)], total: elementCounts.reduce((a, b) => a + b, 0) } };
  summary.invalidations = Object.entries(reasons).sort((a, b) => b[1] - a[1]).slice(0, 40);
  summary.domNodes = await page.evaluate(() => document.querySelectorAll('*').length);
  summary.styleSheets = await page.evaluate(() => ({ sheets: document.styleSheets.length, rules: [...document.styleSheets].reduce((n, s) => { try { return n + s.cssRules.length; } catch { return n; } }, 0) }));
  await browser.close();
} finally {
  await host.stop();
}
summary.loadAverage = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
writeFileSync(join(out, 'scroll-trace.json'), JSON.stringify(summary, null, 2));
console.log(JSON.stringify(summary, null, 2));
