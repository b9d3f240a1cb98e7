import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { appealBody, decideAppealBody, updateHearingBody } from '../../../../modules/prosecution/prosecution.schema.ts';
import { Button, SelectField, TextArea, TextField } from '../../../ui/index.ts';
import { useZodForm } from '../../../app/use-zod-form.ts';
import { FormError } from '../../../app/FormError.tsx';
import { isoToLocalInput, localInputToIso } from '../../../i18n/format.ts';
import type { ProsecutionView } from '../../prosecution/api/prosecution.api.ts';
import { prosecutionKey } from '../../prosecution/hooks/use-prosecution.ts';
import { decideAppeal, fileAppeal, updateHearing } from '../api/corrections.api.ts';

type Hearing = ProsecutionView['hearings'][number];
type Verdict = ProsecutionView['verdicts'][number];
type Appeal = Verdict['appeals'][number];

function useStore(caseId: string) {
  const qc = useQueryClient();
  return (view: ProsecutionView) => {
    qc.setQueryData(prosecutionKey(caseId), view);
    void qc.invalidateQueries({ queryKey: ['cases', 'one', caseId] });
    void qc.invalidateQueries({ queryKey: ['cases', 'timeline', caseId] });
    void qc.invalidateQueries({ queryKey: ['corrections', 'case', caseId] });
  };
}

/** Correcting a hearing (court, date, purpose, outcome); the earlier values go to the case's corrections. */
export function HearingCorrection({ caseId, h }: { caseId: string; h: Hearing }) {
  const { t } = useTranslation();
  const store = useStore(caseId);
  const [open, setOpen] = useState(false);
  const initial = { court: h.court, scheduledFor: isoToLocalInput(h.scheduledFor), purpose: h.purpose, outcome: h.outcome ?? '' };
  const toBody = (v: typeof initial) => ({
    court: v.court !== initial.court ? v.court : undefined,
    scheduledFor: v.scheduledFor !== initial.scheduledFor ? localInputToIso(v.scheduledFor) : undefined,
    purpose: v.purpose !== initial.purpose ? v.purpose : undefined,
    outcome: v.outcome !== initial.outcome ? (v.outcome.trim() ? v.outcome : null) : undefined,
  });
  const form = useZodForm(updateHearingBody, initial, toBody);
  const onSubmit = form.handleSubmit(async (body) => {
    store(await updateHearing(h.id, body));
    setOpen(false);
  });
  if (!open) return <Button onClick={() => setOpen(true)}>{t('corrections.correct')}</Button>;
  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form" data-testid="edit-hearing-form">
      <FormError error={form.formError} />
      <TextField label={t('prosecution.court')} name="court" required value={form.values.court} onValue={(v) => form.set('court', v)} error={form.error('court')} />
      <TextField label={t('prosecution.scheduledFor')} name="scheduledFor" type="datetime-local" required value={form.values.scheduledFor} onValue={(v) => form.set('scheduledFor', v)} error={form.error('scheduledFor')} />
      <TextField label={t('prosecution.purpose')} name="purpose" required value={form.values.purpose} onValue={(v) => form.set('purpose', v)} error={form.error('purpose')} />
      <TextArea label={t('prosecution.outcome')} name="outcome" rows={2} value={form.values.outcome} onValue={(v) => form.set('outcome', v)} error={form.error('outcome')} />
      <div className="row">
        <Button type="submit" variant="primary" busy={form.busy}>{t('corrections.save')}</Button>
        <Button type="button" onClick={() => setOpen(false)}>{t('common.cancel')}</Button>
      </div>
    </form>
  );
}

/** Filing an appeal against a verdict: court, date, and which side appeals (the rules of judgment.rules.ts decide who may). */
export function FileAppealForm({ caseId, v }: { caseId: string; v: Verdict }) {
  const { t } = useTranslation();
  const store = useStore(caseId);
  const initial = { court: '', filedAt: '', filedBy: (v.outcome === 'acquitted' ? 'prosecution' : 'defence') as 'prosecution' | 'defence' };
  const form = useZodForm(appealBody, initial, (x: typeof initial) => ({ ...x, filedAt: localInputToIso(x.filedAt) }));
  const onSubmit = form.handleSubmit(async (body) => {
    store(await fileAppeal(v.id, body));
    form.reset();
  });
  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form" data-testid="appeal-form">
      <FormError error={form.formError} />
      <TextField label={t('corrections.appealCourt')} name="court" required value={form.values.court} onValue={(x) => form.set('court', x)} error={form.error('court')} />
      <TextField label={t('corrections.filedAt')} name="filedAt" type="datetime-local" required value={form.values.filedAt} onValue={(x) => form.set('filedAt', x)} error={form.error('filedAt')} />
      <SelectField label={t('corrections.filedBy')} name="filedBy" value={form.values.filedBy} onValue={(x) => form.set('filedBy', x as 'prosecution' | 'defence')} error={form.error('filedBy')} options={(['prosecution', 'defence'] as const).map((s) => ({ value: s, label: t(`corrections.sides.${s}`) }))} />
      <Button type="submit" variant="primary" busy={form.busy}>{t('corrections.fileAppeal')}</Button>
    </form>
  );
}

/** Deciding a pending appeal: allowed, dismissed or withdrawn, and when; the accused and the case follow the decision. */
export function DecideAppealForm({ caseId, a }: { caseId: string; a: Appeal }) {
  const { t } = useTranslation();
  const store = useStore(caseId);
  const initial = { status: 'dismissed' as 'allowed' | 'dismissed' | 'withdrawn', decidedAt: '' };
  const form = useZodForm(decideAppealBody, initial, (x: typeof initial) => ({ ...x, decidedAt: localInputToIso(x.decidedAt) }));
  const onSubmit = form.handleSubmit(async (body) => {
    store(await decideAppeal(a.id, body));
  });
  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form" data-testid="decide-appeal-form">
      <FormError error={form.formError} />
      <SelectField label={t('corrections.decision')} name="status" value={form.values.status} onValue={(x) => form.set('status', x as typeof initial.status)} error={form.error('status')} options={(['allowed', 'dismissed', 'withdrawn'] as const).map((s) => ({ value: s, label: t(`corrections.appealStatuses.${s}`) }))} />
      <TextField label={t('prosecution.decidedAt')} name="decidedAt" type="datetime-local" required value={form.values.decidedAt} onValue={(x) => form.set('decidedAt', x)} error={form.error('decidedAt')} />
      <Button type="submit" variant="primary" busy={form.busy}>{t('corrections.decideAppeal')}</Button>
    </form>
  );
}
