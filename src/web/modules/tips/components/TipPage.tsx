import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Badge, Button, DefinitionList, Empty, Loading, PageHeader, Panel, SelectField, TextField } from '../../../ui/index.ts';
import { CasePickerField } from '../../cases/components/CasePickerField.tsx';
import { FormError, QueryError } from '../../../app/FormError.tsx';
import type { ApiError } from '../../../app/api-client.ts';
import { useCan } from '../../../app/session.ts';
import { fetchBranches } from '../../reference/api/reference.api.ts';
import { attachTip, closeTip, convertTip, fetchTip, routeTip } from '../api/tips.api.ts';
import { routingLines } from '../routing-text.ts';

/** One tip: why it ranks where it does, what it names (as the graph's entities), its files and their matches, related reports; and what to do with it. */
export function TipPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const can = useCan();
  const tip = useQuery({ queryKey: ['tips', 'one', id], queryFn: () => fetchTip(id) });
  if (tip.isPending) return <Loading label={t('common.loading')} />;
  if (tip.error) return <QueryError error={tip.error} />;
  const d = tip.data;
  return (
    <>
      <PageHeader title={t('tips.tipTitle', { receipt: d.receipt })} subtitle={<bdi>{d.channel === 'public' ? t(`tips.publicIncidents.${d.incidentType}`, { defaultValue: d.incidentType }) : d.incidentType}</bdi>} />
      <div className="grid-2">
        <div className="stack">
          <Panel title={t('tips.priority')}>
            <p><strong dir="ltr" data-testid="tip-priority">{d.priority}</strong> · {t('tips.ageHours', { hours: d.ageHours })} · {t(`tips.statuses.${d.status}`)}</p>
            {d.reasons.length === 0 ? <Empty>{t('tips.noReasons')}</Empty> : (
              <ul data-testid="tip-reasons">{d.reasons.map((r) => <li key={r.rule}><strong dir="ltr">+{r.weight}</strong> {t(`tips.rules.${r.rule}`)}</li>)}</ul>
            )}
            <DefinitionList items={[
              [t('tips.from'), d.organisation ?? t(`tips.channels.${d.channel}`)],
              [t('tips.branch'), d.branch ?? t('tips.unrouted')],
              [t('tips.routing'), d.routing.method ? t(`tips.routingMethods.${d.routing.method}`) : '—'],
              [t('tips.incidentAt'), d.incidentAt ? new Date(d.incidentAt).toLocaleString() : '—'],
            ]} />
            {d.routing.facts ? (
              <ul data-testid="tip-routing-detail">{routingLines(d.routing.facts, d.routing.method, t).map((line) => <li key={line}><bdi>{line}</bdi></li>)}</ul>
            ) : null}
            {d.caseId ? <p><Link to={`/cases/${d.caseId}`}>{t('tips.openCase')}</Link></p> : null}
          </Panel>
          {d.summary ? <Panel title={t('tips.summary')}><p className="prewrap"><bdi>{d.summary}</bdi></p></Panel> : null}
          {d.status === 'new' && can('tip.triage') ? <Decide id={id} branchId={d.branchId} /> : null}
        </div>
        <div className="stack">
          <Panel title={t('tips.identifiers')}>
            {d.identifiers.length === 0 ? <Empty>{t('tips.none')}</Empty> : (
              <ul data-testid="tip-identifiers">
                {d.identifiers.map((i) => (
                  <li key={`${i.entityId}-${i.role}`}>
                    {t(`tips.roles.${i.role}`)}: {t(`entities.kinds.${i.kind}`)} <bdi dir="ltr">{i.display}</bdi>{i.platform ? <> ({i.platform})</> : null}
                    {i.cases ? <> <Badge tone="warning">{t('tips.inCases', { count: i.cases })}</Badge></> : null}
                  </li>
                ))}
              </ul>
            )}
          </Panel>
          <Panel title={t('tips.files')}>
            {d.files.length === 0 ? <Empty>{t('tips.none')}</Empty> : (
              <ul data-testid="tip-files">
                {d.files.map((f) => (
                  <li key={f.id}>
                    <bdi>{f.name || '—'}</bdi> <span dir="ltr" className="mono">{f.md5 ?? f.sha1 ?? f.pdq ?? ''}</span>
                    {f.viewedByEsp !== null ? <> · {f.viewedByEsp ? t('tips.viewedByPlatform') : t('tips.notViewedByPlatform')}</> : null}
                    {f.matches.map((m) => <Badge key={`${m.kind}-${m.label}`} tone="danger">{m.kind === 'hash_set' ? t('tips.matchSet', { name: m.label }) : t('tips.matchCase')}</Badge>)}
                  </li>
                ))}
              </ul>
            )}
          </Panel>
          {d.urls.length ? <Panel title={t('tips.urls')}><ul>{d.urls.map((u) => <li key={u} dir="ltr"><bdi>{u}</bdi></li>)}</ul></Panel> : null}
          <Panel title={t('tips.related')}>
            {d.relatedTips.length === 0 ? <Empty>{t('tips.none')}</Empty> : (
              <ul data-testid="tip-related">{d.relatedTips.map((r) => <li key={r.id}><Link to={`/tips/${r.id}`} dir="ltr">{r.receipt}</Link> — {r.reasons.map((x) => t(`tips.relationReasons.${x.reason}`)).join(', ')}</li>)}</ul>
            )}
          </Panel>
        </div>
      </div>
    </>
  );
}

function Decide({ id, branchId }: { id: string; branchId: number | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const branches = useQuery({ queryKey: ['branches'], queryFn: fetchBranches, staleTime: 600_000 });
  const [route, setRoute] = useState(branchId ? String(branchId) : '');
  const [title, setTitle] = useState('');
  const [caseId, setCaseId] = useState('');
  const [reason, setReason] = useState('');
  const done = () => qc.invalidateQueries({ queryKey: ['tips'] });
  const routing = useMutation<unknown, ApiError>({ mutationFn: () => routeTip(id, Number(route)), onSuccess: done });
  const convert = useMutation<{ caseId: string | null }, ApiError>({ mutationFn: () => convertTip(id, title ? { title } : {}), onSuccess: async (r) => { await done(); if (r.caseId) void navigate(`/cases/${r.caseId}`); } });
  const attach = useMutation<unknown, ApiError>({ mutationFn: () => attachTip(id, caseId.trim()), onSuccess: done });
  const close = useMutation<unknown, ApiError>({ mutationFn: () => closeTip(id, reason), onSuccess: done });
  const error = routing.error ?? convert.error ?? attach.error ?? close.error;
  return (
    <Panel title={t('tips.decide')}>
      <FormError error={error} />
      <div className="stack">
        <div className="row">
          <SelectField label={t('tips.routeTo')} value={route} onValue={setRoute} placeholder={t('tips.pickBranch')} options={(branches.data?.items ?? []).map((b) => ({ value: String(b.id), label: b.district }))} />
          <Button variant="secondary" disabled={!route || routing.isPending} onClick={() => routing.mutate()}>{t('tips.route')}</Button>
        </div>
        <TextField label={t('tips.caseTitle')} value={title} onValue={setTitle} hint={t('tips.caseTitleHint')} error={convert.error?.fieldErrors.title} />
        <Button variant="primary" disabled={convert.isPending || !branchId} onClick={() => convert.mutate()} data-testid="tip-convert">{t('tips.convert')}</Button>
        <div className="row">
          <CasePickerField label={t('casePicker.attachTo')} name="caseId" value={caseId} onValue={setCaseId} error={attach.error?.fieldErrors.caseId} />
          <Button variant="secondary" disabled={!caseId || attach.isPending} onClick={() => attach.mutate()}>{t('tips.attach')}</Button>
        </div>
        <div className="row">
          <TextField label={t('tips.closeReason')} value={reason} onValue={setReason} error={close.error?.fieldErrors.reason} />
          <Button variant="secondary" disabled={reason.length < 3 || close.isPending} onClick={() => close.mutate()}>{t('tips.close')}</Button>
        </div>
      </div>
    </Panel>
  );
}
