import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchNotifications, markAllNotificationsRead, markNotificationRead } from '../api/notifications.api.ts';

/** The unread count for the header badge, refreshed every minute and when the window regains focus. */
export function useUnreadCount() {
  return useQuery({ queryKey: ['notifications', 'unread'], queryFn: () => fetchNotifications({ unread: 'true', limit: 1 }), refetchInterval: 60_000, select: (p) => p.unread });
}

export function useNotifications(offset: number) {
  return useQuery({ queryKey: ['notifications', 'list', offset], queryFn: () => fetchNotifications({ limit: 25, offset }), placeholderData: keepPreviousData });
}

export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (id: string | 'all'): Promise<void> => {
      if (id === 'all') await markAllNotificationsRead();
      else await markNotificationRead(id);
    },
    onSettled: () => void qc.invalidateQueries({ queryKey: ['notifications'] }),
  });
}
