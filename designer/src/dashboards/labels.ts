// How a group reads on an axis, a slice and in the data table: date buckets through Intl, choice values by their
// option labels, lookups and owners by name where known, and the measure in the locale's number style (zh-CN 万/亿).
import type { EntityDef, FieldDef } from '../api/metadata';
import { currency, formatCurrency, formatNumber, localeText } from '../format';
import type { ChartDoc, GroupKey } from './types';

/** Fields every record has without declaring them; grouped by, they are user ids or dates. */
export const SYSTEM_USER_FIELDS = new Set(['owner', 'created_by', 'modified_by']);

export interface LabelContext {
  lang: string;
  /** Names of lookup targets and users by id. */
  names?: Map<string, string>;
  /** "(empty)", "Yes", "No" in the user's language. */
  words: { empty: string; yes: string; no: string };
}

export const groupField = (chart: ChartDoc): string | undefined =>
  typeof chart.groupBy === 'string' ? chart.groupBy : chart.groupBy?.field;

export function fieldOf(entity: EntityDef | undefined, name: string | undefined): FieldDef | undefined {
  if (!entity || !name) return undefined;
  return entity.fields.find((f) => f.name === name)
    ?? (SYSTEM_USER_FIELDS.has(name) ? { name, type: 'lookup', target: 'user' } : undefined);
}

export function groupLabel(chart: ChartDoc, entity: EntityDef | undefined, key: GroupKey, ctx: LabelContext): string {
  if ('year' in key) {
    if (key.month == null) return String(key.year);
    const date = new Date(Date.UTC(key.year, key.month - 1, key.day ?? 1));
    const options: Intl.DateTimeFormatOptions = key.day == null
      ? { year: 'numeric', month: 'short', timeZone: 'UTC' }
      : { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' };
    return new Intl.DateTimeFormat(ctx.lang, options).format(date);
  }
  const value = key.value;
  if (value === null || value === undefined || value === '') return ctx.words.empty;
  const field = fieldOf(entity, groupField(chart));
  if (field?.options) {
    const option = field.options.find((o) => o.value === value);
    if (option) return localeText(option.label, ctx.lang, String(value));
  }
  if (typeof value === 'boolean') return value ? ctx.words.yes : ctx.words.no;
  if (field?.type === 'lookup') return ctx.names?.get(String(value)) ?? String(value).slice(0, 8);
  if (typeof value === 'number') return formatNumber(value, ctx.lang);
  return String(value);
}

/** Money measures as money, counts as whole numbers, averages with two decimals; compact (万/亿) in zh-CN. */
export function measureFormatter(chart: ChartDoc, entity: EntityDef | undefined, lang: string): (value: number) => string {
  const measure = chart.measure;
  const field = measure?.field ? fieldOf(entity, measure.field) : undefined;
  if (field?.type === 'currency' && measure?.aggregate !== 'countdistinct')
    return (v) => formatCurrency(v, lang, { compact: true, scale: measure?.aggregate === 'avg' ? 2 : 0 });
  const scale = measure?.aggregate === 'avg' ? 2 : field?.scale ?? 0;
  return (v) => formatNumber(v, lang, { compact: true, scale });
}

/** Groups of a choice field in the order of its options (the pipeline's stages in their order), others after. */
export function inOptionOrder<T extends { key: GroupKey }>(rows: T[], chart: ChartDoc, entity: EntityDef | undefined): T[] {
  const options = fieldOf(entity, groupField(chart))?.options;
  if (!options) return rows;
  const rank = (r: T) => { const k = r.key; const i = 'value' in k ? options.findIndex((o) => o.value === k.value) : -1; return i < 0 ? options.length : i; };
  return [...rows].sort((a, b) => rank(a) - rank(b));
}

/** Axis ticks stay short in every language (CN¥7M, ¥700万): the exact figures are in the tooltip and the data table. */
export function axisFormatter(chart: ChartDoc, entity: EntityDef | undefined, lang: string): (value: number) => string {
  const field = chart.measure?.field ? fieldOf(entity, chart.measure.field) : undefined;
  const money = field?.type === 'currency' && chart.measure?.aggregate !== 'countdistinct';
  const format = new Intl.NumberFormat(lang, { notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: 1, ...(money ? { style: 'currency', currency: currency() } : {}) });
  return (v) => format.format(v);
}
