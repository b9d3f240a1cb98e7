import { useState, type FormEvent } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Loading, PageHeader, Panel, SelectField, TextField } from '../../ui/index.ts';
import { QueryError } from '../../app/FormError.tsx';
import type { ApiError } from '../../app/api-client.ts';
import { problemText } from '../../i18n/index.ts';
import { useFormat, type Formatters } from '../../i18n/format.ts';
import { fetchPlan, planFileHref, type PlanInputs, type PlanScenarioView, type PlanUnit } from './planning.api.ts';

// Capacity planning (issue 12 §6) for leadership and analysts: the scenarios of `amaan plan` side by side,
// nationally and per office, from the published view the API gives (small counts suppressed as in the
// files); the reader changes the staff multiplier, the growth rate and the branch-in-every-district scenario;
// the assumptions are printed as the CLI prints them (English, as in the files); CSV, XLSX and PDF downloads.

const one = (f: Formatters, v: number) => f.number(Math.round(v * 10) / 10);

interface Form { staffFactor: string; growthPercent: string; everyDistrict: boolean; from: string; to: string }

function inputsOf(form: Form): PlanInputs {
  const n = (s: string) => (s.trim() === '' ? undefined : Number(s));
  const growth = n(form.growthPercent);
  return {
    from: form.from || undefined, to: form.to || undefined, staffFactor: n(form.staffFactor),
    growth: growth === undefined || Number.isNaN(growth) ? growth : Math.round(growth * 1000) / 100_000,
    everyDistrict: form.everyDistrict,
  };
}

/** A figure of an office: withheld (derived from a small count), unbounded (null), or a number. */
function UnitCell({ u, value, unbounded, render }: { u: PlanUnit; value: number | null; unbounded: string; render: (v: number) => string }) {
  const { t } = useTranslation();
  if (u.hidden) return <td className="num" title={t('planning.withheld')}>—</td>;
  return <td className="num">{value === null ? unbounded : render(value)}</td>;
}

function Comparison({ scenarios, limit, cost }: { scenarios: PlanScenarioView[]; limit: number; cost: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  const rows: Array<[string, string, (s: PlanScenarioView) => string]> = [
    ['offices', t('planning.m.offices'), (s) => f.number(s.offices)],
    ['intake', t('planning.m.intake'), (s) => one(f, s.intakePerMonth)],
    ['investigators', t('planning.m.investigators'), (s) => f.number(s.investigators)],
    ['desks', t('planning.m.deskPlaces'), (s) => f.number(s.deskPlaces)],
    ['capacity', t('planning.m.capacity'), (s) => one(f, s.capacityPerMonth)],
    ['utilisation', t('planning.m.utilisation'), (s) => (s.utilisation === null ? t('planning.noStaff') : f.percent(s.utilisation))],
    ['overloaded', t('planning.m.overloaded'), (s) => f.number(s.overloadedOffices)],
    ['wait', t('planning.m.wait'), (s) => one(f, s.waitDays)],
    ['caseload', t('planning.m.caseload'), (s) => (s.caseloadPerInvestigator === null ? t('planning.noStaff') : one(f, s.caseloadPerInvestigator))],
    ['challan', t('planning.m.daysToChallan', { limit: f.number(limit) }), (s) => one(f, s.daysToChallan)],
    ['clear', t('planning.m.clear'), (s) => (s.monthsToClearBacklog === null ? t('planning.never') : one(f, s.monthsToClearBacklog))],
    ['needed', t('planning.m.needed'), (s) => f.number(s.investigatorsNeeded)],
    ['cost', t('planning.m.costYears'), (s) => f.number(s.costInvestigatorYears)],
    ...(cost ? [['costPkr', t('planning.m.costPkr'), (s: PlanScenarioView) => f.number(Math.round(s.costPkr ?? 0))] as [string, string, (s: PlanScenarioView) => string]] : []),
  ];
  return (
    <div className="table-wrap">
      <table className="table" data-testid="plan-comparison">
        <caption className="visually-hidden">{t('planning.comparisonTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('planning.measure')}</th>
            {scenarios.map((s) => <th scope="col" key={s.id} className="num">{t(`planning.scenario.${s.id}`, { defaultValue: s.title })}</th>)}
          </tr>
        </thead>
        <tbody>
          {rows.map(([key, label, cell]) => (
            <tr key={key}>
              <th scope="row">{label}</th>
              {scenarios.map((s) => <td key={s.id} className="num" data-testid={`cmp-${key}-${s.id}`}>{cell(s)}</td>)}
            </tr>
          ))}
          <tr>
            <th scope="row">{t('planning.m.change')}</th>
            {scenarios.map((s) => <td key={s.id}><bdi lang="en" dir="ltr">{s.change}</bdi></td>)}
          </tr>
        </tbody>
      </table>
    </div>
  );
}

function Offices({ scenario }: { scenario: PlanScenarioView }) {
  const { t } = useTranslation();
  const f = useFormat();
  const shown = scenario.units.filter((u) => !u.quiet);
  const left = scenario.units.length - shown.length;
  const grows = t('planning.grows');
  return (
    <>
      {left ? <p className="muted" data-testid="quiet-offices">{t('planning.quiet', { count: left, n: f.number(left) })}</p> : null}
      <div className="table-wrap">
        <table className="table" data-testid="plan-offices">
          <caption className="visually-hidden">{t('planning.officesTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('planning.u.office')}</th>
              <th scope="col" className="num">{t('planning.u.arrivals')}</th>
              <th scope="col" className="num">{t('planning.u.investigators')}</th>
              <th scope="col" className="num">{t('planning.u.deskPlaces')}</th>
              <th scope="col" className="num">{t('planning.u.utilisation')}</th>
              <th scope="col" className="num">{t('planning.u.pWait')}</th>
              <th scope="col" className="num">{t('planning.u.wait')}</th>
              <th scope="col" className="num">{t('planning.u.caseload')}</th>
              <th scope="col" className="num">{t('planning.u.clear')}</th>
              <th scope="col" className="num">{t('planning.u.needed')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((u) => (
              <tr key={u.key} data-office={u.name}>
                <th scope="row"><bdi>{u.name}</bdi></th>
                <UnitCell u={u} value={u.arrivalsPerMonth} unbounded="—" render={(v) => f.number(Math.round(v * 100) / 100)} />
                <td className="num">{f.number(u.investigators)}</td>
                <td className="num">{f.number(u.deskPlaces)}</td>
                <UnitCell u={u} value={u.utilisation} unbounded={t('planning.noStaff')} render={(v) => f.percent(v)} />
                <UnitCell u={u} value={u.probabilityOfWaiting} unbounded="—" render={(v) => f.percent(v)} />
                <UnitCell u={u} value={u.waitDays} unbounded={grows} render={(v) => one(f, v)} />
                <UnitCell u={u} value={u.caseloadPerInvestigator} unbounded={t('planning.noStaff')} render={(v) => one(f, v)} />
                <UnitCell u={u} value={u.monthsToClearBacklog} unbounded={t('planning.never')} render={(v) => one(f, v)} />
                <td className="num">{f.number(u.investigatorsNeeded)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

export function PlanningPage() {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const [form, setForm] = useState<Form>({ staffFactor: '', growthPercent: '', everyDistrict: true, from: '', to: '' });
  const [applied, setApplied] = useState<PlanInputs>(() => inputsOf({ staffFactor: '', growthPercent: '', everyDistrict: true, from: '', to: '' }));
  const [scenarioId, setScenarioId] = useState('baseline');
  const plan = useQuery({ queryKey: ['planning', applied], queryFn: () => fetchPlan(applied), placeholderData: keepPreviousData, retry: false });
  const set = <K extends keyof Form>(k: K, v: Form[K]) => setForm((s) => ({ ...s, [k]: v }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setApplied(inputsOf(form));
  };
  const err = plan.error as ApiError | null;
  const fieldError = (name: string) => (err?.fieldErrors?.[name] ? problemText({ ...err, fieldErrors: { [name]: err.fieldErrors[name]! }, fieldCodes: err.fieldCodes[name] ? { [name]: err.fieldCodes[name]! } : {} }) : undefined);
  const data = plan.data;
  const scenario = data?.scenarios.find((s) => s.id === scenarioId) ?? data?.scenarios[0];

  return (
    <div className="planning-page">
      <PageHeader title={t('planning.title')} subtitle={t('planning.subtitle')} />
      <Panel title={t('planning.inputs')}>
        <form className="form-row planning-controls" onSubmit={submit} noValidate>
          <TextField type="number" step="0.1" min="0.1" label={t('planning.staffFactor')} hint={t('planning.staffFactorHint')} placeholder="3" value={form.staffFactor} onValue={(v) => set('staffFactor', v)} error={fieldError('staffFactor')} dir="ltr" />
          <TextField type="number" step="0.1" label={t('planning.growth')} hint={t('planning.growthHint')} placeholder="24.7" value={form.growthPercent} onValue={(v) => set('growthPercent', v)} error={fieldError('growth')} dir="ltr" />
          <TextField type="date" label={t('stats.from')} value={form.from} onValue={(v) => set('from', v)} error={fieldError('from')} />
          <TextField type="date" label={t('stats.to')} value={form.to} onValue={(v) => set('to', v)} error={fieldError('to')} />
          <label className="check">
            <input type="checkbox" name="everyDistrict" checked={form.everyDistrict} onChange={(e) => set('everyDistrict', e.target.checked)} /> <span>{t('planning.everyDistrict')}</span>
          </label>
          <Button type="submit" variant="primary" busy={plan.isFetching}>{t('planning.compute')}</Button>
        </form>
      </Panel>

      {plan.isLoading ? <Loading label={t('common.loading')} /> : null}
      {err ? (err.fieldErrors && Object.keys(err.fieldErrors).length ? <Alert kind="error">{t('common.fixErrors')}</Alert> : <QueryError error={err} />) : null}

      {data ? (
        <>
          <p className="muted" data-testid="plan-window">
            {t('planning.window', { from: f.date(`${data.window.from}T12:00:00Z`), to: f.date(`${data.window.to}T12:00:00Z`), k: f.number(data.workingCaseload) })}
          </p>
          <Panel title={t('planning.comparisonTitle')}>
            <Comparison scenarios={data.scenarios} limit={data.challanLimitDays} cost={data.scenarios.some((s) => s.costPkr !== null)} />
            <p className="muted">{t('planning.published')}</p>
          </Panel>

          <Panel title={t('planning.officesTitle')}>
            <SelectField label={t('planning.scenarioLabel')} value={scenario?.id ?? 'baseline'} onValue={setScenarioId}
              options={data.scenarios.map((s) => ({ value: s.id, label: t(`planning.scenario.${s.id}`, { defaultValue: s.title }) }))} />
            {scenario ? <Offices scenario={scenario} /> : null}
          </Panel>

          <Panel title={t('planning.downloads')}>
            <p className="muted">{t('planning.downloadsNote')}</p>
            <div className="form-row">
              <a className="btn btn-secondary" href={planFileHref(applied, 'pdf', i18n.language === 'ur' ? 'ur' : 'en')} download data-testid="plan-pdf">{t('planning.pdf')}</a>
              <a className="btn btn-secondary" href={planFileHref(applied, 'xlsx')} download data-testid="plan-xlsx">{t('planning.xlsx')}</a>
              <a className="btn btn-secondary" href={planFileHref(applied, 'csv')} download data-testid="plan-csv">{t('planning.csv')}</a>
            </div>
          </Panel>

          <Panel title={t('planning.assumptions')}>
            <p className="muted">{t('planning.assumptionsNote')}</p>
            <pre className="planning-assumptions" lang="en" dir="ltr" data-testid="plan-assumptions">{data.assumptionsText}</pre>
            <p className="muted" lang="en" dir="ltr">{data.legend}</p>
          </Panel>
        </>
      ) : null}
    </div>
  );
}
