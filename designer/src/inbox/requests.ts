// "My requests" (我的申请): the approvals the signed-in user submitted (GET /approvals/requests), and the inbox's own
// task action (mark a task record done through the record API, so scripts, audit and workflows apply).
import { request } from '../api/client';

export type RequestStatus = 'pending' | 'approved' | 'rejected' | 'returned' | 'withdrawn' | 'timedOut' | 'cancelled' | 'faulted';

export interface ApprovalRequest {
  instanceId: string;
  workflow: string;
  subject: string;
  entity?: string | null;
  recordId?: string | null;
  status: RequestStatus;
  submittedAt: string;
  decidedAt?: string | null;
  dueAt?: string | null;
  /** A pending task of the request: withdrawing it withdraws the whole request. */
  withdrawTaskId?: string | null;
  currentApprovers: string[];
}

export const requestsApi = {
  async list(tenant: string, signal?: AbortSignal): Promise<ApprovalRequest[]> {
    const { data } = await request<{ value?: ApprovalRequest[] }>(tenant, '/approvals/requests', { signal });
    return (data?.value ?? []).map((r) => ({ ...r, currentApprovers: r.currentApprovers ?? [] }));
  },
  /** Marks an open task record done; If-Match makes a change by someone else meanwhile a 412, not a silent overwrite. */
  async markTaskDone(tenant: string, id: string, etag?: string | null): Promise<void> {
    await request(tenant, `/data/task/${encodeURIComponent(id)}`, {
      method: 'PATCH', body: { status: 'done' }, headers: etag ? { 'If-Match': etag } : undefined,
    });
  },
};

/** The colour of a request's status tag. */
export const statusColor: Record<RequestStatus, string> = {
  pending: 'processing', approved: 'success', rejected: 'error', returned: 'warning', withdrawn: 'default', timedOut: 'orange',
  cancelled: 'default', faulted: 'error',
};

const DAY = 86_400_000;

/**
 * A due date relative to now in whole calendar days: "today", "in 2 days", "overdue 3 days" (an i18n key and count).
 * Days count between local midnights, so a task due tomorrow morning is "in 1 day" all of today.
 */
export function relativeDue(dueAt: string, now: Date = new Date()): { key: 'dueToday' | 'dueIn' | 'overdueToday' | 'overdueBy'; count: number; overdue: boolean } {
  const due = new Date(dueAt);
  const overdue = due.getTime() < now.getTime();
  const midnight = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
  const days = Math.round((midnight(due) - midnight(now)) / DAY);
  if (days === 0) return { key: overdue ? 'overdueToday' : 'dueToday', count: 0, overdue };
  return days > 0 ? { key: 'dueIn', count: days, overdue } : { key: 'overdueBy', count: -days, overdue: true };
}
