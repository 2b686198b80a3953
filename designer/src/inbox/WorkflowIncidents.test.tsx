import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createMemoryRouter, Outlet, RouterProvider } from 'react-router';
import { App as AntApp } from 'antd';
import '../i18n';
import i18n from '../i18n';
import InboxPage from './InboxPage';

interface Call { method: string; url: string }
let calls: Call[] = [];
let faulted: Record<string, unknown>[] = [];
let admin = true;

function mockFetch() {
  calls = [];
  vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit = {}) => {
    const method = init.method ?? 'GET';
    calls.push({ method, url });
    const json = (data: unknown, status = 200) => new Response(JSON.stringify(data), { status, headers: { 'Content-Type': 'application/json' } });
    if (url.includes('/workflows/') && !admin) return json({ title: 'Forbidden', status: 403, detail: 'Administrators only.' }, 403);
    if (url.endsWith('/workflows/instances?status=faulted')) return json({ value: faulted });
    const command = url.match(/\/workflows\/instances\/([^/]+)\/(retry|cancel)$/);
    if (command && method === 'POST') {
      faulted = faulted.filter((f) => f.id !== command[1]);
      return json({ id: command[1], status: command[2] === 'retry' ? 'finished' : 'cancelled' });
    }
    const detail = url.match(/\/workflows\/instances\/([^/?]+)$/);
    if (detail) return json({ instance: { id: detail[1] }, incidents: [{ activity: 'call-erp', error: 'ERP answered 503', createdAt: new Date().toISOString(), resolvedAt: null }] });
    if (url.endsWith('/inbox')) return json({ value: [] });
    if (url.endsWith('/approvals/requests')) return json({ value: [] });
    if (url.includes('/metadata/entities')) return json({ value: [] });
    return json({ title: 'Not Found', detail: url }, 404);
  }));
}

function renderAt(path: string) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const router = createMemoryRouter([{ path: '/:tenant', element: <Outlet context={{ user: { id: 'me', administrator: admin } }} />, children: [{ path: 'inbox', element: <InboxPage /> }] }],
    { initialEntries: [path] });
  render(<QueryClientProvider client={client}><AntApp><RouterProvider router={router} /></AntApp></QueryClientProvider>);
}

beforeEach(async () => {
  await i18n.changeLanguage('en');
  admin = true;
  faulted = [{ id: 'w1', workflow: 'sync-to-erp', status: 'faulted', updatedAt: new Date().toISOString() }];
  mockFetch();
});
afterEach(() => vi.unstubAllGlobals());

describe('workflow incidents', () => {
  it('lists faulted instances with the failed activity and its error, and Retry runs the instance again', async () => {
    renderAt('/demo/inbox?tab=incidents');
    const [row] = await screen.findAllByTestId('incident-item');
    expect(row.textContent).toContain('Sync to erp');
    expect(row.textContent).toContain('call-erp');
    expect(row.textContent).toContain('ERP answered 503');
    await act(async () => { fireEvent.click(within(row).getByRole('button', { name: /Retry/ })); });
    await waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.url === '/api/demo/workflows/instances/w1/retry')).toBe(true));
    await screen.findByText('No workflow is faulted');
  });

  it('cancels an instance after a confirmation', async () => {
    renderAt('/demo/inbox?tab=incidents');
    const [row] = await screen.findAllByTestId('incident-item');
    fireEvent.click(within(row).getByRole('button', { name: /Cancel instance/ }));
    const dialog = await screen.findByRole('dialog');
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
    await act(async () => { fireEvent.click(within(dialog).getByRole('button', { name: /Cancel instance/ })); });
    await waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.url === '/api/demo/workflows/instances/w1/cancel')).toBe(true));
  });

  it('is no tab for someone who is not an administrator', async () => {
    admin = false;
    renderAt('/demo/inbox?tab=incidents');
    await screen.findByRole('tab', { name: 'My requests' });
    await waitFor(() => expect(calls.some((c) => c.url.endsWith('/inbox'))).toBe(true));
    // The session says who administers: no probe of the admin route (and no 403) on the way.
    expect(calls.some((c) => c.url.includes('/workflows/'))).toBe(false);
    expect(screen.queryByRole('tab', { name: /Workflow incidents/ })).toBeNull();
    expect(screen.queryByTestId('workflow-incidents')).toBeNull();
  });

  it('reads 流程异常 and 重试 in Chinese', async () => {
    await i18n.changeLanguage('zh-CN');
    renderAt('/demo/inbox?tab=incidents');
    const [row] = await screen.findAllByTestId('incident-item');
    expect(screen.getByRole('tab', { name: /流程异常/ })).toBeTruthy();
    expect(within(row).getByRole('button', { name: /重试/ })).toBeTruthy();
  });
});
