import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { Alert, Button, Panel } from '../../../ui/index.ts';
import { useZodForm } from '../../../app/use-zod-form.ts';
import { FormError } from '../../../app/FormError.tsx';
import { CasePickerField } from '../../cases/components/CasePickerField.tsx';
import { linkVictimToCase } from '../api/corrections.api.ts';

const body = z.strictObject({ caseId: z.string().min(1, 'required') });

/** Linking a victim to a further case, found by FIR number or title: only cases the officer may see are offered, and the server checks both again. */
export function VictimLinkPanel({ victimId, linked }: { victimId: string; linked: string[] }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [done, setDone] = useState(false);
  const form = useZodForm(body, { caseId: '' }, (v: { caseId: string }) => v);
  const onSubmit = form.handleSubmit(async ({ caseId }) => {
    setDone(false);
    await linkVictimToCase(caseId, victimId);
    await qc.invalidateQueries({ queryKey: ['victims'] });
    void qc.invalidateQueries({ queryKey: ['cases', 'timeline', caseId] });
    form.reset();
    setDone(true);
  });
  return (
    <Panel title={t('corrections.linkVictim')}>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form" data-testid="link-victim-form">
        <FormError error={form.formError} />
        {done ? <Alert kind="success">{t('corrections.linked')}</Alert> : null}
        <CasePickerField label={t('corrections.furtherCase')} name="caseId" required value={form.values.caseId} onValue={(v) => form.set('caseId', v)} error={form.error('caseId')} exclude={linked} />
        <Button type="submit" variant="primary" busy={form.busy}>{t('corrections.link')}</Button>
      </form>
    </Panel>
  );
}
