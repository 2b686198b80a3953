import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createMemoryRouter, Outlet, RouterProvider } from 'react-router';
import { App as AntApp } from 'antd';
import '../i18n';
import i18n from '../i18n';
import InboxPage from './InboxPage';
import { relativeDue } from './requests';

interface Call { method: string; url: string; body: unknown; headers: Record<string, string> }
let calls: Call[] = [];
let requests: Record<string, unknown>[] = [];
let inbox: Record<string, unknown>[] = [];
let taskAnswer: { status: number; body?: unknown } = { status: 200 };

const ME = '33333333-3333-3333-3333-333333333333';
const CAROL = '22222222-2222-2222-2222-222222222222';
const RECORD = '11111111-1111-1111-1111-111111111111';

function mockFetch() {
  calls = [];
  vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit = {}) => {
    const method = init.method ?? 'GET';
    const body = init.body ? JSON.parse(String(init.body)) : undefined;
    calls.push({ method, url, body, headers: (init.headers ?? {}) as Record<string, string> });
    const json = (data: unknown, status = 200) => new Response(JSON.stringify(data), { status, headers: { 'Content-Type': 'application/json' } });
    if (url.endsWith('/approvals/requests')) return json({ value: requests });
    if (url.endsWith('/inbox')) return json({ value: inbox });
    if (url.includes('/metadata/entities')) return json({ value: [{ name: 'opportunity', label: { en: 'Opportunity', 'zh-CN': '商机' }, fields: [] }] });
    if (url.includes('/users/names')) return json({ value: [{ id: CAROL, display_name: 'Carol Approver' }] });
    const withdraw = url.match(/\/approvals\/([^/]+)\/withdraw$/);
    if (withdraw && method === 'POST') {
      requests = requests.map((r) => (r.withdrawTaskId === withdraw[1] ? { ...r, status: 'withdrawn', withdrawTaskId: null, currentApprovers: [] } : r));
      return json({ id: withdraw[1], status: 'withdrawn' });
    }
    if (/\/data\/task\/[^/]+$/.test(url) && method === 'PATCH') {
      if (taskAnswer.status === 200) inbox = inbox.filter((i) => i.kind !== 'task');
      return json(taskAnswer.body ?? { id: 't1', status: 'done' }, taskAnswer.status);
    }
    return json({ title: 'Not Found', detail: url }, 404);
  }));
}

function renderAt(path: string) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const router = createMemoryRouter([{ path: '/:tenant', element: <Outlet context={{ user: { id: ME } }} />, children: [{ path: 'inbox', element: <InboxPage /> }] }],
    { initialEntries: [path] });
  render(<QueryClientProvider client={client}><AntApp><RouterProvider router={router} /></AntApp></QueryClientProvider>);
  return router;
}

const day = 86_400_000;

beforeEach(async () => {
  await i18n.changeLanguage('en');
  taskAnswer = { status: 200 };
  requests = [
    { instanceId: 'i1', workflow: 'discount-approval', subject: 'Discount for Big deal', entity: 'opportunity', recordId: RECORD, status: 'pending',
      submittedAt: new Date(Date.now() - day).toISOString(), decidedAt: null, withdrawTaskId: 'task-1', currentApprovers: [CAROL] },
    { instanceId: 'i2', workflow: 'discount-approval', subject: 'Discount for Small deal', status: 'rejected',
      submittedAt: new Date(Date.now() - 3 * day).toISOString(), decidedAt: new Date(Date.now() - 2 * day).toISOString(), withdrawTaskId: null, currentApprovers: [] },
  ];
  inbox = [
    { id: 't1', kind: 'task', subject: 'Call the customer back', entity: 'task', recordId: 't1', dueAt: new Date(Date.now() - 3 * day).toISOString(), etag: '"4"' },
  ];
  mockFetch();
});
afterEach(() => vi.unstubAllGlobals());

describe('relative due dates', () => {
  const now = new Date(2026, 4, 10, 12, 0);
  it('counts whole calendar days ahead and behind', () => {
    expect(relativeDue(new Date(2026, 4, 12, 9, 0).toISOString(), now)).toMatchObject({ key: 'dueIn', count: 2, overdue: false });
    expect(relativeDue(new Date(2026, 4, 10, 18, 0).toISOString(), now)).toMatchObject({ key: 'dueToday', overdue: false });
    expect(relativeDue(new Date(2026, 4, 10, 8, 0).toISOString(), now)).toMatchObject({ key: 'overdueToday', overdue: true });
    expect(relativeDue(new Date(2026, 4, 7, 23, 0).toISOString(), now)).toMatchObject({ key: 'overdueBy', count: 3, overdue: true });
  });

  it('reads "in 2 days" and "overdue 3 days" in English and Chinese', async () => {
    expect(i18n.t('inboxTask.dueIn', { count: 2 })).toBe('In 2 days');
    expect(i18n.t('inboxTask.overdueBy', { count: 3 })).toBe('Overdue 3 days');
    await i18n.changeLanguage('zh-CN');
    expect(i18n.t('inboxTask.overdueBy', { count: 3 })).toBe('逾期3天');
    expect(i18n.t('inboxTask.dueIn', { count: 2 })).toBe('2天后到期');
  });
});

describe('my requests', () => {
  it('lists my submitted approvals with status, current approvers and a record link; only a pending one can be withdrawn', async () => {
    renderAt('/demo/inbox?tab=requests');
    const rows = await screen.findAllByTestId('request-item');
    expect(rows).toHaveLength(2);
    expect(rows[0].textContent).toContain('Discount for Big deal');
    expect(rows[0].textContent).toContain('Pending');
    await within(rows[0]).findByText('Carol Approver');
    expect(within(rows[0]).getByRole('link', { name: /^Opportunity/ }).getAttribute('href')).toBe(`/demo/opportunity/${RECORD}`);
    expect(within(rows[0]).getByRole('button', { name: /Withdraw/ })).toBeTruthy();
    expect(rows[1].textContent).toContain('Rejected');
    expect(within(rows[1]).queryByRole('button', { name: /Withdraw/ })).toBeNull();
  });

  it('withdraws a pending request with an optional comment and shows it withdrawn', async () => {
    renderAt('/demo/inbox?tab=requests');
    const rows = await screen.findAllByTestId('request-item');
    fireEvent.click(within(rows[0]).getByRole('button', { name: /Withdraw/ }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('Comment'), { target: { value: 'Not needed any more' } });
    await act(async () => { fireEvent.click(within(dialog).getByRole('button', { name: /Withdraw/ })); });
    await waitFor(() => expect(calls.find((c) => c.method === 'POST')).toMatchObject({ url: '/api/demo/approvals/task-1/withdraw', body: { comment: 'Not needed any more' } }));
    await waitFor(() => expect(screen.getAllByTestId('request-item')[0].textContent).toContain('Withdrawn'));
    expect(within(screen.getAllByTestId('request-item')[0]).queryByRole('button', { name: /Withdraw/ })).toBeNull();
  });

  it('is the 我的申请 tab in Chinese', async () => {
    await i18n.changeLanguage('zh-CN');
    renderAt('/demo/inbox');
    fireEvent.click(await screen.findByRole('tab', { name: '我的申请' }));
    const rows = await screen.findAllByTestId('request-item');
    expect(rows[0].textContent).toContain('审批中');
    expect(within(rows[0]).getByRole('button', { name: /撤回/ })).toBeTruthy();
  });
});

describe('tasks in the inbox', () => {
  it('shows an overdue task relative and highlighted, and Mark done patches it with its ETag and it leaves', async () => {
    renderAt('/demo/inbox');
    const [row] = await screen.findAllByTestId('inbox-item');
    expect(row.className).toContain('overdue');
    expect(within(row).getByTestId('due-relative').textContent).toBe('Overdue 3 days');
    await act(async () => { fireEvent.click(within(row).getByRole('button', { name: 'Mark “Call the customer back” done' })); });
    await waitFor(() => expect(calls.find((c) => c.method === 'PATCH')).toMatchObject({ url: '/api/demo/data/task/t1', body: { status: 'done' } }));
    expect(calls.find((c) => c.method === 'PATCH')!.headers['If-Match']).toBe('"4"');
    await waitFor(() => expect(screen.queryByText('Call the customer back')).toBeNull());
    await screen.findByText('Task done');
  });

  it('says so when the task changed meanwhile (412) and keeps it listed', async () => {
    taskAnswer = { status: 412, body: { title: 'Precondition failed', status: 412, detail: 'The record changed.' } };
    renderAt('/demo/inbox');
    const [row] = await screen.findAllByTestId('inbox-item');
    await act(async () => { fireEvent.click(within(row).getByRole('button', { name: /Mark .* done/ })); });
    await screen.findByText('Someone changed this task meanwhile; the inbox is refreshed.');
    expect(screen.getByText('Call the customer back')).toBeTruthy();
  });

  it('shows a script or validation refusal (422) with its detail', async () => {
    taskAnswer = { status: 422, body: { title: 'The record is not valid', status: 422, errors: [{ pointer: '/status', detail: 'Log a call first' }] } };
    renderAt('/demo/inbox');
    const [row] = await screen.findAllByTestId('inbox-item');
    await act(async () => { fireEvent.click(within(row).getByRole('button', { name: /Mark .* done/ })); });
    await screen.findByText(/Log a call first/);
  });

  it('reads 完成 and 逾期3天 in Chinese', async () => {
    await i18n.changeLanguage('zh-CN');
    renderAt('/demo/inbox');
    const [row] = await screen.findAllByTestId('inbox-item');
    expect(within(row).getByTestId('due-relative').textContent).toBe('逾期3天');
    expect(within(row).getByRole('button', { name: /完成/ })).toBeTruthy();
  });
});
