import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Badge, Button, Empty, Loading, PageHeader, Pager, Panel, SelectField } from '../../../ui/index.ts';
import { FormError, QueryError } from '../../../app/FormError.tsx';
import type { ApiError } from '../../../app/api-client.ts';
import { useCan } from '../../../app/session.ts';
import { usePagerLabels } from '../../../app/use-pager-labels.ts';
import { fetchSuggestion, listSuggestions, mergeSuggestion, rejectSuggestion, undoMerge, type SuggestionDetail, type SuggestionStatus } from '../api/suggestions.api.ts';

const statuses: SuggestionStatus[] = ['open', 'merged', 'rejected'];
const keys = { list: (status: string, offset: number) => ['suggestions', 'list', status, offset] as const, one: (id: string) => ['suggestions', 'one', id] as const };

/** Duplicate-person suggestions: a list, best score first, and one pair side by side with its score explained. */
export function SuggestionsPage() {
  const { t } = useTranslation();
  const pager = usePagerLabels();
  const [params, setParams] = useSearchParams();
  const status = (statuses.find((s) => s === params.get('status')) ?? 'open') as SuggestionStatus;
  const offset = Number(params.get('offset') ?? 0) || 0;
  const selected = params.get('id');
  const list = useQuery({ queryKey: keys.list(status, offset), queryFn: () => listSuggestions({ status, offset, limit: 25 }), placeholderData: keepPreviousData });
  const set = (next: Record<string, string | null>) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) if (v === null) p.delete(k); else p.set(k, v);
    setParams(p);
  };
  return (
    <>
      <PageHeader title={t('suggestions.title')} subtitle={t('suggestions.subtitle')} />
      <div className="grid-2">
        <div className="stack">
          <SelectField label={t('suggestions.status')} value={status} onValue={(v) => set({ status: v, offset: null, id: null })}
            options={statuses.map((s) => ({ value: s, label: t(`suggestions.statuses.${s}`) }))} />
          <Panel title={t('suggestions.list')}>
            <div aria-live="polite">
              {list.isPending ? <Loading label={t('common.loading')} /> : null}
              {list.error ? <QueryError error={list.error} /> : null}
              {list.data?.items.length === 0 ? <Empty>{t('suggestions.empty')}</Empty> : null}
            </div>
            {list.data && list.data.items.length > 0 ? (
              <div className="table-wrap">
                <table className="table" data-testid="suggestions-table">
                  <thead>
                    <tr>
                      <th scope="col">{t('suggestions.pair')}</th>
                      <th scope="col">{t('suggestions.score')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {list.data.items.map((s) => (
                      <tr key={s.id} aria-selected={s.id === selected}>
                        <td>
                          <Button variant="link" onClick={() => set({ id: s.id })}>
                            <bdi>{s.a.displayName}</bdi> ~ <bdi>{s.b.displayName}</bdi>
                          </Button>
                        </td>
                        <td className="nowrap" dir="ltr">{s.score.toFixed(1)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                <Pager total={list.data.total} limit={list.data.limit} offset={list.data.offset} onOffset={(o) => set({ offset: String(o) })} labels={pager} />
              </div>
            ) : null}
          </Panel>
        </div>
        <div>{selected ? <SuggestionPair id={selected} /> : <Empty>{t('suggestions.pick')}</Empty>}</div>
      </div>
    </>
  );
}

function Side({ p, label }: { p: SuggestionDetail['a']; label: string }) {
  const { t } = useTranslation();
  return (
    <Panel title={label} level={3}>
      <dl className="dl" data-testid="suggestion-side">
        <dt>{t('persons.displayName')}</dt>
        <dd><Link to={`/persons/${p.id}`}><bdi>{p.displayName}</bdi></Link></dd>
        <dt>{t('suggestions.names')}</dt>
        <dd>{p.names.map((n) => <div key={`${n.kind}:${n.name}`}><bdi>{n.name}</bdi></div>)}</dd>
        <dt>{t('suggestions.dateOfBirth')}</dt>
        <dd dir="ltr">{p.dateOfBirth ?? (p.estimatedAge !== null ? `~${p.estimatedAge}` : '—')}</dd>
        <dt>{t('persons.cnic')}</dt>
        <dd dir="ltr">{p.cnic ?? '—'}</dd>
        <dt>{t('suggestions.identifiers')}</dt>
        <dd>{p.identifiers.length ? p.identifiers.map((i) => <div key={`${i.kind}:${i.value}`} dir="ltr">{i.kind}: {i.platform ? `${i.platform} ` : ''}{i.value}</div>) : '—'}</dd>
        <dt>{t('suggestions.cases')}</dt>
        <dd>{p.cases.length ? p.cases.map((c) => <div key={`${c.caseId}:${c.role}`}><Link to={`/cases/${c.caseId}`}>{c.title}</Link> ({c.role})</div>) : '—'}</dd>
      </dl>
    </Panel>
  );
}

function SuggestionPair({ id }: { id: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const qc = useQueryClient();
  const one = useQuery({ queryKey: keys.one(id), queryFn: () => fetchSuggestion(id) });
  const done = () => {
    void qc.invalidateQueries({ queryKey: ['suggestions'] });
    void qc.invalidateQueries({ queryKey: ['persons'] });
  };
  const merge = useMutation({ mutationFn: (keep: 'a' | 'b') => mergeSuggestion(id, keep), onSuccess: done });
  const reject = useMutation({ mutationFn: () => rejectSuggestion(id), onSuccess: done });
  const undo = useMutation({ mutationFn: () => undoMerge(id), onSuccess: done });
  if (one.isPending) return <Loading label={t('common.loading')} />;
  if (one.error) return <QueryError error={one.error} />;
  const s = one.data;
  const error = (merge.error ?? reject.error ?? undo.error) as ApiError | null;
  const mayDecide = can('person.merge');
  return (
    <div className="stack" data-testid="suggestion-pair">
      <Panel title={t('suggestions.explained')}>
        <p>
          <Badge tone={s.status === 'open' ? 'info' : s.status === 'merged' ? 'success' : 'neutral'}>{t(`suggestions.statuses.${s.status}`)}</Badge>{' '}
          {t('suggestions.scoreIs', { score: s.score.toFixed(2), threshold: s.threshold })}
        </p>
        <table className="table" data-testid="suggestion-reasons">
          <thead>
            <tr>
              <th scope="col">{t('suggestions.field')}</th>
              <th scope="col">{t('suggestions.detail')}</th>
              <th scope="col">{t('suggestions.weight')}</th>
            </tr>
          </thead>
          <tbody>
            {s.reasons.map((r, i) => (
              <tr key={i}>
                <td>{t(`suggestions.fields.${r.field}`)}</td>
                <td><bdi>{r.detail}</bdi></td>
                <td className="nowrap" dir="ltr">{r.weight > 0 ? `+${r.weight}` : r.weight}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Panel>
      <div className="grid-2">
        <Side p={s.a} label={t('suggestions.recordA')} />
        <Side p={s.b} label={t('suggestions.recordB')} />
      </div>
      <FormError error={error} />
      {mayDecide && s.status === 'open' ? (
        <div className="filters-actions">
          <Button variant="primary" busy={merge.isPending} onClick={() => merge.mutate('a')}>{t('suggestions.keepA')}</Button>
          <Button variant="primary" busy={merge.isPending} onClick={() => merge.mutate('b')}>{t('suggestions.keepB')}</Button>
          <Button variant="danger" busy={reject.isPending} onClick={() => reject.mutate()}>{t('suggestions.reject')}</Button>
        </div>
      ) : null}
      {mayDecide && s.status === 'merged' ? (
        <div className="filters-actions">
          <Button busy={undo.isPending} onClick={() => undo.mutate()}>{t('suggestions.undo')}</Button>
        </div>
      ) : null}
    </div>
  );
}
