import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Drawer, Empty, List, Typography } from 'antd';
import { BellOutlined, CheckOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../format';
import { useIsPhone, useLang } from '../hooks';
import { notificationsApi, type NotificationItem, type NotificationPage } from './api';

/** The header's bell: the unread count (refetched on focus and every 30 s) and a drawer listing the notifications. */
export function NotificationBell({ tenant }: { tenant: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const phone = useIsPhone();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const key = ['notifications', tenant];
  const list = useQuery({
    queryKey: key, queryFn: ({ signal }) => notificationsApi.list(tenant, 30, signal),
    refetchInterval: 30_000, refetchOnWindowFocus: true, staleTime: 5_000, retry: false,
  });
  const count = list.data?.unreadCount ?? 0;
  const markRead = (id: string) => queryClient.setQueryData<NotificationPage>(key, (old) => old && ({
    value: old.value.map((n) => (n.id === id && !n.readAt ? { ...n, readAt: new Date().toISOString() } : n)),
    unreadCount: Math.max(0, old.unreadCount - (old.value.some((n) => n.id === id && !n.readAt) ? 1 : 0)),
  }));
  const read = useMutation({ mutationFn: (id: string) => notificationsApi.read(tenant, id), onMutate: markRead,
    onSettled: () => queryClient.invalidateQueries({ queryKey: key }) });
  const readAll = useMutation({ mutationFn: () => notificationsApi.readAll(tenant),
    onSettled: () => queryClient.invalidateQueries({ queryKey: key }) });

  const openItem = (n: NotificationItem) => {
    if (!n.readAt) read.mutate(n.id);
    if (n.link) { setOpen(false); navigate(`/${tenant}/${n.link.entity}/${n.link.recordId}`); }
  };

  return (
    <>
      <Badge count={count} size="small" overflowCount={99}>
        <Button type="text" icon={<BellOutlined />} onClick={() => setOpen(true)} data-testid="notification-bell"
          aria-label={count ? t('notif.bellCount', { count }) : t('notif.bell')} title={t('notif.bell')} />
      </Badge>
      <Drawer open={open} onClose={() => setOpen(false)} title={t('notif.title')} size={phone ? '100%' : 380} placement="right"
        extra={<Button size="small" icon={<CheckOutlined />} disabled={!count} loading={readAll.isPending} onClick={() => readAll.mutate()}>{t('notif.readAll')}</Button>}>
        {list.data && list.data.value.length === 0 ? <Empty description={t('notif.empty')} /> : (
          <List<NotificationItem> dataSource={list.data?.value ?? []} loading={list.isPending} data-testid="notification-list"
            renderItem={(n) => (
              <List.Item style={{ alignItems: 'flex-start', background: n.readAt ? undefined : '#f0f6ff', paddingInline: 8, borderRadius: 6 }}
                actions={n.readAt ? [] : [<Button key="r" size="small" type="link" onClick={() => read.mutate(n.id)} aria-label={`${t('notif.markRead')}: ${n.title}`}>{t('notif.markRead')}</Button>]}>
                <List.Item.Meta
                  title={n.link ? <a href={`${import.meta.env.BASE_URL}${tenant}/${n.link.entity}/${n.link.recordId}`}
                    onClick={(e) => { e.preventDefault(); openItem(n); }}>{n.title}</a> : <span>{n.title}</span>}
                  description={<>
                    {n.body && <div style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{n.body}</div>}
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {!n.readAt && <span className="notif-unread">{t('notif.unread')} · </span>}{formatDateTime(n.createdAt, lang)}
                    </Typography.Text>
                  </>} />
              </List.Item>
            )} />
        )}
      </Drawer>
    </>
  );
}
