import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Empty, Loading, Pager, Panel } from '../../../ui/index.ts';
import { QueryError } from '../../../app/FormError.tsx';
import { useCan } from '../../../app/session.ts';
import { usePagerLabels } from '../../../app/use-pager-labels.ts';
import { LegalRequestsTable, NewRequestForm } from '../../legal-requests/components/LegalRequestsPage.tsx';
import { fetchCaseLegalRequests } from '../api/case-requests.api.ts';
import { useCaseOutlet } from './CasePage.tsx';

const PAGE = 25;

/** The case's legal and cooperation requests with their deadlines and, for writers, a new one for this case. */
export function CaseLegalRequests() {
  const c = useCaseOutlet();
  const { t } = useTranslation();
  const can = useCan();
  const [offset, setOffset] = useState(0);
  const list = useQuery({ queryKey: ['legal-requests', 'case', c.id, offset], queryFn: () => fetchCaseLegalRequests(c.id, { limit: PAGE, offset }), placeholderData: keepPreviousData });
  const pagerLabels = usePagerLabels();
  return (
    <div className="grid-2 wide-first">
      <Panel title={t('casePage.legalRequestsOfCase')}>
        {list.isPending ? <Loading label={t('common.loading')} /> : null}
        {list.error ? <QueryError error={list.error} /> : null}
        {list.data?.items.length === 0 ? <Empty>{t('legalRequests.none')}</Empty> : null}
        {list.data && list.data.items.length > 0 ? <LegalRequestsTable items={list.data.items} testId="case-legal-requests-table" /> : null}
        {list.data ? <Pager total={list.data.total} limit={PAGE} offset={offset} onOffset={setOffset} labels={pagerLabels} /> : null}
      </Panel>
      {can('legal_request.write') ? (
        <Panel title={t('legalRequests.new')}>
          <NewRequestForm caseId={c.id} testId="case-legal-request-form" />
        </Panel>
      ) : null}
    </div>
  );
}
