import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../app/FormError.tsx';
import { useFormat } from '../../../i18n/format.ts';
import { Badge, Empty, Loading, Panel } from '../../../ui/index.ts';
import { useSafeguardingAlerts } from '../hooks/use-victims.ts';

/** "18 days" or "about 18 months": how long a follow-up is overdue, in words. */
export function useOverdueSpan() {
  const { t } = useTranslation();
  return (days: number) => (days >= 60 ? t('words.safeguarding.months', { count: Math.floor(days / 30.44) }) : t('words.safeguarding.days', { count: days }));
}

/**
 * Hand-offs waiting on someone: rescued children without a protection officer (for the branch supervisor,
 * until one is assigned) and follow-ups past their date. By pseudonym only.
 */
export function SafeguardingPanel({ show = ['unassigned', 'overdue'] }: { show?: Array<'unassigned' | 'overdue'> }) {
  const { t } = useTranslation();
  const f = useFormat();
  const span = useOverdueSpan();
  const alerts = useSafeguardingAlerts();
  const a = alerts.data;
  return (
    <Panel title={t('words.safeguarding.title')}>
      {alerts.isPending ? <Loading label={t('common.loading')} /> : null}
      {alerts.error ? <QueryError error={alerts.error} /> : null}
      {a && show.includes('unassigned') ? (
        <section aria-labelledby="sg-unassigned" data-testid="safeguarding-unassigned">
          <h3 id="sg-unassigned">
            {t('words.safeguarding.unassignedTitle')} {a.unassigned.length ? <Badge tone="danger">{f.number(a.unassigned.length)}</Badge> : null}
          </h3>
          {a.unassigned.length === 0 ? <Empty>{t('words.safeguarding.unassignedEmpty')}</Empty> : null}
          <ul className="plain">
            {a.unassigned.map((u) => (
              <li key={u.victimId}>
                <Link to={`/victims/${u.victimId}`}>
                  <bdi>{u.pseudonym}</bdi>
                </Link>{' '}
                <span className="overdue">{t('words.safeguarding.waiting', { count: u.daysWaiting, date: f.date(u.rescuedAt) })}</span>
                {u.cases.map((c) => (
                  <span key={c.caseId} className="muted">
                    {' · '}
                    {c.firLabel ? <bdi dir="ltr">{c.firLabel}</bdi> : null} <bdi>{c.title}</bdi>
                  </span>
                ))}{' '}
                <Link to={`/victims/${u.victimId}`}>{t('words.safeguarding.assign')}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {a && show.includes('overdue') ? (
        <section aria-labelledby="sg-overdue" data-testid="safeguarding-overdue">
          <h3 id="sg-overdue">
            {t('words.safeguarding.overdueTitle')} {a.overdue.length ? <Badge tone="danger">{f.number(a.overdue.length)}</Badge> : null}
          </h3>
          {a.overdue.length === 0 ? <Empty>{t('words.safeguarding.overdueEmpty')}</Empty> : null}
          <ul className="plain">
            {a.overdue.map((o) => (
              <li key={o.followupId}>
                <Link to={`/victims/${o.victimId}`}>
                  <bdi>{o.pseudonym}</bdi>
                </Link>
                {o.kind ? ` · ${t(`victims.followupKinds.${o.kind}`)}` : null} · {t('words.safeguarding.due', { date: f.date(o.dueAt) })} · <span className="overdue">{t('words.safeguarding.overdueBy', { span: span(o.daysOverdue) })}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </Panel>
  );
}
