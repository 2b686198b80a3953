// The inbox and the approval actions (routes of the approvals module), read tolerantly: a field the host spells
// differently (snake_case, a nested record) still lands on the same InboxItem.
import { request } from '../api/client';
import type { LocaleText } from '../api/metadata';

export type InboxKind = 'approval' | 'task';

export interface InboxItem {
  id: string;
  kind: InboxKind;
  subject: string;
  workflow?: LocaleText;
  instanceId?: string;
  entity?: string;
  recordId?: string;
  recordTitle?: string;
  dueAt?: string | null;
  createdAt?: string | null;
  submitterId?: string | null;
  assigneeId?: string | null;
  /** Whom the assignee stands in for (a delegation), when not themself. */
  onBehalfOf?: string | null;
  /** True when the signed-in user submitted it (withdraw is theirs); approvers act on the rest. */
  mine?: boolean;
  /** A task record's ETag (If-Match when marking it done). */
  etag?: string | null;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

export function normalizeInboxItem(raw: Record<string, unknown>): InboxItem {
  const record = (raw.record && typeof raw.record === 'object' ? raw.record : {}) as Record<string, unknown>;
  const kind = raw.kind === 'task' ? 'task' : 'approval';
  return {
    id: String(raw.id ?? ''),
    kind,
    subject: str(raw.subject) ?? str(raw.title) ?? '',
    workflow: (raw.workflowLabel ?? raw.workflow_label ?? raw.workflow) as LocaleText,
    instanceId: str(raw.instanceId) ?? str(raw.instance_id),
    entity: str(raw.entity) ?? str(record.entity),
    recordId: str(raw.recordId) ?? str(raw.record_id) ?? str(record.id),
    recordTitle: str(raw.recordTitle) ?? str(raw.record_title) ?? str(record.title) ?? str(record.name),
    dueAt: str(raw.dueAt) ?? str(raw.due_at) ?? null,
    createdAt: str(raw.createdAt) ?? str(raw.created_at) ?? null,
    submitterId: str(raw.submitter) ?? str(raw.submitterId) ?? str(raw.submitter_id) ?? null,
    assigneeId: str(raw.assignee) ?? str(raw.assigneeId) ?? null,
    onBehalfOf: str(raw.onBehalfOf) ?? null,
    mine: raw.mine === true,
    etag: str(raw.etag) ?? null,
  };
}

/** Marks the items the user submitted (GET /inbox answers the submitter's id; withdraw is theirs). */
export function markMine(items: InboxItem[], me: string | undefined): InboxItem[] {
  if (!me) return items;
  return items.map((i) => (i.submitterId && i.submitterId.toLowerCase() === me.toLowerCase() ? { ...i, mine: true } : i));
}

/** A 409 whose task was decided meanwhile (its problem names the status) or a 404: the item is gone, not failed. */
export const isGone = (status: number, problem: { status?: unknown; type?: string; [k: string]: unknown }) =>
  status === 404 || (status === 409 && typeof problem.status === 'string');

/** Overdue: a due date in the past (the inbox highlights it). */
export const isOverdue = (item: Pick<InboxItem, 'dueAt'>, now: Date = new Date()) =>
  !!item.dueAt && new Date(item.dueAt).getTime() < now.getTime();

/** Oldest due first, then the ones without a due date, newest first. */
export function sortInbox(items: InboxItem[]): InboxItem[] {
  return [...items].sort((a, b) => {
    if (a.dueAt && b.dueAt) return a.dueAt.localeCompare(b.dueAt);
    if (a.dueAt) return -1;
    if (b.dueAt) return 1;
    return (b.createdAt ?? '').localeCompare(a.createdAt ?? '');
  });
}

export type ApprovalAction = 'approve' | 'reject' | 'return' | 'transfer' | 'add-approver' | 'withdraw';

export interface ActionInput { comment?: string; userId?: string; position?: 'before' | 'after' }

/** The request an action sends: approve and reject are one decision route; the others have their own. */
export function actionRequest(id: string, action: ApprovalAction, input: ActionInput): { path: string; body: Record<string, unknown> } {
  const base = `/approvals/${encodeURIComponent(id)}`;
  const comment = input.comment?.trim() || undefined;
  switch (action) {
    case 'approve': case 'reject': return { path: `${base}/decision`, body: { outcome: action, comment } };
    case 'transfer': return { path: `${base}/transfer`, body: { userId: input.userId, comment } };
    case 'add-approver': return { path: `${base}/add-approver`, body: { userId: input.userId, position: input.position ?? 'after', comment } };
    default: return { path: `${base}/${action}`, body: { comment } };
  }
}

export const inboxApi = {
  async list(tenant: string, signal?: AbortSignal): Promise<InboxItem[]> {
    const { data } = await request<{ value?: Record<string, unknown>[] }>(tenant, '/inbox', { signal });
    return sortInbox((data?.value ?? []).map(normalizeInboxItem));
  },
  async act(tenant: string, id: string, action: ApprovalAction, input: ActionInput): Promise<void> {
    const { path, body } = actionRequest(id, action, input);
    await request(tenant, path, { method: 'POST', body });
  },
};
