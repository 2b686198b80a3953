import { describe, expect, it } from 'vitest';
import { buildApply, readRows } from './apply';
import type { ChartDoc } from './types';

const chart = (c: Partial<ChartDoc>): ChartDoc => ({ id: 'c', title: 'C', type: 'bar', entity: 'opportunity', measure: { aggregate: 'count' }, ...c });

describe('a chart as OData $apply', () => {
  it('filters, then groups by a field with a summed measure', () => {
    expect(buildApply(chart({ filter: "stage ne 'won'", groupBy: 'stage', measure: { aggregate: 'sum', field: 'amount' } })))
      .toBe("filter(stage ne 'won')/groupby((stage),aggregate(amount with sum as measure))");
  });
  it('computes year and month of a date to group by month', () => {
    expect(buildApply(chart({ type: 'line', filter: "stage eq 'won'", groupBy: { field: 'close_date', part: 'month' }, measure: { aggregate: 'sum', field: 'amount' } })))
      .toBe("filter(stage eq 'won')/compute(year(close_date) as year,month(close_date) as month)/groupby((year,month),aggregate(amount with sum as measure))");
  });
  it('counts records with $count, per group or in total for a number', () => {
    expect(buildApply(chart({ entity: 'activity', groupBy: 'owner' }))).toBe('groupby((owner),aggregate($count as measure))');
    expect(buildApply(chart({ type: 'number' }))).toBe('aggregate($count as measure)');
    expect(buildApply(chart({ type: 'number', measure: { aggregate: 'countdistinct', field: 'account' } }))).toBe('aggregate(account with countdistinct as measure)');
    expect(buildApply(chart({ type: 'number', measure: { aggregate: 'avg', field: 'amount' } }))).toBe('aggregate(amount with average as measure)');
  });
});

describe('reading the answer', () => {
  it('keeps each group value with its measure, empty measures as 0', () => {
    expect(readRows(chart({ groupBy: 'stage' }), { value: [{ stage: 'prospecting', measure: 12000 }, { stage: null, measure: null }] }))
      .toEqual([{ key: { value: 'prospecting' }, value: 12000 }, { key: { value: null }, value: 0 }]);
  });
  it('orders month buckets in time and drops records without a date', () => {
    const rows = readRows(chart({ groupBy: { field: 'close_date', part: 'month' }, measure: { aggregate: 'max', field: 'amount' } }), { value: [
      { year: 2026, month: 3, measure: 5 }, { year: 2025, month: 12, measure: 7 }, { year: null, month: null, measure: 1 }] });
    expect(rows).toEqual([{ key: { year: 2025, month: 12 }, value: 7 }, { key: { year: 2026, month: 3 }, value: 5 }]);
  });
  it('fills months without records with 0 for sums and counts, not for averages', () => {
    const answer = { value: [{ year: 2025, month: 11, measure: 5 }, { year: 2026, month: 2, measure: 7 }] };
    expect(readRows(chart({ groupBy: { field: 'close_date', part: 'month' }, measure: { aggregate: 'sum', field: 'amount' } }), answer).map((r) => [r.key, r.value]))
      .toEqual([[{ year: 2025, month: 11 }, 5], [{ year: 2025, month: 12 }, 0], [{ year: 2026, month: 1 }, 0], [{ year: 2026, month: 2 }, 7]]);
    expect(readRows(chart({ groupBy: { field: 'close_date', part: 'month' }, measure: { aggregate: 'avg', field: 'amount' } }), answer)).toHaveLength(2);
  });
  it('reads a total as one row', () => {
    expect(readRows(chart({ type: 'number' }), { value: [{ measure: '42.5' }] })).toEqual([{ key: { value: null }, value: 42.5 }]);
  });
  it('refuses an answer of records instead of groups', () => {
    expect(() => readRows(chart({ groupBy: 'stage' }), { value: [{ id: 'x', stage: 'won' }] })).toThrow(/did not aggregate/);
  });
});
