import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { DefinitionList, Loading, PageHeader, Panel } from '../../../ui/index.ts';
import { QueryError } from '../../../app/FormError.tsx';
import { useFormat } from '../../../i18n/format.ts';
import { useCase } from '../../cases/hooks/use-cases.ts';
import { useEvidence } from '../hooks/use-evidence.ts';
import { TransferForm } from './TransferForm.tsx';
import { eventLine } from '../../../i18n/event-text.ts';

export function EvidencePage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const item = useEvidence(id);
  const theCase = useCase(item.data?.caseId ?? '');
  if (item.isPending) return <Loading label={t('common.loading')} />;
  if (item.error) return <QueryError error={item.error} />;
  const e = item.data;
  const people = (theCase.data?.team ?? []).filter((m) => m.userId !== e.custodian?.id).map((m) => ({ id: m.userId, name: m.displayName }));
  return (
    <article aria-label={e.label}>
      <PageHeader
        title={e.label}
        subtitle={
          <>
            {t(`evidence.kinds.${e.kind}`)} · <Link to={`/cases/${e.caseId}/evidence`}>{theCase.data?.title ?? t('operations.caseLink')}</Link>
          </>
        }
      />
      <div className="grid-2">
        <div className="stack">
          <Panel title={t('common.details')}>
            {e.description ? <p className="prewrap">{e.description}</p> : null}
            <DefinitionList
              items={[
                [t('evidence.seizedAt'), f.dateTime(e.seizedAt)],
                [t('evidence.operation'), e.operation ? <Link to={`/operations/${e.operation.id}`}>{e.operation.name}</Link> : '—'],
                [t('evidence.custodian'), e.custodian?.displayName ?? '—'],
                [t('evidence.mediaFiles'), f.number(e.media.files)],
                [t('evidence.ingestJobs'), f.number(e.media.ingestJobs)],
              ]}
            />
          </Panel>
          {e.canTransfer ? (
            <Panel title={t('evidence.transfer')}>
              <TransferForm evidenceId={e.id} people={people} />
            </Panel>
          ) : null}
        </div>
        <Panel title={t('evidence.chain')}>
          <ol className="chain" data-testid="custody-chain">
            {e.chain.map((c, i) => (
              <li key={c.id}>
                <strong>{i === 0 || !c.from ? t('evidence.seizure') : `${c.from.displayName} → ${c.to.displayName}`}</strong>
                {i === 0 || !c.from ? <> → {c.to.displayName}</> : null}
                <div className="muted small">
                  {f.dateTime(c.at)}
                  {c.recordedBy ? ` · ${t('evidence.recordedBy')}: ${c.recordedBy.displayName}` : ''}
                </div>
                <p>{eventLine(c.reason, c, i18n.language)}</p>
              </li>
            ))}
          </ol>
        </Panel>
      </div>
    </article>
  );
}
