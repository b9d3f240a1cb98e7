import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { summaryQuery } from '../../../../modules/stats/stats.schema.ts';
import { Button, Loading, Panel, SelectField, TextField } from '../../../ui/index.ts';
import { QueryError } from '../../../app/FormError.tsx';
import { issuesToFields } from '../../../app/use-zod-form.ts';
import { translateField, translateMessage } from '../../../i18n/index.ts';
import { ApiError } from '../../../app/api-client.ts';
import { useFormat } from '../../../i18n/format.ts';
import { useProvinces } from '../../reference/hooks/use-reference.ts';
import type { SummaryQuery } from '../../stats/api/stats.api.ts';
import { useStatsSummary } from '../../stats/hooks/use-stats.ts';
import { HeadlineFigures } from '../../stats/components/HeadlineFigures.tsx';
import { ProvinceChart } from '../../stats/components/ProvinceChart.tsx';
import { PublishedComparison } from '../../stats/components/PublishedComparison.tsx';
import { BriefingReport } from '../../stats/components/BriefingReport.tsx';
import { CountChart } from './StatusChart.tsx';
import { useCan } from '../../../app/session.ts';

/** National figures, computed from the records: aggregates only, no personal data. */
export function LeadershipHome() {
  const { t } = useTranslation();
  const f = useFormat();
  const can = useCan();
  const provinces = useProvinces();
  const [draft, setDraft] = useState({ from: '', to: '', province: '' });
  const [query, setQuery] = useState<SummaryQuery>({});
  const check = summaryQuery.safeParse({ from: draft.from || undefined, to: draft.to || undefined, province: draft.province || undefined });
  const errors = check.success ? {} : issuesToFields(check.error.issues);
  const stats = useStatsSummary(query);
  const apply = (e: FormEvent) => {
    e.preventDefault();
    if (check.success) setQuery(check.data);
  };
  // A refused period is shown beside its date field; the figures last computed stay on the page.
  const lastGood = useRef<typeof stats.data>(undefined);
  if (stats.data && !stats.error) lastGood.current = stats.data;
  const refused = stats.error instanceof ApiError && stats.error.status === 400 ? stats.error : null;
  const serverError = (name: string) => (refused?.fieldErrors[name] ? translateField(refused.fieldErrors[name], refused.fieldCodes[name]) : undefined);
  const fieldError = (name: 'from' | 'to') => (errors[name] ? translateMessage(errors[name]) : serverError(name));
  const usePublishedPeriod = (to: string) => {
    setDraft({ from: '', to, province: '' });
    setQuery({ to });
  };
  const s = stats.data ?? lastGood.current;
  return (
    <div className="stack">
      <form className="filters" aria-label={t('stats.period')} onSubmit={apply} noValidate>
        <TextField label={t('stats.from')} name="from" type="date" value={draft.from} onValue={(v) => setDraft({ ...draft, from: v })} error={fieldError('from')} />
        <TextField label={t('stats.to')} name="to" type="date" value={draft.to} onValue={(v) => setDraft({ ...draft, to: v })} error={fieldError('to')} />
        <SelectField label={t('cases.province')} name="province" value={draft.province} placeholder={t('stats.national')} onValue={(v) => setDraft({ ...draft, province: v })} options={provinces.map((p) => ({ value: p, label: p }))} />
        <div className="filters-actions">
          <Button type="submit" variant="primary">
            {t('cases.apply')}
          </Button>
        </div>
      </form>
      {stats.isPending ? <Loading label={t('common.loading')} /> : null}
      {stats.error && !refused ? <QueryError error={stats.error} /> : null}
      {s ? (
        <>
          <Panel title={s.scope.province ? `${t('home.figures')} — ${s.scope.province}` : t('home.nationalFigures')}>
            <HeadlineFigures s={s} />
            <p className="muted small">{t('stats.generated', { at: f.dateTime(s.generatedAt) })}</p>
          </Panel>
          <div className="grid-2">
            <Panel title={t('stats.byProvince')}>
              <ProvinceChart rows={s.byProvince} />
            </Panel>
            <div className="stack">
              <Panel title={t('home.casesByStatus')}>
                <CountChart caption={t('home.casesByStatus')} data={s.casesByStatus.map((c) => ({ label: t(`caseStatus.${c.status}`, { defaultValue: c.status }), count: c.all }))} />
              </Panel>
              <Panel title={t('stats.inCareBy')}>
                <CountChart caption={t('stats.inCareBy')} data={(['child_protection_bureau', 'family', 'shelter'] as const).map((k) => ({ label: t(`victims.placementKinds.${k}`), count: s.children.inCareByPlacement[k] }))} />
              </Panel>
            </div>
          </div>
          <Panel title={t('stats.comparison')}>
            <PublishedComparison published={s.published} onUsePeriod={usePublishedPeriod} />
          </Panel>
        </>
      ) : null}
      {can('stats.read') ? <BriefingReport /> : null}
    </div>
  );
}
