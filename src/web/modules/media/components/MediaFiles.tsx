import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Badge, Empty, Loading, Pager, Panel, SelectField } from '../../../ui/index.ts';
import { QueryError } from '../../../app/FormError.tsx';
import { usePagerLabels } from '../../../app/use-pager-labels.ts';
import { useFormat } from '../../../i18n/format.ts';
import { fetchMediaFiles, type MediaFileStatus } from '../api/media.api.ts';

const statuses: MediaFileStatus[] = ['matched', 'known', 'linked', 'low_quality', 'error', 'new'];

/** Hashed files by path, digests and matches: metadata only, the content is never fetched or shown. */
export function MediaFiles({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const pager = usePagerLabels();
  const [status, setStatus] = useState<MediaFileStatus | ''>('');
  const [offset, setOffset] = useState(0);
  const files = useQuery({ queryKey: ['media', caseId, 'files', status, offset], queryFn: () => fetchMediaFiles(caseId, { status: status || undefined, offset }), placeholderData: keepPreviousData });
  return (
    <Panel title={t('media.fileList')}>
      <div className="filters">
        <SelectField label={t('media.show')} name="status" value={status} placeholder={t('common.all')} onValue={(v) => (setStatus(v as MediaFileStatus | ''), setOffset(0))} options={statuses.map((s) => ({ value: s, label: t(`media.statuses.${s}`) }))} />
      </div>
      {files.isPending ? <Loading label={t('common.loading')} /> : null}
      {files.error ? <QueryError error={files.error} /> : null}
      {files.data?.items.length === 0 ? <Empty>{t('common.none')}</Empty> : null}
      {files.data && files.data.items.length > 0 ? (
        <div className="table-wrap">
          <table className="table" data-testid="media-files">
            <thead>
              <tr>
                <th scope="col">{t('media.path')}</th>
                <th scope="col">{t('evidence.kind')}</th>
                <th scope="col">{t('media.bytes')}</th>
                <th scope="col">SHA-256 / PDQ</th>
                <th scope="col">{t('media.matches')}</th>
              </tr>
            </thead>
            <tbody>
              {files.data.items.map((m) => (
                <tr key={m.id}>
                  <td>
                    <code dir="ltr">{m.path}</code>
                    {m.error ? <div className="small muted">{m.error}</div> : null}
                  </td>
                  <td>
                    {m.kind}
                    {m.videoFrames ? <span className="muted small"> · {f.number(m.videoFrames)}</span> : null}
                  </td>
                  <td className="num">{f.number(m.size)}</td>
                  <td>
                    <code dir="ltr" title={m.sha256 ?? ''}>{m.sha256 ? `${m.sha256.slice(0, 12)}…` : '—'}</code>
                    {m.pdq ? (
                      <div>
                        <code dir="ltr" title={m.pdq}>{`${m.pdq.slice(0, 12)}…`}</code> {m.lowQuality ? <Badge tone="warning">{t('media.lowQuality')}</Badge> : null}
                      </div>
                    ) : null}
                  </td>
                  <td>
                    {m.matches.map((x, i) => (
                      <div key={i} className="small">
                        <Badge tone={x.hashSet ? 'danger' : 'warning'}>{x.type}</Badge> {x.hashSet ? `${x.hashSet}${x.category ? ` · ${x.category}` : ''}` : null}
                        {x.otherCaseId && !x.otherCaseHidden ? <Link to={`/cases/${x.otherCaseId}/media`}> {t('media.otherCase')}</Link> : null}
                        {x.otherCaseHidden ? <span className="muted"> {t('media.otherCaseHidden')}</span> : null}
                        {x.distance > 0 ? <span className="muted"> · d={x.distance}</span> : null}
                      </div>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {files.data ? <Pager total={files.data.total} limit={files.data.limit} offset={files.data.offset} onOffset={setOffset} labels={pager} /> : null}
    </Panel>
  );
}
