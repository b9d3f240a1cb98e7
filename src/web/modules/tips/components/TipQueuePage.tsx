import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Badge, Empty, Loading, PageHeader, Pager, Panel, SelectField } from '../../../ui/index.ts';
import { QueryError } from '../../../app/FormError.tsx';
import { useSession } from '../../../app/session.ts';
import { usePagerLabels } from '../../../app/use-pager-labels.ts';
import { fetchBranches } from '../../reference/api/reference.api.ts';
import { listTips } from '../api/tips.api.ts';

const statuses = ['new', 'converted', 'attached', 'closed'] as const;

/** The branch's queue of tips: the most urgent first, then the oldest; each with its age and why it ranks there. */
export function TipQueuePage() {
  const { t } = useTranslation();
  const pager = usePagerLabels();
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const own = session.data?.branchId;
  const branch = params.get('branch') ?? (own ? String(own) : '');
  const status = statuses.find((s) => s === params.get('status')) ?? 'new';
  const offset = Number(params.get('offset') ?? 0) || 0;
  const branches = useQuery({ queryKey: ['branches'], queryFn: fetchBranches, staleTime: 600_000 });
  const list = useQuery({ queryKey: ['tips', 'list', branch, status, offset], queryFn: () => listTips({ status, offset, limit: 25, ...(branch ? { branch } : {}) }), placeholderData: keepPreviousData });
  const set = (next: Record<string, string | null>) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) if (v === null || v === '') p.delete(k); else p.set(k, v);
    setParams(p);
  };
  return (
    <>
      <PageHeader title={t('tips.queueTitle')} subtitle={t('tips.queueSubtitle')} actions={<Link to="/tip-rules">{t('tips.rulesLink')}</Link>} />
      <div className="grid-2">
        <SelectField label={t('tips.branch')} value={branch} onValue={(v) => set({ branch: v, offset: null })}
          options={[{ value: '', label: t('tips.allBranches') }, { value: 'unrouted', label: t('tips.unrouted') }, ...(branches.data?.items ?? []).map((b) => ({ value: String(b.id), label: b.district }))]} />
        <SelectField label={t('tips.status')} value={status} onValue={(v) => set({ status: v, offset: null })} options={statuses.map((s) => ({ value: s, label: t(`tips.statuses.${s}`) }))} />
      </div>
      <Panel title={t('tips.queue')}>
        <div aria-live="polite">
          {list.isPending ? <Loading label={t('common.loading')} /> : null}
          {list.error ? <QueryError error={list.error} /> : null}
          {list.data?.items.length === 0 ? <Empty>{t('tips.empty')}</Empty> : null}
        </div>
        {list.data && list.data.items.length > 0 ? (
          <div className="table-wrap">
            <table className="table" data-testid="tip-queue">
              <thead>
                <tr>
                  <th scope="col">{t('tips.receipt')}</th>
                  <th scope="col">{t('tips.priority')}</th>
                  <th scope="col">{t('tips.incident')}</th>
                  <th scope="col">{t('tips.from')}</th>
                  <th scope="col">{t('tips.branch')}</th>
                  <th scope="col">{t('tips.age')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((tip) => (
                  <tr key={tip.id}>
                    <td className="nowrap"><Link to={`/tips/${tip.id}`} dir="ltr">{tip.receipt}</Link></td>
                    <td>
                      <strong dir="ltr">{tip.priority}</strong>{' '}
                      {tip.reasons.map((r) => <Badge key={r.rule} tone={r.weight >= 50 ? 'danger' : 'neutral'}>{t(`tips.rules.${r.rule}`)}</Badge>)}
                      {tip.related ? <Badge tone="info">{t('tips.relatedCount', { count: tip.related })}</Badge> : null}
                    </td>
                    <td><bdi>{tip.channel === 'public' ? t(`tips.publicIncidents.${tip.incidentType}`, { defaultValue: tip.incidentType }) : tip.incidentType}</bdi></td>
                    <td>{tip.organisation ? <bdi>{tip.organisation}</bdi> : t(`tips.channels.${tip.channel}`)}</td>
                    <td>{tip.branch ?? t('tips.unrouted')}</td>
                    <td className="nowrap">{t('tips.ageHours', { hours: tip.ageHours })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <Pager total={list.data.total} limit={list.data.limit} offset={list.data.offset} onOffset={(o) => set({ offset: String(o) })} labels={pager} />
          </div>
        ) : null}
      </Panel>
    </>
  );
}
