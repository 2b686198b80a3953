import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createMemoryRouter, RouterProvider } from 'react-router';
import '../i18n';
import i18n from '../i18n';
import type { EntityDef } from '../api/metadata';
import { AuditHistory } from './AuditHistory';

const ADA = '11111111-1111-1111-1111-111111111111';
const entity: EntityDef = {
  name: 'account', primaryField: 'name',
  fields: [
    { name: 'name', type: 'text', label: { en: 'Name', 'zh-CN': '名称' } },
    { name: 'tier', type: 'choice', label: { en: 'Tier', 'zh-CN': '等级' }, options: [{ value: 'vip', label: { en: 'VIP', 'zh-CN': '贵宾' } }] },
    { name: 'phone', type: 'phone', label: { en: 'Phone', 'zh-CN': '电话' } },
  ],
  access: { fields: { name: 'full', tier: 'full', phone: 'masked' } },
};
let urls: string[] = [];

beforeEach(async () => {
  await i18n.changeLanguage('en');
  urls = [];
  vi.stubGlobal('fetch', vi.fn(async (url: string) => {
    urls.push(url);
    const json = (d: unknown) => new Response(JSON.stringify(d), { status: 200, headers: { 'Content-Type': 'application/json' } });
    if (url.includes('/users/names')) return json({ value: [{ id: ADA, display_name: 'Ada Lovelace' }] });
    return json({ value: [
      { id: 'e2', occurred_at: '2026-12-05T08:00:00Z', action: 'update', actor_id: ADA, actor_name: 'ada',
        changes: { tier: { old: null, new: 'vip' }, phone: { old: '+86 *** **** 0100', new: '+86 *** **** 0199' }, row_version: { old: 1, new: 2 }, owner: { old: null, new: ADA } } },
      { id: 'e1', occurred_at: '2026-12-05T07:00:00Z', action: 'create', actor_id: null, actor_name: null, changes: { name: { new: 'Acme' } } },
    ] });
  }));
});
afterEach(() => vi.unstubAllGlobals());

function renderHistory() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const router = createMemoryRouter([{ path: '/:tenant/account/:id', element: <AuditHistory tenant="demo" entity={entity} id="r1" lang="en" /> }], { initialEntries: ['/demo/account/r1'] });
  return render(<QueryClientProvider client={client}><RouterProvider router={router} /></QueryClientProvider>);
}

describe('audit history', () => {
  it('shows who changed which field from what to what, with labels, and bookkeeping left out', async () => {
    renderHistory();
    const entries = await screen.findAllByTestId('audit-entry');
    expect(entries).toHaveLength(2);
    const tier = entries[0].querySelector('tr[data-field=tier]')!;
    expect(tier.textContent).toContain('Tier');
    expect(tier.textContent).toContain('VIP');
    expect(entries[0].querySelector('tr[data-field=row_version]')).toBeNull();
    await waitFor(() => expect(entries[0].textContent).toContain('Ada Lovelace'));
    expect(entries[0].querySelector('tr[data-field=owner]')!.textContent).toContain('Ada Lovelace');
    expect(entries[1].textContent).toContain('Created');
    expect(entries[1].textContent).toContain('System');
    // Names come in one request for the page, not one per row.
    expect(urls.filter((u) => u.includes('/users/names'))).toHaveLength(1);
  });

  it('keeps a masked value masked, as the server sent it', async () => {
    renderHistory();
    const entries = await screen.findAllByTestId('audit-entry');
    const phone = entries[0].querySelector('tr[data-field=phone]')!;
    expect(phone.textContent).toContain('+86 *** **** 0100');
    expect(phone.textContent).toContain('+86 *** **** 0199');
    expect(phone.querySelector('a')).toBeNull(); // not turned into a tel: link
  });
});
