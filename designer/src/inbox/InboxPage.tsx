// /app/{tenant}/inbox: the signed-in user's pending approvals and tasks, with the approval actions. A table on a
// desktop, cards on a phone.
import { useMemo, useState } from 'react';
import { Link, useOutletContext, useSearchParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Empty, Space, Spin, Table, Tabs, Tag, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ProblemError } from '../api/client';
import type { CurrentUser } from '../api/auth';
import type { EntityDef } from '../api/metadata';
import { entityLabel, formatDateTime, humanize, localeText } from '../format';
import { useEntities, useIsPhone, useLang, useTenant, useTitle } from '../hooks';
import { inboxApi, isGone, isOverdue, markMine, type ApprovalAction, type InboxItem } from './api';
import { ActionModal } from './ActionModal';
import { InboxItemActions } from './InboxItemActions';
import { MyRequests, requestsKey } from './MyRequests';
import { incidentsKey, useWorkflowIncidents, WorkflowIncidents } from './WorkflowIncidents';
import { RecordTitle } from './RecordTitle';
import { relativeDue } from './requests';
import { useInbox } from './useInbox';
import './inbox.css';

export default function InboxPage() {
  const tenant = useTenant();
  const { t } = useTranslation();
  const lang = useLang();
  const phone = useIsPhone();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const inbox = useInbox(tenant);
  const entities = useEntities(tenant);
  const byName = useMemo(() => new Map((entities.data?.value ?? []).map((e) => [e.name, e])), [entities.data]);
  const [acting, setActing] = useState<{ item: InboxItem; action: ApprovalAction } | null>(null);
  const user = useOutletContext<{ user?: CurrentUser } | undefined>()?.user;
  const me = user?.id;
  // ?tab=requests opens "My requests" (a link a notification or a bookmark can carry).
  const [search, setSearch] = useSearchParams();
  // Administrators (the session says so: /auth/me) also get the faulted workflows; nobody else asks for them.
  const admin = !!user?.administrator;
  const incidents = useWorkflowIncidents(tenant, admin);
  const wanted = search.get('tab');
  const tab: string = wanted === 'requests' || (wanted === 'incidents' && admin) ? wanted : 'todo';
  useTitle(t('inbox.title'));

  const act = async (item: InboxItem, action: ApprovalAction, input: Parameters<typeof inboxApi.act>[3]) => {
    try {
      await inboxApi.act(tenant, item.id, action, input);
    } catch (e) {
      // Someone else decided first (or it was withdrawn): say so and show the inbox as it is now.
      if (e instanceof ProblemError && isGone(e.status, e.problem)) {
        setActing(null);
        message.warning(t('inbox.gone'));
        await queryClient.invalidateQueries({ queryKey: ['inbox', tenant] });
        return;
      }
      throw e;
    }
    setActing(null);
    message.success(t(`inbox.done.${action}`));
    queryClient.setQueryData<InboxItem[]>(['inbox', tenant], (old) => old?.filter((i) => i.id !== item.id));
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: ['inbox', tenant] }),
      item.entity && item.recordId ? queryClient.invalidateQueries({ queryKey: ['record', tenant, item.entity, item.recordId] }) : null,
    ]);
  };

  // One Refresh for every tab: the to-do list, my requests and (for administrators) the incidents.
  const refresh = () => Promise.all([inbox.refetch(), queryClient.invalidateQueries({ queryKey: requestsKey(tenant) }),
    queryClient.invalidateQueries({ queryKey: incidentsKey(tenant) })]);

  const items = useMemo(() => markMine(inbox.data ?? [], me), [inbox.data, me]);
  const common = { tenant, lang, byName, t };
  return (
    <section aria-labelledby="inbox-title" className="inbox">
      <div style={{ display: 'flex', alignItems: 'center', gap: 8, marginBottom: 12, flexWrap: 'wrap' }}>
        <Typography.Title id="inbox-title" level={3} style={{ margin: 0 }}>{t('inbox.title')}</Typography.Title>
        {items.length > 0 && <Tag color="blue">{t('inbox.pending', { count: items.length })}</Tag>}
        <div style={{ flex: 1 }} />
        <Button icon={<ReloadOutlined />} onClick={() => void refresh()} loading={inbox.isFetching} aria-label={t('inbox.refresh')}>
          {!phone && t('inbox.refresh')}
        </Button>
      </div>
      <Tabs activeKey={tab} onChange={(key) => setSearch(key === 'todo' ? {} : { tab: key }, { replace: true })} destroyOnHidden
        items={[
          { key: 'todo', label: t('requests.tabInbox'), children: (<>
              {inbox.error && <Alert type="error" showIcon role="alert" title={(inbox.error as Error).message} style={{ marginBottom: 12 }} />}
              {inbox.isPending ? <Spin /> : items.length === 0 && !inbox.error ? <Empty description={t('inbox.empty')} /> : phone ? (
                <ul className="inbox-cards" aria-label={t('inbox.title')}>
                  {items.map((item) => (
                    <li key={item.id} className={isOverdue(item) ? 'inbox-card overdue' : 'inbox-card'} data-testid="inbox-item">
                      <div className="inbox-card-head"><KindTag item={item} t={t} /><span className="inbox-subject">{item.subject}</span></div>
                      <div className="inbox-card-meta">{workflowText(item, lang)}</div>
                      <div className="inbox-card-meta"><RecordLink item={item} {...common} /></div>
                      <div className="inbox-card-meta"><Due item={item} lang={lang} t={t} /></div>
                      <InboxItemActions item={item} me={me} block onAction={(action) => setActing({ item, action })} />
                    </li>
                  ))}
                </ul>
              ) : (
                <Table<InboxItem> rowKey="id" dataSource={items} pagination={false} size="middle"
                  onRow={(item) => ({ 'data-testid': 'inbox-item', className: isOverdue(item) ? 'overdue' : undefined }) as React.HTMLAttributes<HTMLElement>}
                  columns={[
                    { key: 'kind', title: t('inbox.kind'), width: 100, render: (_, item) => <KindTag item={item} t={t} /> },
                    { key: 'subject', title: t('inbox.subject'), render: (_, item) => <span className="inbox-subject">{item.subject}</span> },
                    { key: 'workflow', title: t('inbox.workflow'), render: (_, item) => workflowText(item, lang) },
                    { key: 'record', title: t('inbox.record'), render: (_, item) => <RecordLink item={item} {...common} /> },
                    { key: 'due', title: t('inbox.due'), width: 190, render: (_, item) => <Due item={item} lang={lang} t={t} /> },
                    { key: 'actions', title: t('inbox.actions'), width: 270, render: (_, item) => <InboxItemActions item={item} me={me} onAction={(action) => setActing({ item, action })} /> },
                  ]} />
              )}
          </>) },
          { key: 'requests', label: t('requests.tab'), children: <MyRequests tenant={tenant} /> },
          ...(admin ? [{ key: 'incidents', label: t('incidents.tab') + (incidents.data?.length ? ` (${incidents.data.length})` : ''), children: <WorkflowIncidents tenant={tenant} /> }] : []),
        ]} />
      {acting && (
        <ActionModal tenant={tenant} item={acting.item} action={acting.action} me={me} onClose={() => setActing(null)}
          onSubmit={(input) => act(acting.item, acting.action, input)} />
      )}
    </section>
  );
}

type T = (key: string, o?: Record<string, unknown>) => string;

/** The workflow's label when the item carries one, else its id made readable ("discount-approval" → "Discount approval"). */
const workflowText = (item: InboxItem, lang: string) =>
  typeof item.workflow === 'string' && /^[a-z0-9_-]+$/i.test(item.workflow) ? humanize(item.workflow.replace(/-/g, '_')) : localeText(item.workflow, lang, '');

function KindTag({ item, t }: { item: InboxItem; t: T }) {
  return <Tag color={item.kind === 'approval' ? 'purple' : 'cyan'}>{t(item.kind === 'approval' ? 'inbox.approval' : 'inbox.task')}</Tag>;
}

/** The due date relative to today ("in 2 days", "overdue 3 days" / "逾期3天"), the exact time beside it; overdue in red. */
function Due({ item, lang, t }: { item: InboxItem; lang: string; t: T }) {
  if (!item.dueAt) return <Typography.Text type="secondary">{t('inbox.noDue')}</Typography.Text>;
  const overdue = isOverdue(item);
  const relative = relativeDue(item.dueAt);
  return (
    <Space size={4} wrap>
      {overdue ? <Tag color="error" data-testid="due-relative">{t(`inboxTask.${relative.key}`, { count: relative.count })}</Tag>
        : <Typography.Text strong data-testid="due-relative">{t(`inboxTask.${relative.key}`, { count: relative.count })}</Typography.Text>}
      <Typography.Text type={overdue ? 'danger' : 'secondary'}>{formatDateTime(item.dueAt, lang)}</Typography.Text>
    </Space>
  );
}

function RecordLink({ item, tenant, lang, byName }: { item: InboxItem; tenant: string; lang: string; byName: Map<string, EntityDef>; t: T }) {
  if (!item.entity || !item.recordId) return null;
  const def = byName.get(item.entity);
  const what = def ? entityLabel(def, lang) : item.entity;
  return (
    <Link to={`/${tenant}/${item.entity}/${item.recordId}`} aria-label={item.recordTitle ? `${what}: ${item.recordTitle}` : undefined}>
      {what}: {item.recordTitle ?? (def ? <RecordTitle tenant={tenant} entity={def} id={item.recordId} /> : item.recordId.slice(0, 8))}
    </Link>
  );
}
