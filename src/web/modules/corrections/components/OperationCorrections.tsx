import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { updateOperationBody } from '../../../../modules/operations/operation.schema.ts';
import { Alert, Button, CheckList, Panel, TextField } from '../../../ui/index.ts';
import { useZodForm } from '../../../app/use-zod-form.ts';
import { FormError } from '../../../app/FormError.tsx';
import { isoToLocalInput, localInputToIso } from '../../../i18n/format.ts';
import { useCase, useCaseList } from '../../cases/hooks/use-cases.ts';
import type { OperationDetail } from '../../operations/api/operations.api.ts';
import { operationKeys } from '../../operations/hooks/use-operations.ts';
import { updateOperation } from '../api/corrections.api.ts';
import { listError } from './field-errors.ts';

interface Values extends Record<string, unknown> {
  plannedFor: string;
  place: string;
  officerIds: string[];
  caseIds: string[];
}

/**
 * Correcting a planned operation: its date and place, the officers taking part (from the case team) and the
 * further cases it serves (cases the officer may see). The earlier values are kept in the case's corrections.
 */
export function OperationCorrections({ o }: { o: OperationDetail }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const theCase = useCase(o.caseId);
  const cases = useCaseList({ limit: 100 });
  const [saved, setSaved] = useState(false);
  const initial: Values = { plannedFor: isoToLocalInput(o.plannedFor), place: o.place, officerIds: o.officers.map((x) => x.id), caseIds: o.servedCases.map((c) => c.id) };
  const toBody = (v: Values) => ({
    plannedFor: v.plannedFor !== initial.plannedFor ? localInputToIso(v.plannedFor) : undefined,
    place: v.place !== initial.place ? v.place : undefined,
    officerIds: v.officerIds.join() !== initial.officerIds.join() ? v.officerIds : undefined,
    caseIds: v.caseIds.join() !== initial.caseIds.join() ? v.caseIds : undefined,
  });
  const form = useZodForm(updateOperationBody, initial, toBody);
  const onSubmit = form.handleSubmit(async (body) => {
    setSaved(false);
    const op = await updateOperation(o.id, body);
    qc.setQueryData(operationKeys.one(o.id), op);
    void qc.invalidateQueries({ queryKey: ['operations'] });
    void qc.invalidateQueries({ queryKey: ['corrections', 'case', o.caseId] });
    setSaved(true);
  });
  const officers = (theCase.data?.team ?? []).filter((m) => m.role === 'investigator' || m.role === 'supervisor');
  const others = (cases.data?.items ?? []).filter((c) => c.id !== o.caseId);
  return (
    <Panel title={t('corrections.editOperation')}>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form" data-testid="edit-operation-form">
        <FormError error={form.formError} />
        {saved ? <Alert kind="success">{t('corrections.saved')}</Alert> : null}
        <TextField label={t('operations.plannedFor')} name="plannedFor" type="datetime-local" required value={form.values.plannedFor} onValue={(v) => form.set('plannedFor', v)} error={form.error('plannedFor')} />
        <TextField label={t('operations.place')} name="place" required value={form.values.place} onValue={(v) => form.set('place', v)} error={form.error('place')} />
        <CheckList legend={t('corrections.officers')} name="officerIds" options={officers.map((m) => ({ value: m.userId, label: m.displayName }))} selected={form.values.officerIds} onChange={(v) => form.set('officerIds', v)} error={listError(form.error('officerIds'), form.formError, 'officerIds')} empty={t('common.none')} />
        <CheckList legend={t('corrections.servedCases')} name="caseIds" options={others.map((c) => ({ value: c.id, label: `${c.firLabel ?? ''} ${c.title}`.trim() }))} selected={form.values.caseIds} onChange={(v) => form.set('caseIds', v)} error={listError(form.error('caseIds'), form.formError, 'caseIds')} empty={t('common.none')} />
        <Button type="submit" variant="primary" busy={form.busy}>{t('corrections.save')}</Button>
      </form>
    </Panel>
  );
}
