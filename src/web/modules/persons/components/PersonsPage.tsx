import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Button, Empty, Loading, PageHeader, Pager, Panel, TextField } from '../../../ui/index.ts';
import { QueryError } from '../../../app/FormError.tsx';
import { useCan } from '../../../app/session.ts';
import { usePagerLabels } from '../../../app/use-pager-labels.ts';
import { useFormat } from '../../../i18n/format.ts';
import { usePersonSearch } from '../hooks/use-persons.ts';
import { NewPersonForm } from './NewPersonForm.tsx';

const fields = ['q', 'cnic', 'phone', 'handle'] as const;

export function PersonsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const can = useCan();
  const pager = usePagerLabels();
  const [params, setParams] = useSearchParams();
  const query = Object.fromEntries(fields.map((k) => [k, params.get(k) || undefined])) as Record<(typeof fields)[number], string | undefined>;
  const offset = Number(params.get('offset') ?? 0) || 0;
  const [draft, setDraft] = useState<Record<string, string>>(() => Object.fromEntries(fields.map((k) => [k, params.get(k) ?? ''])));
  const result = usePersonSearch({ ...query, offset });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next = new URLSearchParams();
    for (const k of fields) if (draft[k]?.trim()) next.set(k, draft[k].trim());
    setParams(next);
  };
  return (
    <>
      <PageHeader title={t('persons.title')} />
      <div className="grid-2 wide-first">
        <div className="stack">
          <form className="filters" role="search" aria-label={t('persons.search')} onSubmit={submit}>
            <TextField label={t('persons.searchName')} type="search" name="q" value={draft.q} onValue={(v) => setDraft({ ...draft, q: v })} />
            <TextField label={t('persons.cnic')} name="cnic" dir="ltr" value={draft.cnic} onValue={(v) => setDraft({ ...draft, cnic: v })} />
            <TextField label={t('persons.phone')} name="phone" dir="ltr" value={draft.phone} onValue={(v) => setDraft({ ...draft, phone: v })} />
            <TextField label={t('persons.handle')} name="handle" dir="ltr" value={draft.handle} onValue={(v) => setDraft({ ...draft, handle: v })} />
            <div className="filters-actions">
              <Button type="submit" variant="primary">
                {t('common.search')}
              </Button>
            </div>
          </form>
          <Panel title={t('persons.results')}>
            <div aria-live="polite">
              {result.isPending ? <Loading label={t('common.loading')} /> : null}
              {result.error ? <QueryError error={result.error} /> : null}
              {result.data?.items.length === 0 ? <Empty>{t('persons.empty')}</Empty> : null}
            </div>
            {result.data && result.data.items.length > 0 ? (
              <div className="table-wrap">
                <table className="table" data-testid="persons-table">
                  <thead>
                    <tr>
                      <th scope="col">{t('persons.displayName')}</th>
                      <th scope="col">{t('persons.aliases')}</th>
                      <th scope="col">{t('persons.nationality')}</th>
                      <th scope="col">{t('persons.cnic')}</th>
                      <th scope="col">{t('cases.updated')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {result.data.items.map((p) => (
                      <tr key={p.id}>
                        <td>
                          <Link to={`/persons/${p.id}`}>{p.displayName}</Link>
                        </td>
                        <td>{p.otherNames.join(', ')}</td>
                        <td>{p.nationality ?? '—'}</td>
                        <td className="nowrap">
                          <bdi>{p.cnic ?? '—'}</bdi>
                        </td>
                        <td className="nowrap">{f.date(p.updatedAt)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : null}
            {result.data ? <Pager total={result.data.total} totalExact={result.data.totalExact} limit={result.data.limit} offset={result.data.offset} onOffset={(o) => setParams((p) => (p.set('offset', String(o)), p))} labels={pager} /> : null}
          </Panel>
        </div>
        {can('person.write') ? (
          <Panel title={t('persons.record')}>
            <NewPersonForm />
          </Panel>
        ) : null}
      </div>
    </>
  );
}
