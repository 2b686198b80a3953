// Browser tests of the dashboard screen on the demo data: charts with numbers from the server's $apply, a click on a
// bar opens the list behind it, Chinese labels and 万, one column at 390 px. run.mjs calls dashboardTests after signing
// in; `node e2e/dashboards.mjs` runs them alone against a host it starts.
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** @param {{ test: Function, assert: Function, shot: Function, page: () => import('playwright-core').Page, base: string }} t */
export async function dashboardTests({ test, assert, shot, page, base }) {
  const openDashboard = async () => {
    await page().goto(`${base}/demo`);
    await page().getByRole('navigation').getByRole('link', { name: 'Sales overview' }).click();
    await page().waitForURL(/\/demo\/dashboards\/sales-overview$/);
    await page().getByRole('heading', { level: 1, name: 'Sales overview' }).waitFor();
  };
  const region = (name) => page().getByRole('region', { name, exact: true });
  const digits = (name) => region(name).locator('.dashboard-number').filter({ hasText: /\d/ }).waitFor();


  await test('the sales overview dashboard charts the demo data from the server aggregates', async () => {
    await openDashboard();
    for (const name of ['Open pipeline', 'Won amount', 'Opportunities']) await digits(name);
    for (const name of ['Pipeline by stage', 'Opportunities by stage', 'Won amount by month', 'Activities by owner']) {
      await region(name).getByRole('img').waitFor();
      const label = await region(name).getByRole('img').getAttribute('aria-label');
      assert(/\d/.test(label ?? ''), `${name} reads its values: ${label}`);
    }
    assert(/CN¥[\d,]+/.test(await region('Won amount').textContent()), 'won amount as money');
    assert((await region('Won amount by month').getByRole('img').getAttribute('aria-label')).match(/[A-Z][a-z]{2} \d{4}/), 'months named by Intl');
    await page().waitForTimeout(300);
    await shot('desktop-en-dashboard');
    await region('Activities by owner').getByRole('button', { name: 'Show data table' }).click();
    const table = region('Activities by owner').getByRole('table');
    await table.getByRole('link').first().waitFor();
    assert(/Administrator|admin/.test(await table.textContent()), 'owners by name');
    await page().waitForTimeout(300);
    await shot('desktop-en-dashboard-table');
  });

  await test('a click on a bar opens the list behind it with the chart filter and the group applied', async () => {
    await openDashboard();
    const chart = region('Pipeline by stage').getByRole('img');
    await chart.waitFor();
    await page().waitForTimeout(300);
    const box = await chart.boundingBox();
    // The open stages' bars stand side by side; the click lands on one near the middle, up from the axis.
    await page().mouse.click(box.x + box.width / 2 + 12, box.y + box.height * 0.7);
    await page().waitForURL(/\/demo\/opportunity\?/);
    const url = new URL(page().url());
    assert(url.searchParams.get('filter') === "stage ne 'won' and stage ne 'lost'", `chart filter in the URL: ${url.search}`);
    const stage = JSON.parse(url.searchParams.get('f')).stage.values[0];
    assert(['prospecting', 'qualification', 'proposal'].includes(stage), `an open stage as the stage column filter: ${url.search}`);
    await page().getByRole('grid').waitFor();
    await page().getByText("stage ne 'won' and stage ne 'lost'").waitFor();
    const stages = await page().locator('[role=gridcell]').allTextContents();
    const label = stage[0].toUpperCase() + stage.slice(1);
    assert(stages.includes(label) && !stages.includes('Won') && !stages.includes('Lost'), `only open ${stage} opportunities`);
    await shot('desktop-en-dashboard-drill');
  });

  await test('the dashboard in Chinese: labels from the documents, amounts as 万; one column at 390 px', async () => {
    await openDashboard();
    await page().getByText('中文', { exact: true }).click();
    await page().getByRole('heading', { level: 1, name: '销售概览' }).waitFor();
    await page().waitForFunction(() => /万/.test(document.querySelector('.dashboard-number')?.textContent ?? ''));
    const label = await region('按阶段统计管道金额').getByRole('img').getAttribute('aria-label');
    assert(/潜在|Prospecting/.test(label) && /万/.test(label), `stage option label and 万: ${label}`);
    await page().waitForTimeout(300);
    await shot('desktop-zh-dashboard');
    await page().setViewportSize({ width: 390, height: 844 });
    await page().waitForTimeout(500);
    const boxes = await Promise.all(['未结管道金额', '赢单总额'].map((n) => region(n).boundingBox()));
    assert(boxes[1].y > boxes[0].y && Math.abs(boxes[1].x - boxes[0].x) < 2, 'charts stacked in one column');
    const overflow = await page().evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert(overflow <= 0, `no sideways scrolling at 390 px (${overflow} px)`);
    await shot('phone-zh-dashboard');
    await region('每月赢单金额').scrollIntoViewIfNeeded();
    await page().waitForTimeout(300);
    await shot('phone-zh-dashboard-charts');
    await page().getByText('EN', { exact: true }).click();
    await page().getByRole('heading', { level: 1, name: 'Sales overview' }).waitFor();
    await page().evaluate(() => window.scrollTo(0, 0));
    await page().waitForTimeout(300);
    await shot('phone-en-dashboard');
    await page().setViewportSize({ width: 1366, height: 860 });
  });
}

// Alone: start a host, sign in, run the dashboard tests.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { chromium } = await import('playwright-core');
  const { ADMIN_PASSWORD, startHost } = await import('./host.mjs');
  const artifacts = join(resolve(dirname(fileURLToPath(import.meta.url)), '..'), 'test-artifacts');
  mkdirSync(artifacts, { recursive: true });
  const host = await startHost();
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  const context = await browser.newContext({ viewport: { width: 1366, height: 860 }, locale: 'en-US' });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  let failed = 0;
  const test = async (name, fn) => {
    try { await fn(); console.log(`ok   ${name}`); }
    catch (e) { failed++; console.log(`FAIL ${name}\n${e.stack}`); await page.screenshot({ path: join(artifacts, `failure-${name.replace(/\W+/g, '-')}.png`), fullPage: true }).catch(() => {}); }
  };
  const assert = (cond, message) => { if (!cond) throw new Error(message); };
  const shot = (name) => page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: false });
  try {
    await page.goto(`${host.url}/app/login?tenant=demo`);
    await page.getByLabel('User name').fill('admin');
    await page.getByLabel('Password').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('user-menu').waitFor();
    await dashboardTests({ test, assert, shot, page: () => page, base: `${host.url}/app` });
  } finally {
    await browser.close();
    await host.stop();
  }
  console.log(failed ? `${failed} FAILED` : 'all passed');
  process.exit(failed ? 1 : 0);
}
