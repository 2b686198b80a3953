import { request, query } from '../api/client';

export interface AuditChange { old?: unknown; new?: unknown }
export interface AuditEntry {
  id: string; occurred_at: string; action: string; actor_id?: string | null; actor_name?: string | null;
  changes?: Record<string, AuditChange> | null; changes_withheld?: boolean;
}
export interface AuditPage { value: AuditEntry[]; next?: string }

/** The record's audit trail, newest first (GET /data/{entity}/{id}/audit); `next` continues from a nextLink. */
export async function loadAudit(tenant: string, entity: string, id: string, next?: string, signal?: AbortSignal): Promise<AuditPage> {
  // The nextLink is the full path (/api/{tenant}/data/…): request() adds /api/{tenant} itself.
  const path = next ? next.replace(/^.*?\/api\/[^/]+/, '') : `/data/${encodeURIComponent(entity)}/${encodeURIComponent(id)}/audit${query({ $top: 20 })}`;
  const { data } = await request<{ value?: AuditEntry[]; '@odata.nextLink'?: string }>(tenant, path, { signal });
  return { value: data.value ?? [], next: data['@odata.nextLink'] };
}
