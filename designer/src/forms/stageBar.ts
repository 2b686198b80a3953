// The stage bar's rule: a record moves to a later stage only with every key field of its current stage filled
// (the form's stageBar document). The server holds the same rule in the entity's beforeSave script, so a board
// drag or an API call cannot skip it; the bar checks first to name the missing field before anything is sent.
import type { FieldDef } from '../api/metadata';

export interface StageBarDoc { field: string; stages: Record<string, { fields: string[] }> }

export const isEmpty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

/** The stages in the choice field's option order, each with its key fields. */
export function stagesOf(bar: StageBarDoc, field: FieldDef): { value: string; fields: string[] }[] {
  return (field.options ?? []).map((o) => ({ value: o.value, fields: bar.stages[o.value]?.fields ?? [] }));
}

/**
 * The key fields of the current stage still empty when moving to `to`; none when moving back, staying or when the
 * target is a closing stage without key fields of its own reachable from anywhere (lost).
 */
export function missingForMove(bar: StageBarDoc, field: FieldDef, record: Record<string, unknown>, to: string, alwaysAllowed: string[] = ['lost']): string[] {
  const stages = stagesOf(bar, field);
  const from = stages.findIndex((s) => s.value === record[bar.field]);
  const target = stages.findIndex((s) => s.value === to);
  if (alwaysAllowed.includes(to) || target <= from || from < 0) return [];
  return stages.slice(from, target).flatMap((s) => s.fields).filter((f, i, all) => all.indexOf(f) === i && isEmpty(record[f]));
}

/** The stage after the current one, skipping the ones reachable from anywhere (lost); null at the end. */
export function nextStage(bar: StageBarDoc, field: FieldDef, current: unknown, alwaysAllowed: string[] = ['lost']): string | null {
  const stages = stagesOf(bar, field).filter((s) => !alwaysAllowed.includes(s.value));
  const at = stages.findIndex((s) => s.value === current);
  return at >= 0 && at + 1 < stages.length ? stages[at + 1].value : null;
}
