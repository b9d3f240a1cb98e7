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

/** Ids (officers, cases) replaced by the names the page knows them by, so no officer reads a UUID. */
function named(v: unknown, names?: ReadonlyMap<string, string>, labels?: Readonly<Record<string, string>>, hidden = ''): unknown {
  if (!names && !labels) return v;
  if (Array.isArray(v)) return v.map((x) => named(x, names, labels, hidden));
  // The server's labels name the ids of this entry's field (officers, cases, districts; a district id is a number);
  // an id it leaves unnamed is a record the reader may not see, and is not shown.
  if (labels && (typeof v === 'string' || typeof v === 'number')) return Object.hasOwn(labels, String(v)) ? labels[String(v)] : (names?.get(String(v)) ?? hidden);
  return typeof v === 'string' ? (names?.get(v) ?? v) : v;
}

/** An entry as listed: a record's correction, or a change of a record that is its own history (a branch office). */
type Entry = Omit<Correction, 'recordKind' | 'recordId'> & { recordKind?: Correction['recordKind'] };

/**
 * The corrections of a record, newest first: what each field was, what it became, who and when. `fieldLabel`
 * names fields the corrections catalogue does not (a branch's staff posts); entries without a record kind (one
 * record's own history) leave the "Record" column out.
 */
export function CorrectionsList({ queryKey, fetch, title, fieldLabel, names }: { queryKey: readonly unknown[]; fetch: () => Promise<Page<Entry>>; title?: string; fieldLabel?: (field: string) => string | undefined; names?: ReadonlyMap<string, string> }) {
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
              {list.data.items.some((c) => c.recordKind) ? <th>{t('corrections.record')}</th> : null}
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
                {c.recordKind ? <td>{t(`corrections.kinds.${c.recordKind}`)}</td> : null}
                <td data-testid="correction-field">{fieldLabel?.(c.field) ?? t(`corrections.fields.${c.field}`, { defaultValue: c.field })}</td>
                <td data-testid="correction-before"><bdi>{shown(named(c.before, names, c.labels, t('corrections.notVisible')), f.dateTime)}</bdi></td>
                <td><bdi>{shown(named(c.after, names, c.labels, t('corrections.notVisible')), f.dateTime)}</bdi></td>
                <td>{c.actor ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </Panel>
  );
}
