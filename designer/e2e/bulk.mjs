// Browser tests of the list's bulk edit and export, the kanban column cap and the phone header (run: node
// e2e/bulk.mjs). Same host and Chromium as run.mjs; screenshots go to test-artifacts/bulk/.
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startHost } from './host.mjs';
import { launchBrowser, signIn } from './browser.mjs';

const designer = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const artifacts = join(designer, 'test-artifacts', 'bulk');
rmSync(artifacts, { recursive: true, force: true });
mkdirSync(artifacts, { recursive: true });

process.on('unhandledRejection', (e) => console.log(`(late rejection) ${e?.message ?? e}`));
let failed = 0;
let passed = 0;
let page;
async function test(name, fn) {
  try { await fn(); passed++; console.log(`ok   ${name}`); }
  catch (e) {
    failed++; console.log(`FAIL ${name}\n${e.stack}`);
    try { await page.screenshot({ path: join(artifacts, `failure-${name.replace(/\W+/g, '-').slice(0, 80)}.png`), fullPage: true }); } catch { /* closed */ }
  }
}
function assert(cond, message) { if (!cond) throw new Error(message); }
const shot = (name) => page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: false });

const host = await startHost();
const browser = await launchBrowser();
const desktop = { width: 1366, height: 860 };
const phone = { width: 390, height: 844 };
const context = await browser.newContext({ viewport: desktop, locale: 'en-US', acceptDownloads: true });
context.setDefaultTimeout(20_000);
page = await context.newPage();
const base = `${host.url}/app`;
const stamp = Date.now().toString(36);

const api = (method, path, body) => page.evaluate(async ({ method, path, body }) => {
  const r = await fetch(`/api/demo${path}`, {
    method, headers: { 'Content-Type': 'application/json', 'X-Requested-With': 'XMLHttpRequest' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await r.text();
  return { status: r.status, body: text ? JSON.parse(text) : null };
}, { method, path, body });

async function setLang(lang) {
  await page.evaluate((l) => localStorage.setItem('platform.lang', l), lang);
  await page.reload();
}

/** The account list narrowed to this run's accounts by the search box. */
const listUrl = `${base}/demo/account?q=${encodeURIComponent(`Bulk ${stamp}`)}`;
const rowOf = (name) => page.getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) });

try {
  await signIn(page, `${base}/login`);
  const names = ['A', 'B', 'C', 'D'].map((x) => `Bulk ${stamp} ${x}`);
  const seeded = await api('POST', '/data/account/bulk', { records: names.map((name) => ({ name, tier: 'potential', city: 'Hangzhou' })) });
  assert(seeded.status === 200, `seeded: ${JSON.stringify(seeded.body)}`);

  await test('select 3 rows, bulk edit a choice field: one PATCH .../bulk, the rows show the new value, the fourth is untouched', async () => {
    await page.goto(listUrl);
    await rowOf(names[3]).waitFor();
    for (const name of names.slice(0, 3)) await page.getByRole('checkbox', { name: `Select row ${name}` }).check();
    const edit = page.getByRole('button', { name: 'Edit selected (3)' });
    await edit.click();
    const dialog = page.getByRole('dialog', { name: 'Edit 3 records' });
    await dialog.waitFor();
    await dialog.getByRole('combobox', { name: 'Field' }).click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: /^Tier$/ }).click();
    await dialog.getByRole('combobox', { name: 'Tier' }).click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: 'VIP' }).click();
    await page.waitForTimeout(300);
    await shot('desktop-en-bulk-edit');
    const patches = [];
    page.on('request', (r) => { if (r.method() === 'PATCH') patches.push(r.url()); });
    await dialog.getByRole('button', { name: 'Apply to 3 records' }).click();
    await dialog.waitFor({ state: 'hidden' });
    for (const name of names.slice(0, 3)) await rowOf(name).getByText('VIP', { exact: true }).waitFor();
    assert(await rowOf(names[3]).getByText('VIP', { exact: true }).count() === 0, 'the unselected row keeps its tier');
    assert(patches.length === 1 && patches[0].endsWith('/api/demo/data/account/bulk'), `one bulk PATCH: ${patches.join(', ')}`);
  });

  await test('a refused batch changes nothing and names each refused record with its reason', async () => {
    await page.goto(listUrl);
    await rowOf(names[0]).waitFor();
    // A website that is not a URL is refused for every record alike.
    for (const name of names.slice(0, 2)) await page.getByRole('checkbox', { name: `Select row ${name}` }).check();
    await page.getByRole('button', { name: 'Edit selected (2)' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit 2 records' });
    await dialog.getByRole('combobox', { name: 'Field' }).click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: /^Website$/ }).click();
    await dialog.getByLabel('Website').fill('not a url');
    await dialog.getByRole('button', { name: 'Apply to 2 records' }).click();
    const refusals = dialog.getByTestId('bulk-refusals');
    await refusals.waitFor();
    const text = await refusals.textContent();
    assert(text.includes(names[0]) && text.includes(names[1]) && text.includes('Website'), `per-record errors: ${text}`);
    await shot('desktop-en-bulk-refused');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    const stored = await api('GET', `/data/account?$filter=${encodeURIComponent(`name eq '${names[0]}'`)}&$select=website`);
    assert(stored.body.value[0].website == null, 'nothing written');
  });

  await test('export downloads a CSV of what the list shows: its filter and its visible columns', async () => {
    await page.goto(listUrl);
    await rowOf(names[0]).waitFor();
    const columns = await page.getByRole('columnheader').evaluateAll((hs) => hs.slice(1).map((h) => h.textContent.replace(/[▲▼↕]/g, '').trim()));
    const fields = await page.evaluate(() => new URL(location.href).searchParams.get('cols'));
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export' }).click()]);
    const file = download.suggestedFilename();
    assert(/^account-\d{8}-\d{6}\.csv$/.test(file), `file name: ${file}`);
    const csv = readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '');
    const [header, ...lines] = csv.trim().split(/\r?\n/);
    const headers = header.split(',');
    // The header row reads as the list does: the columns' labels, not the field names.
    assert(headers[0] === 'ID' && headers.length === columns.length + 1, `header ${header} for columns ${columns.join('|')} (${fields})`);
    assert(headers.slice(1).join('|') === columns.join('|'), `header is the visible columns' labels: ${header} vs ${columns.join('|')}`);
    assert(lines.length === names.length && names.every((n) => csv.includes(n)), `only the filtered rows: ${lines.length}`);
  });

  await test('Chinese: 编辑所选 and 导出 on the list; the dialog in Chinese on desktop and at 390 px', async () => {
    await page.goto(listUrl);
    await setLang('zh-CN');
    await rowOf(names[0]).waitFor();
    for (const name of names.slice(0, 3)) await page.getByRole('checkbox', { name: `选择行 ${name}` }).check();
    await page.getByRole('button', { name: '导出' }).waitFor();
    await shot('desktop-zh-list-selected');
    // The export's header in Chinese, as the columns read; the values as they are stored.
    const columns = await page.getByRole('columnheader').evaluateAll((hs) => hs.slice(1).map((h) => h.textContent.replace(/[▲▼↕]/g, '').trim()));
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出' }).click()]);
    const [header, ...lines] = readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    assert(header === ['ID', ...columns].join(',') && columns.includes('名称'), `Chinese header: ${header} vs ${columns.join('|')}`);
    assert(lines.length === names.length && names.every((n) => lines.some((l) => l.includes(n))), `the same rows: ${lines.length}`);
    await page.getByRole('button', { name: '编辑所选（3）' }).click();
    const dialog = page.getByRole('dialog', { name: '编辑 3 条记录' });
    await dialog.getByRole('combobox', { name: '字段' }).click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: /^等级$/ }).click();
    await dialog.getByRole('combobox', { name: '等级' }).waitFor();
    await page.waitForTimeout(300);
    await shot('desktop-zh-bulk-edit');
    await dialog.getByRole('button', { name: /^取\s?消$/ }).click(); // Ant Design spaces two-character Chinese buttons

    await page.setViewportSize(phone);
    await page.goto(listUrl);
    await page.locator('.card-list li').first().waitFor();
    for (const name of names.slice(0, 3)) await page.getByRole('checkbox', { name: `选择行 ${name}` }).check();
    await shot('phone-zh-list-selected');
    await page.getByRole('button', { name: '编辑所选（3）' }).click();
    await page.getByRole('dialog', { name: '编辑 3 条记录' }).getByRole('combobox', { name: '字段' }).waitFor();
    await page.waitForTimeout(300);
    await shot('phone-zh-bulk-edit');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert(overflow <= 1, `no sideways scrolling at 390 px (${overflow} px)`);
    await page.keyboard.press('Escape');
  });

  await test('phone header (390 px): app name whole, user menu an initial with the name inside, no sideways scroll', async () => {
    await page.setViewportSize(phone);
    await page.goto(listUrl);
    await setLang('en');
    await page.locator('.card-list li').first().waitFor();
    const name = page.getByRole('link', { name: 'Platform CRM' });
    const clipped = await name.evaluate((el) => el.scrollWidth > el.clientWidth + 1);
    assert(!clipped, 'the app name is not cut off');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert(overflow <= 1, `no sideways scrolling (${overflow} px)`);
    for (const name of names.slice(0, 3)) await page.getByRole('checkbox', { name: `Select row ${name}` }).check();
    await shot('phone-en-list-selected');
    await page.getByRole('button', { name: 'Edit selected (3)' }).click();
    await page.getByRole('dialog', { name: 'Edit 3 records' }).getByRole('combobox', { name: 'Field' }).waitFor();
    await page.waitForTimeout(300);
    await shot('phone-en-bulk-edit');
    await page.keyboard.press('Escape');
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: 'Administrator' }).waitFor();
    await page.getByRole('menuitem', { name: 'Sign out' }).waitFor();
    await shot('phone-en-user-menu');
    await page.keyboard.press('Escape');
    await page.setViewportSize(desktop);
  });

  await test('desktop list with a selection', async () => {
    await page.setViewportSize(desktop);
    await page.goto(listUrl);
    await setLang('en');
    for (const name of names.slice(0, 3)) await page.getByRole('checkbox', { name: `Select row ${name}` }).check();
    await shot('desktop-en-list-selected');
  });

  await test('a kanban column holding more than its cap shows "N more", linking to the list filtered to it', async () => {
    const account = (await api('GET', '/data/account?$top=1&$select=id')).body.value[0].id;
    const opportunities = Array.from({ length: 105 }, (_, i) => ({ name: `Cap ${stamp} ${i}`, stage: 'prospecting', account }));
    const made = await api('POST', '/data/opportunity/bulk', { records: opportunities });
    assert(made.status === 200, JSON.stringify(made.body));
    await page.goto(`${base}/demo/opportunity?board=1&q=${encodeURIComponent(`Cap ${stamp}`)}`);
    const column = page.locator('section[data-column="prospecting"]');
    await column.locator('[data-card]').first().waitFor();
    assert(await column.locator('[data-card]').count() === 100, 'the column shows its cap');
    const more = column.getByTestId('kanban-more');
    assert((await more.textContent()).startsWith('5 more'), await more.textContent());
    await more.click();
    await page.getByRole('grid').waitFor();
    const url = new URL(page.url());
    assert(url.searchParams.get('board') === null && JSON.parse(url.searchParams.get('f')).stage.values[0] === 'prospecting', url.search);
    await page.getByRole('status').filter({ hasText: '105 records' }).waitFor();
  });
} finally {
  await browser.close();
  await host.stop();
}

console.log(`\n${passed} passed, ${failed} failed; screenshots in ${artifacts}`);
process.exit(failed ? 1 : 0);
