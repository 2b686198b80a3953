// The "My requests" tab (我的申请): approvals the signed-in user submitted, where each stands and who decides now;
// a pending one can be withdrawn (撤回) with an optional comment. A table on a desktop, cards on a phone.
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Empty, Space, Spin, Table, Tag, Typography } from 'antd';
import { RollbackOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ProblemError } from '../api/client';
import type { EntityDef } from '../api/metadata';
import { entityLabel, formatDateTime, humanize } from '../format';
import { useEntities, useIsPhone, useLang } from '../hooks';
import { UserName } from '../users/UserName';
import { inboxApi, isGone, type ActionInput, type InboxItem } from './api';
import { ActionModal } from './ActionModal';
import { RecordTitle } from './RecordTitle';
import { requestsApi, statusColor, type ApprovalRequest } from './requests';

export const requestsKey = (tenant: string) => ['approval-requests', tenant];

export function MyRequests({ tenant }: { tenant: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const phone = useIsPhone();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const requests = useQuery({ queryKey: requestsKey(tenant), queryFn: ({ signal }) => requestsApi.list(tenant, signal), retry: false });
  const entities = useEntities(tenant);
  const byName = useMemo(() => new Map((entities.data?.value ?? []).map((e) => [e.name, e])), [entities.data]);
  const [withdrawing, setWithdrawing] = useState<ApprovalRequest | null>(null);

  const withdraw = async (request: ApprovalRequest, input: ActionInput) => {
    try {
      await inboxApi.act(tenant, request.withdrawTaskId!, 'withdraw', input);
      message.success(t('requests.withdrawn'));
    } catch (e) {
      // Decided meanwhile: not a failure, the list shows how it ended.
      if (!(e instanceof ProblemError && isGone(e.status, e.problem))) throw e;
      message.warning(t('inbox.gone'));
    }
    setWithdrawing(null);
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: requestsKey(tenant) }),
      queryClient.invalidateQueries({ queryKey: ['inbox', tenant] }),
    ]);
  };

  const rows = requests.data ?? [];
  const actions = (request: ApprovalRequest) => request.status === 'pending' && request.withdrawTaskId
    ? <Button icon={<RollbackOutlined />} onClick={() => setWithdrawing(request)}>{t('requests.withdraw')}</Button>
    : null;
  const status = (request: ApprovalRequest) => <Tag color={statusColor[request.status]}>{t(`requests.statuses.${request.status}`)}</Tag>;
  const approvers = (request: ApprovalRequest) => request.currentApprovers.length === 0 ? <Typography.Text type="secondary">—</Typography.Text> : (
    <Space size={4} wrap>{request.currentApprovers.map((id) => <Tag key={id}><UserName id={id} /></Tag>)}</Space>
  );
  const record = (request: ApprovalRequest) => <RequestRecord request={request} tenant={tenant} lang={lang} byName={byName} />;

  return (
    <div data-testid="my-requests">
      {requests.error && <Alert type="error" showIcon role="alert" title={(requests.error as Error).message} style={{ marginBottom: 12 }} />}
      {requests.isPending ? <Spin /> : rows.length === 0 && !requests.error ? <Empty description={t('requests.empty')} /> : phone ? (
        <ul className="inbox-cards" aria-label={t('requests.tab')}>
          {rows.map((request) => (
            <li key={`${request.instanceId}:${request.submittedAt}`} className="inbox-card" data-testid="request-item">
              <div className="inbox-card-head">{status(request)}<span className="inbox-subject">{request.subject}</span></div>
              <div className="inbox-card-meta">{humanize(request.workflow.replace(/-/g, '_'))} · {formatDateTime(request.submittedAt, lang)}</div>
              <div className="inbox-card-meta">{record(request)}</div>
              {request.status === 'pending' && <div className="inbox-card-meta">{t('requests.approvers')}: {approvers(request)}</div>}
              {actions(request)}
            </li>
          ))}
        </ul>
      ) : (
        <Table<ApprovalRequest> rowKey={(r) => `${r.instanceId}:${r.submittedAt}`} dataSource={rows} pagination={false} size="middle"
          onRow={() => ({ 'data-testid': 'request-item' }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { key: 'subject', title: t('requests.subject'), render: (_, r) => <span className="inbox-subject">{r.subject}</span> },
            { key: 'workflow', title: t('requests.workflow'), render: (_, r) => humanize(r.workflow.replace(/-/g, '_')) },
            { key: 'record', title: t('requests.record'), render: (_, r) => record(r) },
            { key: 'status', title: t('requests.status'), width: 110, render: (_, r) => status(r) },
            { key: 'approvers', title: t('requests.approvers'), render: (_, r) => approvers(r) },
            { key: 'submitted', title: t('requests.submitted'), width: 170, render: (_, r) => formatDateTime(r.submittedAt, lang) },
            { key: 'decided', title: t('requests.decided'), width: 170, render: (_, r) => (r.decidedAt ? formatDateTime(r.decidedAt, lang) : '—') },
            { key: 'actions', title: t('requests.actions'), width: 120, render: (_, r) => actions(r) },
          ]} />
      )}
      {withdrawing && (
        <ActionModal tenant={tenant} item={asItem(withdrawing)} action="withdraw" onClose={() => setWithdrawing(null)}
          onSubmit={(input) => withdraw(withdrawing, input)} />
      )}
    </div>
  );
}

/** The withdraw dialog is the inbox's action dialog: it needs the task to act on and the subject for its title. */
const asItem = (request: ApprovalRequest): InboxItem => ({ id: request.withdrawTaskId ?? '', kind: 'approval', subject: request.subject, mine: true });

function RequestRecord({ request, tenant, lang, byName }: { request: ApprovalRequest; tenant: string; lang: string; byName: Map<string, EntityDef> }) {
  if (!request.entity || !request.recordId) return null;
  const def = byName.get(request.entity);
  const what = def ? entityLabel(def, lang) : request.entity;
  return (
    <Link to={`/${tenant}/${request.entity}/${request.recordId}`}>
      {what}: {def ? <RecordTitle tenant={tenant} entity={def} id={request.recordId} /> : request.recordId.slice(0, 8)}
    </Link>
  );
}
