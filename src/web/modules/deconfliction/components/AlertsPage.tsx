import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Empty, Loading, PageHeader, Pager, Panel, SelectField, TextField } from '../../../ui/index.ts';
import { useFormat } from '../../../i18n/format.ts';
import { usePagerLabels } from '../../../app/use-pager-labels.ts';
import { alertStatuses, type AlertStatus } from '../../../../modules/deconfliction/deconfliction.schema.ts';
import { decideAlert, fetchAlerts, type DeconflictionAlert } from '../api/deconfliction.api.ts';
import { AlertSummary } from './AlertSummary.tsx';

const PAGE = 25;

/** De-confliction alerts: what the reader recorded or was told of; a supervisor of the holding branch decides. */
export function AlertsPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<AlertStatus | ''>('open');
  const [offset, setOffset] = useState(0);
  const alerts = useQuery({
    queryKey: ['deconfliction', status, offset],
    queryFn: () => fetchAlerts({ status: status || undefined, limit: PAGE, offset }),
    placeholderData: keepPreviousData,
  });
  const pagerLabels = usePagerLabels();
  return (
    <>
      <PageHeader title={t('deconfliction.title')} subtitle={t('deconfliction.subtitle')} />
      <SelectField
        label={t('common.status')}
        value={status}
        onValue={(v) => { setStatus(v as AlertStatus | ''); setOffset(0); }}
        options={[{ value: '', label: t('common.all') }, ...alertStatuses.map((s) => ({ value: s, label: t(`deconfliction.status.${s}`) }))]}
      />
      {alerts.isPending ? <Loading label={t('common.loading')} /> : null}
      {alerts.isError ? <Alert kind="error">{t('errors.generic', { message: alerts.error.message })}</Alert> : null}
      {alerts.data && alerts.data.items.length === 0 ? <Empty>{t('deconfliction.none')}</Empty> : null}
      {alerts.data?.items.map((a) => <AlertPanel key={a.id} alert={a} />)}
      {alerts.data ? <Pager total={alerts.data.total} limit={PAGE} offset={offset} onOffset={setOffset} labels={pagerLabels} /> : null}
    </>
  );
}

function AlertPanel({ alert }: { alert: DeconflictionAlert }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const qc = useQueryClient();
  const [note, setNote] = useState('');
  const decide = useMutation({
    mutationFn: (decision: 'grant' | 'dismiss') => decideAlert(alert.id, decision, note),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['deconfliction'] });
      void qc.invalidateQueries({ queryKey: ['notifications'] });
    },
  });
  return (
    <Panel title={t('deconfliction.alertTitle', { when: fmt.dateTime(alert.createdAt) })} level={2}>
      <AlertSummary alert={alert} />
      {alert.canDecide ? (
        <div className="deconfliction-decide">
          <p className="muted">{t('deconfliction.decideHint', { who: alert.recordedBy.displayName })}</p>
          <TextField label={t('deconfliction.note')} value={note} onValue={setNote} maxLength={2000} />
          {decide.isError ? <Alert kind="error">{t('errors.generic', { message: decide.error.message })}</Alert> : null}
          <Button variant="primary" busy={decide.isPending} onClick={() => decide.mutate('grant')}>{t('deconfliction.grant')}</Button>{' '}
          <Button busy={decide.isPending} onClick={() => decide.mutate('dismiss')}>{t('deconfliction.dismiss')}</Button>
        </div>
      ) : null}
    </Panel>
  );
}
