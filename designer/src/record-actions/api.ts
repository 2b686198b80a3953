import { query, request } from '../api/client';
import type { Condition, LocaleText } from '../api/metadata';

export interface ManualWorkflow { id: string; label?: LocaleText }
export interface WorkflowInstance { id: string; workflow?: string; status: string; recordId?: string | null }

/**
 * A custom action of an entity definition ("actions": {name: {script, label, inputSchema, availableWhen}}), run by a script. An input
 * property may carry "x-label" (a locale map) for its label in the dialog; JSON Schema ignores the keyword.
 */
export interface EntityAction { name: string; label?: LocaleText; availableWhen?: Condition; inputSchema?: { properties?: Record<string, { type?: string; title?: string; 'x-label'?: LocaleText; maxLength?: number }>; required?: string[] } }

/**
 * The entity's actions the user may be offered: the server marks false, under access.actions, an action whose
 * availableWhen names a field the user does not read in full (it is never available to them, so it is never shown).
 */
export function entityActions(entity: { actions?: unknown; access?: object }): EntityAction[] {
  const raw = entity.actions;
  if (!raw || typeof raw !== 'object') return [];
  const offered = (entity.access as { actions?: Record<string, boolean> } | undefined)?.actions;
  return Object.entries(raw as Record<string, Omit<EntityAction, 'name'>>)
    .filter(([name]) => offered?.[name] !== false)
    .map(([name, a]) => ({ name, label: a?.label, inputSchema: a?.inputSchema, availableWhen: a?.availableWhen }));
}

export const recordActionsApi = {
  manualWorkflows: (tenant: string, entity: string, signal?: AbortSignal) =>
    request<{ value: ManualWorkflow[] }>(tenant, `/workflows/manual${query({ entity })}`, { signal }).then((r) => r.data.value ?? []),
  start: (tenant: string, workflow: string, recordId: string) =>
    request<WorkflowInstance>(tenant, `/workflows/${encodeURIComponent(workflow)}/start`, { method: 'POST', body: { recordId } }).then((r) => r.data),
  run: (tenant: string, entity: string, id: string, action: string, input: Record<string, unknown>) =>
    request<{ result?: unknown }>(tenant, `/data/${encodeURIComponent(entity)}/${encodeURIComponent(id)}/actions/${encodeURIComponent(action)}`, { method: 'POST', body: input }).then((r) => r.data),
};
