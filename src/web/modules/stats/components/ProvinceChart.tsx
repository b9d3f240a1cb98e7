import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/format.ts';
import type { StatsSummary } from '../api/stats.api.ts';

/** FIRs, arrests and convictions per province; the same figures are in the table below for screen readers. */
export function ProvinceChart({ rows }: { rows: StatsSummary['byProvince'] }) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const rtl = i18n.language === 'ur';
  return (
    <figure className="chart">
      <div aria-hidden="true" className="chart-canvas" dir="ltr" data-testid="chart-canvas" style={{ width: '100%', height: 300 }}>
        <ResponsiveContainer>
          <BarChart data={rows} margin={{ top: 8, right: 16, bottom: 48, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="province" reversed={rtl} interval={0} angle={-25} textAnchor="end" tick={{ fontSize: 11 }} />
            <YAxis orientation={rtl ? 'right' : 'left'} allowDecimals={false} tickFormatter={(v: number) => f.number(v)} />
            <Tooltip formatter={(v) => f.number(Number(v))} />
            <Legend verticalAlign="top" />
            <Bar dataKey="firs" name={t('stats.firs')} fill="var(--chart-1)" isAnimationActive={false} />
            <Bar dataKey="arrests" name={t('stats.arrests')} fill="#0b3954" isAnimationActive={false} />
            <Bar dataKey="personsConvicted" name={t('stats.convicted')} fill="#c97b00" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <div className="table-wrap">
        <table className="table" data-testid="province-table">
          <caption className="visually-hidden">{t('stats.byProvince')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('cases.province')}</th>
              <th scope="col">{t('stats.firs')}</th>
              <th scope="col">{t('stats.arrests')}</th>
              <th scope="col">{t('stats.convicted')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.province}>
                <th scope="row">{r.province}</th>
                <td className="num">{f.number(r.firs)}</td>
                <td className="num">{f.number(r.arrests)}</td>
                <td className="num">{f.number(r.personsConvicted)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
