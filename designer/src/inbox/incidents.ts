// Workflow incidents for administrators: faulted instances (GET /workflows/instances?status=faulted) with the open
// incident of each (from GET /workflows/instances/{id}), and the existing retry / cancel commands.
import { request } from '../api/client';

export interface WorkflowIncident {
  instanceId: string;
  workflow: string;
  entity?: string | null;
  recordId?: string | null;
  activity: string;
  error: string;
  since: string;
}

interface InstanceSummary { id: string; workflow: string; entity?: string | null; recordId?: string | null; updatedAt: string }
interface IncidentRow { activity: string; error: string; createdAt: string; resolvedAt?: string | null }

export const incidentsApi = {
  /** Faulted instances with their unresolved incident, newest first (a 403 for anyone but an administrator). */
  async list(tenant: string, signal?: AbortSignal): Promise<WorkflowIncident[]> {
    const { data } = await request<{ value?: InstanceSummary[] }>(tenant, '/workflows/instances?status=faulted', { signal });
    const instances = data?.value ?? [];
    return Promise.all(instances.map(async (instance) => {
      const { data: detail } = await request<{ incidents?: IncidentRow[] }>(tenant, `/workflows/instances/${encodeURIComponent(instance.id)}`, { signal });
      const open = [...(detail?.incidents ?? [])].reverse().find((i) => !i.resolvedAt) ?? detail?.incidents?.at(-1);
      return {
        instanceId: instance.id, workflow: instance.workflow, entity: instance.entity, recordId: instance.recordId,
        activity: open?.activity ?? '', error: open?.error ?? '', since: open?.createdAt ?? instance.updatedAt,
      };
    }));
  },
  async command(tenant: string, instanceId: string, command: 'retry' | 'cancel'): Promise<{ status?: string }> {
    const { data } = await request<{ status?: string }>(tenant, `/workflows/instances/${encodeURIComponent(instanceId)}/${command}`, { method: 'POST' });
    return data ?? {};
  },
};
