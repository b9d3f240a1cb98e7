import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { eventLine } from '../../../i18n/event-text.ts';
import { Button, DefinitionList, Loading, PageHeader, Panel } from '../../../ui/index.ts';
import { QueryError } from '../../../app/FormError.tsx';
import { useCan } from '../../../app/session.ts';
import { useFormat } from '../../../i18n/format.ts';
import type { VictimState } from '../api/victims.api.ts';
import { useVictim } from '../hooks/use-victims.ts';
import { VictimStateBadge } from './VictimStateBadge.tsx';
import { VictimTransitionDialog } from './VictimTransitionDialog.tsx';
import { IdentityPanel } from './IdentityPanel.tsx';
import { FollowupsPanel, PlacementsPanel } from './CarePanels.tsx';
import { OfficersPanel } from './OfficersPanel.tsx';
import { VictimLinkPanel } from '../../corrections/components/VictimLinkPanel.tsx';
import { DocumentsPanel } from '../../documents/components/DocumentsPanel.tsx';

/** Safeguarding of one child. Everyone sees the pseudonym; identity and care records only the assigned officer. */
export function VictimPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const can = useCan();
  const victim = useVictim(id);
  const [moving, setMoving] = useState<VictimState | null>(null);
  if (victim.isPending) return <Loading label={t('common.loading')} />;
  if (victim.error) return <QueryError error={victim.error} />;
  const v = victim.data;
  const officer = v.assignedToMe && can('victim.identity.read');
  return (
    <article aria-label={v.pseudonym}>
      <PageHeader
        title={v.pseudonym}
        subtitle={
          <>
            <VictimStateBadge state={v.state} /> {v.gender ? t(`persons.genders.${v.gender}`) : ''}
            {v.ageAtIdentification !== null ? ` · ${t('persons.aboutAge', { age: f.number(v.ageAtIdentification) })}` : ''}
          </>
        }
      />
      <div className="grid-2">
        <div className="stack">
          {officer ? <IdentityPanel victimId={v.id} /> : null}
          <Panel title={t('victims.safeguarding')}>
            {v.allowedNextStates.length > 0 ? (
              <div className="button-row" data-testid="victim-steps">
                {v.allowedNextStates.map((s) => (
                  <Button key={s} variant="primary" onClick={() => setMoving(s)}>
                    {t('victims.moveTo', { state: t(`victims.states.${s}`) })}
                  </Button>
                ))}
              </div>
            ) : null}
            <DefinitionList
              items={[
                [t('victims.identifiedAt'), f.date(v.identifiedAt)],
                [t('victims.recoveredAt'), f.date(v.recoveredAt)],
                [t('victims.placedAt'), f.date(v.placedAt)],
                [t('victims.closedAt'), f.date(v.closedAt)],
                [t('victims.officers'), v.assignedOfficers.map((o) => o.displayName).join(', ') || '—'],
              ]}
            />
            <h3>{t('casePage.history')}</h3>
            <ol className="history">
              {[...v.history].reverse().map((h, i) => (
                <li key={i}>
                  <strong>{t(`victims.states.${h.to}`, { defaultValue: h.to })}</strong>
                  <span className="muted"> · {f.dateTime(h.at)}{h.actor ? <> · <bdi>{h.actor}</bdi></> : null}</span>
                  <p>{eventLine(h.reason, h, i18n.language)}</p>
                </li>
              ))}
            </ol>
          </Panel>
          {v.cases.length > 0 ? (
            <Panel title={t('persons.cases')}>
              <ul className="plain">
                {v.cases.map((c) => (
                  <li key={c.caseId}>{can('case.read') ? <Link to={`/cases/${c.caseId}/persons`}>{c.title}</Link> : c.title} {c.firLabel ? <bdi className="muted">{c.firLabel}</bdi> : null}</li>
                ))}
              </ul>
            </Panel>
          ) : null}
          {can('victim.write') && can('case.read') ? <VictimLinkPanel victimId={v.id} linked={v.cases.map((c) => c.caseId)} /> : null}
        </div>
        {can('case.team.manage') ? (
          <div className="stack">
            <OfficersPanel v={v} />
          </div>
        ) : null}
        {v.care ? (
          <div className="stack">
            <PlacementsPanel victimId={v.id} care={v.care} />
            <FollowupsPanel victimId={v.id} care={v.care} />
            {officer && can('document.read') ? <DocumentsPanel owner={{ kind: 'victim_care', id: v.id }} title={t('documents.careTitle')} /> : null}
          </div>
        ) : null}
      </div>
      {moving ? <VictimTransitionDialog victimId={v.id} to={moving} onClose={() => setMoving(null)} /> : null}
    </article>
  );
}
