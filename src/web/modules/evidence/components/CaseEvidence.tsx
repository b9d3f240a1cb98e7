import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Empty, Loading, Panel } from '../../../ui/index.ts';
import { QueryError } from '../../../app/FormError.tsx';
import { useCan } from '../../../app/session.ts';
import { useFormat } from '../../../i18n/format.ts';
import { useCaseOutlet } from '../../cases/components/CasePage.tsx';
import { useCaseEvidence } from '../hooks/use-evidence.ts';
import { AddEvidenceForm } from './AddEvidenceForm.tsx';

export function CaseEvidence() {
  const c = useCaseOutlet();
  const { t } = useTranslation();
  const f = useFormat();
  const can = useCan();
  const items = useCaseEvidence(c.id);
  return (
    <div className="grid-2 wide-first">
      <Panel title={t('evidence.title')}>
        {items.isPending ? <Loading label={t('common.loading')} /> : null}
        {items.error ? <QueryError error={items.error} /> : null}
        {items.data?.items.length === 0 ? <Empty>{t('evidence.empty')}</Empty> : null}
        {items.data && items.data.items.length > 0 ? (
          <div className="table-wrap">
            <table className="table" data-testid="evidence-table">
              <thead>
                <tr>
                  <th scope="col">{t('evidence.label')}</th>
                  <th scope="col">{t('evidence.kind')}</th>
                  <th scope="col">{t('evidence.seizedAt')}</th>
                  <th scope="col">{t('evidence.operation')}</th>
                  <th scope="col">{t('evidence.custodian')}</th>
                </tr>
              </thead>
              <tbody>
                {items.data.items.map((e) => (
                  <tr key={e.id}>
                    <td>
                      <Link to={`/evidence/${e.id}`}>{e.label}</Link>
                    </td>
                    <td>{t(`evidence.kinds.${e.kind}`)}</td>
                    <td className="nowrap">{f.dateTime(e.seizedAt)}</td>
                    <td>{e.operation ? <Link to={`/operations/${e.operation.id}`}>{e.operation.name}</Link> : '—'}</td>
                    <td>{e.custodian?.displayName ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </Panel>
      {can('evidence.write') ? (
        <Panel title={t('evidence.add')}>
          <AddEvidenceForm caseId={c.id} />
        </Panel>
      ) : null}
    </div>
  );
}
