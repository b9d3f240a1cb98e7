import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Badge, Loading, Pager, Panel, SelectField } from '../../../ui/index.ts';
import { QueryError } from '../../../app/FormError.tsx';
import { usePagerLabels } from '../../../app/use-pager-labels.ts';
import { useFormat } from '../../../i18n/format.ts';
import { useBranches } from '../../reference/hooks/use-reference.ts';
import { useTeamOverview } from '../hooks/use-admin.ts';

/** Case load per person (counts only: the administrator sees no case content). */
export function TeamsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const pager = usePagerLabels();
  const branches = useBranches();
  const [params, setParams] = useSearchParams();
  const branchId = params.get('branchId') ? Number(params.get('branchId')) : undefined;
  const teams = useTeamOverview({ branchId, offset: Number(params.get('offset') ?? 0) || 0 });
  const district = (id: number | null) => branches.data?.find((b) => b.id === id)?.district ?? '—';
  return (
    <Panel title={t('admin.teams')}>
      <p className="muted">{t('admin.teamsIntro')}</p>
      <div className="filters">
        <SelectField label={t('cases.form.branch')} name="branchId" value={branchId ? String(branchId) : ''} placeholder={t('common.all')} onValue={(v) => setParams(v ? { branchId: v } : {})} options={(branches.data ?? []).map((b) => ({ value: String(b.id), label: b.district }))} />
      </div>
      {teams.isPending ? <Loading label={t('common.loading')} /> : null}
      {teams.error ? <QueryError error={teams.error} /> : null}
      {teams.data ? (
        <div className="table-wrap">
          <table className="table" data-testid="teams-table">
            <thead>
              <tr>
                <th scope="col">{t('admin.displayName')}</th>
                <th scope="col">{t('admin.role')}</th>
                <th scope="col">{t('cases.district')}</th>
                <th scope="col">{t('admin.caseCount')}</th>
                <th scope="col">{t('admin.asLead')}</th>
              </tr>
            </thead>
            <tbody>
              {teams.data.items.map((m) => (
                <tr key={m.userId}>
                  <td>
                    {m.displayName} {m.disabled ? <Badge tone="danger">{t('admin.disabled')}</Badge> : null}
                  </td>
                  <td>{t(`roles.${m.role}`)}</td>
                  <td>{district(m.branchId)}</td>
                  <td className="num">{f.number(m.cases)}</td>
                  <td className="num">{f.number(m.asLead)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {teams.data ? <Pager total={teams.data.total} limit={teams.data.limit} offset={teams.data.offset} onOffset={(o) => setParams((p) => (p.set('offset', String(o)), p))} labels={pager} /> : null}
    </Panel>
  );
}
