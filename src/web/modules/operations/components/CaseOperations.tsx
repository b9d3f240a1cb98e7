import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Empty, Loading, Panel } from '../../../ui/index.ts';
import { QueryError } from '../../../app/FormError.tsx';
import { useCan } from '../../../app/session.ts';
import { useFormat } from '../../../i18n/format.ts';
import { useCaseOutlet } from '../../cases/components/CasePage.tsx';
import { useCaseOperations } from '../hooks/use-operations.ts';
import { OperationStatusBadge } from './OperationStatusBadge.tsx';
import { PlanOperationForm } from './PlanOperationForm.tsx';

export function CaseOperations() {
  const c = useCaseOutlet();
  const { t } = useTranslation();
  const f = useFormat();
  const can = useCan();
  const navigate = useNavigate();
  const ops = useCaseOperations(c.id);
  return (
    <div className="grid-2 wide-first">
      <Panel title={t('operations.title')}>
        {ops.isPending ? <Loading label={t('common.loading')} /> : null}
        {ops.error ? <QueryError error={ops.error} /> : null}
        {ops.data?.items.length === 0 ? <Empty>{t('operations.empty')}</Empty> : null}
        {ops.data && ops.data.items.length > 0 ? (
          <div className="table-wrap">
            <table className="table" data-testid="operations-table">
              <thead>
                <tr>
                  <th scope="col">{t('operations.name')}</th>
                  <th scope="col">{t('common.status')}</th>
                  <th scope="col">{t('operations.plannedFor')}</th>
                  <th scope="col">{t('operations.arrests')}</th>
                  <th scope="col">{t('operations.rescues')}</th>
                  <th scope="col">{t('operations.seizures')}</th>
                </tr>
              </thead>
              <tbody>
                {ops.data.items.map((o) => (
                  <tr key={o.id}>
                    <td>
                      <Link to={`/operations/${o.id}`}>{o.name}</Link>
                      <div className="muted small">{o.place}</div>
                    </td>
                    <td>
                      <OperationStatusBadge status={o.status} />
                    </td>
                    <td className="nowrap">{f.dateTime(o.plannedFor)}</td>
                    <td className="num">{f.number(o.counts.arrests)}</td>
                    <td className="num">{f.number(o.counts.rescues)}</td>
                    <td className="num">{f.number(o.counts.seizures)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </Panel>
      {can('operation.write') ? (
        <Panel title={t('operations.plan')}>
          <PlanOperationForm caseId={c.id} onPlanned={(id) => navigate(`/operations/${id}`)} />
        </Panel>
      ) : null}
    </div>
  );
}
