import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App } from 'antd';
import '../i18n';
import i18n from '../i18n';
import type { EntityDef } from '../api/metadata';
import { RecordActions } from './RecordActions';
import { availableActions } from './availability';
import { entityActions } from './api';

const lead = {
  name: 'lead', primaryField: 'full_name',
  fields: [{ name: 'full_name', type: 'text' }, { name: 'status', type: 'choice' }],
  actions: {
    convert: { script: 'scripts/convert-lead.js', label: { en: 'Convert', 'zh-CN': '转化' }, availableWhen: { field: 'status', op: 'ne', value: 'converted' } },
    remind: { script: 'scripts/remind.js', label: { en: 'Remind', 'zh-CN': '提醒' } },
  },
} as unknown as EntityDef;

beforeEach(async () => {
  await i18n.changeLanguage('en');
  vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ value: [] }), { status: 200, headers: { 'Content-Type': 'application/json' } })));
});
afterEach(() => vi.unstubAllGlobals());

function ui(record: Record<string, unknown> | undefined, client: QueryClient) {
  return <QueryClientProvider client={client}><App><RecordActions tenant="demo" entity={lead} id="l1" lang="en" record={record} /></App></QueryClientProvider>;
}

describe('record actions offered by availableWhen', () => {
  it('keeps an ungated action and offers a gated one only while its condition holds', () => {
    const actions = entityActions(lead as EntityDef & { actions?: unknown });
    expect(availableActions(actions, { status: 'qualified' }).map((a) => a.name)).toEqual(['convert', 'remind']);
    expect(availableActions(actions, { status: 'converted' }).map((a) => a.name)).toEqual(['remind']);
    // Not loaded yet: a gated action is not offered on a guess.
    expect(availableActions(actions, undefined).map((a) => a.name)).toEqual(['remind']);
  });

  it('never offers an action the server marks unavailable to the user, whatever the record holds', () => {
    // The user reads status masked: its condition is not decided for them (access.actions.convert is false).
    const masked = { ...lead, access: { fields: { status: 'masked' }, actions: { convert: false, remind: true } } };
    const actions = entityActions(masked as EntityDef & { actions?: unknown });
    expect(actions.map((a) => a.name)).toEqual(['remind']);
    expect(availableActions(actions, { status: 'q***' }).map((a) => a.name)).toEqual(['remind']);
  });

  it('hides the Convert button once the reloaded record is converted', async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const view = render(ui({ id: 'l1', status: 'qualified' }, client));
    expect(screen.getByRole('button', { name: /Convert/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: /Remind/ })).toBeTruthy();

    view.rerender(ui({ id: 'l1', status: 'converted' }, client));

    await waitFor(() => expect(screen.queryByRole('button', { name: /Convert/ })).toBeNull());
    expect(screen.getByRole('button', { name: /Remind/ })).toBeTruthy();
  });
});
