import { describe, expect, it } from 'vitest';
import type { EntityDef } from '../api/metadata';
import { axisFormatter, groupLabel, inOptionOrder, measureFormatter } from './labels';
import type { ChartDoc } from './types';

const opportunity: EntityDef = {
  name: 'opportunity', fields: [
    { name: 'stage', type: 'choice', options: [{ value: 'prospecting', label: { en: 'Prospecting', 'zh-CN': '潜在' } }] },
    { name: 'amount', type: 'currency' }, { name: 'close_date', type: 'date' },
  ],
};
const chart = (c: Partial<ChartDoc>): ChartDoc => ({ id: 'c', title: 'C', type: 'bar', entity: 'opportunity', measure: { aggregate: 'count' }, ...c });
const words = { empty: '(empty)', yes: 'Yes', no: 'No' };

describe('group labels', () => {
  it('shows choice values by their option label in the language', () => {
    expect(groupLabel(chart({ groupBy: 'stage' }), opportunity, { value: 'prospecting' }, { lang: 'zh-CN', words })).toBe('潜在');
    expect(groupLabel(chart({ groupBy: 'stage' }), opportunity, { value: 'prospecting' }, { lang: 'en', words })).toBe('Prospecting');
  });
  it('names months through Intl', () => {
    const byMonth = chart({ groupBy: { field: 'close_date', part: 'month' } });
    expect(groupLabel(byMonth, opportunity, { year: 2026, month: 3 }, { lang: 'en', words })).toBe('Mar 2026');
    expect(groupLabel(byMonth, opportunity, { year: 2026, month: 3 }, { lang: 'zh-CN', words })).toBe('2026年3月');
  });
  it('names owners from the names it was given, else by a short id, and empty groups as such', () => {
    const byOwner = chart({ groupBy: 'owner' });
    const id = '0190a4c2-0000-7000-8000-000000000002';
    expect(groupLabel(byOwner, opportunity, { value: id }, { lang: 'en', words, names: new Map([[id, 'Ada']]) })).toBe('Ada');
    expect(groupLabel(byOwner, opportunity, { value: id }, { lang: 'en', words })).toBe('0190a4c2');
    expect(groupLabel(byOwner, opportunity, { value: null }, { lang: 'en', words })).toBe('(empty)');
  });
});

describe('measure formatting', () => {
  it('shows money sums as money, in 万 in Chinese', () => {
    const sum = chart({ measure: { aggregate: 'sum', field: 'amount' } });
    expect(measureFormatter(sum, opportunity, 'zh-CN')(1_250_000)).toBe('¥125万');
    expect(measureFormatter(sum, opportunity, 'en')(1_250_000)).toBe('CN¥1,250,000');
  });
  it('shows counts as whole numbers', () => {
    expect(measureFormatter(chart({}), opportunity, 'en')(1234)).toBe('1,234');
    expect(measureFormatter(chart({}), opportunity, 'zh-CN')(123_456)).toBe('12.35万');
  });
});

describe('group order', () => {
  it('puts choice groups in the order of the options, unknown values last', () => {
    const rows = [{ key: { value: 'x' } }, { key: { value: 'prospecting' } }];
    expect(inOptionOrder(rows, chart({ groupBy: 'stage' }), opportunity).map((r) => (r.key as { value: string }).value)).toEqual(['prospecting', 'x']);
  });
});

describe('axis ticks', () => {
  it('are compact in both languages', () => {
    const sum = chart({ measure: { aggregate: 'sum', field: 'amount' } });
    expect(axisFormatter(sum, opportunity, 'en')(7_000_000)).toBe('CN¥7M');
    expect(axisFormatter(sum, opportunity, 'zh-CN')(7_000_000)).toBe('¥700万');
    expect(axisFormatter(chart({}), opportunity, 'en')(1500)).toBe('1.5K');
  });
});
