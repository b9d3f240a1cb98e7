import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Empty, Loading, PageHeader, Pager } from '../../../ui/index.ts';
import { useFormat } from '../../../i18n/format.ts';
import { usePagerLabels } from '../../../app/use-pager-labels.ts';
import { Link } from 'react-router';
import { AlertSummary } from '../../deconfliction/components/AlertSummary.tsx';
import { useMarkRead, useNotifications } from '../hooks/use-notifications.ts';

const PAGE = 25;

/** The signed-in user's own notifications, newest first. */
export function NotificationsPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [offset, setOffset] = useState(0);
  const list = useNotifications(offset);
  const mark = useMarkRead();
  const pagerLabels = usePagerLabels();
  return (
    <>
      <PageHeader
        title={t('notifications.title')}
        actions={list.data && list.data.unread > 0 ? <Button onClick={() => mark.mutate('all')} busy={mark.isPending}>{t('notifications.markAllRead')}</Button> : null}
      />
      {list.isPending ? <Loading label={t('common.loading')} /> : null}
      {list.isError ? <Alert kind="error">{t('errors.generic', { message: list.error.message })}</Alert> : null}
      {list.data && list.data.items.length === 0 ? <Empty>{t('notifications.none')}</Empty> : null}
      <ul className="notification-list">
        {list.data?.items.map((n) => (
          <li key={n.id} className={n.readAt ? 'notification' : 'notification notification-unread'} data-testid={`notification-${n.id}`}>
            <p>
              <strong>{n.kind === 'legal_request.deadline' ? t('legalRequests.notificationTitle') : t(`notifications.kind.${n.kind}`)}</strong> <span className="muted">{fmt.dateTime(n.createdAt)}</span>
            </p>
            {n.alert ? <AlertSummary alert={n.alert} /> : null}
            {n.legalRequest ? (
              <p>
                <Link to={`/legal-requests/${n.legalRequest.id}`}>
                  {t('legalRequests.notificationBody', { kind: t(`legalRequests.kind.${n.legalRequest.kind}`), recipient: n.legalRequest.recipient, date: fmt.dateTime(n.legalRequest.deadlineAt) })}
                </Link>
              </p>
            ) : null}
            {n.knownMatch ? (
              <p>
                {n.knownMatch.caseId ? (
                  <Link to={`/cases/${n.knownMatch.caseId}`}>
                    {t('notifications.knownMatchBody', { files: n.knownMatch.files, case: n.knownMatch.caseTitle, set: n.knownMatch.hashSet })}
                  </Link>
                ) : (
                  t('notifications.knownMatchBody', { files: n.knownMatch.files, case: t('corrections.notVisible'), set: n.knownMatch.hashSet })
                )}
              </p>
            ) : null}
            {n.safeguarding ? (
              <p>
                <Link to={`/victims/${n.safeguarding.victimId}`}>
                  {n.kind === 'safeguarding.overdue'
                    ? t('notifications.safeguardingOverdue', { pseudonym: n.safeguarding.pseudonym, date: n.safeguarding.dueAt ? fmt.date(n.safeguarding.dueAt) : '' })
                    : t('notifications.safeguardingUnassigned', { pseudonym: n.safeguarding.pseudonym })}
                </Link>
                {n.safeguarding.resolvedAt ? <> <span className="muted">{t('notifications.safeguardingResolved', { date: fmt.dateTime(n.safeguarding.resolvedAt) })}</span></> : null}
              </p>
            ) : null}
            {n.readAt ? null : <Button variant="link" onClick={() => mark.mutate(n.id)}>{t('notifications.markRead')}</Button>}
          </li>
        ))}
      </ul>
      {list.data ? <Pager total={list.data.total} limit={PAGE} offset={offset} onOffset={setOffset} labels={pagerLabels} /> : null}
    </>
  );
}
