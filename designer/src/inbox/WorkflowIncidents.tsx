// The "Workflow incidents" tab (流程异常), for administrators: each faulted instance with the activity that failed and
// its error; Retry runs it again from that activity, Cancel ends it. A table on a desktop, cards on a phone.
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Empty, Space, Spin, Table, Typography } from 'antd';
import { RedoOutlined, StopOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ProblemError } from '../api/client';
import { entityLabel, formatDateTime, humanize } from '../format';
import { useEntities, useIsPhone, useLang } from '../hooks';
import { incidentsApi, type WorkflowIncident } from './incidents';
import { RecordTitle } from './RecordTitle';

export const incidentsKey = (tenant: string) => ['workflow-incidents', tenant];

/** Asked for only when `enabled` (an administrator): anyone else would get a 403 on every visit. */
export function useWorkflowIncidents(tenant: string, enabled = true) {
  return useQuery({ queryKey: incidentsKey(tenant), queryFn: ({ signal }) => incidentsApi.list(tenant, signal), retry: false, staleTime: 10_000, enabled });
}

export const isForbidden = (error: unknown) => error instanceof ProblemError && (error.status === 403 || error.status === 401);

export function WorkflowIncidents({ tenant }: { tenant: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const phone = useIsPhone();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const incidents = useWorkflowIncidents(tenant);
  const entities = useEntities(tenant);
  const byName = useMemo(() => new Map((entities.data?.value ?? []).map((e) => [e.name, e])), [entities.data]);
  const [busy, setBusy] = useState<string | null>(null);

  const run = async (incident: WorkflowIncident, command: 'retry' | 'cancel') => {
    setBusy(`${incident.instanceId}:${command}`);
    try {
      const after = await incidentsApi.command(tenant, incident.instanceId, command);
      message.success(t(command === 'retry' ? 'incidents.retried' : 'incidents.cancelled', { status: t(`actions.status.${after.status ?? 'running'}`) }));
    } catch (e) {
      message.error(e instanceof ProblemError ? e.problem.detail || e.problem.title || e.message : (e as Error).message);
    } finally {
      setBusy(null);
      await queryClient.invalidateQueries({ queryKey: incidentsKey(tenant) });
    }
  };
  const confirmCancel = (incident: WorkflowIncident) => modal.confirm({
    title: t('incidents.confirmCancel', { workflow: workflowName(incident) }), okText: t('incidents.cancel'), cancelText: t('incidents.keep'),
    okButtonProps: { danger: true }, onOk: () => run(incident, 'cancel'),
  });

  const actions = (incident: WorkflowIncident) => (
    <Space wrap>
      <Button type="primary" icon={<RedoOutlined />} loading={busy === `${incident.instanceId}:retry`} onClick={() => void run(incident, 'retry')}>{t('incidents.retry')}</Button>
      <Button danger icon={<StopOutlined />} loading={busy === `${incident.instanceId}:cancel`} onClick={() => confirmCancel(incident)}>{t('incidents.cancel')}</Button>
    </Space>
  );
  const record = (incident: WorkflowIncident) => {
    if (!incident.entity || !incident.recordId) return null;
    const def = byName.get(incident.entity);
    return (
      <Link to={`/${tenant}/${incident.entity}/${incident.recordId}`}>
        {def ? entityLabel(def, lang) : incident.entity}: {def ? <RecordTitle tenant={tenant} entity={def} id={incident.recordId} /> : incident.recordId.slice(0, 8)}
      </Link>
    );
  };
  const error = (incident: WorkflowIncident) => <Typography.Text type="danger" className="incident-error">{incident.error}</Typography.Text>;
  const rows = incidents.data ?? [];

  return (
    <div data-testid="workflow-incidents">
      {incidents.error && !isForbidden(incidents.error) && <Alert type="error" showIcon role="alert" title={(incidents.error as Error).message} style={{ marginBottom: 12 }} />}
      {incidents.isPending ? <Spin /> : rows.length === 0 ? <Empty description={t('incidents.empty')} /> : phone ? (
        <ul className="inbox-cards" aria-label={t('incidents.tab')}>
          {rows.map((incident) => (
            <li key={incident.instanceId} className="inbox-card overdue" data-testid="incident-item">
              <div className="inbox-card-head"><span className="inbox-subject">{workflowName(incident)}</span></div>
              <div className="inbox-card-meta">{t('incidents.activity')}: <code>{incident.activity}</code> · {formatDateTime(incident.since, lang)}</div>
              <div className="inbox-card-meta">{error(incident)}</div>
              <div className="inbox-card-meta">{record(incident)}</div>
              {actions(incident)}
            </li>
          ))}
        </ul>
      ) : (
        <Table<WorkflowIncident> rowKey="instanceId" dataSource={rows} pagination={false} size="middle"
          onRow={() => ({ 'data-testid': 'incident-item' }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { key: 'workflow', title: t('incidents.workflow'), render: (_, i) => workflowName(i) },
            { key: 'activity', title: t('incidents.activity'), width: 140, render: (_, i) => <code>{i.activity}</code> },
            { key: 'error', title: t('incidents.error'), render: (_, i) => error(i) },
            { key: 'record', title: t('incidents.record'), render: (_, i) => record(i) },
            { key: 'since', title: t('incidents.since'), width: 170, render: (_, i) => formatDateTime(i.since, lang) },
            { key: 'actions', title: t('incidents.actions'), width: 220, render: (_, i) => actions(i) },
          ]} />
      )}
    </div>
  );
}

const workflowName = (incident: WorkflowIncident) => humanize(incident.workflow.replace(/-/g, '_'));
