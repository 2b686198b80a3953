// Issue 12's "done means" as a browser test (run: node e2e/leadwalk.mjs): a newcomer opens the printed address, signs
// in, and works a lead through to a won opportunity with the mouse alone (typing only values into inputs, never an
// address) — once in English at desktop width, once in Chinese at 390 px. Also: quick create in a lookup picker.
// Same host and Chromium as run.mjs; a screenshot of every step goes to test-artifacts/leadwalk/.
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ADMIN_PASSWORD, startHost } from './host.mjs';
import { buttonName, launchBrowser, signIn } from './browser.mjs';

const designer = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const artifacts = join(designer, 'test-artifacts', 'leadwalk');
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

const host = await startHost();
const browser = await launchBrowser();
const stamp = Date.now().toString(36);

/** Reads a record with the page's cookie session (an assertion only: the walk itself never calls the API). */
const read = (entity, id) => page.evaluate(async (u) => (await fetch(u)).json(), `/api/demo/data/${entity}/${id}`);

const btn = buttonName;

const STRINGS = {
  en: {
    signIn: 'Sign in', user: 'User name', password: 'Password', leads: 'Leads', newButton: 'New', save: 'Save', fullName: 'Full name',
    company: 'Company', source: 'Source', web: 'Web', convert: 'Convert', run: 'Run', openOpportunity: 'Open Opportunity',
    next: 'Next stage', amount: 'Amount', closeDate: 'Close date', today: 'Today', won: 'This deal is won', wonStage: 'Won', menu: 'Menu',
    account: 'Account', name: 'Name', create: 'Create', required: 'Name is required', linked: 'Linked',
  },
  'zh-CN': {
    signIn: '登录', user: '用户名', password: '密码', leads: '线索', newButton: '新建', save: '保存', fullName: '姓名',
    company: '公司', source: '来源', web: '网站', convert: '转化', run: '执行', openOpportunity: '打开商机',
    next: '下一阶段', amount: '金额', closeDate: '预计成交日期', today: '今天', won: '此商机已赢单', wonStage: '赢单', menu: '菜单',
    account: '客户', name: '名称', create: '创建', required: '名称 is required', linked: '关联',
  },
};

/**
 * The walk: printed address → sign in → Leads → New → fill → Save → Convert → open the opportunity → Next stage until
 * Won, filling each key field the bar names (it puts the cursor there) → won.
 */
async function walk({ lang, viewport, tag }) {
  const s = STRINGS[lang];
  const context = await browser.newContext({ viewport, locale: lang === 'en' ? 'en-US' : 'zh-CN' });
  context.setDefaultTimeout(20_000);
  page = await context.newPage();
  let step = 0;
  const shot = async (name) => { await page.waitForTimeout(350); await page.screenshot({ path: join(artifacts, `${tag}-${String(++step).padStart(2, '0')}-${name}.png`) }); };
  const phone = viewport.width < 600;
  const leadName = `Wang Fang ${stamp} ${tag}`;
  const company = `Walk Co ${stamp} ${tag}`;
  try {
    await signIn(page, host.url, { lang, beforeSubmit: () => shot('login') }); // the address the host prints
    await shot('home');

    if (phone) {
      await page.getByRole('button', { name: btn(s.menu) }).click();
      await page.getByRole('dialog').getByRole('link', { name: s.leads, exact: true }).click();
    } else {
      await page.getByRole('navigation').getByRole('link', { name: s.leads, exact: true }).click();
    }
    await page.getByRole('heading', { name: s.leads }).waitFor();
    await shot('leads');
    await page.getByRole('button', { name: btn(s.newButton) }).click();
    await page.waitForURL(/\/lead\/new$/);
    await page.getByLabel(s.fullName, { exact: true }).fill(leadName);
    await page.getByLabel(s.company, { exact: true }).fill(company);
    await page.getByLabel(s.source, { exact: true }).click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: s.web }).click();
    await shot('lead-new');
    await page.getByRole('button', { name: btn(s.save) }).click();
    await page.waitForURL(/\/lead\/[0-9a-f-]{36}$/);
    const leadId = page.url().split('/').pop();
    const leadUrl = page.url();
    await page.getByRole('heading', { name: leadName }).waitFor();
    await shot('lead-saved');

    // Convert: the action asks (with an optional opportunity name), then offers the three records it made.
    await page.getByRole('button', { name: btn(s.convert) }).click();
    const ask = page.getByRole('dialog');
    await ask.getByRole('button', { name: btn(s.run) }).waitFor();
    await shot('convert-ask');
    await ask.getByRole('button', { name: btn(s.run) }).click();
    const outcome = page.getByRole('dialog').filter({ has: page.getByRole('button', { name: btn(s.openOpportunity) }) });
    await outcome.waitFor();
    assert(await outcome.getByRole('link').count() === 3, 'the outcome links the account, the contact and the opportunity');
    await outcome.getByRole('link').filter({ hasText: company }).first().waitFor(); // the names, not ids
    await shot('convert-outcome');
    await outcome.getByRole('button', { name: btn(s.openOpportunity) }).click();
    await page.waitForURL(/\/opportunity\/[0-9a-f-]{36}$/);
    const oppId = page.url().split('/').pop();
    const bar = page.getByTestId('stage-bar');
    await bar.waitFor();
    await shot('opportunity');
    // The conversion linked the lead's new contact to the opportunity: its Contacts list shows them, the history the link.
    const contacts = page.getByTestId('related-contact');
    await contacts.getByText(leadName).first().waitFor();
    await page.getByText(s.linked, { exact: true }).first().waitFor();
    await contacts.scrollIntoViewIfNeeded();
    await shot('opportunity-contacts');

    // Prospecting → qualification: refused for the amount (the lead had no estimated value); the cursor is put there.
    await bar.getByRole('button', { name: btn(s.next) }).click();
    await page.getByTestId('stage-refusal').filter({ hasText: s.amount }).waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'amount');
    await shot('refused-amount');
    await page.getByLabel(s.amount, { exact: true }).fill('64000');
    await bar.getByRole('button', { name: btn(s.next) }).click(); // saves the amount with the move
    await page.waitForFunction(() => document.querySelector('[data-testid=stage-bar] [aria-current=step]')?.textContent?.length > 0);
    await page.waitForFunction(async (id) => (await (await fetch(`/api/demo/data/opportunity/${id}`)).json()).stage === 'qualification', oppId);

    // Qualification → proposal: refused for the close date; picked with the mouse (the picker's "today").
    await bar.getByRole('button', { name: btn(s.next) }).click();
    await page.getByTestId('stage-refusal').filter({ hasText: s.closeDate }).waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'close_date');
    await shot('refused-close-date');
    await page.getByLabel(s.closeDate, { exact: true }).click();
    await page.locator('.ant-picker-dropdown:visible .ant-picker-now-btn, .ant-picker-dropdown:visible .ant-picker-today-btn').first().click();
    await bar.getByRole('button', { name: btn(s.next) }).click();
    await page.waitForFunction(async (id) => (await (await fetch(`/api/demo/data/opportunity/${id}`)).json()).stage === 'proposal', oppId);
    await shot('proposal');

    // Proposal → won.
    await bar.getByRole('button', { name: btn(s.next) }).click();
    const won = page.getByTestId('stage-closed').filter({ hasText: s.won });
    await won.waitFor();
    assert(await bar.getByRole('button', { name: btn(s.next) }).count() === 0, 'no next stage after won');
    await page.getByTestId('form-header').filter({ hasText: s.wonStage }).waitFor();
    await won.scrollIntoViewIfNeeded();
    await shot('won');

    const opp = await read('opportunity', oppId);
    assert(opp.stage === 'won' && Number(opp.amount) === 64000 && !!opp.close_date, `opportunity won: ${JSON.stringify(opp)}`);
    const lead = await read('lead', leadId);
    assert(lead.status === 'converted', `lead converted: ${JSON.stringify(lead)}`);
    // The converted lead no longer offers Convert (the action's availableWhen: status ne converted).
    await page.goto(leadUrl);
    await page.getByRole('heading', { name: leadName }).waitFor();
    await page.getByRole('button', { name: btn(s.save) }).waitFor();
    await page.waitForTimeout(300);
    assert(await page.getByRole('button', { name: btn(s.convert) }).count() === 0, 'a converted lead offers no Convert button');
    await shot('lead-converted');
    if (phone) {
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert(overflow <= 1, `no sideways scrolling on a phone (${overflow}px)`);
    }
  } finally { await context.close(); }
}

/** Quick create: "Create “typed text”" in a lookup opens the target's required fields, creates it and selects it. */
async function quickCreate() {
  const s = STRINGS.en;
  const context = await browser.newContext({ viewport: { width: 1366, height: 860 }, locale: 'en-US' });
  context.setDefaultTimeout(20_000);
  page = await context.newPage();
  try {
    await signIn(page, host.url);
    await page.getByRole('navigation').getByRole('link', { name: 'Opportunities', exact: true }).click();
    await page.getByRole('button', { name: btn(s.newButton) }).click();
    await page.waitForURL(/\/opportunity\/new$/);
    await page.getByLabel(s.name, { exact: true }).fill(`Quick deal ${stamp}`);
    const text = `Quick Co ${stamp}`;
    const box = page.getByLabel(s.account, { exact: true });
    const offerCreate = async () => {
      await box.click();
      await box.fill(text);
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: `Create “${text}”` }).click();
    };
    const dialog = page.getByRole('dialog').filter({ hasText: 'New Account' });
    // Cancel leaves the picker empty (not showing "Create …").
    await offerCreate();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    assert(!(await page.locator('form').getByText('Create “').count()), 'the picker does not show the create option as its value');
    await offerCreate();
    await dialog.waitFor();
    const name = dialog.getByLabel(s.name, { exact: true });
    assert(await name.inputValue() === text, 'the typed text is in the name');
    // A required field left empty is shown at the field; nothing is created.
    await name.fill('');
    await dialog.getByRole('button', { name: btn(s.create) }).click();
    await dialog.locator('.ant-form-item-explain-error').filter({ hasText: 'is required' }).waitFor();
    await page.screenshot({ path: join(artifacts, 'quick-create-required.png') });
    await name.fill(text);
    await page.screenshot({ path: join(artifacts, 'quick-create.png') });
    await dialog.getByRole('button', { name: btn(s.create) }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.locator('.ant-select-selection-item, .ant-select-content').filter({ hasText: text }).first().waitFor();
    assert(page.url().endsWith('/opportunity/new'), 'still on the new opportunity (Enter or the dialog did not save it)');
    await page.getByRole('button', { name: btn(s.save) }).click();
    await page.waitForURL(/\/opportunity\/[0-9a-f-]{36}$/);
    const opp = await page.evaluate(async (u) => (await fetch(u)).json(), `/api/demo/data/opportunity/${page.url().split('/').pop()}?$expand=account($select=name)`);
    assert(opp.account?.name === text, `the new account is selected and saved: ${JSON.stringify(opp)}`);
    await page.screenshot({ path: join(artifacts, 'quick-create-saved.png') });
  } finally { await context.close(); }
}

/** Signs in on a new desktop context (the printed address, the login form) and returns its page. */
async function signedIn(user, password, lang = 'en') {
  const context = await browser.newContext({ viewport: { width: 1366, height: 860 }, locale: lang === 'en' ? 'en-US' : 'zh-CN' });
  context.setDefaultTimeout(20_000);
  return signIn(await context.newPage(), host.url, { user, password, lang });
}

/** Changes the opportunity list's view with a click (sort by amount) so the unsaved-view bar shows. */
async function modifyPipeline(p) {
  await p.getByRole('navigation').getByRole('link', { name: 'Opportunities', exact: true }).click();
  const grid = p.getByRole('grid');
  await grid.waitFor();
  await grid.getByRole('columnheader', { name: /Amount/ }).locator('button[data-sort]').click();
  await p.getByText('Unsaved view changes').waitFor();
}

/** Shared views: saved over and restored only by those the host allows; others reset to the shared view. */
async function sharedViews() {
  const admin = await signedIn('admin', ADMIN_PASSWORD);
  page = admin;
  const password = 'E2e-Seller-pass-1!';
  const created = await admin.evaluate(async (body) => (await fetch('/api/demo/admin/users', {
    method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Requested-With': 'XMLHttpRequest' }, body: JSON.stringify(body),
  })).status, { user_name: `seller${stamp}`, password, roles: ['sales-manager'], teams: [], business_unit: 'root' });
  assert(created === 201, `sales manager created: ${created}`);

  // A sales manager (not an administrator) may save the change as their own view, or reset to the shared one; not save over it.
  const seller = await signedIn(`seller${stamp}`, password);
  page = seller;
  await modifyPipeline(seller);
  await seller.getByRole('button', { name: 'Save as my view' }).waitFor();
  assert(await seller.getByRole('button', { name: 'Save to shared view' }).count() === 0, 'no shared save for a sales manager');
  await seller.screenshot({ path: join(artifacts, 'views-sales-manager.png') });
  await seller.getByRole('button', { name: 'Reset to shared view' }).click();
  await seller.waitForFunction(() => !location.search.includes('sort='));
  await seller.getByText('Unsaved view changes').waitFor({ state: 'detached' }); // the changes are dropped

  // The administrator saves over the shared view, then restores the original.
  page = admin;
  await modifyPipeline(admin);
  await admin.getByRole('button', { name: 'Save to shared view' }).click();
  await admin.getByText('The shared view is saved for everyone').waitFor();
  const restore = admin.getByRole('button', { name: 'Restore original' });
  await restore.waitFor();
  await admin.screenshot({ path: join(artifacts, 'views-admin-saved.png') });
  await restore.click();
  await admin.getByRole('dialog').getByRole('button', { name: 'Restore original' }).click();
  await admin.getByText('The original shared view is back').waitFor();
  await restore.waitFor({ state: 'detached' });
  const views = await admin.evaluate(async () => (await fetch('/api/demo/views/opportunity')).json());
  const pipeline = views.value.find((v) => v.id === 'opportunity-pipeline');
  assert(pipeline.etag === '"0"' && pipeline.sort?.[0]?.field === 'close_date', `the module's view is back: ${JSON.stringify(pipeline)}`);
  await admin.context().close();
  await seller.context().close();
}

try {
  await test('English, desktop: a newcomer works a lead through to a won opportunity with the mouse', () => walk({ lang: 'en', viewport: { width: 1366, height: 860 }, tag: 'desktop-en' }));
  await test('Chinese, 390 px: the same walk on a phone', () => walk({ lang: 'zh-CN', viewport: { width: 390, height: 844 }, tag: 'phone-zh' }));
  if (process.env.LEADWALK_ALL_SCREENS) { // the other two combinations, for screenshots of every step
    await test('Chinese, desktop: the same walk', () => walk({ lang: 'zh-CN', viewport: { width: 1366, height: 860 }, tag: 'desktop-zh' }));
    await test('English, 390 px: the same walk', () => walk({ lang: 'en', viewport: { width: 390, height: 844 }, tag: 'phone-en' }));
  }
  await test('a lookup creates the typed record in a dialog and selects it', quickCreate);
  await test('shared views: only who may saves over or restores them; others reset to them', sharedViews);
} finally {
  await browser.close();
  await host.stop();
}
console.log(`\n${passed} passed, ${failed} failed; screenshots in ${artifacts}`);
process.exit(failed ? 1 : 0);
