import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Loading, Pager, Panel, SelectField } from '../../../ui/index.ts';
import { QueryError } from '../../../app/FormError.tsx';
import { usePagerLabels } from '../../../app/use-pager-labels.ts';
import { useFormat } from '../../../i18n/format.ts';
import { useProvinces } from '../../reference/hooks/use-reference.ts';
import { useBranchStaff } from '../hooks/use-admin.ts';

export function BranchesPage() {
  const { t } = useTranslation();
  const provinces = useProvinces();
  const f = useFormat();
  const pager = usePagerLabels();
  const [params, setParams] = useSearchParams();
  const province = params.get('province') || undefined;
  const branches = useBranchStaff(province, Number(params.get('offset') ?? 0) || 0);
  return (
    <Panel title={t('admin.branches')}>
      <div className="filters">
        <SelectField label={t('cases.province')} name="province" value={province ?? ''} placeholder={t('common.all')} onValue={(v) => setParams(v ? { province: v } : {})} options={provinces.map((p) => ({ value: p, label: p }))} />
      </div>
      {branches.isPending ? <Loading label={t('common.loading')} /> : null}
      {branches.error ? <QueryError error={branches.error} /> : null}
      {branches.data ? (
        <div className="table-wrap">
          <table className="table" data-testid="branches-table">
            <thead>
              <tr>
                <th scope="col">{t('admin.code')}</th>
                <th scope="col">{t('cases.district')}</th>
                <th scope="col">{t('cases.province')}</th>
                <th scope="col">{t('admin.staff')}</th>
                <th scope="col">{t('admin.investigators')}</th>
                <th scope="col">{t('admin.supervisors')}</th>
              </tr>
            </thead>
            <tbody>
              {branches.data.items.map((b) => (
                <tr key={b.id}>
                  <td>
                    <code>{b.code}</code>
                  </td>
                  <td>{b.district}</td>
                  <td>{b.province}</td>
                  <td className="num">
                    {f.number(b.enabledStaff)}
                    {b.staff !== b.enabledStaff ? <span className="muted small"> / {f.number(b.staff)}</span> : null}
                  </td>
                  <td className="num">{f.number(b.investigators)}</td>
                  <td className="num">{f.number(b.supervisors)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {branches.data ? <Pager total={branches.data.total} limit={branches.data.limit} offset={branches.data.offset} onOffset={(o) => setParams((p) => (p.set('offset', String(o)), p))} labels={pager} /> : null}
    </Panel>
  );
}
