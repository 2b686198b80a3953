import { describe, expect, it } from 'vitest';
import type { FieldDef, ViewDoc } from '../api/metadata';
import { isModified, parseSort, toSavedView, viewHref } from './viewState';

const view: ViewDoc = { id: 'opportunity-pipeline', entity: 'opportunity', columns: ['name', 'stage', 'amount'], orderBy: 'close_date', filter: "stage ne 'lost'", widths: { name: 240 }, kanban: { groupBy: 'stage' } };
const fields = new Map<string, FieldDef>([
  ['name', { name: 'name', type: 'text' }],
  ['stage', { name: 'stage', type: 'choice', options: [{ value: 'won' }, { value: 'lost' }] }],
  ['amount', { name: 'amount', type: 'currency' }],
]);

describe('view state', () => {
  it('is not modified while the URL only names the view, the page or the board', () => {
    expect(isModified(new URLSearchParams('view=opportunity-pipeline&page=2&board=1'), view)).toBe(false);
  });

  it('is modified by a search, a column filter, another sort or other columns', () => {
    expect(isModified(new URLSearchParams('q=acme'), view)).toBe(true);
    expect(isModified(new URLSearchParams('f={"amount":{"kind":"number","min":10}}'), view)).toBe(true);
    expect(isModified(new URLSearchParams('sort=amount desc'), view)).toBe(true);
    expect(isModified(new URLSearchParams('cols=name,amount'), view)).toBe(true);
  });

  it('is not modified when the URL holds the saved sort and columns again', () => {
    expect(isModified(new URLSearchParams('sort=close_date&cols=name,stage,amount&f={}'), view)).toBe(false);
  });

  it('parses a sort into fields and directions without the id tie-breaker', () => {
    expect(parseSort('amount desc,name,id')).toEqual([{ field: 'amount', direction: 'desc' }, { field: 'name' }]);
    expect(parseSort('')).toEqual([]);
  });

  it('saves what is on screen: the view filter and the column filters combined, the sort and columns shown, the board kept', () => {
    const body = toSavedView('Big deals', view, { search: '', sort: 'amount desc', columns: ['name', 'amount'], filters: { amount: { kind: 'number', min: 1000 } } }, fields, []);
    expect(body.label).toBe('Big deals');
    expect(body.columns).toEqual([{ field: 'name', width: 240 }, { field: 'amount' }]);
    expect(body.sort).toEqual([{ field: 'amount', direction: 'desc' }]);
    expect(body.filter).toContain("stage ne 'lost'");
    expect(body.filter).toContain('amount ge 1000');
    expect(body.kanban).toEqual({ groupBy: 'stage' });
  });

  it('links to a view without any unsaved change', () => {
    expect(viewHref('demo', 'opportunity', 'abc', true)).toBe('/demo/opportunity?view=abc&board=1');
    expect(viewHref('demo', 'opportunity', undefined, false)).toBe('/demo/opportunity');
  });
});
