import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Badge, type Tone } from '../../../ui/index.ts';
import type { DeconflictionAlert } from '../api/deconfliction.api.ts';

const tones: Record<DeconflictionAlert['status'], Tone> = { open: 'warning', granted: 'success', dismissed: 'neutral' };

/**
 * What an alert says to its reader. The recording side reads only "another case holds this identifier"; the
 * holding side reads which of its cases and whom to call. The server sends each side only its part.
 */
export function AlertSummary({ alert }: { alert: DeconflictionAlert }) {
  const { t } = useTranslation();
  const identifier = `\u2068${alert.identifier.display}\u2069`;
  return (
    <div className="deconfliction-alert" data-testid={`alert-${alert.id}`}>
      <p>
        <Badge tone={tones[alert.status]}>{t(`deconfliction.status.${alert.status}`)}</Badge>{' '}
        {alert.side === 'holder' && alert.holderCase ? (
          <>
            {t('deconfliction.holderMessage', { identifier, who: `\u2068${alert.recordedBy.displayName}\u2069`, district: alert.recordedBy.district ?? t('common.none') })}{' '}
            <Link to={`/cases/${alert.holderCase.id}`}>{alert.holderCase.firLabel ? `${alert.holderCase.firLabel} · ` : ''}{alert.holderCase.title}</Link>
          </>
        ) : (
          <>
            {t('deconfliction.recorderMessage', { identifier })}
            {alert.recordedIn ? (
              <>
                {' '}{t('deconfliction.recordedIn')} <Link to={`/cases/${alert.recordedIn.id}`}>{alert.recordedIn.title}</Link>
              </>
            ) : null}
          </>
        )}
      </p>
      {alert.status !== 'open' ? (
        <p className="muted">
          {t(alert.status === 'granted' ? 'deconfliction.outcomeGranted' : 'deconfliction.outcomeDismissed')}
          {alert.decidedBy ? ` — ${alert.decidedBy}` : ''}
          {alert.decisionNote ? `: ${alert.decisionNote}` : ''}
        </p>
      ) : null}
    </div>
  );
}
