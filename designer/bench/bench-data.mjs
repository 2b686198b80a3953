// What the web benchmarks (list-figures.mjs, scroll-trace.mjs) share: a bearer token, seeded accounts, a list page
// whose own request is answered with many real rows (so the real grid, columns and renderers hold them all), and the
// timed scroll through its grid.
import { ADMIN_PASSWORD } from '../e2e/host.mjs';

/** The host's request limits are for people; a benchmark is one client writing batches in a row. */
export function liftRequestLimits() {
  process.env['limits__tenant-requests-per-second'] ??= '10000';
  process.env['limits__user-requests-per-second'] ??= '10000';
}

/** Bearer authorization headers of the demo administrator. */
export async function adminAuth(api) {
  const { access_token: token } = await (await fetch(`${api}/auth/token`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
  })).json();
  return { Authorization: `Bearer ${token}` };
}

/** Seeds `count` accounts (the demo's own few hundred stay) in bulk batches of 1,000. */
export async function seedAccounts(api, auth, count) {
  const tiers = ['potential', 'regular', 'vip'];
  for (let b = 0; b < count / 1000; b++) {
    const records = Array.from({ length: 1000 }, (_, i) => {
      const n = b * 1000 + i;
      return { name: `Bench account ${String(n).padStart(6, '0')}`, tier: tiers[n % 3], city: `City ${n % 97}`, employees: n % 5000, annual_revenue: (n % 1000) * 1250 };
    });
    const r = await fetch(`${api}/data/account/bulk`, { method: 'POST', headers: { ...auth, 'Content-Type': 'application/json' }, body: JSON.stringify({ mode: 'create', records }) });
    if (!r.ok) throw new Error(`seeding batch ${b}: ${r.status} ${(await r.text()).slice(0, 400)}`);
  }
}

/**
 * Opens the account list with its own request (`listRequest`, as the page sent it) answered by `count` real records,
 * read through the API by keyset paging with the page's $select/$expand; resolves once the grid holds them all.
 */
export async function openListHolding(page, hostUrl, auth, listRequest, count) {
  const rows = [];
  const bulkUrl = new URL(listRequest);
  bulkUrl.searchParams.set('$top', '1000');
  bulkUrl.searchParams.delete('$skip');
  bulkUrl.searchParams.delete('$count');
  let next = bulkUrl.toString();
  while (rows.length < count && next) {
    const data = await (await fetch(next, { headers: auth })).json();
    rows.push(...data.value);
    next = data['@odata.nextLink'] ? new URL(data['@odata.nextLink'], hostUrl).toString() : '';
  }
  const loaded = rows.slice(0, count);
  const body = JSON.stringify({ value: loaded, '@odata.count': loaded.length });
  await page.route(/\/api\/demo\/data\/account\?/, (route) => route.fulfill({ status: 200, contentType: 'application/json', body }));
  await page.goto(`${hostUrl}/app/demo/account?size=50`);
  await page.waitForFunction((n) => document.querySelector('[role=grid]')?.getAttribute('aria-rowcount') === String(n + 1), loaded.length);
  return loaded.length;
}

/** Scrolls the page's grid from top to bottom in 4 s of animation frames; resolves to every frame's duration (ms). */
export function scrollGridRecordingFrames(page) {
  return page.evaluate(() => new Promise((done) => {
    const grid = document.querySelector('[role=grid]');
    const end = grid.scrollHeight - grid.clientHeight;
    const durations = [];
    let started = 0; let last = 0;
    const step = (t) => {
      if (!started) { started = t; last = t; }
      durations.push(t - last); last = t;
      const progress = Math.min(1, (t - started) / 4000);
      grid.scrollTop = end * progress;
      if (progress < 1) requestAnimationFrame(step); else done(durations.slice(1));
    };
    requestAnimationFrame(step);
  }));
}
