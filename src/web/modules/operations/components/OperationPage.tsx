import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert, Button, DefinitionList, Empty, Loading, PageHeader, Panel, Stat } from '../../../ui/index.ts';
import { FormError, QueryError } from '../../../app/FormError.tsx';
import { useFormat } from '../../../i18n/format.ts';
import { translateMessage } from '../../../i18n/index.ts';
import type { ApiError } from '../../../app/api-client.ts';
import { useOperation, useOperationAction } from '../hooks/use-operations.ts';
import { useOutcomeCandidates } from '../hooks/use-outcome-candidates.ts';
import { OperationStatusBadge } from './OperationStatusBadge.tsx';
import { ExecuteOperationForm } from './ExecuteOperationForm.tsx';
import { CancelOperationDialog } from './CancelOperationDialog.tsx';
import { OperationOutcome } from './OperationOutcome.tsx';
import { useCase, useCaseList } from '../../cases/hooks/use-cases.ts';
import { OperationCorrections } from '../../corrections/components/OperationCorrections.tsx';
import { CorrectionsList } from '../../corrections/components/CorrectionsList.tsx';
import { fetchOperationCorrections } from '../../corrections/api/corrections.api.ts';
import { useCan } from '../../../app/session.ts';
import { DocumentsPanel } from '../../documents/components/DocumentsPanel.tsx';

export function OperationPage() {
  const { id = '' } = useParams();
  const can = useCan();
  const { t } = useTranslation();
  const f = useFormat();
  const op = useOperation(id);
  const actions = useOperationAction(id);
  const canExecute = op.data?.allowedActions.includes('execute') ?? false;
  const candidates = useOutcomeCandidates(canExecute ? op.data?.caseId : undefined);
  const [cancelling, setCancelling] = useState(false);
  const theCase = useCase(op.data?.caseId ?? '');
  const cases = useCaseList({ limit: 100 });
  // Officers and cases by name in the corrections list (the stored values are their ids).
  const names = new Map<string, string>([
    ...(theCase.data?.team ?? []).map((m) => [m.userId, m.displayName] as [string, string]),
    ...(op.data?.officers ?? []).map((x) => [x.id, x.displayName] as [string, string]),
    ...(cases.data?.items ?? []).map((c) => [c.id, `${c.firLabel ?? ''} ${c.title}`.trim()] as [string, string]),
    ...(op.data?.servedCases ?? []).map((c) => [c.id, `${c.firLabel ?? ''} ${c.title}`.trim()] as [string, string]),
  ]);
  if (op.isPending) return <Loading label={t('common.loading')} />;
  if (op.error) return <QueryError error={op.error} />;
  const o = op.data;
  const duration = o.durationMinutes === null ? '—' : t('operations.durationValue', { hours: f.number(Math.floor(o.durationMinutes / 60)), minutes: f.number(o.durationMinutes % 60) });
  return (
    <article className="operation-page" aria-label={o.name}>
      <PageHeader
        title={o.name}
        subtitle={
          <>
            <OperationStatusBadge status={o.status} /> · <Link to={`/cases/${o.caseId}/operations`}>{theCase.data ? `${theCase.data.firLabel ?? ''} ${theCase.data.title}`.trim() : t('operations.caseLink')}</Link>
          </>
        }
        actions={o.allowedActions.includes('cancel') ? <Button variant="danger" onClick={() => setCancelling(true)}>{t('operations.cancel')}</Button> : null}
      />
      {o.status === 'executed' ? (
        <div className="stats-row" data-testid="operation-counts">
          <Stat label={t('operations.arrests')} value={f.number(o.counts.arrests)} />
          <Stat label={t('operations.rescues')} value={f.number(o.counts.rescues)} />
          <Stat label={t('operations.seizures')} value={f.number(o.counts.seizures)} />
        </div>
      ) : null}
      <div className="grid-2">
        <div className="stack">
          <Panel title={t('operations.plan_section')}>
            <DefinitionList
              items={[
                [t('operations.plannedFor'), f.dateTime(o.plannedFor)],
                [t('operations.place'), o.place],
                [t('operations.agencies'), o.agencies.length ? o.agencies.join(', ') : t('common.none')],
                [t('operations.executedAt'), f.dateTime(o.executedAt)],
                [t('operations.duration'), duration],
              ]}
            />
            {o.notes ? <p className="prewrap">{o.notes}</p> : null}
            {o.createdBy ? <p className="muted small">{t('operations.createdBy', { name: o.createdBy.displayName })}</p> : null}
          </Panel>
          <Panel title={t('operations.approval')}>
            {o.approvedBy ? <p>{t('operations.approvedBy', { name: o.approvedBy.displayName, date: f.dateTime(o.approvedAt) })}</p> : null}
            {o.status === 'planned' ? <p className="muted">{t('operations.awaitingApproval')}</p> : null}
            {o.cancelledAt ? <Alert kind="warning">{t('operations.cancelled', { date: f.dateTime(o.cancelledAt), reason: o.cancelReason ?? '' })}</Alert> : null}
            {o.allowedActions.includes('approve') ? (
              <>
                <FormError error={actions.approve.error as ApiError | null} />
                <Button variant="primary" busy={actions.approve.isPending} onClick={() => actions.approve.mutate()}>
                  {t('operations.approve')}
                </Button>
              </>
            ) : null}
          </Panel>
        </div>
        <div className="stack">
          {o.allowedActions.includes('edit') ? <OperationCorrections o={o} /> : null}
          {o.officers.length || o.servedCases.length ? (
            <Panel title={t('corrections.officersAndCases')}>
              <DefinitionList
                items={[
                  [t('corrections.officers'), o.officers.length ? o.officers.map((x) => x.displayName).join(', ') : t('common.none')],
                  [t('corrections.servedCases'), o.servedCases.length ? o.servedCases.map((c) => `${c.firLabel ?? ''} ${c.title}`.trim()).join('; ') : t('common.none')],
                ]}
              />
            </Panel>
          ) : null}
          {/* The operation's corrections with the earlier values, to whoever may read the case that owns it. */}
          {theCase.data ? <CorrectionsList queryKey={['case', o.caseId, 'operation', o.id]} fetch={() => fetchOperationCorrections(o.caseId, o.id)} names={names} /> : null}
          {o.status === 'executed' ? <OperationOutcome op={o} /> : null}
          {canExecute ? (
            <Panel title={t('operations.execute')}>
              {candidates.loading ? <Loading label={t('common.loading')} /> : <ExecuteOperationForm operationId={o.id} accused={candidates.accused} victims={candidates.victims} />}
            </Panel>
          ) : null}
          {o.status !== 'executed' && !canExecute ? (
            <Panel title={t('operations.outcome')}>
              {/* Why the execution cannot be recorded yet (not approved, or before its planned time), in the officer's language. */}
              {o.executeBlockedReason && o.status !== 'cancelled' ? <p className="muted" data-testid="execute-blocked">{translateMessage(o.executeBlockedReason)}</p> : <Empty>{t('common.none')}</Empty>}
            </Panel>
          ) : null}
          {can('document.read') ? <DocumentsPanel owner={{ kind: 'operation', id: o.id }} /> : null}
        </div>
      </div>
      {cancelling ? <CancelOperationDialog operationId={o.id} onClose={() => setCancelling(false)} /> : null}
    </article>
  );
}
