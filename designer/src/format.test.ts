import { describe, expect, it } from 'vitest';
import { formatCurrency, formatNumber, humanize, localeText } from './format';
import { combineFilters, filterToOData, searchToOData } from './odata';
import { guardComposingEnter, isComposing } from './ime';

describe('format', () => {
  it('shows large zh-CN amounts as 万/亿', () => {
    expect(formatCurrency(1_250_000, 'zh-CN', { compact: true })).toBe('¥125万');
    expect(formatNumber(1_250_000, 'zh-CN', { compact: true })).toBe('125万');
    expect(formatNumber(230_000_000, 'zh-CN', { compact: true })).toBe('2.3亿');
    expect(formatCurrency(9_999, 'zh-CN', { compact: true })).toBe('¥9,999.00');
  });
  it('never shows K/M in English lists: amounts stay in full', () => {
    expect(formatCurrency(1_250_000, 'en', { compact: true })).toBe('CN¥1,250,000.00');
  });
  it('picks labels from locale maps', () => {
    expect(localeText({ en: 'Opportunity', 'zh-CN': '商机' }, 'zh-CN')).toBe('商机');
    expect(localeText({ en: 'Opportunity' }, 'zh-CN')).toBe('Opportunity');
    expect(localeText(undefined, 'en', 'x')).toBe('x');
    expect(humanize('close_date')).toBe('Close date');
  });
});

describe('odata', () => {
  const f = (name: string, type: string) => ({ name, type });
  it('maps column filters to $filter', () => {
    expect(filterToOData(f('name', 'text'), { kind: 'text', value: "O'Brien" })).toBe("contains(name,'O''Brien')");
    expect(filterToOData(f('amount', 'currency'), { kind: 'number', min: 10, max: 20 })).toBe('amount ge 10 and amount le 20');
    expect(filterToOData(f('close_date', 'date'), { kind: 'date', from: '2026-01-01', to: null })).toBe('close_date ge 2026-01-01');
    expect(filterToOData(f('stage', 'choice'), { kind: 'choice', values: ['won', 'lost'] })).toBe("stage in ('won','lost')");
    expect(filterToOData(f('tags', 'multichoice'), { kind: 'multichoice', values: ['key'] })).toBe("(tags/any(t: t eq 'key'))");
    expect(filterToOData(f('done', 'boolean'), { kind: 'boolean', value: false })).toBe('done eq false');
    expect(combineFilters(['a eq 1', null, 'b eq 2'])).toBe('(a eq 1) and (b eq 2)');
    expect(searchToOData([f('name', 'text'), f('city', 'text')], 'x')).toBe("(contains(name,'x') or contains(city,'x'))");
  });
});

describe('ime', () => {
  it('treats isComposing and keyCode 229 as composing', () => {
    expect(isComposing(new KeyboardEvent('keydown', { key: 'Enter', isComposing: true }))).toBe(true);
    expect(isComposing(new KeyboardEvent('keydown', { key: 'Enter', keyCode: 229 }))).toBe(true);
    expect(isComposing(new KeyboardEvent('keydown', { key: 'Enter' }))).toBe(false);
  });
  it('stops Enter while composing', () => {
    const native = new KeyboardEvent('keydown', { key: 'Enter', isComposing: true });
    let prevented = false;
    guardComposingEnter({ key: 'Enter', nativeEvent: native, preventDefault: () => { prevented = true; }, stopPropagation: () => {} } as never);
    expect(prevented).toBe(true);
  });
});
