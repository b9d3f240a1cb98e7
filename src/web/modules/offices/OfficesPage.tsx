import { useState } from 'react';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { postKinds, type PostKind } from '../../../modules/branches/branches.schema.ts';
import { Button, CheckList, Loading, Pager, Panel, SelectField, TextField } from '../../ui/index.ts';
import { FormError, QueryError } from '../../app/FormError.tsx';
import type { ApiError } from '../../app/api-client.ts';
import { usePagerLabels } from '../../app/use-pager-labels.ts';
import { useFormat } from '../../i18n/format.ts';
import { useProvinces } from '../reference/hooks/use-reference.ts';
import { CorrectionsList } from '../corrections/components/CorrectionsList.tsx';
import { createOffice, fetchDistricts, fetchOfficeCorrections, fetchOffices, updateOffice, type Office } from './offices.api.ts';

// Branch offices (issue 12): which districts each covers and its staff posts, sanctioned and filled.
// Administrators create a branch, assign districts and posts; every change is audited by the server.
type Posts = Record<PostKind, { sanctioned: string; filled: string }>;
const emptyPosts = (): Posts => Object.fromEntries(postKinds.map((p) => [p, { sanctioned: '', filled: '' }])) as Posts;

function OfficeForm({ province, office, onDone }: { province: string; office: Office | null; onDone: () => void }) {
  const { t } = useTranslation();
  const districts = useQuery({ queryKey: ['districts', province], queryFn: () => fetchDistricts({ province, limit: 200 }) });
  const [name, setName] = useState(office?.name ?? '');
  const [seat, setSeat] = useState(office ? String(office.seatDistrict.id) : '');
  const [covered, setCovered] = useState<string[]>(office ? office.districts.map((d) => String(d.id)) : []);
  const [posts, setPosts] = useState<Posts>(() => {
    const p = emptyPosts();
    for (const row of office?.posts ?? []) p[row.post] = { sanctioned: String(row.sanctioned), filled: String(row.filled) };
    return p;
  });
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const postRows = postKinds.filter((p) => posts[p].sanctioned !== '' || posts[p].filled !== '').map((p) => ({ post: p, sanctioned: Number(posts[p].sanctioned || 0), filled: Number(posts[p].filled || 0) }));
  const fieldError = (f: string) => error?.fieldErrors[f] ?? error?.fieldErrors[`body.${f}`];
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      if (office) await updateOffice(office.id, { name, districtIds: covered.map(Number), posts: postRows });
      else await createOffice({ name, seatDistrictId: Number(seat), districtIds: covered.map(Number).filter((d) => d !== Number(seat)), posts: postRows });
      onDone();
    } catch (err) {
      setError(err as ApiError);
    } finally {
      setBusy(false);
    }
  };
  const options = (districts.data?.items ?? []).map((d) => ({ value: String(d.id), label: d.name, hint: d.branch && d.branch.id !== office?.id ? t('offices.coveredBy', { name: d.branch.name }) : undefined }));
  return (
    <form onSubmit={submit} noValidate className="form" data-testid="office-form">
      <FormError error={error} />
      <TextField label={t('offices.name')} name="name" required value={name} onValue={setName} error={fieldError('name')} />
      {office ? null : <SelectField label={t('offices.seat')} name="seatDistrictId" required value={seat} placeholder={t('offices.pickDistrict')} onValue={setSeat} options={options.map(({ value, label }) => ({ value, label }))} error={fieldError('seatDistrictId')} />}
      {districts.isPending ? <Loading label={t('common.loading')} /> : <CheckList legend={t('offices.covers')} name="districtIds" options={options} selected={covered} onChange={setCovered} error={fieldError('districtIds')} />}
      <fieldset className="field">
        <legend>{t('offices.posts')}</legend>
        <table className="table">
          <thead>
            <tr><th scope="col">{t('offices.post')}</th><th scope="col">{t('offices.sanctioned')}</th><th scope="col">{t('offices.filled')}</th></tr>
          </thead>
          <tbody>
            {postKinds.map((p) => (
              <tr key={p}>
                <th scope="row">{t(`offices.postKinds.${p}`)}</th>
                <td><TextField label={`${t(`offices.postKinds.${p}`)}: ${t('offices.sanctioned')}`} name={`sanctioned-${p}`} inputMode="numeric" dir="ltr" value={posts[p].sanctioned} onValue={(v) => setPosts({ ...posts, [p]: { ...posts[p], sanctioned: v } })} /></td>
                <td><TextField label={`${t(`offices.postKinds.${p}`)}: ${t('offices.filled')}`} name={`filled-${p}`} inputMode="numeric" dir="ltr" value={posts[p].filled} onValue={(v) => setPosts({ ...posts, [p]: { ...posts[p], filled: v } })} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </fieldset>
      <Button type="submit" disabled={busy}>{office ? t('offices.save') : t('offices.create')}</Button>
    </form>
  );
}

/** A branch's changes with the earlier values: name, districts covered, each post's sanctioned and filled numbers. */
function OfficeHistory({ office }: { office: Office }) {
  const { t } = useTranslation();
  const label = (field: string) => {
    if (field === 'name') return t('offices.name');
    if (field === 'districts') return t('offices.covers');
    const m = /^posts\.(\w+)\.(sanctioned|filled)$/.exec(field);
    return m ? `${t(`offices.postKinds.${m[1]}`)}: ${t(`offices.${m[2]}`)}` : undefined;
  };
  return <CorrectionsList queryKey={['branch', office.id]} fetch={() => fetchOfficeCorrections(office.id)} title={t('offices.history', { name: office.name })} fieldLabel={label} />;
}

export function OfficesPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const pager = usePagerLabels();
  const provinces = useProvinces();
  const client = useQueryClient();
  const [province, setProvince] = useState('');
  const [offset, setOffset] = useState(0);
  const [editing, setEditing] = useState<Office | 'new' | null>(null);
  // The branch whose changes are listed: the one being changed, and still after it is saved.
  const [historyOf, setHistoryOf] = useState<number | null>(null);
  const offices = useQuery({ queryKey: ['offices', province, offset], queryFn: () => fetchOffices({ province: province || undefined, limit: 50, offset }), placeholderData: keepPreviousData });
  const done = () => {
    setEditing(null);
    void client.invalidateQueries({ queryKey: ['offices'] });
    void client.invalidateQueries({ queryKey: ['districts'] });
    void client.invalidateQueries({ queryKey: ['corrections', 'branch'] });
  };
  return (
    <div className="stack">
    <Panel title={t('offices.title')}>
      <p className="muted">{t('offices.intro')}</p>
      <div className="filters">
        <SelectField label={t('cases.province')} name="province" value={province} placeholder={t('common.all')} onValue={(v) => { setProvince(v); setOffset(0); setEditing(null); }} options={provinces.map((p) => ({ value: p, label: p }))} />
        {province ? <Button onClick={() => setEditing('new')}>{t('offices.new')}</Button> : <p className="muted small">{t('offices.pickProvince')}</p>}
      </div>
      {editing && province ? <OfficeForm key={editing === 'new' ? 'new' : editing.id} province={province} office={editing === 'new' ? null : editing} onDone={done} /> : null}
      {offices.isPending ? <Loading label={t('common.loading')} /> : null}
      {offices.error ? <QueryError error={offices.error} /> : null}
      {offices.data ? (
        <div className="table-wrap">
          <table className="table" data-testid="offices-table">
            <thead>
              <tr>
                <th scope="col">{t('offices.name')}</th>
                <th scope="col">{t('offices.seat')}</th>
                <th scope="col">{t('offices.covers')}</th>
                <th scope="col">{t('offices.population')}</th>
                <th scope="col">{t('offices.sanctioned')}</th>
                <th scope="col">{t('offices.filled')}</th>
                <th scope="col"><span className="visually-hidden">{t('offices.edit')}</span></th>
              </tr>
            </thead>
            <tbody>
              {offices.data.items.map((o) => (
                <tr key={o.id}>
                  <td>{o.name} <code className="muted small">{o.code}</code></td>
                  <td>{o.seatDistrict.name}</td>
                  <td>{o.districts.length ? o.districts.map((d) => d.name).join(', ') : <span className="muted">{t('offices.none')}</span>}</td>
                  <td className="num">{f.number(o.totals.population)}</td>
                  <td className="num">{f.number(o.totals.sanctioned)}</td>
                  <td className="num">{f.number(o.totals.filled)}</td>
                  <td><Button onClick={() => { setProvince(o.province); setEditing(o); setHistoryOf(o.id); }}>{t('offices.edit')}</Button></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {offices.data ? <Pager total={offices.data.total} limit={offices.data.limit} offset={offices.data.offset} onOffset={setOffset} labels={pager} /> : null}
    </Panel>
    {historyOf !== null && offices.data?.items.some((o) => o.id === historyOf) ? <OfficeHistory office={offices.data.items.find((o) => o.id === historyOf)!} /> : null}
    </div>
  );
}
