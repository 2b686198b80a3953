// Browser tests of saved views, the kanban board and the stage bar (run: node e2e/kanban.mjs). Same host and
// Chromium as run.mjs; screenshots go to test-artifacts/kanban/.
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ADMIN_PASSWORD, startHost } from './host.mjs';
import { launchBrowser, signIn as signInAs } from './browser.mjs';

const designer = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const artifacts = join(designer, 'test-artifacts', 'kanban');
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
let context = await browser.newContext({ viewport: desktop, locale: 'en-US' });
context.setDefaultTimeout(15_000);
page = await context.newPage();
const base = `${host.url}/app`;
const stamp = Date.now().toString(36);
const VIEWER_PASSWORD = 'E2e-Viewer-pass-1!';

/** A call to the API with the page's cookie session (writes carry the CSRF header). */
const api = (method, path, body, headers = {}) => page.evaluate(async ({ method, path, body, headers }) => {
  const r = await fetch(`/api/demo${path}`, {
    method, headers: { 'Content-Type': 'application/json', 'X-Requested-With': 'XMLHttpRequest', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await r.text();
  return { status: r.status, body: text ? JSON.parse(text) : null };
}, { method, path, body, headers });

const signIn = (user, password) => signInAs(page, `${base}/login`, { user, password });

async function setLang(lang) {
  await page.evaluate((l) => localStorage.setItem('platform.lang', l), lang);
  await page.reload();
}

/** Drags a card to a column with the mouse in small steps (dnd-kit starts after 6 px). */
async function drag(cardId, column) {
  const card = page.locator(`[data-card="${cardId}"]`);
  await card.scrollIntoViewIfNeeded();
  const from = await card.boundingBox();
  const target = page.locator(`section[data-column="${column}"]`);
  const to = await target.boundingBox();
  await page.mouse.move(from.x + from.width / 2, from.y + 12);
  await page.mouse.down();
  const steps = 20;
  for (let i = 1; i <= steps; i++) {
    await page.mouse.move(from.x + from.width / 2 + ((to.x + to.width / 2) - (from.x + from.width / 2)) * i / steps, from.y + 12 + ((to.y + 80) - (from.y + 12)) * i / steps);
    await page.waitForTimeout(15);
  }
  await page.mouse.up();
}

const columnOf = (id) => page.locator(`[data-card="${id}"]`).evaluate((el) => el.closest('section[data-column]')?.getAttribute('data-column'));

try {
  let account = '';
  let ready = '';
  let missing = '';
  await test('setup: sign in as the administrator, a second user and two opportunities', async () => {
    await signIn('admin', ADMIN_PASSWORD);
    const user = await api('POST', '/admin/users', { user_name: `viewer${stamp}`, password: VIEWER_PASSWORD, roles: ['sales-manager'], teams: [], business_unit: 'root' });
    assert(user.status === 201, `viewer created: ${JSON.stringify(user)}`);
    account = (await api('GET', '/data/account?$top=1&$select=id')).body.value[0].id;
    const a = await api('POST', '/data/opportunity', { name: `Ready deal ${stamp}`, account, stage: 'prospecting', amount: 50000, close_date: '2026-12-31' });
    const b = await api('POST', '/data/opportunity', { name: `No amount ${stamp}`, account, stage: 'prospecting' });
    assert(a.status === 201 && b.status === 201, `opportunities created: ${a.status} ${b.status}`);
    ready = a.body.id; missing = b.body.id;
  });

  await test('filter and sort the list: the view is marked modified and the change stays in the address', async () => {
    await page.goto(`${base}/demo/opportunity`);
    await page.getByRole('grid').waitFor();
    await page.getByRole('button', { name: 'Filter Amount' }).click();
    await page.getByLabel('Amount From').fill('100000');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.locator('button[data-sort="amount"]').click();
    await page.locator('[role=columnheader][aria-sort=ascending]').waitFor();
    await page.getByTestId('view-modified').filter({ hasText: 'Modified' }).waitFor();
    assert(/[?&]f=/.test(page.url()) && /[?&]sort=amount/.test(page.url()), `changes in the URL: ${page.url()}`);
    await page.reload();
    await page.getByTestId('view-modified').waitFor();
    await shot('desktop-en-list-modified');
  });

  let personalId = '';
  await test('save the change as a personal view: it opens under its name and is no longer modified', async () => {
    await page.getByRole('button', { name: 'Save as my view' }).click();
    await page.getByLabel('View name').fill(`Big deals ${stamp}`);
    await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/view=[0-9a-f-]{36}/);
    personalId = new URL(page.url()).searchParams.get('view');
    await page.getByTestId('view-switcher').filter({ hasText: `Big deals ${stamp}` }).waitFor();
    assert(await page.getByTestId('view-modified').count() === 0, 'not modified after saving');
    const views = await api('GET', '/views/opportunity');
    const mine = views.body.value.find((v) => v.id === personalId);
    assert(mine?.scope === 'personal' && /amount ge 100000/.test(mine.filter) && mine.sort[0].field === 'amount', `saved: ${JSON.stringify(mine)}`);
    const shared = views.body.value.find((v) => v.id === 'opportunity-pipeline');
    assert(shared.etag === '"0"' && !shared.filter && shared.sort[0].field === 'close_date', `shared view untouched: ${JSON.stringify(shared)}`);
    await shot('desktop-en-list-personal-view');
  });

  await test('another user sees the shared view unchanged and not the personal view', async () => {
    await api('POST', '/auth/logout');
    await signIn(`viewer${stamp}`, VIEWER_PASSWORD);
    try { await viewerSeesSharedView(); } finally {
      await api('POST', '/auth/logout');
      await signIn('admin', ADMIN_PASSWORD);
    }
  });

  async function viewerSeesSharedView() {
    await page.goto(`${base}/demo/opportunity`);
    await page.getByRole('grid').waitFor();
    assert(await page.getByTestId('view-modified').count() === 0, 'the shared view is not modified');
    assert(await page.locator('[role=columnheader][aria-sort=ascending]').getAttribute('aria-colindex') !== null, 'sorted by the view');
    const sorted = await page.locator('[role=columnheader][aria-sort=ascending]').innerText();
    assert(/Close date/.test(sorted), `the shared sort (close date) is kept: ${sorted}`);
    await shot('desktop-en-list-other-user');
    await page.getByTestId('view-switcher').click();
    const options = await page.locator('.ant-select-dropdown:visible .ant-select-item-option').allInnerTexts();
    assert(!options.some((o) => o.includes(`Big deals ${stamp}`)), `the personal view is not listed: ${options}`);
    await page.keyboard.press('Escape');
    const views = await api('GET', '/views/opportunity');
    assert(!views.body.value.some((v) => v.scope === 'personal'), 'no personal views for the viewer');
  }

  await test('drag a kanban card to another column: the record\'s stage changes', async () => {
    await page.goto(`${base}/demo/opportunity?board=1`);
    await page.locator(`[data-card="${ready}"]`).waitFor();
    await shot('desktop-en-kanban');
    await drag(ready, 'qualification');
    await page.locator('.ant-message').filter({ hasText: 'moved to Qualification' }).waitFor();
    assert(await columnOf(ready) === 'qualification', 'the card stays in Qualification');
    await page.goto(`${base}/demo/opportunity/${ready}`);
    await page.getByTestId('form-header').filter({ hasText: 'Qualification' }).waitFor();
  });

  await test('a refused move snaps back and shows the reason', async () => {
    await page.goto(`${base}/demo/opportunity?board=1`);
    await page.locator(`[data-card="${missing}"]`).waitFor();
    await drag(missing, 'qualification');
    const refusal = page.getByTestId('kanban-refusal');
    await refusal.waitFor();
    const text = await refusal.innerText();
    assert(/Amount/.test(text) && /needs an amount/.test(text), `the reason names the field: ${text}`);
    assert(await columnOf(missing) === 'prospecting', 'the card is back in Prospecting');
    await shot('desktop-en-kanban-refused');
    const record = await api('GET', `/data/opportunity/${missing}`);
    assert(record.body.stage === 'prospecting', 'the record did not change');
  });

  await test('the keyboard moves a card too (space, arrow right, space)', async () => {
    await page.goto(`${base}/demo/opportunity?board=1`);
    const card = page.locator(`[data-card="${ready}"]`);
    await card.focus();
    await page.keyboard.press('Space');
    await page.waitForTimeout(200);
    await page.keyboard.press('ArrowRight');
    await page.waitForTimeout(300);
    await page.keyboard.press('Space');
    await page.locator('.ant-message').filter({ hasText: 'moved to Proposal' }).waitFor();
    const record = await api('GET', `/data/opportunity/${ready}`);
    assert(record.body.stage === 'proposal', `stage changed by keyboard: ${record.body.stage}`);
  });

  await test('the stage bar refuses moving on with a key field empty and names it', async () => {
    await page.goto(`${base}/demo/opportunity/${missing}`);
    const bar = page.getByTestId('stage-bar');
    await bar.waitFor();
    await bar.getByRole('button', { name: 'Next stage' }).click();
    const refusal = page.getByTestId('stage-refusal');
    await refusal.waitFor();
    const text = await refusal.innerText();
    assert(/Fill in Amount before moving on to Qualification/.test(text), `names the field: ${text}`);
    await shot('desktop-en-stage-bar-refused');
    const record = await api('GET', `/data/opportunity/${missing}`);
    assert(record.body.stage === 'prospecting', 'not moved');
  });

  await test('the stage bar moves on when the key fields are filled', async () => {
    await page.goto(`${base}/demo/opportunity/${ready}`);
    await page.getByTestId('stage-bar').getByRole('button', { name: 'Next stage' }).click();
    await page.getByTestId('form-header').filter({ hasText: 'Won' }).waitFor();
  });

  await test('a personal view is updated in place by its owner', async () => {
    await page.goto(`${base}/demo/opportunity?view=${personalId}&cols=name,amount`);
    await page.getByTestId('view-modified').waitFor();
    await page.getByRole('button', { name: 'Update my view' }).click();
    await page.waitForFunction(() => !document.querySelector('[data-testid=view-modified]'));
    const views = await api('GET', '/views/opportunity');
    const mine = views.body.value.find((v) => v.id === personalId);
    assert(mine.columns.map((c) => c.field).join(',') === 'name,amount' && mine.etag === '"2"', `updated: ${JSON.stringify(mine)}`);
  });

  await test('screenshots: board and stage bar in Chinese, board at phone width in both languages', async () => {
    await setLang('zh-CN');
    await page.goto(`${base}/demo/opportunity?board=1`);
    await page.getByRole('region', { name: '按阶段分组的看板' }).waitFor();
    await shot('desktop-zh-kanban');
    await page.goto(`${base}/demo/opportunity/${missing}`);
    await page.getByTestId('stage-bar').getByRole('button', { name: '下一阶段' }).click();
    await page.getByTestId('stage-refusal').filter({ hasText: '金额' }).waitFor();
    await shot('desktop-zh-stage-bar-refused');
    await page.goto(`${base}/demo/opportunity?view=${personalId}&f=${encodeURIComponent('{"amount":{"kind":"number","min":200000}}')}`);
    await page.getByTestId('view-modified').filter({ hasText: '已修改' }).waitFor();
    await shot('desktop-zh-list-modified');
    await page.setViewportSize(phone);
    await page.goto(`${base}/demo/opportunity?board=1`);
    await page.locator('.kanban-card').first().waitFor();
    const scrolls = await page.locator('.kanban').evaluate((el) => el.scrollWidth > el.clientWidth);
    assert(scrolls, 'the columns scroll horizontally at phone width');
    const pageScroll = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);
    assert(pageScroll, 'the page itself does not scroll sideways');
    await shot('phone-zh-kanban');
    await page.goto(`${base}/demo/opportunity/${missing}`);
    await page.getByTestId('stage-bar').waitFor();
    await shot('phone-zh-stage-bar');
    await setLang('en');
    await page.goto(`${base}/demo/opportunity?board=1`);
    await page.locator('.kanban-card').first().waitFor();
    await shot('phone-en-kanban');
    await page.goto(`${base}/demo/opportunity/${missing}`);
    await page.getByTestId('stage-bar').waitFor();
    await shot('phone-en-stage-bar');
  });

  await test('accessible names: every card, column and button on the board is named', async () => {
    await page.setViewportSize(desktop);
    await page.goto(`${base}/demo/opportunity?board=1`);
    await page.locator('.kanban-card').first().waitFor();
    const unnamed = await page.evaluate(() => [
      ...[...document.querySelectorAll('.kanban-card')].filter((c) => !c.getAttribute('aria-label')),
      ...[...document.querySelectorAll('main button')].filter((b) => !b.textContent.trim() && !b.getAttribute('aria-label') && !b.getAttribute('title') && !b.querySelector('[aria-label]')),
      ...[...document.querySelectorAll('main input:not([type=hidden])')].filter((i) => !(i.labels?.length) && !i.getAttribute('aria-label') && !i.getAttribute('aria-labelledby')),
    ].map((el) => el.outerHTML.slice(0, 120)));
    assert(unnamed.length === 0, `unnamed: ${unnamed.join('\n')}`);
  });
} finally {
  await browser.close();
  await host.stop();
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
