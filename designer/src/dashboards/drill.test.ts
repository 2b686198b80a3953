import { describe, expect, it } from 'vitest';
import type { EntityDef } from '../api/metadata';
import { drillHref } from './drill';
import type { ChartDoc } from './types';

const opportunity: EntityDef = {
  name: 'opportunity', fields: [
    { name: 'stage', type: 'choice', options: [{ value: 'prospecting' }, { value: 'won' }] },
    { name: 'account', type: 'lookup', target: 'account' }, { name: 'amount', type: 'currency' },
    { name: 'close_date', type: 'date' }, { name: 'occurred_at', type: 'datetime' },
  ],
};
const chart = (c: Partial<ChartDoc>): ChartDoc => ({ id: 'c', title: 'C', type: 'bar', entity: 'opportunity', measure: { aggregate: 'count' }, ...c });
const params = (href: string) => Object.fromEntries(new URL(href, 'http://x').searchParams);

describe('drilling into the list behind a group', () => {
  it('keeps the chart filter and sets the choice group as the column filter', () => {
    const href = drillHref('demo', chart({ filter: "stage ne 'lost'", groupBy: 'stage' }), opportunity, { value: 'prospecting' });
    expect(href.startsWith('/demo/opportunity?')).toBe(true);
    expect(params(href)).toEqual({ filter: "stage ne 'lost'", f: JSON.stringify({ stage: { kind: 'choice', values: ['prospecting'] } }) });
  });
  it('turns a month into a date range from its first to its last day', () => {
    const href = drillHref('demo', chart({ groupBy: { field: 'close_date', part: 'month' } }), opportunity, { year: 2024, month: 2 });
    expect(JSON.parse(params(href).f)).toEqual({ close_date: { kind: 'date', from: '2024-02-01', to: '2024-02-29' } });
  });
  it('filters a lookup by its id with the name as the label', () => {
    const href = drillHref('demo', chart({ groupBy: 'account' }), opportunity, { value: '0190a4c2-0000-7000-8000-000000000001' }, 'Acme');
    expect(JSON.parse(params(href).f)).toEqual({ account: { kind: 'lookup', id: '0190a4c2-0000-7000-8000-000000000001', label: 'Acme' } });
  });
  it('puts a system field and an empty group into the URL filter', () => {
    const owner = drillHref('demo', chart({ entity: 'opportunity', filter: "stage eq 'won'", groupBy: 'owner' }), opportunity, { value: '0190a4c2-0000-7000-8000-000000000002' });
    expect(params(owner)).toEqual({ filter: "(stage eq 'won') and (owner eq 0190a4c2-0000-7000-8000-000000000002)" });
    expect(params(drillHref('demo', chart({ groupBy: 'stage' }), opportunity, { value: null }))).toEqual({ filter: 'stage eq null' });
  });
  it('opens the chart filter alone for a total', () => {
    expect(drillHref('demo', chart({ type: 'number', filter: "stage eq 'won'" }), opportunity, null)).toBe("/demo/opportunity?filter=stage+eq+%27won%27");
  });
});
