import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { eventLine } from '../../../i18n/event-text.ts';
import type { CaseStatus } from '../../../../modules/cases/case.lifecycle.ts';
import { Button, DefinitionList, Empty, Panel } from '../../../ui/index.ts';
import { useFormat } from '../../../i18n/format.ts';
import { useOffences } from '../../reference/hooks/use-reference.ts';
import { useCaseOutlet } from './CasePage.tsx';
import { TransitionDialog } from './TransitionDialog.tsx';
import { TeamDialog } from './TeamDialog.tsx';
import { useCan } from '../../../app/session.ts';

export function CaseOverview() {
  const c = useCaseOutlet();
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const offences = useOffences();
  const [moving, setMoving] = useState<CaseStatus | null>(null);
  const [editingTeam, setEditingTeam] = useState(false);
  const can = useCan();
  const offenceTitle = (code: string) => offences.data?.find((o) => o.code === code)?.title;
  return (
    <div className="grid-2">
      <div className="stack">
        <Panel title={t('casePage.nextSteps')}>
          {c.allowedNextSteps.length === 0 ? (
            <p className="muted">{t('casePage.noNextSteps')}</p>
          ) : (
            <div className="button-row" data-testid="next-steps">
              {c.allowedNextSteps.map((s) => (
                <Button key={s} variant="primary" onClick={() => setMoving(s)} data-status={s}>
                  {t('casePage.moveTo', { status: t(`caseStatus.${s}`) })}
                </Button>
              ))}
            </div>
          )}
        </Panel>
        <Panel title={t('casePage.summary')}>
          {c.summary ? <p className="prewrap">{c.summary}</p> : <Empty>{t('common.none')}</Empty>}
          <DefinitionList
            items={[
              [t('casePage.branch'), `${c.district}, ${c.province}`],
              [t('cases.reported'), f.dateTime(c.reportedAt)],
              [t('casePage.firRegisteredAt'), f.dateTime(c.firRegisteredAt)],
              [t('casePage.challanSubmittedAt'), f.dateTime(c.challanSubmittedAt)],
              [
                t('cases.offences'),
                <ul className="plain" key="o">
                  {c.offenceCodes.map((o) => (
                    <li key={o}>
                      <bdi dir="ltr">
                        <code>{o}</code> {offenceTitle(o)}
                      </bdi>
                    </li>
                  ))}
                </ul>,
              ],
            ]}
          />
        </Panel>
      </div>
      <div className="stack">
        <Panel title={t('casePage.history')}>
          <ol className="history" data-testid="status-history">
            {[...c.history].reverse().map((h, i) => (
              <li key={i}>
                <strong>{t(`caseStatus.${h.to}`, { defaultValue: h.to })}</strong>
                <span className="muted"> · {f.dateTime(h.at)}{h.actor ? <> · <bdi>{h.actor}</bdi></> : null}</span>
                <p>{eventLine(h.reason, h, i18n.language)}</p>
              </li>
            ))}
          </ol>
        </Panel>
        <Panel title={t('casePage.team')}>
          {c.team.length === 0 ? (
            <Empty>{t('casePage.noTeam')}</Empty>
          ) : (
            <ul className="plain">
              {c.team.map((m) => (
                <li key={m.userId}>
                  {m.displayName} <span className="muted">— {t(`roles.${m.role}`, { defaultValue: m.role })}, {t(`teamRoles.${m.teamRole}`, { defaultValue: m.teamRole })}</span>
                </li>
              ))}
            </ul>
          )}
          {can('case.team.manage') ? (
            <div className="button-row">
              <Button onClick={() => setEditingTeam(true)} data-testid="edit-team">
                {t('casePage.teamEdit.open')}
              </Button>
            </div>
          ) : null}
        </Panel>
      </div>
      {editingTeam ? <TeamDialog c={c} onClose={() => setEditingTeam(false)} /> : null}
      {moving ? <TransitionDialog caseId={c.id} to={moving} onClose={() => setMoving(null)} /> : null}
    </div>
  );
}
