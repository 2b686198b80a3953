// Where a click on a bar or slice leads: the list of the chart's entity, filtered by the chart's filter and the group.
import type { EntityDef } from '../api/metadata';
import type { ColumnFilter } from '../odata';
import { odataString } from '../odata';
import { URL_FILTER_PARAM } from '../listUrlFilter';
import { fieldOf, groupField } from './labels';
import type { ChartDoc, GroupKey } from './types';

const pad = (n: number) => String(n).padStart(2, '0');

/** The first and last day of a date bucket (the last day of a month from the day before the next month's first). */
function bucketRange(key: { year: number; month?: number; day?: number }): [string, string] {
  if (key.month == null) return [`${key.year}-01-01`, `${key.year}-12-31`];
  if (key.day != null) { const d = `${key.year}-${pad(key.month)}-${pad(key.day)}`; return [d, d]; }
  const last = new Date(Date.UTC(key.year, key.month, 0)).getUTCDate();
  return [`${key.year}-${pad(key.month)}-01`, `${key.year}-${pad(key.month)}-${pad(last)}`];
}

function literal(value: unknown, type: string | undefined): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return type === 'lookup' ? String(value) : odataString(String(value));
}

/**
 * The list URL (under the tenant) of the records behind a group. The group goes into the list's column filters
 * (?f=) when it is an entity field the list can filter by, so it shows in that column's filter; anything else (system
 * fields, empty values) is added to the URL filter with the chart's own.
 */
export function drillHref(tenant: string, chart: ChartDoc, entity: EntityDef | undefined, key: GroupKey | null, label?: string): string {
  const params = new URLSearchParams();
  const extra: string[] = [];
  const columns: Record<string, ColumnFilter> = {};
  const name = groupField(chart);
  const declared = name ? entity?.fields.find((f) => f.name === name) : undefined;
  const field = fieldOf(entity, name);
  if (key && name) {
    if ('year' in key) {
      const [from, to] = bucketRange(key);
      if (declared) columns[name] = field?.type === 'datetime'
        ? { kind: 'date', from: `${from}T00:00:00Z`, to: `${to}T23:59:59Z` }
        : { kind: 'date', from, to };
      else extra.push(`${name} ge ${from}T00:00:00Z and ${name} le ${to}T23:59:59Z`);
    } else {
      const v = key.value;
      if (declared && v !== null && v !== undefined && v !== '') {
        if (declared.type === 'choice') columns[name] = { kind: 'choice', values: [String(v)] };
        else if (declared.type === 'lookup') columns[name] = { kind: 'lookup', id: String(v), label };
        else if (typeof v === 'boolean') columns[name] = { kind: 'boolean', value: v };
        else extra.push(`${name} eq ${literal(v, declared.type)}`);
      } else extra.push(`${name} eq ${literal(v === '' ? null : v, field?.type)}`);
    }
  }
  const filter = [chart.filter, ...extra].filter(Boolean);
  if (filter.length) params.set(URL_FILTER_PARAM, filter.length === 1 ? filter[0]! : filter.map((p) => `(${p})`).join(' and '));
  if (Object.keys(columns).length) params.set('f', JSON.stringify(columns));
  const qs = params.toString();
  return `/${tenant}/${chart.entity}${qs ? `?${qs}` : ''}`;
}
