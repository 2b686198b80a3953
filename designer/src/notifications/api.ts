import { query, request } from '../api/client';

export interface NotificationItem {
  id: string; title: string; body?: string | null; link?: { entity: string; recordId: string } | null;
  createdAt: string; readAt?: string | null;
}
export interface NotificationPage { value: NotificationItem[]; unreadCount: number }

/** The signed-in user's notifications (platform/Platform.Api/Notifications). */
export const notificationsApi = {
  list: (tenant: string, top = 30, signal?: AbortSignal) =>
    request<NotificationPage>(tenant, `/notifications${query({ $top: top })}`, { signal }).then((r) => r.data),
  read: (tenant: string, id: string) => request<void>(tenant, `/notifications/${encodeURIComponent(id)}/read`, { method: 'POST' }).then(() => undefined),
  readAll: (tenant: string) => request<{ marked: number }>(tenant, '/notifications/read-all', { method: 'POST' }).then((r) => r.data),
};
