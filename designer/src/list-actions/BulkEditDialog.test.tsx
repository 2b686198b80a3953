import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App } from 'antd';
import i18n from '../i18n';
import type { EntityDef } from '../api/metadata';
import { BulkEditDialog } from './BulkEditDialog';

const entity: EntityDef = {
  name: 'account', primaryField: 'name',
  fields: [
    { name: 'name', type: 'text', label: { en: 'Name', 'zh-CN': '名称' } },
    { name: 'tier', type: 'choice', label: { en: 'Tier', 'zh-CN': '等级' }, options: [{ value: 'vip', label: { en: 'VIP', 'zh-CN': '贵宾' } }, { value: 'regular', label: 'Regular' }] },
    { name: 'revenue', type: 'currency', label: { en: 'Revenue', 'zh-CN': '收入' } },
  ],
  access: { fields: { revenue: 'readOnly' } },
};
const rows = new Map([['a', { id: 'a', name: 'Acme' }], ['b', { id: 'b', name: 'Bolt' }]]);
let sent: { url: string; method?: string; body: unknown }[] = [];
let answer: Response;

beforeEach(async () => {
  await i18n.changeLanguage('en');
  sent = [];
  answer = new Response(JSON.stringify({ updated: 2, ids: ['a', 'b'] }), { status: 200, headers: { 'Content-Type': 'application/json' } });
  vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit) => { sent.push({ url, method: init.method, body: JSON.parse(String(init.body)) }); return answer; }));
});
afterEach(() => vi.unstubAllGlobals());

function renderDialog(onDone = vi.fn()) {
  render(<App><BulkEditDialog open tenant="demo" entity={entity} lang={i18n.language} ids={['a', 'b']} rows={rows} onClose={vi.fn()} onDone={onDone} /></App>);
  return onDone;
}

async function pick(label: string, option: string) {
  fireEvent.mouseDown(screen.getByRole('combobox', { name: label }));
  fireEvent.click((await screen.findAllByTitle(option)).at(-1)!);
}

describe('bulk edit dialog', () => {
  it('offers writable fields only and sends one PATCH .../bulk with the value for every selected record', async () => {
    const onDone = renderDialog();
    fireEvent.mouseDown(screen.getByRole('combobox', { name: 'Field' }));
    expect(await screen.findByTitle('Tier')).toBeTruthy();
    expect(screen.queryByTitle('Revenue')).toBeNull(); // read-only for this user
    fireEvent.click(screen.getByTitle('Tier'));
    await pick('Tier', 'VIP');
    fireEvent.click(screen.getByRole('button', { name: 'Apply to 2 records' }));

    await waitFor(() => expect(onDone).toHaveBeenCalledWith(2));
    expect(sent).toEqual([{ url: '/api/demo/data/account/bulk', method: 'PATCH', body: { records: [{ tier: 'vip', id: 'a' }, { tier: 'vip', id: 'b' }] } }]);
  });

  it('lists each refused record by name with its reasons and changes nothing', async () => {
    answer = new Response(JSON.stringify({ status: 422, title: 'The record is not valid', errors: [{ pointer: '/records/1/tier', detail: 'is not allowed at this stage' }] }),
      { status: 422, headers: { 'Content-Type': 'application/problem+json' } });
    const onDone = renderDialog();
    await pick('Field', 'Tier');
    await pick('Tier', 'VIP');
    fireEvent.click(screen.getByRole('button', { name: 'Apply to 2 records' }));

    const alert = await screen.findByTestId('bulk-refusals');
    expect(alert.textContent).toContain('Nothing was changed: 1 records were refused');
    expect(alert.textContent).toContain('Bolt — Tier: is not allowed at this stage');
    expect(onDone).not.toHaveBeenCalled();
  });

  it('speaks Chinese: title, field picker and the apply button', async () => {
    await i18n.changeLanguage('zh-CN');
    renderDialog();
    expect(screen.getByText('编辑 2 条记录')).toBeTruthy();
    expect(screen.getByRole('combobox', { name: '字段' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '应用到 2 条记录' })).toBeTruthy();
  });
});
