// A chart's query as OData $apply on the list route (GET /data/{entity}?$apply=...), and its answer read back as rows.
import type { ChartDoc, ChartRow, DatePart, GroupKey } from './types';

/** The alias of the measured value in the answer. */
export const MEASURE = 'measure';

const PARTS: Record<DatePart, DatePart[]> = { year: ['year'], month: ['year', 'month'], day: ['year', 'month', 'day'] };

/** The date parts a group by a date part is bucketed by: a month is of a year, a day of a month. */
export const partsOf = (part: DatePart): DatePart[] => PARTS[part];

// The documents say avg (like views' aggregates); OData's aggregate method is average.
const METHOD: Record<string, string> = { avg: 'average' };

function aggregateOf(chart: ChartDoc): string {
  const m = chart.measure ?? { aggregate: 'count' };
  return m.aggregate === 'count' || !m.field ? `$count as ${MEASURE}` : `${m.field} with ${METHOD[m.aggregate] ?? m.aggregate} as ${MEASURE}`;
}

/**
 * filter(...)/compute(...)/groupby((...),aggregate(...)), or aggregate(...) alone for a number chart, e.g.
 * filter(stage eq 'won')/compute(year(close_date) as year,month(close_date) as month)/groupby((year,month),aggregate(amount with sum as measure)).
 */
export function buildApply(chart: ChartDoc): string {
  const steps: string[] = [];
  if (chart.filter) steps.push(`filter(${chart.filter})`);
  const aggregate = `aggregate(${aggregateOf(chart)})`;
  const g = chart.groupBy;
  if (!g || chart.type === 'number') steps.push(aggregate);
  else if (typeof g === 'string') steps.push(`groupby((${g}),${aggregate})`);
  else {
    const parts = partsOf(g.part);
    steps.push(`compute(${parts.map((p) => `${p}(${g.field}) as ${p}`).join(',')})`);
    steps.push(`groupby((${parts.join(',')}),${aggregate})`);
  }
  return steps.join('/');
}

const num = (v: unknown): number => (typeof v === 'number' ? v : Number(v ?? 0)) || 0;

/** The groups in the answer ({value: [{stage, measure}]}), date buckets in time order, empty measures as 0. */
export function readRows(chart: ChartDoc, answer: { value?: Record<string, unknown>[] }): ChartRow[] {
  const rows = answer.value ?? [];
  // A host that ignored $apply would answer records: never chart those as if they were groups.
  if (rows.length && !(MEASURE in rows[0])) throw new Error(`The answer has no '${MEASURE}': the host did not aggregate.`);
  const g = chart.groupBy;
  if (!g || chart.type === 'number') return rows.slice(0, 1).map((r) => ({ key: { value: null }, value: num(r[MEASURE]) }));
  if (typeof g === 'string') return rows.map((r) => ({ key: { value: r[g] ?? null }, value: num(r[MEASURE]) }));
  const parts = partsOf(g.part);
  const sorted = rows
    .filter((r) => r.year != null)
    .map((r) => ({ key: Object.fromEntries(parts.map((p) => [p, num(r[p])])) as GroupKey, value: num(r[MEASURE]) }))
    .sort((a, b) => order(a.key) - order(b.key));
  // A month or year without records summed or counted nothing: shown as 0, so a line does not skip over it.
  const additive = ['sum', 'count', 'countdistinct'].includes(chart.measure?.aggregate ?? 'count');
  return additive && g.part !== 'day' ? fillGaps(sorted, g.part) : sorted;
}

const MAX_BUCKETS = 240;

function fillGaps(rows: ChartRow[], part: 'year' | 'month'): ChartRow[] {
  if (rows.length < 2) return rows;
  const index = (k: GroupKey) => ('year' in k ? (part === 'year' ? k.year : k.year * 12 + (k.month ?? 1) - 1) : 0);
  const first = index(rows[0].key), last = index(rows[rows.length - 1].key);
  if (last - first >= MAX_BUCKETS) return rows;
  const byIndex = new Map(rows.map((r) => [index(r.key), r]));
  const filled: ChartRow[] = [];
  for (let i = first; i <= last; i++) {
    const key: GroupKey = part === 'year' ? { year: i } : { year: Math.floor(i / 12), month: (i % 12) + 1 };
    filled.push(byIndex.get(i) ?? { key, value: 0 });
  }
  return filled;
}

const order = (k: GroupKey) => ('year' in k ? k.year * 10_000 + (k.month ?? 0) * 100 + (k.day ?? 0) : 0);
