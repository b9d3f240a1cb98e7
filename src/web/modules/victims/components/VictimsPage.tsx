import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { victimStates } from '../../../../modules/victims/victim.lifecycle.ts';
import { Empty, Loading, PageHeader, Pager, Panel, SelectField } from '../../../ui/index.ts';
import { QueryError } from '../../../app/FormError.tsx';
import { usePagerLabels } from '../../../app/use-pager-labels.ts';
import { useFormat } from '../../../i18n/format.ts';
import { useVictimList } from '../hooks/use-victims.ts';
import type { VictimState } from '../api/victims.api.ts';
import { VictimStateBadge } from './VictimStateBadge.tsx';

/** The protection officer's caseload: the children assigned to them, by pseudonym, with placement and next follow-up. */
export function VictimList({ limit }: { limit?: number }) {
  const { t } = useTranslation();
  const f = useFormat();
  const pager = usePagerLabels();
  const [params, setParams] = useSearchParams();
  const state = (params.get('state') || undefined) as VictimState | undefined;
  const offset = limit ? 0 : Number(params.get('offset') ?? 0) || 0;
  const list = useVictimList({ assigned: 'me', state, offset });
  const items = limit ? list.data?.items.slice(0, limit) : list.data?.items;
  return (
    <>
      {limit ? null : (
        <div className="filters">
          <SelectField label={t('victims.state')} name="state" value={state ?? ''} placeholder={t('common.any')} onValue={(v) => setParams(v ? { state: v } : {})} options={victimStates.map((s) => ({ value: s, label: t(`victims.states.${s}`) }))} />
        </div>
      )}
      {list.isPending ? <Loading label={t('common.loading')} /> : null}
      {list.error ? <QueryError error={list.error} /> : null}
      {items?.length === 0 ? <Empty>{t('victims.empty')}</Empty> : null}
      {items && items.length > 0 ? (
        <div className="table-wrap">
          <table className="table" data-testid="victims-table">
            <thead>
              <tr>
                <th scope="col">{t('victims.pseudonym')}</th>
                <th scope="col">{t('victims.state')}</th>
                <th scope="col">{t('victims.placement')}</th>
                <th scope="col">{t('victims.nextFollowup')}</th>
                <th scope="col">{t('victims.identifiedAt')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((v) => (
                <tr key={v.id} data-testid="victim-row">
                  <td>
                    <Link to={`/victims/${v.id}`} className="pseudonym">
                      {v.pseudonym}
                    </Link>
                    <div className="muted small">
                      {v.gender ? t(`persons.genders.${v.gender}`) : ''}
                      {v.ageAtIdentification !== null ? ` · ${t('persons.aboutAge', { age: f.number(v.ageAtIdentification) })}` : ''}
                    </div>
                  </td>
                  <td>
                    <VictimStateBadge state={v.state} />
                  </td>
                  <td>{v.currentPlacement ? `${t(`victims.placementKinds.${v.currentPlacement.kind}`)}${v.currentPlacement.facility ? ` — ${v.currentPlacement.facility}` : ''}` : '—'}</td>
                  <td className="nowrap">{f.date(v.nextFollowupDue)}</td>
                  <td className="nowrap">{f.date(v.identifiedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {!limit && list.data ? <Pager total={list.data.total} limit={list.data.limit} offset={list.data.offset} onOffset={(o) => setParams((p) => (p.set('offset', String(o)), p))} labels={pager} /> : null}
    </>
  );
}

export function VictimsPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('victims.title')} subtitle={t('victims.intro')} />
      <Panel title={t('home.assignedVictims')}>
        <VictimList />
      </Panel>
    </>
  );
}
