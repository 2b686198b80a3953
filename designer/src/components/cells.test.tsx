import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from '@testing-library/react';
import type { FieldDef } from '../api/metadata';
import { cellRenderer, routeOf } from './cells';

const ctx = { lang: 'en', compact: true, lookupHref: (t: string, id: string) => `${import.meta.env.BASE_URL}demo/${t}/${id}` };
const text = (node: React.ReactNode) => { const { container } = render(<div>{node}</div>); return container.textContent; };

afterEach(() => vi.restoreAllMocks());

describe('grid cells', () => {
  it('show choice labels in the language, numbers and money formatted, empty values as a dash', () => {
    const tier: FieldDef = { name: 'tier', type: 'choice', options: [{ value: 'vip', label: { en: 'VIP', 'zh-CN': '贵宾' } }] };
    const revenue: FieldDef = { name: 'revenue', type: 'currency' };
    expect(text(cellRenderer(tier, ctx)({ tier: 'vip' }))).toBe('VIP');
    expect(text(cellRenderer(tier, { ...ctx, lang: 'zh-CN' })({ tier: 'vip' }))).toBe('贵宾');
    expect(text(cellRenderer({ name: 'n', type: 'integer' }, ctx)({ n: 1234567 }))).toBe('1,234,567');
    expect(text(cellRenderer(revenue, ctx)({ revenue: 1250000 }))).toContain('1,250,000.00');
    expect(text(cellRenderer(revenue, { ...ctx, lang: 'zh-CN' })({ revenue: 1250000 }))).toContain('万');
    expect(text(cellRenderer(tier, ctx)({ tier: null }))).toBe('—');
  });

  it('show a date-only value as that calendar day in any time zone', () => {
    const close: FieldDef = { name: 'close', type: 'date' };
    expect(text(cellRenderer(close, ctx)({ close: '2027-01-31' }))).toBe('Jan 31, 2027');
  });

  it('build their formatters once per column, not once per cell', () => {
    const fields: FieldDef[] = [{ name: 'a', type: 'date' }, { name: 'b', type: 'decimal', scale: 3 }, { name: 'c', type: 'currency' }];
    const renders = fields.map((f) => cellRenderer(f, { ...ctx, lang: 'en-GB' }));
    const dates = vi.spyOn(Intl, 'DateTimeFormat');
    const numbers = vi.spyOn(Intl, 'NumberFormat');
    for (let i = 0; i < 500; i++) for (const r of renders) r({ a: '2026-01-01', b: i / 7, c: i * 100 });
    expect(dates).not.toHaveBeenCalled();
    expect(numbers).not.toHaveBeenCalled();
  });

  it('link lookups to the record in the app, for the grid to navigate without a reload', () => {
    const account: FieldDef = { name: 'account', type: 'lookup', target: 'account' };
    const { container } = render(<div>{cellRenderer(account, ctx)({ account: { id: 'a1', name: 'Acme' } })}</div>);
    const a = container.querySelector('a')!;
    expect(a.textContent).toBe('Acme');
    expect(a.dataset.route).toBe('/demo/account/a1');
    expect(routeOf(`${import.meta.env.BASE_URL}demo/x/1`)).toBe('/demo/x/1');
  });
});
