// Browser tests of the inbox, notifications, the activity timeline, audit history and manual workflows on record
// forms. Called from run.mjs after the account tests (it needs a signed-in admin and the account they created).

const api = (page, method, path, body) => page.evaluate(async ({ method, path, body }) => {
  const r = await fetch(path, { method, headers: { 'Content-Type': 'application/json', 'X-Requested-With': 'e2e' }, body: body ? JSON.stringify(body) : undefined });
  const text = await r.text();
  return { status: r.status, json: text ? JSON.parse(text) : null };
}, { method, path, body });

export async function inboxTests({ test, assert, shot, getPage, context, base, stamp, accountUrl }) {
  const page = getPage();
  const accountId = () => accountUrl().split('/').pop();

  await test('a manual workflow is a Start button on the account; it notifies me and the bell counts it', async () => {
    const id = `e2e-ping-${stamp}`;
    const doc = {
      schemaVersion: 1, id, label: { en: 'Ping me', 'zh-CN': '提醒我' }, trigger: { type: 'manual', entity: 'account' },
      root: { type: 'Flowchart', connections: [], activities: [
        { id: 'ping', type: 'Notify', users: { expression: '[user.id]' }, message: { template: 'Call {{ record.name }}' } },
      ] },
    };
    let r = await api(page, 'PUT', `/api/demo/workflows/${id}/draft`, doc);
    assert(r.status === 200, `draft ${r.status} ${JSON.stringify(r.json)}`);
    r = await api(page, 'POST', `/api/demo/workflows/${id}/publish`);
    assert(r.status === 200, `publish ${r.status}`);
    await api(page, 'POST', '/api/demo/notifications/read-all');
    await page.goto(accountUrl());
    const bell = page.getByTestId('notification-bell');
    await bell.waitFor();
    assert(await bell.getAttribute('aria-label') === 'Notifications', `no unread yet: ${await bell.getAttribute('aria-label')}`);
    await page.getByRole('button', { name: 'Start Ping me' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Start' }).click();
    await page.getByText('Ping me started: finished').waitFor();
    await page.getByRole('button', { name: 'Notifications, 1 unread' }).waitFor();
    await shot('desktop-en-account-actions');
    await bell.click();
    const drawer = page.getByRole('dialog').filter({ hasText: 'Notifications' });
    await drawer.getByRole('link', { name: /^Call Acme/ }).first().waitFor();
    await page.waitForTimeout(400);
    await shot('desktop-en-notifications');
    await drawer.getByRole('link', { name: /^Call Acme/ }).first().click();
    await page.getByRole('button', { name: 'Notifications' }).waitFor();
    assert(page.url() === accountUrl(), `the notification opened the account: ${page.url()}`);
  });

  await test('log an activity on the account and see it first in its timeline', async () => {
    await page.goto(accountUrl());
    const timeline = page.getByTestId('activity-timeline');
    await timeline.waitFor();
    await timeline.getByRole('button', { name: 'Log activity' }).click();
    await timeline.getByLabel('Kind').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: 'Call' }).click();
    await timeline.getByLabel('Subject').fill(`Intro call ${stamp}`);
    await timeline.getByLabel('Details').fill('Talked about the renewal.');
    await timeline.getByRole('button', { name: 'Log', exact: true }).click();
    await page.getByText('Activity logged').waitFor();
    const first = timeline.getByTestId('timeline-entry').first();
    await first.filter({ hasText: `Intro call ${stamp}` }).waitFor();
    assert(await first.getByRole('img', { name: 'Call' }).count() === 1, 'the call icon');
    await timeline.getByText('Today').waitFor();
    const r = await api(page, 'GET', `/api/demo/data/activity?$filter=${encodeURIComponent(`account eq ${accountId()}`)}`);
    assert(r.json.value.some((a) => a.subject === `Intro call ${stamp}` && a.kind === 'call'), `activity linked: ${JSON.stringify(r.json.value)}`);
    await timeline.scrollIntoViewIfNeeded();
    await shot('desktop-en-timeline');
    // The same in Chinese at phone width: the related list of activities counts it too, the form fits.
    await page.evaluate(() => localStorage.setItem('platform.lang', 'zh-CN'));
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await page.reload();
      const zh = page.getByTestId('activity-timeline');
      await zh.getByText('今天').waitFor();
      await zh.getByRole('button', { name: '记录活动' }).click();
      await zh.getByLabel('主题').waitFor();
      await zh.scrollIntoViewIfNeeded();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert(overflow <= 1, `no sideways scrolling (${overflow}px)`);
      await shot('phone-zh-timeline');
      await page.getByTestId('record-extras').getByRole('tab', { name: '历史记录' }).click();
      await page.getByTestId('audit-entry').first().waitFor();
      await shot('phone-zh-audit');
    } finally {
      await page.setViewportSize({ width: 1366, height: 860 });
      await page.evaluate(() => localStorage.setItem('platform.lang', 'en'));
    }
  });

  await test('audit history lists the edit with field labels and old → new values; owner shows as a name', async () => {
    await page.goto(accountUrl());
    await page.getByTestId('record-people').filter({ hasText: 'Administrator' }).first().waitFor();
    await page.getByTestId('form-header').filter({ hasText: 'Owner' }).filter({ hasText: 'Administrator' }).waitFor();
    await page.getByTestId('record-extras').getByRole('tab', { name: 'History' }).click();
    const country = page.locator('[data-testid=audit-entry] tr[data-field=country]').first();
    await country.waitFor();
    assert((await country.innerText()).includes('Country') && (await country.innerText()).includes('China'), `country change: ${await country.innerText()}`);
    await page.getByTestId('audit-entry').filter({ hasText: 'Created' }).first().waitFor();
    await page.getByTestId('audit-entry').first().filter({ hasText: 'Administrator' }).waitFor();
    await page.getByTestId('record-extras').scrollIntoViewIfNeeded();
    await shot('desktop-en-audit');
  });

  await test('the owner column of a list shows user names, fetched once for the page', async () => {
    const names = [];
    const onRequest = (r) => { if (r.url().includes('/users/names')) names.push(r.url()); };
    page.on('request', onRequest);
    try {
      await page.goto(`${base}/demo/account`);
      const grid = page.getByRole('grid');
      await grid.getByRole('columnheader', { name: /Owner/ }).waitFor();
      await grid.getByTestId('user-name').filter({ hasText: 'Administrator' }).first().waitFor();
      assert(names.length === 1, `one names request for the page: ${names.length}`);
    } finally { page.off('request', onRequest); }
  });

  await test('a custom action (a script) is a button on the form: Convert a lead asks for its input and runs', async () => {
    const lead = await api(page, 'POST', '/api/demo/data/lead', { full_name: `Zhang Wei ${stamp}`, company: `Initech ${stamp}` });
    assert(lead.status === 201, `lead ${lead.status} ${JSON.stringify(lead.json)}`);
    await page.goto(`${base}/demo/lead/${lead.json.id}`);
    await page.getByRole('button', { name: 'Convert' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Opportunity name').fill(`Initech deal ${stamp}`);
    await page.waitForTimeout(300);
    await shot('desktop-en-lead-action');
    await dialog.getByRole('button', { name: 'Run' }).click();
    // The dialog of what it made links the account, contact and opportunity; "Stay here" closes it.
    const outcome = page.getByRole('dialog').filter({ hasText: 'Convert done' });
    await outcome.getByRole('link', { name: /Opportunity: Initech deal/ }).waitFor();
    await outcome.getByRole('button', { name: 'Stay here' }).click();
    const after = await api(page, 'GET', `/api/demo/data/lead/${lead.json.id}`);
    assert(after.json.status === 'converted', `lead converted: ${JSON.stringify(after.json)}`);
    // Converted: the action's availableWhen no longer holds, so the button goes, and the API refuses it (409).
    await page.getByRole('button', { name: 'Convert' }).waitFor({ state: 'detached' });
    const again = await api(page, 'POST', `/api/demo/data/lead/${lead.json.id}/actions/convert`, {});
    assert(again.status === 409 && /not available/.test(again.json.detail), `converted lead refused: ${again.status} ${JSON.stringify(again.json)}`);
  });

  await inboxScreens({ test, assert, shot, page, context, base, stamp, accountId });
}

/** A workflow with an Approval waits; the approver (the admin) decides from the inbox and the record changes. */
async function inboxScreens({ test, assert, shot, page, base, stamp, accountId }) {
  const workflow = `e2e-approve-${stamp}`;
  const startOn = async (recordId) => {
    const r = await api(page, 'POST', `/api/demo/workflows/${workflow}/start`, { recordId });
    assert(r.status === 201 && r.json.status === 'suspended', `started and waiting: ${r.status} ${JSON.stringify(r.json)}`);
  };

  await test('approve from the inbox with a comment: the item leaves and the workflow updates the record', async () => {
    const me = (await api(page, 'GET', '/api/demo/auth/me')).json.id;
    const doc = {
      schemaVersion: 1, id: workflow, label: { en: 'Discount check', 'zh-CN': '折扣审核' }, trigger: { type: 'manual', entity: 'account' },
      root: { type: 'Flowchart', activities: [
        { id: 'ask', type: 'Approval', approvers: [{ user: me }], subject: { template: 'Discount for {{ record.name }}' }, timeout: 'P3D' },
        { id: 'mark', type: 'UpdateRecord', entity: 'account', recordId: { expression: 'record.id' }, values: { city: `Approved ${stamp}` } },
      ], connections: [{ source: { activity: 'ask', port: 'Approved' }, target: { activity: 'mark', port: 'In' } }] },
    };
    let r = await api(page, 'PUT', `/api/demo/workflows/${workflow}/draft`, doc);
    assert(r.status === 200, `draft ${r.status} ${JSON.stringify(r.json)}`);
    r = await api(page, 'POST', `/api/demo/workflows/${workflow}/publish`);
    assert(r.status === 200, `publish ${r.status}`);
    // Started from the account form's button: the instance waits for the approval.
    await page.goto(`${base}/demo/account/${accountId()}`);
    await page.getByRole('button', { name: 'Start Discount check' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Start' }).click();
    await page.getByText('Discount check started: waiting').waitFor();

    await page.getByTestId('inbox-nav').click();
    await page.waitForURL(/\/demo\/inbox$/);
    const item = page.getByTestId('inbox-item').filter({ hasText: `Discount for Acme ${stamp}` });
    await item.waitFor();
    await item.getByRole('link', { name: `Account: Acme ${stamp}` }).waitFor();
    await page.getByTestId('inbox-nav').filter({ hasText: /\d/ }).waitFor();
    await shot('desktop-en-inbox');
    await item.getByRole('button', { name: 'Approve' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Comment').fill('Within the quarter budget');
    await page.waitForTimeout(300);
    await shot('desktop-en-inbox-approve');
    await dialog.getByRole('button', { name: 'Approve' }).click();
    await page.getByText('Approved').first().waitFor();
    await item.waitFor({ state: 'detached' });
    // The workflow went on through Approved and changed the record.
    let city = '';
    for (let n = 0; n < 20 && city !== `Approved ${stamp}`; n++) {
      city = (await api(page, 'GET', `/api/demo/data/account/${accountId()}`)).json.city;
      if (city !== `Approved ${stamp}`) await page.waitForTimeout(250);
    }
    assert(city === `Approved ${stamp}`, `the record changed after approval: ${city}`);
  });

  await test('the inbox in Chinese and at phone width (cards); reject needs a comment', async () => {
    const other = await api(page, 'POST', '/api/demo/data/account', { name: `Globex ${stamp}` });
    await startOn(other.json.id);
    try {
      await page.goto(`${base}/demo/inbox`);
      await page.getByText('中文', { exact: true }).click();
      await page.getByRole('heading', { name: '待办' }).waitFor();
      const item = page.getByTestId('inbox-item').filter({ hasText: `Discount for Globex ${stamp}` });
      await item.waitFor();
      await item.getByRole('button', { name: '同意' }).waitFor();
      await shot('desktop-zh-inbox');
      await page.setViewportSize({ width: 390, height: 844 });
      await page.locator('.inbox-card').first().waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert(overflow <= 1, `no sideways scrolling (${overflow}px)`);
      await shot('phone-zh-inbox');
      await page.getByText('EN', { exact: true }).click();
      await page.getByRole('heading', { name: 'Inbox' }).waitFor();
      await shot('phone-en-inbox');
      await item.getByRole('button', { name: 'Reject' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('button', { name: 'Reject' }).click();
      await dialog.getByText('A comment is required to Reject').waitFor();
      await dialog.getByLabel('Comment').fill('Margin too low');
      await page.waitForTimeout(300);
      await shot('phone-en-inbox-reject');
      await dialog.getByRole('button', { name: 'Reject' }).click();
      await page.getByText('Rejected').first().waitFor();
      await item.waitFor({ state: 'detached' });
    } finally {
      await page.setViewportSize({ width: 1366, height: 860 });
      await page.evaluate(() => localStorage.setItem('platform.lang', 'en')); // the next tests read English
    }
  });

  await test('my requests: the submitter sees their pending request with its approver and withdraws it (撤回)', async () => {
    const initech = await api(page, 'POST', '/api/demo/data/account', { name: `Initech ${stamp}` });
    await startOn(initech.json.id);
    await page.goto(`${base}/demo/inbox`);
    await page.getByRole('tab', { name: 'My requests' }).click();
    await page.waitForURL(/tab=requests/);
    const row = page.getByTestId('request-item').filter({ hasText: `Discount for Initech ${stamp}` });
    await row.filter({ hasText: 'Pending' }).waitFor();
    await row.getByTestId('user-name').filter({ hasText: 'Administrator' }).waitFor();
    await row.getByRole('link', { name: new RegExp(`Initech ${stamp}`) }).waitFor();
    await shot('desktop-en-my-requests');
    // The same list in Chinese at phone width (cards), then back to English on the desktop to withdraw.
    await page.evaluate(() => localStorage.setItem('platform.lang', 'zh-CN'));
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await page.reload();
      await page.getByRole('tab', { name: '我的申请' }).waitFor();
      const card = page.getByTestId('request-item').filter({ hasText: `Discount for Initech ${stamp}` });
      await card.filter({ hasText: '审批中' }).waitFor();
      await card.getByRole('button', { name: '撤回' }).waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert(overflow <= 1, `no sideways scrolling (${overflow}px)`);
      await shot('phone-zh-my-requests');
      await page.setViewportSize({ width: 1366, height: 860 });
      await page.reload();
      await page.getByRole('tab', { name: '我的申请' }).waitFor();
      await shot('desktop-zh-my-requests');
      await page.evaluate(() => localStorage.setItem('platform.lang', 'en'));
      await page.setViewportSize({ width: 390, height: 844 });
      await page.reload();
      await page.getByTestId('request-item').first().waitFor();
      await shot('phone-en-my-requests');
    } finally {
      await page.setViewportSize({ width: 1366, height: 860 });
      await page.evaluate(() => localStorage.setItem('platform.lang', 'en'));
    }
    await page.reload();
    await row.getByRole('button', { name: 'Withdraw' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Comment').fill('Customer changed their mind');
    await page.waitForTimeout(300);
    await shot('desktop-en-my-requests-withdraw');
    await dialog.getByRole('button', { name: 'Withdraw' }).click();
    await page.getByText('Request withdrawn').waitFor();
    await row.filter({ hasText: 'Withdrawn' }).waitFor();
    assert(await row.getByRole('button', { name: 'Withdraw' }).count() === 0, 'a withdrawn request has no Withdraw button');
    // It left the approver's (here: the same user's) to-do list.
    const inbox = (await api(page, 'GET', '/api/demo/inbox')).json.value;
    assert(!inbox.some((i) => i.subject === `Discount for Initech ${stamp}`), `withdrawn request still in the inbox: ${JSON.stringify(inbox)}`);
  });

  await test('a task is marked done from the inbox: its overdue date reads relative, and it leaves the list', async () => {
    // Owned by whoever creates it: the admin's own task.
    const dueAt = new Date(Date.now() - 2 * 86_400_000).toISOString();
    const task = await api(page, 'POST', '/api/demo/data/task', { subject: `Send the quote ${stamp}`, status: 'open', due_at: dueAt });
    assert(task.status === 201, `task ${task.status} ${JSON.stringify(task.json)}`);
    await page.goto(`${base}/demo/inbox`);
    const item = page.getByTestId('inbox-item').filter({ hasText: `Send the quote ${stamp}` });
    await item.getByTestId('due-relative').filter({ hasText: 'Overdue 2 days' }).waitFor();
    await shot('desktop-en-inbox-task');
    await page.evaluate(() => localStorage.setItem('platform.lang', 'zh-CN'));
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await page.reload();
      await item.getByTestId('due-relative').filter({ hasText: '逾期2天' }).waitFor();
      await item.getByRole('button', { name: /完成/ }).waitFor();
      await item.scrollIntoViewIfNeeded();
      await shot('phone-zh-inbox-task');
    } finally {
      await page.setViewportSize({ width: 1366, height: 860 });
      await page.evaluate(() => localStorage.setItem('platform.lang', 'en'));
    }
    await page.reload();
    await item.getByRole('button', { name: `Mark “Send the quote ${stamp}” done` }).click();
    await page.getByText('Task done').waitFor();
    await item.waitFor({ state: 'detached' });
    const after = await api(page, 'GET', `/api/demo/data/task/${task.json.id}`);
    assert(after.json.status === 'done', `task done through the record API: ${JSON.stringify(after.json)}`);
  });

  await test('workflow incidents: an administrator sees the faulted activity and its error, retries and cancels', async () => {
    const id = `e2e-erp-${stamp}`;
    const doc = {
      schemaVersion: 1, id, label: { en: 'Sync to ERP', 'zh-CN': '同步到 ERP' }, trigger: { type: 'manual' },
      root: { type: 'Flowchart', connections: [], activities: [{ id: 'call-erp', type: 'Fault', message: `ERP answered 503 (${stamp})` }] },
    };
    let r = await api(page, 'PUT', `/api/demo/workflows/${id}/draft`, doc);
    assert(r.status === 200, `draft ${r.status} ${JSON.stringify(r.json)}`);
    r = await api(page, 'POST', `/api/demo/workflows/${id}/publish`);
    assert(r.status === 200, `publish ${r.status}`);
    r = await api(page, 'POST', `/api/demo/workflows/${id}/start`, {});
    assert(r.status === 201 && r.json.status === 'faulted', `started and faulted: ${r.status} ${JSON.stringify(r.json)}`);
    await page.goto(`${base}/demo/inbox?tab=incidents`);
    const row = page.getByTestId('incident-item').filter({ hasText: `ERP answered 503 (${stamp})` });
    await row.filter({ hasText: 'call-erp' }).waitFor();
    await shot('desktop-en-incidents');
    await page.evaluate(() => localStorage.setItem('platform.lang', 'zh-CN'));
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await page.reload();
      await page.getByRole('tab', { name: /流程异常/ }).waitFor();
      await row.getByRole('button', { name: /重试/ }).waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert(overflow <= 1, `no sideways scrolling (${overflow}px)`);
      await shot('phone-zh-incidents');
    } finally {
      await page.setViewportSize({ width: 1366, height: 860 });
      await page.evaluate(() => localStorage.setItem('platform.lang', 'en'));
    }
    await page.reload();
    // Retry runs the failed activity again: it faults again and stays listed.
    await row.getByRole('button', { name: 'Retry' }).click();
    await page.getByText('Retried: faulted').waitFor();
    await row.waitFor();
    await row.getByRole('button', { name: 'Cancel instance' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel instance' }).click();
    await page.getByText('Instance cancelled').waitFor();
    await row.waitFor({ state: 'detached' });
    const after = await api(page, 'GET', `/api/demo/workflows/instances/${r.json.id}`);
    assert(after.json.instance.status === 'cancelled', `cancelled: ${JSON.stringify(after.json.instance)}`);
  });
}
