import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ProblemError } from '../api/client';
import { useTenant } from '../hooks';
import type { InboxItem } from './api';
import { requestsApi } from './requests';

/**
 * Marks an open task record done (完成) from the inbox through the record API, with the ETag the inbox read: a task
 * someone changed meanwhile is a 412 (said so, the inbox refreshed); a refusal by validation or a script shows its detail.
 */
export function MarkDoneButton({ item, block }: { item: InboxItem; block?: boolean }) {
  const { t } = useTranslation();
  const tenant = useTenant();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);

  const markDone = async () => {
    setBusy(true);
    try {
      await requestsApi.markTaskDone(tenant, item.recordId ?? item.id, item.etag);
      message.success(t('inboxTask.done'));
      queryClient.setQueryData<InboxItem[]>(['inbox', tenant], (old) => old?.filter((i) => i.id !== item.id));
    } catch (e) {
      if (e instanceof ProblemError && e.status === 412) message.warning(t('inboxTask.changed'));
      else message.error(e instanceof ProblemError ? [e.problem.detail || e.problem.title, ...(e.problem.errors ?? []).map((f) => f.detail)].filter(Boolean).join(' ') : (e as Error).message);
    } finally {
      setBusy(false);
    }
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: ['inbox', tenant] }),
      queryClient.invalidateQueries({ queryKey: ['record', tenant, 'task', item.recordId ?? item.id] }),
    ]);
  };

  return (
    <Button type="primary" icon={<CheckOutlined />} loading={busy} onClick={() => void markDone()} block={block}
      aria-label={t('inboxTask.markDoneOf', { subject: item.subject })}>
      {t('inboxTask.markDone')}
    </Button>
  );
}
