import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Empty, Loading, Panel } from '../../../ui/index.ts';
import { QueryError } from '../../../app/FormError.tsx';
import { useFormat } from '../../../i18n/format.ts';
import type { Page } from '../../../app/api-client.ts';
import type { Correction } from '../api/corrections.api.ts';

const isoDateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** A stored value as plain text: lists joined, empty as a dash, date-times in the officer's format. */
export function shown(v: unknown, dateTime: (iso: string) => string = (s) => s): string {
  if (v === null || v === undefined || v === '') return '—';
  if (Array.isArray(v)) return v.length ? v.map((x) => shown(x, dateTime)).join(', ') : '—';
  if (typeof v === 'string' && isoDateTime.test(v)) return dateTime(v);
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** The corrections of a record, newest first: what each field was, what it became, who and when. */
export function CorrectionsList({ queryKey, fetch, title }: { queryKey: readonly unknown[]; fetch: () => Promise<Page<Correction>>; title?: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const list = useQuery({ queryKey: ['corrections', ...queryKey], queryFn: fetch });
  return (
    <Panel title={title ?? t('corrections.history')}>
      {list.isPending ? <Loading label={t('common.loading')} /> : null}
      {list.error ? <QueryError error={list.error} /> : null}
      {list.data && list.data.items.length === 0 ? <Empty>{t('corrections.none')}</Empty> : null}
      {list.data && list.data.items.length ? (
        <table className="table" data-testid="corrections">
          <thead>
            <tr>
              <th>{t('corrections.when')}</th>
              <th>{t('corrections.record')}</th>
              <th>{t('corrections.field')}</th>
              <th>{t('corrections.before')}</th>
              <th>{t('corrections.after')}</th>
              <th>{t('corrections.by')}</th>
            </tr>
          </thead>
          <tbody>
            {list.data.items.map((c) => (
              <tr key={c.id}>
                <td>{f.dateTime(c.at)}</td>
                <td>{t(`corrections.kinds.${c.recordKind}`)}</td>
                <td>{t(`corrections.fields.${c.field}`, { defaultValue: c.field })}</td>
                <td data-testid="correction-before"><bdi>{shown(c.before, f.dateTime)}</bdi></td>
                <td><bdi>{shown(c.after, f.dateTime)}</bdi></td>
                <td>{c.actor ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </Panel>
  );
}
