import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/format.ts';

/** A horizontal bar chart of counts; the same figures are in a table for screen readers. */
export function CountChart({ data, caption }: { data: Array<{ label: string; count: number }>; caption: string }) {
  const { i18n } = useTranslation();
  const f = useFormat();
  const rtl = i18n.language === 'ur';
  const shown = data.filter((d) => d.count > 0);
  return (
    <figure className="chart">
      <div aria-hidden="true" className="chart-canvas" dir="ltr" data-testid="chart-canvas" data-chart="count" style={{ width: '100%', height: Math.max(120, shown.length * 34 + 40) }}>
        <ResponsiveContainer>
          <BarChart data={shown} layout="vertical" margin={{ top: 4, right: 24, bottom: 4, left: 24 }}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" allowDecimals={false} reversed={rtl} tickFormatter={(v: number) => f.number(v)} />
            <YAxis type="category" dataKey="label" width={170} orientation={rtl ? 'right' : 'left'} tick={{ fontSize: 12 }} />
            <Tooltip formatter={(v) => f.number(Number(v))} />
            <Bar dataKey="count" fill="var(--chart-1)" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <table className="visually-hidden">
        <caption>{caption}</caption>
        <tbody>
          {data.map((d) => (
            <tr key={d.label}>
              <th scope="row">{d.label}</th>
              <td>{f.number(d.count)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
