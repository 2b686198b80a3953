import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App } from 'antd';
import '../i18n';
import i18n from '../i18n';
import type { EntityDef } from '../api/metadata';
import { RecordActions } from './RecordActions';
import { availableActions } from './availability';
import { entityActions } from './api';
import { ProblemError } from '../api/client';

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

const claim = {
  name: 'claim', primaryField: 'note',
  fields: [{ name: 'amount', type: 'integer' }, { name: 'note', type: 'text' }],
  actions: {
    approve: { script: 'scripts/approve.js', label: { en: 'Approve', 'zh-CN': '批准' }, inputSchema: { properties: { reason: { type: 'string', title: 'Reason' } } } },
  },
} as unknown as EntityDef;

/** Answers the action's POST with a 422 carrying these field errors (other requests: an empty list). */
function refuseWith(errors: { pointer: string; detail: string }[]) {
  vi.stubGlobal('fetch', vi.fn(async (url: string, init?: RequestInit) => init?.method === 'POST' && String(url).includes('/actions/')
    ? new Response(JSON.stringify({ type: 'https://platform.dev/problems/validation', title: 'The record is not valid', status: 422, detail: 'x', errors }),
      { status: 422, headers: { 'Content-Type': 'application/problem+json' } })
    : new Response(JSON.stringify({ value: [] }), { status: 200, headers: { 'Content-Type': 'application/json' } })));
}

describe('an action refused at a field', () => {
  const run = async (onFieldProblem: (e: ProblemError) => void) => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(<QueryClientProvider client={client}><App><RecordActions tenant="demo" entity={claim} id="c1" lang="en" record={{ id: 'c1' }} onFieldProblem={onFieldProblem} /></App></QueryClientProvider>);
    fireEvent.click(screen.getByRole('button', { name: /Approve/ }));
    fireEvent.change(await screen.findByLabelText('Reason'), { target: { value: 'because' } });
    fireEvent.click(screen.getByRole('button', { name: 'Run' }));
  };

  it('shows an error at one of its inputs at that input and keeps the dialog open', async () => {
    refuseWith([{ pointer: '/reason', detail: 'say why in your own words' }, { pointer: '/amount', detail: 'needs an amount' }]);
    const onFieldProblem = vi.fn();
    await run(onFieldProblem);

    const message = await screen.findByText('say why in your own words');
    expect(message.closest('.ant-form-item')?.querySelector('label')?.textContent).toBe('Reason');
    expect(screen.getByRole('alert').textContent).toContain('amount: needs an amount');
    expect(onFieldProblem).not.toHaveBeenCalled();
  });

  it('hands an error at a record field to the record form and closes the dialog', async () => {
    refuseWith([{ pointer: '/amount', detail: 'needs an amount before approval' }]);
    const onFieldProblem = vi.fn();
    await run(onFieldProblem);

    await waitFor(() => expect(onFieldProblem).toHaveBeenCalledTimes(1));
    const problem = onFieldProblem.mock.calls[0][0] as ProblemError;
    expect(problem.fieldErrors()).toEqual({ amount: ['needs an amount before approval'] });
    await waitFor(() => expect(screen.queryByLabelText('Reason')).toBeNull());
  });
});
