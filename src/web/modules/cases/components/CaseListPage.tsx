import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Empty, Loading, PageHeader, Pager } from '../../../ui/index.ts';
import { useCan } from '../../../app/session.ts';
import { QueryError } from '../../../app/FormError.tsx';
import { usePagerLabels } from '../../../app/use-pager-labels.ts';
import { useFormat } from '../../../i18n/format.ts';
import { useCaseList } from '../hooks/use-cases.ts';
import { useCaseFilters } from '../hooks/use-case-filters.ts';
import { CaseFilters } from './CaseFilters.tsx';
import { CaseTable } from './CaseTable.tsx';

export function CaseListPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const can = useCan();
  const { query, update, raw } = useCaseFilters();
  const list = useCaseList(query);
  const pagerLabels = usePagerLabels();
  const initial = { q: raw.get('q') ?? '', status: raw.get('status') ?? '', province: raw.get('province') ?? '', offence: raw.get('offence') ?? '', firYear: raw.get('firYear') ?? '' };
  return (
    <>
      <PageHeader
        title={t('cases.title')}
        subtitle={list.data ? (list.data.totalExact ? t('cases.count', { count: list.data.total }) : t('cases.countAtLeast', { n: f.number(list.data.total) })) : undefined}
        actions={can('case.create') ? <Link className="btn btn-primary" to="/cases/new">{t('cases.register')}</Link> : null}
      />
      <CaseFilters key={raw.toString()} initial={initial} ready={!list.isPending} onApply={(v) => update({ ...v })} />
      <div aria-live="polite" aria-busy={list.isFetching}>
        {list.isPending ? <Loading label={t('common.loading')} /> : null}
        {list.error ? <QueryError error={list.error} /> : null}
        {list.data && list.data.items.length === 0 ? <Empty>{t('cases.empty')}</Empty> : null}
      </div>
      {list.data && list.data.items.length > 0 ? (
        <>
          <CaseTable cases={list.data.items} caption={t('cases.title')} />
          <Pager total={list.data.total} totalExact={list.data.totalExact} limit={list.data.limit} offset={list.data.offset} onOffset={(o) => update({ offset: o })} labels={pagerLabels} />
        </>
      ) : null}
    </>
  );
}
