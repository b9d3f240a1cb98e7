import type { z } from 'zod';
import type { notificationPage, notificationView } from '../../../../modules/notifications/notification.schema.ts';
import { api } from '../../../app/api-client.ts';

export type NotificationItem = z.infer<typeof notificationView>;
export type NotificationPage = z.infer<typeof notificationPage>;

/** The signed-in user's own notifications (the server answers nobody else's). */
export const fetchNotifications = (q: { unread?: 'true'; limit?: number; offset?: number }) => api.get<NotificationPage>('/notifications', q);
export const markNotificationRead = (id: string) => api.post<{ ok: true }>(`/notifications/${id}/read`);
export const markAllNotificationsRead = () => api.post<{ marked: number }>('/notifications/read-all');
