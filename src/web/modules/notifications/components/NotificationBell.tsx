import { NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useUnreadCount } from '../hooks/use-notifications.ts';

/** The header's link to the notifications, with the number unread. */
export function NotificationBell() {
  const { t } = useTranslation();
  const unread = useUnreadCount().data ?? 0;
  return (
    <NavLink to="/notifications" className="notification-link" data-testid="notifications-link" aria-label={t('notifications.linkLabel', { count: unread })}>
      {t('notifications.link')}
      {unread > 0 ? <span className="badge badge-danger notification-count" aria-hidden="true">{unread}</span> : null}
    </NavLink>
  );
}
