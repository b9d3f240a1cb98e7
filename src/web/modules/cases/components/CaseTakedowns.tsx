import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Empty, Loading, Pager, Panel } from '../../../ui/index.ts';
import { QueryError } from '../../../app/FormError.tsx';
import { useCan } from '../../../app/session.ts';
import { usePagerLabels } from '../../../app/use-pager-labels.ts';
import { NewTakedownForm, TakedownsTable } from '../../takedowns/components/TakedownsPage.tsx';
import { fetchCaseTakedowns } from '../api/case-requests.api.ts';
import { useCaseOutlet } from './CasePage.tsx';

const PAGE = 25;

/** The case's takedowns (each re-noticed until removed) and, for writers, a new request for this case. */
export function CaseTakedowns() {
  const c = useCaseOutlet();
  const { t } = useTranslation();
  const can = useCan();
  const [offset, setOffset] = useState(0);
  const list = useQuery({ queryKey: ['takedowns', 'case', c.id, offset], queryFn: () => fetchCaseTakedowns(c.id, { limit: PAGE, offset }), placeholderData: keepPreviousData });
  const pagerLabels = usePagerLabels();
  return (
    <div className="grid-2 wide-first">
      <Panel title={t('casePage.takedownsOfCase')}>
        {list.isPending ? <Loading label={t('common.loading')} /> : null}
        {list.error ? <QueryError error={list.error} /> : null}
        {list.data?.items.length === 0 ? <Empty>{t('takedowns.none')}</Empty> : null}
        {list.data && list.data.items.length > 0 ? <TakedownsTable items={list.data.items} testId="case-takedowns-table" /> : null}
        {list.data ? <Pager total={list.data.total} limit={PAGE} offset={offset} onOffset={setOffset} labels={pagerLabels} /> : null}
      </Panel>
      {can('takedown.write') ? (
        <Panel title={t('takedowns.new')}>
          <NewTakedownForm caseId={c.id} testId="case-takedown-form" />
        </Panel>
      ) : null}
    </div>
  );
}
