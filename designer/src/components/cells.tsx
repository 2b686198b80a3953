// Grid cells, resolved once per column: the field's options, labels and Intl formatters are looked up when the
// column is made, so drawing a cell is a map lookup or a cached format() call and plain elements (no antd
// components, no router hooks) — while scrolling, every row on screen can be new in every frame.
import type { ReactNode } from 'react';
import type { FieldDef } from '../api/metadata';
import type { RecordData } from '../api/records';
import { currency, localeText, toNumber } from '../format';
import { lookupText, specOf, type DisplayContext } from '../fields/registry';

export type CellRender = (row: RecordData) => ReactNode;

const dash = <span className="dg-empty" aria-label="—">—</span>;
const isEmpty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();
function numberFormat(lang: string, options: Intl.NumberFormatOptions) {
  const key = lang + JSON.stringify(options);
  let f = numberFormats.get(key);
  if (!f) numberFormats.set(key, (f = new Intl.NumberFormat(lang, options)));
  return f;
}
function dateFormat(lang: string, options: Intl.DateTimeFormatOptions) {
  const key = lang + JSON.stringify(options);
  let f = dateFormats.get(key);
  if (!f) dateFormats.set(key, (f = new Intl.DateTimeFormat(lang, options)));
  return f;
}

/** A date-only value ("2026-01-31") is a calendar day: read in local time, so it never shifts by the time zone. */
function parseDate(value: string, dateOnly: boolean): Date | null {
  const m = dateOnly ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  const d = m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** The text a cell shows for a number-like field (also used by the tests). */
export function numberCellText(field: FieldDef, lang: string, compactLarge = true): (value: unknown) => string | null {
  const zh = compactLarge && lang.startsWith('zh');
  if (field.type === 'currency') {
    const scale = field.scale ?? 2;
    const full = numberFormat(lang, { style: 'currency', currency: currency(), minimumFractionDigits: Math.min(scale, 2), maximumFractionDigits: scale });
    const compact = numberFormat(lang, { style: 'currency', currency: currency(), notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: 2 });
    return (v) => { const n = toNumber(v); return n === null ? null : zh && Math.abs(n) >= 10_000 ? compact.format(n) : full.format(n); };
  }
  const plain = numberFormat(lang, { maximumFractionDigits: field.type === 'integer' ? 0 : field.scale ?? 20 });
  const compact = numberFormat(lang, { notation: 'compact', maximumFractionDigits: 2 });
  return (v) => { const n = toNumber(v); return n === null ? null : zh && Math.abs(n) >= 10_000 ? compact.format(n) : plain.format(n); };
}

/** The in-app route of an href under the app's base ("/app/demo/account/1" → "/demo/account/1"), for the grid's one click handler. */
export function routeOf(href: string): string {
  const base = import.meta.env.BASE_URL;
  return href.startsWith(base) ? `/${href.slice(base.length).replace(/^\//, '')}` : href;
}

/** How one column draws its cells. Types the grid does not know draw through the field registry's display. */
export function cellRenderer(field: FieldDef, ctx: DisplayContext): CellRender {
  const name = field.name;
  const lang = ctx.lang;
  const numberText = numberCellText(field, lang);
  switch (field.type) {
    case 'text': case 'longtext': case 'autonumber':
      return (row) => { const v = row[name]; return isEmpty(v) ? dash : String(v); };
    case 'email': case 'phone': case 'url': {
      const href = field.type === 'email' ? (v: string) => `mailto:${v}` : field.type === 'phone' ? (v: string) => `tel:${v.replace(/\s/g, '')}`
        : (v: string) => (/^https?:\/\//i.test(v) ? v : '');
      return (row) => {
        const v = row[name];
        if (isEmpty(v)) return dash;
        const text = String(v);
        const to = href(text);
        return to ? <a href={to} target={field.type === 'url' ? '_blank' : undefined} rel="noreferrer" tabIndex={-1}>{text}</a> : text;
      };
    }
    case 'integer': case 'decimal': return (row) => numberText(row[name]) ?? dash;
    case 'currency': {
      // zh-CN shows large amounts as 万/亿 with the full amount as the cell's title.
      const full = numberCellText(field, lang, false);
      return (row) => {
        const shown = numberText(row[name]);
        if (shown === null) return dash;
        const whole = full(row[name]);
        return whole === shown ? shown : <span title={whole ?? undefined}>{shown}</span>;
      };
    }
    case 'boolean': {
      const [yes, no] = lang.startsWith('zh') ? ['是', '否'] : ['Yes', 'No'];
      return (row) => { const v = row[name]; return v === null || v === undefined ? dash : v ? yes : no; };
    }
    case 'date': case 'datetime': {
      const format = dateFormat(lang, field.type === 'date' ? { dateStyle: 'medium' } : { dateStyle: 'medium', timeStyle: 'short' });
      const dateOnly = field.type === 'date';
      return (row) => {
        const v = row[name];
        if (isEmpty(v)) return dash;
        const d = parseDate(String(v), dateOnly);
        return d ? format.format(d) : String(v);
      };
    }
    case 'choice': case 'multichoice': {
      const labels = new Map((field.options ?? []).map((o) => [o.value, localeText(o.label, lang, o.value)]));
      // Keyed by place, not value: a row element handed another record keeps its tags and only their text changes.
      const tag = (x: unknown, i = 0) => <span key={i} className="dg-tag">{labels.get(String(x)) ?? String(x)}</span>;
      return field.type === 'choice'
        ? (row) => { const v = row[name]; return isEmpty(v) ? dash : tag(v); }
        : (row) => { const v = row[name]; return isEmpty(v) ? dash : <>{(v as unknown[]).map(tag)}</>; };
    }
    case 'lookup':
      return (row) => {
        const v = row[name];
        if (isEmpty(v)) return dash;
        const o = typeof v === 'object' ? (v as Record<string, unknown>) : { id: v };
        const label = lookupText(o);
        if (!ctx.lookupHref || !field.target || !o.id) return label;
        const href = ctx.lookupHref(field.target, String(o.id));
        return <a href={href} data-route={routeOf(href)} tabIndex={-1}>{label}</a>;
      };
    default: {
      const spec = specOf(field);
      return (row) => spec.display(row[name], field, ctx);
    }
  }
}
