// Figures for the web app (a benchmark, not a test; see tests/Platform.Benchmarks/README.md):
//  1. the app's initial JavaScript, gzipped (what index.html loads before any route chunk);
//  2. time from navigation to 50 rendered rows of the account list over 100,000 accounts in headless Chromium,
//     next to the API time of the very request the page sends;
//  3. the longest frame while scrolling a list holding 10,000 loaded rows from top to bottom, with the main thread's
//     CPU time per frame (script, style, layout; Chromium's Performance metrics) and the DOM nodes per row: on a
//     loaded machine frame durations swing with the load, the work per frame and per row much less.
// Run: node designer/bench/list-figures.mjs   (needs the Release build of Platform.sln; starts its own host)
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startHost } from '../e2e/host.mjs';
import { launchBrowser, signIn } from '../e2e/browser.mjs';
import { adminAuth, liftRequestLimits, openListHolding, scrollGridRecordingFrames, seedAccounts } from './bench-data.mjs';

const designer = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(designer, 'test-artifacts', 'bench');
mkdirSync(out, { recursive: true });
const RECORDS = Number(process.env.BENCH_RECORDS ?? 100_000);
const LOADED_ROWS = 10_000;
const RUNS = 5;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const figures = {};

// 1. Initial JavaScript: the module scripts and modulepreloads index.html names, gzipped as the host would send them.
const index = readFileSync(join(designer, 'dist/index.html'), 'utf8');
const initial = [...index.matchAll(/(?:src|href)="\/app\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
figures.initialJsGzipBytes = initial.reduce((sum, f) => sum + gzipSync(readFileSync(join(designer, 'dist', f))).length, 0);
figures.initialJsFiles = initial;

liftRequestLimits();
const host = await startHost();
const api = `${host.url}/api/demo`;
try {
  const auth = await adminAuth(api);

  // Seed: 100 bulk batches of 1,000 accounts.
  const seedStart = performance.now();
  await seedAccounts(api, auth, RECORDS);
  figures.seedSeconds = Math.round((performance.now() - seedStart) / 100) / 10;

  const browser = await launchBrowser();
  // Tall enough that the virtualized grid renders 50 rows at once (44 px each).
  const context = await browser.newContext({ viewport: { width: 1366, height: 2600 }, locale: 'en-US' });
  const page = await context.newPage();
  await signIn(page, `${host.url}/app/login`);

  // 2. Navigation → 50 rendered rows, a fresh page each run (app code from the HTTP cache, as on a person's second visit).
  let listRequest = '';
  page.on('request', (r) => { if (r.url().includes('/api/demo/data/account?')) listRequest = r.url(); });
  const browserMs = [];
  for (let i = 0; i < RUNS; i++) {
    const started = Date.now();
    await page.goto(`${host.url}/app/demo/account?size=50`);
    await page.waitForFunction(() => document.querySelectorAll('[role=grid] [role=row][aria-rowindex]').length >= 51
      && document.querySelector('[role=grid]')?.getAttribute('aria-busy') !== 'true');
    browserMs.push(Date.now() - started);
  }
  const apiMs = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    const r = await fetch(listRequest, { headers: auth });
    await r.json();
    apiMs.push(performance.now() - started);
  }
  figures.listOver = RECORDS;
  figures.listRequest = listRequest.replace(host.url, '');
  figures.navigationTo50RowsMs = { median: median(browserMs), runs: browserMs };
  // What waits on what: the API requests of one more navigation, by start and end (ms after the navigation began).
  const waterfall = [];
  const began = Date.now();
  const onRequest = (r) => { if (r.url().includes('/api/')) waterfall.push({ r, start: Date.now() - began }); };
  const onDone = (r) => { const w = waterfall.find((x) => x.r === r); if (w) w.end = Date.now() - began; };
  page.on('request', onRequest);
  page.on('requestfinished', onDone);
  await page.goto(`${host.url}/app/demo/account?size=50`);
  await page.waitForFunction(() => document.querySelectorAll('[role=grid] [role=row][aria-rowindex]').length >= 51
    && document.querySelector('[role=grid]')?.getAttribute('aria-busy') !== 'true');
  figures.navigationRows50AtMs = Date.now() - began;
  page.off('request', onRequest);
  page.off('requestfinished', onDone);
  figures.navigationApiWaterfall = waterfall.map((w) => `${String(w.start).padStart(5)}–${String(w.end ?? '?').padStart(5)} ms ${w.r.url().replace(host.url, '').replace(/\?.*/, '')}`);
  figures.apiSameQueryMs = { median: Math.round(median(apiMs)), runs: apiMs.map(Math.round) };
  await page.screenshot({ path: join(out, 'list-100k.png') });

  // 3. 10,000 loaded rows: the list page's own request answered with 10,000 real records (read through the API by
  //    keyset paging with the page's $select/$expand), so the real grid, columns and renderers hold them all.
  await page.setViewportSize({ width: 1366, height: 860 });
  const loaded = await openListHolding(page, host.url, auth, listRequest, LOADED_ROWS);
  const perRow = await page.evaluate(() => {
    const rows = [...document.querySelectorAll('[role=grid] [role=rowgroup] + [role=rowgroup] [role=row]')];
    return { rendered: rows.length, domNodesPerRow: Math.round(rows.reduce((n, r) => n + r.querySelectorAll('*').length + 1, 0) / rows.length) };
  });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const metrics = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  const before = await metrics();
  const frames = await scrollGridRecordingFrames(page);
  const after = await metrics();
  const perFrame = (name) => Math.round((after[name] - before[name]) * 1000 / frames.length * 10) / 10;
  figures.scrollLoadedRows = {
    rows: loaded,
    rowsRendered: perRow.rendered,
    domNodesPerRow: perRow.domNodesPerRow,
    mainThreadMsPerFrame: { task: perFrame('TaskDuration'), script: perFrame('ScriptDuration'), style: perFrame('RecalcStyleDuration'), layout: perFrame('LayoutDuration') },
    frames: frames.length,
    longestFrameMs: Math.round(Math.max(...frames) * 10) / 10,
    framesOver16_7ms: frames.filter((d) => d > 16.7 + 1).length,
    framesOver33ms: frames.filter((d) => d > 33.4).length,
  };
  await page.screenshot({ path: join(out, 'list-10k-scrolled.png') });
  await browser.close();
} finally {
  await host.stop();
}
figures.loadAverage = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
writeFileSync(join(out, 'figures.json'), JSON.stringify(figures, null, 2));
console.log(JSON.stringify(figures, null, 2));
