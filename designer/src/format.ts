// Labels from locale maps, and numbers, money and dates through Intl (zh-CN large numbers as 万/亿).
import dayjs from 'dayjs';
import type { EntityDef, FieldDef, LocaleText } from './api/metadata';

/** Picks the label for the language: exact, then its base language, then English, then any. */
export function localeText(text: LocaleText, lang: string, fallback = ''): string {
  if (text == null) return fallback;
  if (typeof text === 'string') return text;
  return text[lang] ?? text[lang.split('-')[0]] ?? text.en ?? Object.values(text)[0] ?? fallback;
}

/** "close_date" → "Close date" (fields without a label). */
export function humanize(name: string): string {
  const s = name.replace(/_/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2').trim().toLowerCase();
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export const fieldLabel = (f: FieldDef, lang: string) => localeText(f.label, lang, humanize(f.name));
export const entityLabel = (e: Pick<EntityDef, 'name' | 'label'>, lang: string) => localeText(e.label, lang, humanize(e.name));
export const entityPluralLabel = (e: Pick<EntityDef, 'name' | 'label' | 'pluralLabel'>, lang: string) =>
  localeText(e.pluralLabel, lang, '') || entityLabel(e, lang);

let currencyCode = 'CNY';
export function setCurrency(code: string | undefined | null) { if (code) currencyCode = code; }
export const currency = () => currencyCode;

const cache = new Map<string, Intl.NumberFormat>();
function nf(lang: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = lang + JSON.stringify(options);
  let f = cache.get(key);
  if (!f) { f = new Intl.NumberFormat(lang, options); cache.set(key, f); }
  return f;
}

/** In zh-CN, numbers from 1万 up read as 万/亿 (1,250,000 → 125万); elsewhere in full. */
export function formatNumber(value: number, lang: string, options: { scale?: number; compact?: boolean } = {}): string {
  if (options.compact && lang.startsWith('zh') && Math.abs(value) >= 10_000)
    return nf(lang, { notation: 'compact', maximumFractionDigits: 2 }).format(value);
  return nf(lang, { maximumFractionDigits: options.scale ?? 20 }).format(value);
}

export function formatCurrency(value: number, lang: string, options: { scale?: number; compact?: boolean } = {}): string {
  const base: Intl.NumberFormatOptions = { style: 'currency', currency: currencyCode };
  if (options.compact && lang.startsWith('zh') && Math.abs(value) >= 10_000)
    return nf(lang, { ...base, notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: 2 }).format(value);
  const scale = options.scale ?? 2;
  return nf(lang, { ...base, minimumFractionDigits: Math.min(scale, 2), maximumFractionDigits: scale }).format(value);
}

export function formatDate(value: string, lang: string): string {
  const d = dayjs(value);
  return d.isValid() ? new Intl.DateTimeFormat(lang, { dateStyle: 'medium' }).format(d.toDate()) : value;
}

export function formatDateTime(value: string, lang: string): string {
  const d = dayjs(value);
  return d.isValid() ? new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(d.toDate()) : value;
}

export const toNumber = (v: unknown): number | null => {
  if (v === null || v === undefined || v === '') return null;
  const n = typeof v === 'number' ? v : Number(v);
  return Number.isFinite(n) ? n : null;
};
