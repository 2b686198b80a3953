// A chart's query as OData $apply on the list route (GET /data/{entity}?$apply=...), and its answer read back as rows.
import type { ChartDoc, ChartRow, DatePart, GroupKey } from './types';

/** The alias of the measured value in the answer. */
export const MEASURE = 'measure';

const PARTS: Record<DatePart, DatePart[]> = { year: ['year'], month: ['year', 'month'], day: ['year', 'month', 'day'] };

/** The date parts a group by a date part is bucketed by: a month is of a year, a day of a month. */
export const partsOf = (part: DatePart): DatePart[] => PARTS[part];

function aggregateOf(chart: ChartDoc): string {
  const m = chart.measure ?? { aggregate: 'count' };
  return m.aggregate === 'count' || !m.field ? `$count as ${MEASURE}` : `${m.field} with ${m.aggregate} as ${MEASURE}`;
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
  return rows
    .filter((r) => r.year != null)
    .map((r) => ({ key: Object.fromEntries(parts.map((p) => [p, num(r[p])])) as GroupKey, value: num(r[MEASURE]) }))
    .sort((a, b) => order(a.key) - order(b.key));
}

const order = (k: GroupKey) => ('year' in k ? k.year * 10_000 + (k.month ?? 0) * 100 + (k.day ?? 0) : 0);
