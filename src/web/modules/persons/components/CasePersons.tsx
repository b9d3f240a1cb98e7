import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Badge, Button, Empty, Loading, Panel } from '../../../ui/index.ts';
import { QueryError } from '../../../app/FormError.tsx';
import { useCan } from '../../../app/session.ts';
import { useCaseOutlet } from '../../cases/components/CasePage.tsx';
import { useCasePersons } from '../hooks/use-persons.ts';
import type { CasePerson } from '../api/persons.api.ts';
import { AccusedStatusDialog } from './AccusedStatusDialog.tsx';
import { LinkPersonForm } from './LinkPersonForm.tsx';
import { NewVictimForm } from '../../victims/components/NewVictimForm.tsx';

export function CasePersons() {
  const c = useCaseOutlet();
  const { t } = useTranslation();
  const can = useCan();
  const data = useCasePersons(c.id);
  const [moving, setMoving] = useState<{ person: CasePerson; to: CasePerson['allowedNextStatuses'][number] } | null>(null);
  if (data.isPending) return <Loading label={t('common.loading')} />;
  if (data.error) return <QueryError error={data.error} />;
  const { persons, victims } = data.data;
  return (
    <div className="grid-2 wide-first">
      <div className="stack">
        <Panel title={t('casePage.persons')}>
          {persons.length === 0 ? <Empty>{t('common.none')}</Empty> : null}
          <ul className="plain" data-testid="case-persons">
            {persons.map((p) => (
              <li key={p.personId}>
                <Link to={`/persons/${p.personId}`}>{p.displayName}</Link>{' '}
                {p.roles.map((r) => (
                  <Badge key={r} tone={r === 'ringleader' ? 'danger' : 'neutral'}>
                    {t(`persons.roles.${r}`)}
                  </Badge>
                ))}{' '}
                {p.accused ? <Badge tone="warning">{t(`accusedStatus.${p.accusedStatus ?? 'at_large'}`)}</Badge> : null} {p.foreignWarrantRequested ? <Badge tone="danger">{t('persons.warrant')}</Badge> : null}
                {p.accused && can('case.transition') && p.allowedNextStatuses.length > 0 ? (
                  <div className="button-row small-buttons">
                    {p.allowedNextStatuses.map((s) => (
                      <Button key={s} onClick={() => setMoving({ person: p, to: s })}>
                        {t('casePage.moveTo', { status: t(`accusedStatus.${s}`) })}
                      </Button>
                    ))}
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        </Panel>
        <Panel title={t('casePage.victims')}>
          <p className="muted small">{t('victims.pseudonymNotice')}</p>
          {victims.length === 0 ? <Empty>{t('common.none')}</Empty> : null}
          <ul className="plain cols" data-testid="case-victims">
            {victims.map((v) => (
              <li key={v.id}>
                {can('victim.read') ? (
                  <Link to={`/victims/${v.id}`} className="pseudonym">
                    {v.pseudonym}
                  </Link>
                ) : (
                  <span className="pseudonym">{v.pseudonym}</span>
                )}{' '}
                <Badge tone="info">{t(`victims.states.${v.state}`, { defaultValue: v.state })}</Badge>{' '}
                <span className="muted small">
                  {v.gender ? t(`persons.genders.${v.gender}`) : ''}
                  {v.ageAtIdentification !== null ? ` · ${t('persons.aboutAge', { age: v.ageAtIdentification })}` : ''}
                </span>
              </li>
            ))}
          </ul>
        </Panel>
      </div>
      <div className="stack">
        {can('person.write') ? (
          <Panel title={t('persons.linkTitle')}>
            <LinkPersonForm caseId={c.id} />
          </Panel>
        ) : null}
        {can('victim.write') ? (
          <Panel title={t('victims.register')}>
            <NewVictimForm caseId={c.id} />
          </Panel>
        ) : null}
      </div>
      {moving ? <AccusedStatusDialog caseId={c.id} person={moving.person} to={moving.to} onClose={() => setMoving(null)} /> : null}
    </div>
  );
}
