import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createMemoryRouter, Outlet, RouterProvider } from 'react-router';
import { App as AntApp } from 'antd';
import '../i18n';
import i18n from '../i18n';
import InboxPage from './InboxPage';
import { actionRequest, isGone, isOverdue, markMine, normalizeInboxItem } from './api';

interface Call { method: string; url: string; body: unknown }
let calls: Call[] = [];
let inbox: Record<string, unknown>[] = [];

function mockFetch() {
  calls = [];
  vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit = {}) => {
    const method = init.method ?? 'GET';
    const body = init.body ? JSON.parse(String(init.body)) : undefined;
    calls.push({ method, url, body });
    const json = (data: unknown, status = 200) => new Response(JSON.stringify(data), { status, headers: { 'Content-Type': 'application/json' } });
    if (url.endsWith('/inbox')) return json({ value: inbox });
    if (url.includes('/metadata/entities')) return json({ value: [{ name: 'opportunity', label: { en: 'Opportunity', 'zh-CN': '商机' }, fields: [] }] });
    if (url.includes('/users/names')) return json({ value: [{ id: '22222222-2222-2222-2222-222222222222', display_name: 'Carol Approver' }] });
    const decision = url.match(/\/approvals\/([^/]+)\/decision$/);
    if (decision && method === 'POST') { inbox = inbox.filter((i) => i.id !== decision[1]); return new Response(null, { status: 204 }); }
    if (/\/approvals\/[^/]+\/(return|transfer|add-approver|withdraw)$/.test(url)) return new Response(null, { status: 204 });
    return json({ title: 'Not Found', detail: url }, 404);
  }));
}

function renderInbox() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const router = createMemoryRouter([{ path: '/:tenant', element: <Outlet context={{ user: { id: ME } }} />, children: [{ path: 'inbox', element: <InboxPage /> }] }],
    { initialEntries: ['/demo/inbox'] });
  return render(<QueryClientProvider client={client}><AntApp><RouterProvider router={router} /></AntApp></QueryClientProvider>);
}

const ME = '33333333-3333-3333-3333-333333333333';
const past = new Date(Date.now() - 86_400_000).toISOString();
const future = new Date(Date.now() + 5 * 86_400_000).toISOString();

beforeEach(async () => {
  await i18n.changeLanguage('en');
  inbox = [
    { id: 'a1', kind: 'approval', subject: 'Discount 25% on Big deal', workflow: { en: 'Discount approval', 'zh-CN': '折扣审批' }, instanceId: 'i1', assignee: ME, entity: 'opportunity', recordId: '11111111-1111-1111-1111-111111111111', dueAt: past },
    { id: 't1', kind: 'task', subject: 'Call the customer back', workflow: 'follow-up', entity: 'opportunity', recordId: '11111111-1111-1111-1111-111111111111', dueAt: future },
    { id: 'a2', kind: 'approval', subject: 'My own request', workflow: 'discount-approval', submitter: ME, assignee: '44444444-4444-4444-4444-444444444444' },
  ];
  mockFetch();
});
afterEach(() => vi.unstubAllGlobals());

describe('inbox items', () => {
  it('reads the contract and tolerates snake_case', () => {
    const item = normalizeInboxItem({ id: 'x', kind: 'task', title: 'T', record_id: 'r', entity: 'account', due_at: past, instance_id: 'i' });
    expect(item).toMatchObject({ id: 'x', kind: 'task', subject: 'T', recordId: 'r', entity: 'account', instanceId: 'i', dueAt: past });
    expect(isOverdue(item)).toBe(true);
    expect(isOverdue({ dueAt: future })).toBe(false);
    expect(isOverdue({ dueAt: null })).toBe(false);
  });

  it('treats a 404 or a 409 naming the task status as already handled, other conflicts as errors', () => {
    expect(isGone(404, {})).toBe(true);
    expect(isGone(409, { status: 'approved' })).toBe(true);
    expect(isGone(409, { type: 'conflict' })).toBe(false);
    expect(markMine([normalizeInboxItem({ id: 'x', submitter: ME.toUpperCase() })], ME)[0].mine).toBe(true);
  });

  it('sends each action to its route: decisions with an outcome, transfer and add approver with a user', () => {
    expect(actionRequest('a1', 'approve', { comment: ' ok ' })).toEqual({ path: '/approvals/a1/decision', body: { outcome: 'approve', comment: 'ok' } });
    expect(actionRequest('a1', 'reject', { comment: 'too much' }).body).toEqual({ outcome: 'reject', comment: 'too much' });
    expect(actionRequest('a1', 'transfer', { userId: 'u' })).toEqual({ path: '/approvals/a1/transfer', body: { userId: 'u', comment: undefined } });
    expect(actionRequest('a1', 'add-approver', { userId: 'u', position: 'before' }).body).toMatchObject({ userId: 'u', position: 'before' });
    expect(actionRequest('a1', 'withdraw', {}).path).toBe('/approvals/a1/withdraw');
  });

  it('lists subject, workflow, record link and due date, overdue first and highlighted; the submitter only withdraws', async () => {
    renderInbox();
    const rows = await screen.findAllByTestId('inbox-item');
    expect(rows).toHaveLength(3);
    expect(rows[0].textContent).toContain('Discount 25% on Big deal');
    expect(rows[0].textContent).toContain('Discount approval');
    expect(rows[0].textContent).toContain('Overdue');
    expect(rows[0].className).toContain('overdue');
    expect(within(rows[0]).getByRole('link', { name: /^Opportunity/ }).getAttribute('href')).toBe('/demo/opportunity/11111111-1111-1111-1111-111111111111');
    expect(rows[1].textContent).toContain('Task');
    expect(rows[1].textContent).not.toContain('Overdue');
    expect(within(rows[1]).queryByRole('button', { name: /Approve/ })).toBeNull();
    const mine = rows.find((r) => r.textContent?.includes('My own request'))!;
    expect(within(mine).getByRole('button', { name: /Withdraw/ })).toBeTruthy();
    expect(mine.textContent).toContain('Discount approval'); // the workflow id made readable
    expect(within(mine).queryByRole('button', { name: /Approve/ })).toBeNull();
  });

  it('approves with a comment: posts the decision and the item leaves the inbox', async () => {
    renderInbox();
    const rows = await screen.findAllByTestId('inbox-item');
    fireEvent.click(within(rows[0]).getByRole('button', { name: /Approve/ }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('Comment'), { target: { value: 'Fine by me' } });
    await act(async () => { fireEvent.click(within(dialog).getByRole('button', { name: /Approve/ })); });
    await waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.url === '/api/demo/approvals/a1/decision')).toBe(true));
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({ outcome: 'approve', comment: 'Fine by me' });
    await waitFor(() => expect(screen.queryByText('Discount 25% on Big deal')).toBeNull());
    expect(screen.getAllByTestId('inbox-item')).toHaveLength(2);
  });

  it('refuses to reject without a comment, and Enter while composing does not confirm', async () => {
    renderInbox();
    const rows = await screen.findAllByTestId('inbox-item');
    fireEvent.click(within(rows[0]).getByRole('button', { name: /Reject/ }));
    const dialog = await screen.findByRole('dialog');
    await act(async () => { fireEvent.click(within(dialog).getByRole('button', { name: /Reject/ })); });
    await within(dialog).findByText('A comment is required to Reject');
    const comment = within(dialog).getByLabelText('Comment');
    fireEvent.change(comment, { target: { value: 'bu xing' } });
    fireEvent.keyDown(comment, { key: 'Enter', ctrlKey: true, keyCode: 229, isComposing: true });
    await new Promise((r) => setTimeout(r, 50));
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
    await act(async () => { fireEvent.keyDown(comment, { key: 'Enter', ctrlKey: true }); });
    await waitFor(() => expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ outcome: 'reject', comment: 'bu xing' }));
  });

  it('shows the inbox in Chinese', async () => {
    await i18n.changeLanguage('zh-CN');
    renderInbox();
    const rows = await screen.findAllByTestId('inbox-item');
    expect(rows[0].textContent).toContain('折扣审批');
    expect(rows[0].textContent).toContain('逾期1天');
    expect(within(rows[0]).getByRole('button', { name: /同意/ })).toBeTruthy();
    expect(screen.getByRole('heading', { name: '待办' })).toBeTruthy();
  });
});
