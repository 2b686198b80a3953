// End-to-end tests: playwright-core drives Debian's /usr/bin/chromium (never a downloaded browser) against a host
// this script starts. Screenshots (desktop and 390 px, English and Chinese) go to test-artifacts/.
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { ADMIN_PASSWORD, startHost } from './host.mjs';
import { inboxTests } from './inbox.mjs';
import { dashboardTests } from './dashboards.mjs';

const designer = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const artifacts = join(designer, 'test-artifacts');
rmSync(artifacts, { recursive: true, force: true });
mkdirSync(artifacts, { recursive: true });

const results = [];
// A waitFor… promise that times out after its test failed must not end the run.
process.on('unhandledRejection', (e) => console.log(`(late rejection) ${e?.message ?? e}`));
let failed = 0;
async function test(name, fn) {
  const started = Date.now();
  try { await fn(); results.push(`ok   ${name} (${Date.now() - started} ms)`); console.log(`ok   ${name}`); }
  catch (e) {
    failed++; results.push(`FAIL ${name}: ${e.message}`); console.log(`FAIL ${name}\n${e.stack}`);
    try { await page.screenshot({ path: join(artifacts, `failure-${name.replace(/\W+/g, '-')}.png`), fullPage: true }); } catch { /* closed */ }
  }
}
function assert(cond, message) { if (!cond) throw new Error(message); }
const shot = (name) => page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: false });

const host = await startHost();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const context = await browser.newContext({ viewport: { width: 1366, height: 860 }, locale: 'en-US' });
context.setDefaultTimeout(15_000);
let page = await context.newPage();
const base = `${host.url}/app`;
const stamp = Date.now().toString(36);
const writes = [];
page.on('request', (r) => { if (['POST', 'PATCH', 'DELETE'].includes(r.method()) && r.url().includes('/data/')) writes.push(`${r.method()} ${r.url()}`); });

async function pickLookup(label, text) {
  const box = page.getByLabel(label, { exact: true });
  await box.click();
  await box.fill(text);
  const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text }).first();
  await option.waitFor();
  await option.click();
}

try {
  await test('sign in with the cookie login; the demo tenant is prefilled; the user shows in the header', async () => {
    await page.goto(`${host.url}/`);
    await page.waitForURL(/\/app\/login/);
    const tenant = page.getByLabel('Tenant');
    await page.waitForFunction(() => document.querySelector('#tenant')?.value === 'demo');
    assert(await tenant.inputValue() === 'demo', 'tenant prefilled with demo');
    await page.getByLabel('User name').fill('admin');
    await page.getByLabel('Password').fill('wrong-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'wrong' }).waitFor();
    await page.getByLabel('Password').fill(ADMIN_PASSWORD);
    await shot('desktop-en-login');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('user-menu').filter({ hasText: 'Administrator' }).waitFor();
    await page.getByRole('navigation').getByRole('link', { name: 'Opportunities' }).waitFor();
    await page.locator('nav .ant-menu-item-selected').first().waitFor(); // the current entity is marked
  });

  let accountName = `Acme ${stamp}`;
  let accountUrl = '';
  await test('create an account from its form document (tabs; a rule makes phone required for VIP)', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Accounts' }).click();
    await page.getByRole('grid').waitFor();
    await page.getByRole('button', { name: 'New' }).click();
    await page.waitForURL(/\/account\/new$/);
    await page.getByLabel('Name', { exact: true }).fill(accountName);
    await page.getByLabel('Tier').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: 'VIP' }).click();
    await page.getByLabel('Website').fill('https://acme.example');
    await page.getByRole('tab', { name: 'Details' }).click();
    await page.getByLabel('Annual revenue').fill('1250000');
    // The shipped rule: a VIP account needs a phone; saving without one shows the error on the Summary tab.
    await page.getByRole('button', { name: 'Save' }).click();
    await page.locator('#phone_help').filter({ hasText: 'Phone is required' }).waitFor();
    assert(await page.getByRole('tab', { name: 'Summary' }).getAttribute('aria-selected') === 'true', 'back on the tab of the error');
    assert(writes.length === 0 || !writes.some((w) => w.startsWith('POST') && w.endsWith('/data/account')), 'nothing saved while the rule fails');
    await shot('desktop-en-account-rule');
    await page.getByLabel('Phone').fill('+86 21 5555 0100');
    await shot('desktop-en-account-new');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/\/account\/[0-9a-f-]{36}$/);
    accountUrl = page.url();
    await page.getByRole('heading', { name: accountName }).waitFor();
    await page.getByTestId('form-header').filter({ hasText: 'VIP' }).waitFor();
    const revenue = await page.locator('#annual_revenue').inputValue();
    assert(revenue.replace(/[^\d.]/g, '') === '1250000.00' || revenue.replace(/[^\d.]/g, '') === '1250000', `revenue kept: ${revenue}`);
  });

  await test('create a contact with a lookup picked by type-ahead', async () => {
    await page.goto(`${base}/demo/contact/new`);
    await page.getByLabel('Full name').fill(`Li Lei ${stamp}`);
    await pickLookup('Account', accountName);
    await page.getByLabel('Email', { exact: true }).fill(`li.lei.${stamp}@example.com`);
    await page.getByLabel('Do not email').click();
    // The shipped rule: do_not_email makes email read-only.
    await page.waitForFunction(() => !document.querySelector('input#email:not([readonly]):not([style*="none"])'));
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/\/contact\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: `Li Lei ${stamp}` }).waitFor();
    const r = await page.evaluate(async (u) => (await fetch(u)).json(), `/api/demo/data/contact/${page.url().split('/').pop()}`);
    assert(r.do_not_email === true && typeof r.account === 'string', `contact saved with account and flag: ${JSON.stringify(r)}`);
    await shot('desktop-en-contact');
    // Every control on the form has an accessible name; every button a visible one.
    const unnamed = await page.evaluate(() => {
      const named = (el) => (el.labels && el.labels.length > 0) || el.getAttribute('aria-label') || el.getAttribute('aria-labelledby');
      const controls = [...document.querySelectorAll('form input:not([type=hidden]), form textarea, form [role=switch]')].filter((el) => !named(el));
      const buttons = [...document.querySelectorAll('main button')].filter((b) => !b.textContent.trim() && !named(b));
      return [...controls, ...buttons].map((el) => el.outerHTML.slice(0, 120));
    });
    assert(unnamed.length === 0, `controls without a name: ${unnamed.join(' | ')}`);
  });

  await test('a validation error is shown at its field', async () => {
    await page.goto(`${base}/demo/opportunity/new`);
    await page.getByLabel('Name', { exact: true }).fill(`Deal ${stamp}`);
    await pickLookup('Account', accountName);
    await page.getByLabel('Stage').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: 'Won' }).click();
    await page.getByRole('button', { name: 'Save' }).click();
    // The form's rule (stage won → amount and close date required) is checked in the browser before the server's.
    await page.locator('#amount_help').filter({ hasText: 'Amount is required' }).waitFor();
    await page.locator('#close_date_help').filter({ hasText: 'Close date is required' }).waitFor();
    assert(await page.locator('input#probability').getAttribute('readonly') !== null, 'probability read-only once won');
    assert(await page.getByLabel('Amount').getAttribute('aria-invalid') === 'true', 'amount marked invalid');
    await shot('desktop-en-validation');
    await page.getByLabel('Amount').fill('88000');
    await page.getByLabel('Close date').fill('2026-12-31');
    await page.getByLabel('Close date').press('Enter');
    await page.getByLabel('Amount').press('Enter');
    await page.waitForURL(/\/opportunity\/[0-9a-f-]{36}$/);
  });

  await test('a 412 conflict is explained with reload or overwrite', async () => {
    await page.goto(accountUrl);
    await page.getByRole('heading', { name: accountName }).waitFor();
    const id = accountUrl.split('/').pop();
    // Someone else changes the record meanwhile.
    const status = await page.evaluate(async (id) => (await fetch(`/api/demo/data/account/${id}`, {
      method: 'PATCH', headers: { 'Content-Type': 'application/json', 'X-Requested-With': 'test' }, body: JSON.stringify({ city: 'Shanghai' }),
    })).status, id);
    assert(status === 200, `concurrent patch ${status}`);
    await page.getByRole('tab', { name: 'Details' }).click();
    await page.getByLabel('Country').fill('China');
    await page.getByRole('button', { name: 'Save' }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: 'Someone else changed this record' });
    await dialog.waitFor();
    await page.waitForTimeout(500); // let the dialog's zoom-in finish
    await shot('desktop-en-conflict');
    await dialog.getByRole('button', { name: 'Reload' }).click();
    await page.waitForFunction(() => document.querySelector('#city')?.value === 'Shanghai');
    assert(await page.getByLabel('Country').inputValue() === '', 'reload discarded the local change');
    // Again, and overwrite this time.
    await page.evaluate(async (id) => fetch(`/api/demo/data/account/${id}`, {
      method: 'PATCH', headers: { 'Content-Type': 'application/json', 'X-Requested-With': 'test' }, body: JSON.stringify({ city: 'Beijing' }),
    }), id);
    await page.getByLabel('Country').fill('China');
    await page.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Overwrite' }).click();
    await page.getByText('Saved').first().waitFor();
    const r = await page.evaluate(async (id) => (await fetch(`/api/demo/data/account/${id}`)).json(), id);
    assert(r.country === 'China' && r.city === 'Beijing', `overwrite kept theirs where untouched and ours: ${JSON.stringify(r)}`);
  });

  await test('the account form shows header, tabs and related contacts; New there prefills the account', async () => {
    await page.goto(accountUrl);
    await page.getByRole('heading', { name: accountName }).waitFor();
    await page.getByRole('tab', { name: 'Summary' }).waitFor();
    await page.getByRole('tab', { name: 'Details' }).waitFor();
    const contacts = page.getByTestId('related-contact');
    await contacts.getByRole('link', { name: `Li Lei ${stamp}` }).waitFor();
    await page.getByTestId('related-opportunity').getByRole('link', { name: `Deal ${stamp}` }).waitFor();
    await contacts.scrollIntoViewIfNeeded();
    await shot('desktop-en-account-related');
    await contacts.getByRole('button', { name: /New/ }).click();
    await page.waitForURL(/\/contact\/new\?account=[0-9a-f-]{36}$/);
    await page.getByLabel('Full name').fill(`Han Meimei ${stamp}`);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/\/contact\/[0-9a-f-]{36}$/);
    const r = await page.evaluate(async (u) => (await fetch(u)).json(), `/api/demo/data/contact/${page.url().split('/').pop()}`);
    assert(r.account === accountUrl.split('/').pop(), `account prefilled: ${JSON.stringify(r)}`);
  });

  await inboxTests({ test, assert, shot, getPage: () => page, context, base, stamp, accountUrl: () => accountUrl });

  await test('a list uses its view document; the view switcher shows the others', async () => {
    await page.goto(`${base}/demo/opportunity`);
    await page.getByRole('grid').waitFor();
    const switcher = page.getByTestId('view-switcher');
    await switcher.filter({ hasText: 'Pipeline' }).waitFor();
    const request = page.waitForRequest((r) => decodeURIComponent(r.url()).includes("stage eq 'won'"));
    await switcher.click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: 'Won deals' }).click();
    await request;
    await page.waitForURL(/view=opportunity-won/);
    await shot('desktop-en-list-view');
  });

  await test('filter and sort a list (server-side, kept in the URL); keyboard moves between cells', async () => {
    await page.goto(`${base}/demo/opportunity`);
    const grid = page.getByRole('grid');
    await grid.waitFor();
    let request = page.waitForRequest((r) => decodeURIComponent(r.url()).includes('$orderby=amount,id'));
    await grid.getByRole('columnheader', { name: /Amount/ }).locator('button[data-sort]').click();
    await request;
    await page.waitForFunction(() => document.querySelector('[role=columnheader][aria-sort=ascending]'));
    request = page.waitForRequest((r) => decodeURIComponent(r.url()).includes('$orderby=amount desc'));
    await grid.getByRole('columnheader', { name: /Amount/ }).locator('button[data-sort]').click();
    await request;
    await page.waitForFunction(() => document.querySelector('[role=columnheader][aria-sort=descending]'));
    assert(new URL(page.url()).searchParams.get('sort') === 'amount desc', `sort in the URL: ${page.url()}`);
    request = page.waitForRequest((r) => decodeURIComponent(r.url()).includes("stage eq 'won'"));
    await grid.getByRole('button', { name: 'Filter Stage' }).click();
    const pop = page.getByRole('group', { name: 'Filter Stage' });
    await pop.getByRole('combobox').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: 'Won' }).click();
    await page.keyboard.press('Escape');
    await pop.getByRole('button', { name: 'Apply' }).click();
    await request;
    await page.getByText('Unsaved view changes').waitFor();
    await page.waitForTimeout(300);
    const stages = await grid.locator('[role=row] [aria-colindex="4"]').allInnerTexts();
    assert(stages.length > 1 && stages.slice(1).every((s) => s === 'Won'), `only won rows: ${stages.slice(0, 5)}`);
    const amounts = await grid.locator('[role=row] [aria-colindex="5"]').allInnerTexts();
    assert(amounts.length > 2, `amounts: ${amounts}`);
    // Keyboard: focus the first cell, move right and down.
    await grid.locator('[data-r="0"][data-c="3"]').click({ position: { x: 150, y: 5 } });
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowRight');
    const focused = await page.evaluate(() => [document.activeElement?.getAttribute('data-r'), document.activeElement?.getAttribute('data-c')].join(','));
    assert(focused === '1,4', `focus moved to row 1 col 4: ${focused}`);
    await shot('desktop-en-list-filtered');
    // Reload keeps the unsaved view (it is in the URL).
    await page.reload();
    await page.getByText('Unsaved view changes').waitFor();
    await page.getByRole('button', { name: 'Reset' }).click();
    await page.waitForFunction(() => !location.search.includes('sort='));
  });

  await test('select many and bulk delete', async () => {
    await page.goto(`${base}/demo/account?q=${encodeURIComponent('Bulk ' + stamp)}`);
    for (const n of [1, 2]) {
      await page.evaluate(async (name) => fetch('/api/demo/data/account', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Requested-With': 't' }, body: JSON.stringify({ name }) }), `Bulk ${stamp} ${n}`);
    }
    await page.reload();
    const grid = page.getByRole('grid');
    await grid.waitFor();
    await grid.getByLabel('Select all rows').check();
    await page.getByRole('button', { name: 'Delete (2)' }).click();
    await page.locator('.ant-popover:visible').getByRole('button', { name: 'Delete' }).click();
    await page.getByText('2 records deleted').waitFor();
    await page.getByText('No records match these filters').waitFor();
  });

  await test('Enter while an input method is composing saves nothing', async () => {
    await page.goto(`${base}/demo/account/new`);
    const name = page.getByLabel('Name', { exact: true });
    await name.click();
    const before = writes.length;
    const cdp = await context.newCDPSession(page);
    await cdp.send('Input.imeSetComposition', { text: 'shang', selectionStart: 5, selectionEnd: 5 });
    // The Enter that picks the candidate: the browser reports it with isComposing / keyCode 229.
    await page.evaluate(() => {
      const el = document.activeElement;
      el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', keyCode: 229, which: 229, isComposing: true, bubbles: true, cancelable: true }));
    });
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13 });
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13 });
    await cdp.send('Input.insertText', { text: '商' });
    await page.waitForTimeout(800);
    assert(writes.length === before, `no save while composing: ${writes.slice(before)}`);
    assert(page.url().endsWith('/account/new'), 'still on the new form');
    // The list's search box: the Enter that picks a candidate does not search either.
    await page.goto(`${base}/demo/account`);
    const search = page.getByRole('searchbox').or(page.getByLabel('Search Accounts')).first();
    await search.click();
    await cdp.send('Input.imeSetComposition', { text: 'bei', selectionStart: 3, selectionEnd: 3 });
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13 });
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13 });
    await page.waitForTimeout(400);
    assert(!new URL(page.url()).searchParams.has('q'), `no search while composing: ${page.url()}`);
    await cdp.send('Input.insertText', { text: '北' });
    await page.goto(`${base}/demo/account/new`);
    // Without composition, Enter saves (the guard is what held it back).
    await name.fill(`IME ${stamp}`);
    await name.press('Enter');
    await page.waitForURL(/\/account\/[0-9a-f-]{36}$/);
    assert(writes.length === before + 1, 'Enter saves once composition is over');
  });

  await test('switch to Chinese: 商机 in the menu, amounts as 万, Ant Design in zh-CN; remembered', async () => {
    await page.goto(`${base}/demo/opportunity`);
    await page.getByRole('grid').waitFor();
    await page.getByText('中文', { exact: true }).click();
    await page.getByRole('navigation').getByRole('link', { name: '商机' }).waitFor();
    await page.getByRole('heading', { name: '商机' }).waitFor();
    await page.waitForFunction(() => [...document.querySelectorAll('[role=gridcell]')].some((c) => /万/.test(c.textContent ?? '')));
    await page.getByRole('button', { name: '新建' }).waitFor();
    await shot('desktop-zh-list');
    await page.reload();
    await page.getByRole('heading', { name: '商机' }).waitFor();
    await page.getByRole('grid').getByRole('link').first().click();
    await page.getByRole('button', { name: '保存' }).waitFor();
    await page.getByLabel('名称').waitFor();
    await shot('desktop-zh-form');
  });

  await test('phone width (390 px): lists become cards, forms one column', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${base}/demo/opportunity`);
    await page.locator('.card-list li').first().waitFor();
    assert(await page.getByRole('grid').count() === 0, 'no grid on a phone');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert(overflow <= 1, `no sideways scrolling (${overflow}px)`);
    await shot('phone-zh-list');
    await page.locator('.card-list .card-title').first().click();
    await page.getByRole('button', { name: '保存' }).waitFor();
    await shot('phone-zh-form');
    await page.getByText('EN', { exact: true }).click();
    await page.getByRole('button', { name: 'Save' }).waitFor();
    await shot('phone-en-form');
    await page.goto(`${base}/demo/account`);
    await page.locator('.card-list li').first().waitFor();
    await shot('phone-en-list');
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('dialog').getByRole('link', { name: 'Contacts' }).waitFor();
    await page.waitForTimeout(500); // the drawer's slide-in
    await shot('phone-en-menu');
    await page.setViewportSize({ width: 1366, height: 860 });
  });

  await dashboardTests({ test, assert, shot, page: () => page, base });

  await test('sign out ends the session', async () => {
    await page.goto(`${base}/demo/account`);
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.waitForURL(/\/app\/login/);
    const status = await page.evaluate(async () => (await fetch('/api/demo/auth/me')).status);
    assert(status === 401, `me after sign-out: ${status}`);
  });
} finally {
  await browser.close();
  await host.stop();
}

console.log(`\n${results.join('\n')}\n${failed ? `${failed} FAILED` : 'all passed'}; screenshots in ${artifacts}`);
process.exit(failed ? 1 : 0);
