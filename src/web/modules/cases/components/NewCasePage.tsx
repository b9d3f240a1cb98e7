import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { createCaseBody } from '../../../../modules/cases/case.schema.ts';
import { Button, CheckList, PageHeader, SelectField, TextArea, TextField } from '../../../ui/index.ts';
import { useZodForm } from '../../../app/use-zod-form.ts';
import { useUser } from '../../../app/session.ts';
import { FormError } from '../../../app/FormError.tsx';
import { localInputToIso } from '../../../i18n/format.ts';
import { useBranches, useOffences } from '../../reference/hooks/use-reference.ts';
import { createCase } from '../api/cases.api.ts';

interface Values extends Record<string, unknown> {
  branchId: string;
  title: string;
  summary: string;
  offenceCodes: string[];
  reportedAt: string;
}

const toBody = (v: Values) => ({
  branchId: v.branchId ? Number(v.branchId) : undefined,
  title: v.title,
  summary: v.summary,
  offenceCodes: v.offenceCodes,
  reportedAt: v.reportedAt ? localInputToIso(v.reportedAt) : undefined,
});

export function NewCasePage() {
  const { t } = useTranslation();
  const user = useUser();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const branches = useBranches();
  const offences = useOffences();
  const [filter, setFilter] = useState('');
  const form = useZodForm(createCaseBody, { branchId: user.branchId ? String(user.branchId) : '', title: '', summary: '', offenceCodes: [] as string[], reportedAt: '' }, toBody);

  const offenceOptions = useMemo(() => {
    const f = filter.trim().toLowerCase();
    return (offences.data ?? [])
      .filter((o) => !f || `${o.code} ${o.title} ${o.law}`.toLowerCase().includes(f) || form.values.offenceCodes.includes(o.code))
      .map((o) => ({ value: o.code, label: `${o.code} — ${o.title}`, hint: `(${o.law} s.${o.section})` }));
  }, [offences.data, filter, form.values.offenceCodes]);

  const onSubmit = form.handleSubmit(async (body) => {
    const created = await createCase(body);
    void qc.invalidateQueries({ queryKey: ['cases'] });
    navigate(`/cases/${created.id}`);
  });

  return (
    <>
      <PageHeader title={t('cases.form.title')} subtitle={t('cases.form.intro')} />
      <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form narrow" data-testid="new-case-form">
        <FormError error={form.formError} />
        <SelectField
          label={t('cases.form.branch')}
          name="branchId"
          required
          value={form.values.branchId}
          onValue={(v) => form.set('branchId', v)}
          error={form.error('branchId')}
          placeholder="—"
          options={(branches.data ?? []).map((b) => ({ value: String(b.id), label: `${b.district} (${b.province})` }))}
        />
        <TextField label={t('cases.form.caseTitle')} name="title" required value={form.values.title} onValue={(v) => form.set('title', v)} error={form.error('title')} />
        <TextArea label={t('cases.form.summary')} name="summary" value={form.values.summary} onValue={(v) => form.set('summary', v)} error={form.error('summary')} />
        <TextField label={t('cases.form.offenceFilter')} name="offenceFilter" type="search" value={filter} onValue={setFilter} />
        <CheckList legend={t('cases.form.offences')} name="offenceCodes" options={offenceOptions} selected={form.values.offenceCodes} onChange={(v) => form.set('offenceCodes', v)} error={form.error('offenceCodes')} />
        <TextField label={t('cases.form.reportedAt')} name="reportedAt" type="datetime-local" value={form.values.reportedAt} onValue={(v) => form.set('reportedAt', v)} error={form.error('reportedAt')} />
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={form.busy}>
            {form.busy ? t('common.saving') : t('cases.form.submit')}
          </Button>
        </div>
      </form>
    </>
  );
}
