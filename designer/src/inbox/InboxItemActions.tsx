import { Button, Dropdown, Space } from 'antd';
import { CheckOutlined, CloseOutlined, MoreOutlined, RollbackOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ApprovalAction, InboxItem } from './api';
import { actionLabel } from './ActionModal';
import { MarkDoneButton } from './MarkDoneButton';

/** The actions a user has on an item: approvers decide, return, transfer, add an approver; the submitter withdraws. */
export function availableActions(item: InboxItem, me?: string): ApprovalAction[] {
  if (item.kind !== 'approval') return [];
  const assigned = !item.assigneeId || !me || item.assigneeId.toLowerCase() === me.toLowerCase();
  return [...(assigned ? ['approve', 'reject', 'return', 'transfer', 'add-approver'] as ApprovalAction[] : []), ...(item.mine ? ['withdraw' as const] : [])];
}

export function InboxItemActions({ item, me, onAction, block }: { item: InboxItem; me?: string; onAction: (a: ApprovalAction) => void; block?: boolean }) {
  const { t } = useTranslation();
  if (item.kind === 'task') return <MarkDoneButton item={item} />;
  const actions = availableActions(item, me);
  if (!actions.length) return null;
  if (!actions.includes('approve')) return <Button icon={<RollbackOutlined />} onClick={() => onAction('withdraw')}>{t('inbox.withdraw')}</Button>;
  const more = actions.filter((a) => a !== 'approve' && a !== 'reject');
  return (
    <Space wrap style={block ? { width: '100%' } : undefined}>
      <Button type="primary" icon={<CheckOutlined />} onClick={() => onAction('approve')}>{t('inbox.approve')}</Button>
      <Button danger icon={<CloseOutlined />} onClick={() => onAction('reject')}>{t('inbox.reject')}</Button>
      <Dropdown trigger={['click']} menu={{ items: more.map((a) => ({ key: a, label: t(actionLabel[a]), onClick: () => onAction(a) })) }}>
        <Button icon={<MoreOutlined />} aria-label={t('inbox.more')} title={t('inbox.more')} />
      </Dropdown>
    </Space>
  );
}
