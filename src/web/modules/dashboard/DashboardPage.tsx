import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { Button, Empty, Loading, PageHeader, Pager, Panel, SelectField, TextField } from '../../ui/index.ts';
import { QueryError } from '../../app/FormError.tsx';
import { usePagerLabels } from '../../app/use-pager-labels.ts';
import { useFormat } from '../../i18n/format.ts';
import { useBranches, useProvinces } from '../reference/hooks/use-reference.ts';
import { fetchDistricts } from '../offices/offices.api.ts';
import { fetchDashboardFigure, fetchDistrictMap, fetchDrillDown, type DashboardScope, type DrillAnswer, type FigureAnswer } from './dashboard.api.ts';
import { DistrictMap } from './DistrictMap.tsx';

// Dashboards (issue 12, part 3): one figure of the registry at a time, national, provincial, district or
// branch; its trend by month; a district map; and, where the server says the reader may (exact views of
// readers of cases), the list of records behind a figure. What each reader sees is decided by the server
// (supervisors their branch, investigators and prosecutors their own cases, leadership the published view).
const dashboardFigures = [
  'firs', 'complaints', 'arrests', 'persons_charged', 'convictions', 'acquittals', 'sentences', 'children_identified', 'children_rescued',
  'children_in_care', 'operations', 'cases_by_status', 'fir_to_challan', 'fir_to_verdict', 'open_caseload', 'backlog',
] as const;
/** A part's words: a case status, or a band or placement of the figure. */
const partLabelKey = (figure: string, part: string) => (figure === 'cases_by_status' ? `caseStatus.${part}` : `dashboard.parts.${part}`);
/** Days to one decimal, as the figures give them. */
const oneDecimal = (x: number) => Math.round(x * 10) / 10;
type Level = 'national' | 'province' | 'district' | 'branch';
const breakdownOf: Record<Level, string> = { national: 'province', province: 'district', district: 'branch', branch: 'district' };

interface Cell { groupBy: string; group?: string; part?: string; label: string }

/** The count of a group: its own row, or (a figure with open parts such as statuses) the sum in the exact view. */
function countOf(a: FigureAnswer, group: string | null): { value: number | null; display: string } {
  const rows = a.rows.filter((r) => r.group === group);
  const c = a.figure.count;
  const whole = rows.find((r) => r.part === null || r.part === 'all');
  if (whole) return { value: whole.values[c] ?? null, display: whole.display?.[c] ?? String(whole.values[c] ?? 0) };
  if (!rows.length) return { value: 0, display: '0' };
  if (a.published) return { value: null, display: '—' };
  const n = rows.reduce((s, r) => s + (r.values[c] ?? 0), 0);
  return { value: n, display: String(n) };
}

type DrillItem = DrillAnswer['items'][number];

/**
 * The list behind a figure, with the columns of what it counts: cases (with the interval measured for the
 * durations and the backlog's age), sentences, operations, children (as the victims module shows them to
 * this reader: pseudonym, never the identity) or investigators (with their oldest open case).
 */
function DrillTable({ answer }: { answer: DrillAnswer }) {
  const { t } = useTranslation();
  const f = useFormat();
  const kind = answer.itemKind ?? 'case';
  const interval = answer.items.some((r) => r.interval);
  const caseCells = (r: DrillItem) => (
    <>
      <td>{r.firLabel ?? '—'}</td>
      <td><Link to={`/cases/${r.caseId}`}>{r.title}</Link></td>
      <td>{r.district}</td>
      <td>{r.branch}</td>
    </>
  );
  const caseHeads = (
    <>
      <th scope="col">{t('dashboard.fir')}</th>
      <th scope="col">{t('dashboard.caseTitle')}</th>
      <th scope="col">{t('dashboard.offenceDistrict')}</th>
      <th scope="col">{t('dashboard.branch')}</th>
    </>
  );
  let head: ReactNode;
  let row: (r: DrillItem) => ReactNode;
  if (kind === 'child') {
    head = (
      <>
        <th scope="col">{t('dashboard.child')}</th>
        <th scope="col">{t('persons.gender')}</th>
        <th scope="col">{t('dashboard.ageAtIdentification')}</th>
        <th scope="col">{t('victims.placementKind')}</th>
        <th scope="col">{t('dashboard.placedSince')}</th>
        {caseHeads}
      </>
    );
    row = (r) => (r.child ? (
      <>
        <td data-testid="drill-child"><Link to={`/victims/${r.child.id}`}>{r.child.pseudonym}</Link></td>
        <td>{r.child.gender ? t(`persons.genders.${r.child.gender}`, { defaultValue: r.child.gender }) : '—'}</td>
        <td className="num">{f.number(r.child.ageAtIdentification)}</td>
        <td>{t(`victims.placementKinds.${r.child.placement.kind}`, { defaultValue: r.child.placement.kind })}</td>
        <td>{f.date(r.child.placement.startedAt)}</td>
        {caseCells(r)}
      </>
    ) : caseCells(r));
  } else if (kind === 'operation') {
    head = (
      <>
        <th scope="col">{t('dashboard.operation')}</th>
        <th scope="col">{t('dashboard.executedAt')}</th>
        <th scope="col">{t('dashboard.measure.arrests')}</th>
        <th scope="col">{t('dashboard.measure.children_rescued')}</th>
        {caseHeads}
      </>
    );
    row = (r) => (
      <>
        <td>{r.operation ? <Link to={`/operations/${r.operation.id}`}>{r.operation.name}</Link> : '—'}</td>
        <td>{f.date(r.at)}</td>
        <td className="num">{f.number(r.operation?.arrests)}</td>
        <td className="num">{f.number(r.operation?.childrenRescued)}</td>
        {caseCells(r)}
      </>
    );
  } else if (kind === 'investigator') {
    head = (
      <>
        <th scope="col">{t('dashboard.investigator')}</th>
        <th scope="col">{t('dashboard.openCases')}</th>
        <th scope="col">{t('dashboard.oldestFir')}</th>
        {caseHeads}
      </>
    );
    row = (r) => (
      <>
        <td>{r.investigator?.name ?? '—'}</td>
        <td className="num" data-testid="drill-open-cases">{f.number(r.investigator?.openCases)}</td>
        <td>{f.date(r.at)}</td>
        {caseCells(r)}
      </>
    );
  } else {
    head = (
      <>
        {caseHeads}
        <th scope="col">{t('dashboard.status')}</th>
        {kind === 'sentence' ? <th scope="col">{t('dashboard.sentence')}</th> : null}
        {interval ? <th scope="col">{t(answer.figure.id === 'backlog' ? 'dashboard.firDate' : 'dashboard.from')}</th> : null}
        <th scope="col">{t(interval && answer.figure.id === 'backlog' ? 'dashboard.periodEnd' : 'dashboard.date')}</th>
        {interval ? <th scope="col">{t(answer.figure.id === 'backlog' ? 'dashboard.ageDays' : 'dashboard.days')}</th> : null}
      </>
    );
    row = (r) => (
      <>
        {caseCells(r)}
        <td>{t(`caseStatus.${r.status}`, { defaultValue: r.status })}</td>
        {kind === 'sentence' ? <td className="num">{t('dashboard.months', { count: r.sentenceMonths ?? 0, n: f.number(r.sentenceMonths) })}</td> : null}
        {interval ? <td>{f.date(r.interval?.from)}</td> : null}
        <td>{f.date(r.interval ? r.interval.to : r.at)}</td>
        {interval ? (
          <td className={`num${answer.limitDays && r.interval && r.interval.days > answer.limitDays ? ' over-limit' : ''}`} data-testid="drill-days" data-days={r.interval?.days}>
            {r.interval ? f.number(oneDecimal(r.interval.days)) : '—'}
          </td>
        ) : null}
      </>
    );
  }
  return (
    <div className="table-wrap">
      {answer.limitDays ? <p className="muted">{t('dashboard.limitNote', { n: f.number(answer.limitDays) })}</p> : null}
      <table className="table" data-testid="drill-table" data-offset={answer.offset}>
        <thead><tr>{head}</tr></thead>
        <tbody>
          {answer.items.map((r, i) => <tr key={`${r.caseId}-${i}`}>{row(r)}</tr>)}
        </tbody>
      </table>
    </div>
  );
}

function DrillDown({ figure, scope, cell, onClose }: { figure: string; scope: DashboardScope; cell: Cell; onClose: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const pager = usePagerLabels();
  const [offset, setOffset] = useState(0);
  const q = useQuery({
    queryKey: ['dashboard', 'records', figure, scope, cell, offset],
    queryFn: () => fetchDrillDown(figure, { ...scope, groupBy: cell.groupBy, group: cell.group, part: cell.part, limit: 25, offset }),
    placeholderData: keepPreviousData,
  });
  return (
    <Panel title={t('dashboard.recordsTitle', { label: cell.label })} actions={<Button onClick={onClose}>{t('common.close')}</Button>}>
      <div data-testid="drill-down">
        {q.isLoading ? <Loading label={t('common.loading')} /> : null}
        {q.error ? <QueryError error={q.error} /> : null}
        {q.data ? (
          <>
            <p data-testid="drill-total">{t('dashboard.recordsTotal', { count: q.data.total, n: f.number(q.data.total) })}</p>
            {q.data.items.length === 0 ? <Empty>{t('dashboard.noRecords')}</Empty> : <DrillTable answer={q.data} />}
            <Pager total={q.data.total} limit={25} offset={offset} onOffset={setOffset} labels={pager} />
          </>
        ) : null}
      </div>
    </Panel>
  );
}

export function DashboardPage() {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const rtl = i18n.language === 'ur';
  const [figure, setFigure] = useState<string>('firs');
  const [level, setLevel] = useState<Level>('national');
  const [province, setProvince] = useState('');
  const [districtId, setDistrictId] = useState('');
  const [branchId, setBranchId] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [cell, setCell] = useState<Cell | null>(null);
  const provinces = useProvinces();
  const branches = useBranches();
  const districts = useQuery({ queryKey: ['districts', 'all'], queryFn: () => fetchDistricts({ limit: 200 }), staleTime: Infinity });

  const scope: DashboardScope = {
    from: from || undefined, to: to || undefined,
    province: level === 'province' && province ? province : undefined,
    districtId: level === 'district' && districtId ? Number(districtId) : undefined,
    branchId: level === 'branch' && branchId ? Number(branchId) : undefined,
  };
  const breakdown = breakdownOf[level];
  const headline = useQuery({ queryKey: ['dashboard', figure, scope, 'none'], queryFn: () => fetchDashboardFigure(figure, { ...scope, groupBy: 'none' }), placeholderData: keepPreviousData });
  const trend = useQuery({ queryKey: ['dashboard', figure, scope, 'month'], queryFn: () => fetchDashboardFigure(figure, { ...scope, groupBy: 'month' }), placeholderData: keepPreviousData });
  const parts = useQuery({ queryKey: ['dashboard', figure, scope, breakdown], queryFn: () => fetchDashboardFigure(figure, { ...scope, groupBy: breakdown }), placeholderData: keepPreviousData });
  const map = useQuery({ queryKey: ['dashboard', 'map', figure, scope], queryFn: () => fetchDistrictMap(figure, scope), placeholderData: keepPreviousData });

  const drill = headline.data?.drillDown === true;
  const figureLabel = t(`dashboard.figure.${figure}`);
  const open = (c: Cell) => setCell(c);
  const reset = () => setCell(null);

  const trendRows = trend.data ? [...new Set(trend.data.rows.map((r) => r.group))].filter((g): g is string => g !== null).map((g) => ({ month: g, ...countOf(trend.data!, g) })) : [];
  const breakdownGroups = parts.data ? [...new Set(parts.data.rows.map((r) => r.group))].filter((g): g is string => g !== null && g !== 'total') : [];
  // The parts of the figure (statuses, sentence bands, placements, backlog ages), each with its own list.
  const partRows = headline.data ? headline.data.rows.filter((r) => r.group === null && r.part !== null && r.part !== 'all') : [];
  const countKey = headline.data?.figure.count ?? 'n';
  // The other measures of the whole (medians, percentiles, within the limit, arrests in operations...).
  const wholeRow = headline.data?.rows.find((r) => r.group === null && (r.part === null || r.part === 'all'));
  const measures = headline.data && wholeRow ? headline.data.figure.measures.filter((m) => m !== countKey) : [];

  return (
    <div className="dashboard-page">
      <PageHeader title={t('dashboard.title')} subtitle={headline.data ? t(headline.data.published ? 'dashboard.viewPublished' : headline.data.scope.casesOnly ? 'dashboard.viewOwnCases' : headline.data.scope.restrictedToBranch ? 'dashboard.viewBranch' : 'dashboard.viewExact') : undefined} />
      <Panel title={t('dashboard.choose')}>
        <div className="form-row dashboard-controls">
          <SelectField label={t('dashboard.figureLabel')} value={figure} onValue={(v) => { setFigure(v); reset(); }} options={dashboardFigures.map((id) => ({ value: id, label: t(`dashboard.figure.${id}`) }))} />
          <SelectField label={t('dashboard.level')} value={level} onValue={(v) => { setLevel(v as Level); reset(); }}
            options={(['national', 'province', 'district', 'branch'] as const).map((l) => ({ value: l, label: t(`dashboard.levels.${l}`) }))} />
          {level === 'province' ? <SelectField label={t('dashboard.province')} value={province} placeholder={t('dashboard.pick')} onValue={(v) => { setProvince(v); reset(); }} options={provinces.map((p) => ({ value: p, label: p }))} /> : null}
          {level === 'district' ? <SelectField label={t('dashboard.district')} value={districtId} placeholder={t('dashboard.pick')} onValue={(v) => { setDistrictId(v); reset(); }} options={(districts.data?.items ?? []).map((d) => ({ value: String(d.id), label: `${d.name} (${d.province})` }))} /> : null}
          {level === 'branch' ? <SelectField label={t('dashboard.branch')} value={branchId} placeholder={t('dashboard.pick')} onValue={(v) => { setBranchId(v); reset(); }} options={(branches.data ?? []).map((b) => ({ value: String(b.id), label: b.district }))} /> : null}
          <TextField type="date" label={t('stats.from')} value={from} onValue={(v) => { setFrom(v); reset(); }} />
          <TextField type="date" label={t('stats.to')} value={to} onValue={(v) => { setTo(v); reset(); }} />
        </div>
        {headline.error ? <QueryError error={headline.error} /> : null}
      </Panel>

      {headline.data ? (
        <Panel title={figureLabel}>
          <div className="dashboard-headline" data-testid="headline">
            <span className="stat-value" data-testid="headline-value">{(() => { const c = countOf(headline.data, null); return c.value === null ? c.display : f.number(c.value); })()}</span>
            {drill && figure !== 'cases_by_status' ? <Button onClick={() => open({ groupBy: 'none', label: figureLabel })}>{t('dashboard.showRecords')}</Button> : null}
            {!drill && headline.data.published ? <p className="muted">{t('dashboard.noDrillPublished')}</p> : null}
          </div>
          {measures.length && wholeRow ? (
            <dl className="dashboard-measures" data-testid="headline-measures">
              {measures.map((m) => (
                <div key={m}>
                  <dt>{t(`dashboard.measure.${m}`, { defaultValue: m })}</dt>
                  <dd className="num" data-testid={`measure-${m}`} data-value={wholeRow.values[m] ?? ''}>{wholeRow.display?.[m] ?? f.number(wholeRow.values[m])}</dd>
                </div>
              ))}
            </dl>
          ) : null}
          {partRows.length ? (
            <table className="table" data-testid="parts-table">
              <tbody>
                {partRows.map((r) => (
                  <tr key={r.part}>
                    <th scope="row">{t(partLabelKey(figure, r.part!), { defaultValue: r.part! })}</th>
                    <td className="num">{r.display?.[countKey] ?? f.number(r.values[countKey])}</td>
                    <td>{drill && (r.values[countKey] ?? 0) > 0 ? <Button onClick={() => open({ groupBy: 'none', part: r.part!, label: `${figureLabel}: ${t(partLabelKey(figure, r.part!))}` })}>{t('dashboard.showRecords')}</Button> : null}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          <p className="muted">{headline.data.figure.description}</p>
        </Panel>
      ) : <Loading label={t('common.loading')} />}

      {/* One list per cell (keyed): another cell's list starts on its first page and never shows the previous
          cell's total or rows while it loads (keepPreviousData serves paging within one list only). */}
      {cell ? <DrillDown key={JSON.stringify([figure, scope, cell])} figure={figure} scope={scope} cell={cell} onClose={reset} /> : null}

      <div className="dashboard-grid">
        <Panel title={t('dashboard.mapTitle')}>
          {map.error ? <QueryError error={map.error} /> : null}
          {map.data ? (
            <>
              <DistrictMap data={map.data} selected={cell?.groupBy === 'district' ? cell.group ?? null : null}
                onDistrict={map.data.drillDown ? (name) => open({ groupBy: 'district', group: name, label: `${figureLabel}: ${name}` }) : undefined} />
              <details data-testid="missing-districts">
                <summary>{t('dashboard.missingTitle', { count: map.data.missing.length, n: f.number(map.data.missing.length) })}</summary>
                <p className="muted">{t('dashboard.missingIntro')}</p>
                <ul className="missing-districts">
                  {map.data.missing.map((m) => (
                    <li key={m.districtId}>
                      {m.name} ({m.province}){m.within ? ` — ${t('dashboard.within', { shape: m.within })}` : ''}
                      {' '}<span className="num">{map.data.districts.find((d) => d.districtId === m.districtId)?.display}</span>
                    </li>
                  ))}
                </ul>
              </details>
            </>
          ) : <Loading label={t('common.loading')} />}
        </Panel>

        <Panel title={t('dashboard.trendTitle')}>
          {trendRows.length === 0 ? <Empty>{t('dashboard.noData')}</Empty> : (
            <figure className="chart">
              <div aria-hidden="true" dir="ltr" style={{ width: '100%', height: 220 }}>
                <ResponsiveContainer>
                  <BarChart data={trendRows} margin={{ top: 8, right: 16, bottom: 24, left: 8 }}>
                    <CartesianGrid strokeDasharray="3 3" vertical={false} />
                    <XAxis dataKey="month" reversed={rtl} tick={{ fontSize: 11 }} />
                    <YAxis orientation={rtl ? 'right' : 'left'} allowDecimals={false} tickFormatter={(v: number) => f.number(v)} />
                    <Tooltip formatter={(v) => f.number(Number(v))} />
                    <Bar dataKey="value" name={figureLabel} fill="var(--chart-1)" isAnimationActive={false} />
                  </BarChart>
                </ResponsiveContainer>
              </div>
              <div className="table-wrap">
                <table className="table" data-testid="trend-table">
                  <caption className="visually-hidden">{t('dashboard.trendTitle')}</caption>
                  <thead><tr><th scope="col">{t('dashboard.month')}</th><th scope="col">{figureLabel}</th><th scope="col"><span className="visually-hidden">{t('dashboard.showRecords')}</span></th></tr></thead>
                  <tbody>
                    {trendRows.map((r) => (
                      <tr key={r.month}>
                        <th scope="row">{r.month}</th>
                        <td className="num">{r.value === null ? r.display : f.number(r.value)}</td>
                        <td>{drill && figure !== 'cases_by_status' && (r.value ?? 0) > 0 ? <Button onClick={() => open({ groupBy: 'month', group: r.month, label: `${figureLabel}: ${r.month}` })}>{t('dashboard.showRecords')}</Button> : null}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </figure>
          )}
        </Panel>

        <Panel title={t(`dashboard.by.${breakdown}`)}>
          {breakdownGroups.length === 0 || !parts.data ? <Empty>{t('dashboard.noData')}</Empty> : (
            <div className="table-wrap">
              <table className="table" data-testid="breakdown-table">
                <thead><tr><th scope="col">{t(`dashboard.levels.${breakdown}`)}</th><th scope="col">{figureLabel}</th><th scope="col"><span className="visually-hidden">{t('dashboard.showRecords')}</span></th></tr></thead>
                <tbody>
                  {breakdownGroups.map((g) => {
                    const c = countOf(parts.data!, g);
                    return (
                      <tr key={g}>
                        <th scope="row">{g}</th>
                        <td className="num">{c.value === null ? c.display : f.number(c.value)}</td>
                        <td>{drill && figure !== 'cases_by_status' && (c.value ?? 0) > 0 ? <Button onClick={() => open({ groupBy: breakdown, group: g, label: `${figureLabel}: ${g}` })}>{t('dashboard.showRecords')}</Button> : null}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
        </Panel>
      </div>
    </div>
  );
}
