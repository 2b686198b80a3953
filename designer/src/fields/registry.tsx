// One registry keyed by field type: how a value is shown (display), edited (input), turned into a request body
// value (toApi), read from a record into the form (fromApi), and filtered in a list (filterKind).
import type { ReactNode } from 'react';
import { DatePicker, Input, InputNumber, Select, Switch, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { EntityDef, FieldDef } from '../api/metadata';
import { formatCurrency, formatDate, formatDateTime, formatNumber, localeText, toNumber, currency } from '../format';
import { guardComposingEnter } from '../ime';
import { LookupInput } from './LookupInput';

export type FilterKind = 'text' | 'number' | 'boolean' | 'date' | 'choice' | 'multichoice' | 'lookup' | 'none';

export interface InputProps {
  id?: string;
  field: FieldDef;
  lang: string;
  tenant: string;
  value?: unknown;
  onChange?: (v: unknown) => void;
  disabled?: boolean;
  'aria-label'?: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}

export interface DisplayContext { lang: string; compact?: boolean; tenant?: string; lookupHref?: (target: string, id: string) => string }

export interface FieldTypeSpec {
  display: (value: unknown, field: FieldDef, ctx: DisplayContext) => ReactNode;
  Input: (p: InputProps) => ReactNode;
  readOnly?: boolean;
  filterKind: FilterKind;
  fromApi?: (value: unknown) => unknown;
  toApi?: (value: unknown) => unknown;
  /** Which text to search (contains) for this type; false for types that cannot be searched. */
  searchable?: boolean;
}

const empty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
const dash = <span aria-label="—" style={{ color: 'var(--ant-color-text-quaternary, #bbb)' }}>—</span>;
export const optionLabel = (field: FieldDef, value: unknown, lang: string) => {
  const o = field.options?.find((x) => x.value === value);
  return o ? localeText(o.label, lang, o.value) : String(value);
};

const textInput = (type?: string) => function TextInput(p: InputProps) {
  return <Input id={p.id} type={type} value={(p.value as string) ?? ''} maxLength={p.field.maxLength} disabled={p.disabled}
    aria-label={p['aria-label']} aria-invalid={p['aria-invalid']} aria-describedby={p['aria-describedby']}
    onKeyDown={guardComposingEnter} onChange={(e) => p.onChange?.(e.target.value)} />;
};

const numberInput = (kind: 'integer' | 'decimal' | 'currency') => function NumberInput(p: InputProps) {
  const scale = kind === 'integer' ? 0 : p.field.scale ?? 2;
  return <InputNumber id={p.id} style={{ width: '100%' }} value={p.value as number | null} disabled={p.disabled}
    min={p.field.min} max={p.field.max} precision={kind === 'decimal' ? undefined : scale} step={kind === 'integer' ? 1 : undefined}
    prefix={kind === 'currency' ? currencySymbol(p.lang) : undefined}
    aria-label={p['aria-label']} aria-invalid={p['aria-invalid']} aria-describedby={p['aria-describedby']}
    formatter={(v) => (v === undefined || v === null || String(v) === '' ? '' : groupDigits(String(v)))}
    parser={(v) => (v ?? '').replace(/[^\d.-]/g, '') as unknown as number}
    onKeyDown={guardComposingEnter} onChange={(v) => p.onChange?.(v)} />;
};

function groupDigits(s: string): string {
  const [int, frac] = s.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac !== undefined ? `${grouped}.${frac}` : grouped;
}

function currencySymbol(lang: string): string {
  return new Intl.NumberFormat(lang, { style: 'currency', currency: currency(), currencyDisplay: 'narrowSymbol' })
    .formatToParts(0).find((x) => x.type === 'currency')?.value ?? currency();
}

const link = (href: string, text: string) => (
  <a href={href} target={href.startsWith('http') ? '_blank' : undefined} rel="noreferrer" onClick={(e) => e.stopPropagation()}>{text}</a>
);

const text: FieldTypeSpec = {
  display: (v) => (empty(v) ? dash : String(v)),
  Input: textInput(), filterKind: 'text', searchable: true,
};

export const registry: Record<string, FieldTypeSpec> = {
  text,
  longtext: {
    display: (v, _f, ctx) => (empty(v) ? dash : ctx.compact
      ? <Typography.Text ellipsis style={{ maxWidth: 280 }}>{String(v)}</Typography.Text>
      : <span style={{ whiteSpace: 'pre-wrap' }}>{String(v)}</span>),
    Input: (p) => <Input.TextArea id={p.id} value={(p.value as string) ?? ''} autoSize={{ minRows: 3, maxRows: 12 }} disabled={p.disabled}
      aria-label={p['aria-label']} aria-invalid={p['aria-invalid']} aria-describedby={p['aria-describedby']}
      onChange={(e) => p.onChange?.(e.target.value)} />,
    filterKind: 'text', searchable: true,
  },
  integer: {
    display: (v, f, ctx) => { const n = toNumber(v); return n === null ? dash : formatNumber(n, ctx.lang, { scale: 0, compact: ctx.compact }); void f; },
    Input: numberInput('integer'), filterKind: 'number',
  },
  decimal: {
    display: (v, f, ctx) => { const n = toNumber(v); return n === null ? dash : formatNumber(n, ctx.lang, { scale: f.scale, compact: ctx.compact }); },
    Input: numberInput('decimal'), filterKind: 'number',
  },
  currency: {
    display: (v, f, ctx) => {
      const n = toNumber(v);
      if (n === null) return dash;
      const full = formatCurrency(n, ctx.lang, { scale: f.scale });
      const shown = formatCurrency(n, ctx.lang, { scale: f.scale, compact: true });
      return shown === full ? full : <span title={full}>{shown}</span>;
    },
    Input: numberInput('currency'), filterKind: 'number',
  },
  boolean: {
    display: (v, _f, ctx) => (v === null || v === undefined ? dash : v ? (ctx.lang.startsWith('zh') ? '是' : 'Yes') : (ctx.lang.startsWith('zh') ? '否' : 'No')),
    Input: (p) => <Switch id={p.id} checked={!!p.value} disabled={p.disabled} aria-label={p['aria-label']} aria-describedby={p['aria-describedby']}
      onChange={(v) => p.onChange?.(v)} />,
    filterKind: 'boolean',
  },
  date: {
    display: (v, _f, ctx) => (empty(v) ? dash : formatDate(String(v), ctx.lang)),
    Input: (p) => <DatePicker id={p.id} style={{ width: '100%' }} value={p.value as Dayjs | null} disabled={p.disabled}
      aria-label={p['aria-label']} aria-invalid={p['aria-invalid']} aria-describedby={p['aria-describedby']}
      onChange={(d) => p.onChange?.(d)} />,
    fromApi: (v) => (empty(v) ? null : dayjs(String(v))),
    toApi: (v) => (v && dayjs.isDayjs(v) ? v.format('YYYY-MM-DD') : null),
    filterKind: 'date',
  },
  datetime: {
    display: (v, _f, ctx) => (empty(v) ? dash : formatDateTime(String(v), ctx.lang)),
    Input: (p) => <DatePicker id={p.id} showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} value={p.value as Dayjs | null}
      disabled={p.disabled} aria-label={p['aria-label']} aria-invalid={p['aria-invalid']} aria-describedby={p['aria-describedby']}
      onChange={(d) => p.onChange?.(d)} />,
    fromApi: (v) => (empty(v) ? null : dayjs(String(v))),
    toApi: (v) => (v && dayjs.isDayjs(v) ? v.toISOString() : null),
    filterKind: 'date',
  },
  choice: {
    display: (v, f, ctx) => (empty(v) ? dash : <Tag>{optionLabel(f, v, ctx.lang)}</Tag>),
    Input: (p) => <Select id={p.id} value={p.value ?? undefined} allowClear={!p.field.required} disabled={p.disabled} style={{ width: '100%' }}
      aria-label={p['aria-label']} aria-invalid={p['aria-invalid']} aria-describedby={p['aria-describedby']}
      options={(p.field.options ?? []).map((o) => ({ value: o.value, label: localeText(o.label, p.lang, o.value) }))}
      onChange={(v) => p.onChange?.(v ?? null)} />,
    filterKind: 'choice',
  },
  multichoice: {
    display: (v, f, ctx) => (empty(v) ? dash : <>{(v as string[]).map((x) => <Tag key={x}>{optionLabel(f, x, ctx.lang)}</Tag>)}</>),
    Input: (p) => <Select id={p.id} mode="multiple" value={(p.value as string[]) ?? []} disabled={p.disabled} style={{ width: '100%' }}
      aria-label={p['aria-label']} aria-invalid={p['aria-invalid']} aria-describedby={p['aria-describedby']}
      options={(p.field.options ?? []).map((o) => ({ value: o.value, label: localeText(o.label, p.lang, o.value) }))}
      onChange={(v) => p.onChange?.(v)} />,
    toApi: (v) => (Array.isArray(v) ? v : []),
    filterKind: 'multichoice',
  },
  email: { ...text, display: (v) => (empty(v) ? dash : link(`mailto:${v}`, String(v))), Input: textInput('email') },
  phone: { ...text, display: (v) => (empty(v) ? dash : link(`tel:${String(v).replace(/\s/g, '')}`, String(v))), Input: textInput('tel') },
  url: { ...text, display: (v) => (empty(v) ? dash : /^https?:\/\//i.test(String(v)) ? link(String(v), String(v)) : String(v)), Input: textInput('url') },
  lookup: {
    display: (v, f, ctx) => {
      if (empty(v)) return dash;
      const o = typeof v === 'object' ? (v as Record<string, unknown>) : { id: v };
      const label = lookupText(o);
      return ctx.lookupHref && f.target && o.id ? <a href={ctx.lookupHref(f.target, String(o.id))} onClick={(e) => e.stopPropagation()}>{label}</a> : label;
    },
    Input: (p) => <LookupInput {...p} />,
    fromApi: (v) => (empty(v) ? null : typeof v === 'object' ? v : { id: v }),
    toApi: (v) => (empty(v) ? null : typeof v === 'object' ? (v as { id: string }).id : v),
    filterKind: 'lookup',
  },
  autonumber: { ...text, readOnly: true, Input: (p) => <Input id={p.id} value={(p.value as string) ?? ''} disabled aria-label={p['aria-label']} /> },
};

/** The text shown for an expanded lookup: its first string property other than id. */
export function lookupText(o: Record<string, unknown>): string {
  for (const [k, v] of Object.entries(o)) if (k !== 'id' && typeof v === 'string' && v) return v;
  return String(o.id ?? '');
}

/** A string list without options (a plugin type stored as a list of strings): free tags. */
const tags: FieldTypeSpec = {
  display: (v) => (empty(v) ? dash : <>{(Array.isArray(v) ? v : [v]).map((x) => <Tag key={String(x)}>{String(x)}</Tag>)}</>),
  Input: (p) => <Select id={p.id} mode="tags" value={(p.value as string[]) ?? []} disabled={p.disabled} style={{ width: '100%' }} open={false}
    aria-label={p['aria-label']} aria-invalid={p['aria-invalid']} aria-describedby={p['aria-describedby']} tokenSeparators={[',']}
    onChange={(v) => p.onChange?.(v)} />,
  toApi: (v) => (Array.isArray(v) ? v : []),
  filterKind: 'none',
};

/** The widget of each storage kind (the field-types route's "storage"), for types the client does not know. */
export const storageSpecs: Record<string, FieldTypeSpec> = {
  string: text, integer: registry.integer, decimal: registry.decimal, boolean: registry.boolean,
  date: registry.date, dateTime: registry.datetime, datetime: registry.datetime, guid: { ...text, searchable: false }, stringList: tags,
};

const storageOfType = new Map<string, string>();

/** Remembers the storage kind of every field type the host knows (GET metadata/field-types). */
export function registerFieldTypes(types: { name: string; storage: string }[]) {
  for (const t of types) storageOfType.set(t.name, t.storage);
}

/** The field's spec: its type's, else its storage kind's (plugin types), else text. */
export function specOf(field: FieldDef): FieldTypeSpec {
  return registry[field.type] ?? storageSpecs[storageOfType.get(field.type) ?? ''] ?? text;
}

/** Formula fields and autonumbers are calculated by the server: shown, never sent. */
export function isReadOnlyField(field: FieldDef, entity?: EntityDef): boolean {
  if (field.formula || specOf(field).readOnly) return true;
  const access = entity?.access?.fields?.[field.name];
  return access === 'readOnly';
}
