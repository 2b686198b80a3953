// What bulk edit offers and how it reports a refused batch.
import type { EntityDef, FieldDef } from '../api/metadata';
import type { RecordData } from '../api/records';
import { ProblemError } from '../api/client';

/** Types whose value one person sets by hand: computed, unique and system fields are left out. */
const NOT_EDITABLE = new Set(['autonumber', 'formula', 'rollup']);

/**
 * The fields a bulk edit may set: fields the user may write in full (not read-only, masked or hidden — overwriting
 * a value one cannot see is not offered), not computed, and not unique (one value on many records could not hold).
 */
export function bulkEditableFields(entity: EntityDef, isReadOnlyType: (f: FieldDef) => boolean): FieldDef[] {
  const access = entity.access?.fields ?? {};
  return entity.fields.filter((f) => {
    const level = access[f.name];
    if (level && level !== 'full') return false;
    return !f.unique && !f.formula && !NOT_EDITABLE.has(f.type) && !isReadOnlyType(f);
  });
}

export interface RecordRefusal { id: string; name: string; messages: string[] }

/**
 * A refused batch's errors grouped by record: "/records/3/amount" is the fourth selected record's amount field,
 * "/records/3" the record as a whole (not found, not the user's to change).
 */
export function refusalsByRecord(error: unknown, ids: string[], rows: Map<string, RecordData>, primary: string | undefined,
  fieldLabel: (name: string) => string, wholeRecord: string): RecordRefusal[] {
  if (!(error instanceof ProblemError) || !error.problem.errors?.length) return [];
  const byIndex = new Map<number, RecordRefusal>();
  for (const e of error.problem.errors) {
    const [, kind, index, field] = (e.pointer ?? '').split('/');
    const i = Number(index);
    if (kind !== 'records' || !Number.isInteger(i) || !ids[i]) continue;
    const id = ids[i];
    const row = rows.get(id);
    const name = String((primary && row?.[primary]) || id);
    const refusal = byIndex.get(i) ?? { id, name, messages: [] };
    refusal.messages.push(`${field ? fieldLabel(field) : wholeRecord}: ${e.detail}`);
    byIndex.set(i, refusal);
  }
  return [...byIndex.entries()].sort(([a], [b]) => a - b).map(([, r]) => r);
}
