import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { Alert, Empty, Loading, Panel, Stat } from '../../../ui/index.ts';
import { QueryError } from '../../../app/FormError.tsx';
import { useCan } from '../../../app/session.ts';
import { useFormat } from '../../../i18n/format.ts';
import { useCaseOutlet } from '../../cases/components/CasePage.tsx';
import { useCaseEvidence } from '../../evidence/hooks/use-evidence.ts';
import { fetchMediaSummary } from '../api/media.api.ts';
import { IngestForm } from './IngestForm.tsx';
import { MediaFiles } from './MediaFiles.tsx';

const bytes = (n: number, f: (x: number) => string) => (n >= 1e9 ? `${f(Math.round(n / 1e8) / 10)} GB` : n >= 1e6 ? `${f(Math.round(n / 1e5) / 10)} MB` : `${f(Math.round(n / 1e2) / 10)} kB`);

/** Triage results only: counts, known-material categories, linked cases. The material itself is never shown. */
export function CaseMedia() {
  const c = useCaseOutlet();
  const { t } = useTranslation();
  const f = useFormat();
  const can = useCan();
  const summary = useQuery({ queryKey: ['media', c.id], queryFn: () => fetchMediaSummary(c.id) });
  const evidence = useCaseEvidence(c.id);
  const m = summary.data;
  return (
    <div className="stack" data-testid="media-panel">
      <Panel title={t('media.title')}>
        <Alert kind="info">{t('media.notice')}</Alert>
        {summary.isPending ? <Loading label={t('common.loading')} /> : null}
        {summary.error ? <QueryError error={summary.error} /> : null}
        {m === null || (m && m.files === 0 && m.jobs.length === 0) ? <Empty>{t('media.pending')}</Empty> : null}
        {m && m.files > 0 ? (
          <div className="stats-row">
            <Stat label={t('media.files')} value={f.number(m.files)} />
            <Stat label={t('media.bytes')} value={bytes(m.bytes, f.number)} />
            <Stat label={t('media.knownMaterial')} value={f.number(m.knownMaterial)} />
            <Stat label={t('media.lowQuality')} value={f.number(m.lowQuality)} />
            <Stat label={t('media.errors')} value={f.number(m.errors)} />
            {m.videosUnhashed > 0 ? <Stat label={t('media.videosUnhashed')} value={f.number(m.videosUnhashed)} /> : null}
          </div>
        ) : null}
        {m && m.videosUnhashed > 0 ? (
          <div data-testid="media-videos-unhashed"><Alert kind="warning">{t('media.videosUnhashedNotice', { count: m.videosUnhashed })}</Alert></div>
        ) : null}
      </Panel>
      {m && m.categories.length > 0 ? (
        <Panel title={t('media.categories')}>
          <ul className="plain">
            {m.categories.map((x) => (
              <li key={`${x.hashSet}-${x.category}`}>
                {x.hashSet} · {x.category}: <strong>{f.number(x.files)}</strong>
              </li>
            ))}
          </ul>
        </Panel>
      ) : null}
      {m && m.linkedCases.length > 0 ? (
        <Panel title={t('media.linkedCases')}>
          <ul className="plain">
            {m.linkedCases.map((l) => (
              <li key={l.caseId}>
                <Link to={`/cases/${l.caseId}`}>{l.title}</Link> <span className="muted">· {l.firLabel ?? ''} · {l.district}, {l.province} · {t('media.sharedFiles')}: {f.number(l.sharedFiles)}</span>
              </li>
            ))}
          </ul>
        </Panel>
      ) : null}
      {m && m.files > 0 ? <MediaFiles caseId={c.id} /> : null}
      {m && can('media.ingest') && (evidence.data?.items.length ?? 0) > 0 ? (
        <Panel title={t('media.ingest')}>
          <IngestForm caseId={c.id} evidence={(evidence.data?.items ?? []).map((e) => ({ id: e.id, label: e.label, kind: e.kind }))} />
        </Panel>
      ) : null}
    </div>
  );
}
