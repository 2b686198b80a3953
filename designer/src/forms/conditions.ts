// Forms' rules, evaluated in the browser: a JSON condition over the record (never script) and, while it holds, the
// fields it makes visible, required or read-only. A field some "visible" rule names is hidden unless one of them holds.
import type { Condition, FormRule } from '../api/metadata';

/** A form value as a comparable plain value: a lookup's id, a dayjs as its ISO date, a string list as is. */
function plain(v: unknown): unknown {
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    const o = v as { id?: unknown; isValid?: () => boolean; format?: (f?: string) => string; toISOString?: () => string };
    if (typeof o.format === 'function' && typeof o.isValid === 'function') return o.isValid() ? o.format('YYYY-MM-DDTHH:mm:ss') : null;
    if ('id' in o) return o.id;
  }
  return v;
}

const isEmpty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

function equal(a: unknown, b: unknown): boolean {
  if (Array.isArray(a)) return a.some((x) => equal(x, b));
  if (a === b) return true;
  if (typeof a === 'number' || typeof b === 'number') return a !== null && b !== null && a !== '' && b !== '' && Number(a) === Number(b);
  return false;
}

function compare(a: unknown, b: unknown): number | null {
  if (isEmpty(a) || isEmpty(b)) return null;
  if (typeof a === 'number' || typeof b === 'number') {
    const x = Number(a), y = Number(b);
    return Number.isNaN(x) || Number.isNaN(y) ? null : x - y;
  }
  const x = String(a), y = String(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Whether the condition holds for the record (form values or API values). */
export function evaluate(condition: Condition | null | undefined, record: Record<string, unknown>): boolean {
  if (!condition || typeof condition !== 'object') return false;
  if ('and' in condition) return condition.and.every((c) => evaluate(c, record));
  if ('or' in condition) return condition.or.some((c) => evaluate(c, record));
  if ('not' in condition) return !evaluate(condition.not, record);
  const v = plain(record[condition.field]);
  const want = condition.value;
  switch (condition.op) {
    case 'eq': return isEmpty(want) ? isEmpty(v) : equal(v, want);
    case 'ne': return !(isEmpty(want) ? isEmpty(v) : equal(v, want));
    case 'in': return Array.isArray(want) && want.some((w) => equal(v, w));
    case 'notIn': return !(Array.isArray(want) && want.some((w) => equal(v, w)));
    case 'empty': return isEmpty(v);
    case 'notEmpty': return !isEmpty(v);
    case 'gt': { const c = compare(v, want); return c !== null && c > 0; }
    case 'lt': { const c = compare(v, want); return c !== null && c < 0; }
    default: return false;
  }
}

export interface FieldStates { hidden: Set<string>; required: Set<string>; readOnly: Set<string> }

/** The fields the rules hide, require and make read-only for these values. */
export function applyRules(rules: FormRule[], record: Record<string, unknown>): FieldStates {
  const gated = new Set<string>();
  const shown = new Set<string>();
  const required = new Set<string>();
  const readOnly = new Set<string>();
  for (const rule of rules) {
    const holds = evaluate(rule.when, record);
    for (const f of rule.visible ?? []) { gated.add(f); if (holds) shown.add(f); }
    if (holds) { for (const f of rule.required ?? []) required.add(f); for (const f of rule.readOnly ?? []) readOnly.add(f); }
  }
  return { hidden: new Set([...gated].filter((f) => !shown.has(f))), required, readOnly };
}

/** The fields any rule's condition reads (the form re-evaluates when one of them changes). */
export function ruleInputs(rules: FormRule[]): string[] {
  const out = new Set<string>();
  const walk = (c: Condition) => {
    if ('and' in c) c.and.forEach(walk); else if ('or' in c) c.or.forEach(walk); else if ('not' in c) walk(c.not); else out.add(c.field);
  };
  rules.forEach((r) => r.when && walk(r.when));
  return [...out];
}
