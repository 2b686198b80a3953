// Builds OData $filter text from the list's per-column filters.
import type { FieldDef } from './api/metadata';

export const odataString = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** One column's filter as it is kept in the URL: kind-specific values. */
export type ColumnFilter =
  | { kind: 'text'; value: string }
  | { kind: 'number'; min?: number | null; max?: number | null }
  | { kind: 'date'; from?: string | null; to?: string | null }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'choice'; values: string[] }
  | { kind: 'multichoice'; values: string[] }
  | { kind: 'lookup'; id: string; label?: string };

const isNum = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n);

export function filterToOData(field: FieldDef, f: ColumnFilter): string | null {
  const n = field.name;
  switch (f.kind) {
    case 'text': return f.value.trim() ? `contains(${n},${odataString(f.value.trim())})` : null;
    case 'number': {
      const parts = [isNum(f.min) ? `${n} ge ${f.min}` : null, isNum(f.max) ? `${n} le ${f.max}` : null].filter(Boolean);
      return parts.length ? parts.join(' and ') : null;
    }
    case 'date': {
      // Date and datetime literals are unquoted: 2026-01-31, 2026-01-31T00:00:00Z.
      const q = (d: string) => (field.type === 'datetime' ? d : d.slice(0, 10));
      const parts = [f.from ? `${n} ge ${q(f.from)}` : null, f.to ? `${n} le ${q(f.to)}` : null].filter(Boolean);
      return parts.length ? parts.join(' and ') : null;
    }
    case 'boolean': return `${n} eq ${f.value}`;
    case 'choice': return f.values.length ? (f.values.length === 1 ? `${n} eq ${odataString(f.values[0])}` : `${n} in (${f.values.map(odataString).join(',')})`) : null;
    case 'multichoice': return f.values.length ? `(${f.values.map((v) => `${n}/any(t: t eq ${odataString(v)})`).join(' or ')})` : null;
    case 'lookup': return f.id ? `${n} eq ${f.id}` : null;
  }
}

export function combineFilters(parts: (string | null | undefined)[]): string | undefined {
  const list = parts.filter((p): p is string => !!p);
  if (!list.length) return undefined;
  return list.length === 1 ? list[0] : list.map((p) => `(${p})`).join(' and ');
}

/** Search box text over the searchable fields (contains, ignoring case on the server). */
export function searchToOData(fields: FieldDef[], term: string): string | null {
  const t = term.trim();
  if (!t) return null;
  const parts = fields.map((f) => `contains(${f.name},${odataString(t)})`);
  return parts.length ? (parts.length === 1 ? parts[0] : `(${parts.join(' or ')})`) : null;
}

