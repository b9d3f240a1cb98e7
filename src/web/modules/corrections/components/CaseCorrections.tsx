import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { updateCaseBody } from '../../../../modules/cases/case.schema.ts';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, CheckList, Panel, SelectField, TextArea, TextField } from '../../../ui/index.ts';
import { fetchDistricts } from '../../offices/offices.api.ts';
import { useZodForm } from '../../../app/use-zod-form.ts';
import { FormError } from '../../../app/FormError.tsx';
import { useCan } from '../../../app/session.ts';
import { useCaseOutlet } from '../../cases/components/CasePage.tsx';
import { caseKeys } from '../../cases/hooks/use-cases.ts';
import { useOffences } from '../../reference/hooks/use-reference.ts';
import { fetchCaseCorrections, updateCase } from '../api/corrections.api.ts';
import { CorrectionsList } from './CorrectionsList.tsx';
import { useState } from 'react';

interface Values extends Record<string, unknown> {
  title: string;
  summary: string;
  offenceCodes: string[];
  districtId: number;
}

/** The case's "Corrections" tab: correct its title, summary and offences; every earlier value stays listed below. */
export function CaseCorrections() {
  const c = useCaseOutlet();
  const { t } = useTranslation();
  const can = useCan();
  const qc = useQueryClient();
  const offences = useOffences();
  const districts = useQuery({ queryKey: ['districts', 'all'], queryFn: () => fetchDistricts({ limit: 200 }), staleTime: Infinity });
  const [saved, setSaved] = useState(false);
  const form = useZodForm(updateCaseBody, { title: c.title, summary: c.summary, offenceCodes: c.offenceCodes, districtId: c.offenceDistrict.id } as Values, (v: Values) => v);
  const onSubmit = form.handleSubmit(async (body) => {
    setSaved(false);
    const detail = await updateCase(c.id, body);
    qc.setQueryData(caseKeys.one(c.id), detail);
    await qc.invalidateQueries({ queryKey: ['corrections', 'case', c.id] });
    void qc.invalidateQueries({ queryKey: ['cases', 'list'] });
    setSaved(true);
  });
  return (
    <div className="stack">
      {can('case.write') ? (
        <Panel title={t('corrections.editCase')}>
          <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form" data-testid="edit-case-form">
            <FormError error={form.formError} />
            {saved ? <Alert kind="success">{t('corrections.saved')}</Alert> : null}
            <TextField label={t('cases.caseTitle')} name="title" required value={form.values.title} onValue={(v) => form.set('title', v)} error={form.error('title')} />
            <TextArea label={t('corrections.summary')} name="summary" rows={3} value={form.values.summary} onValue={(v) => form.set('summary', v)} error={form.error('summary')} />
            <CheckList
              legend={t('corrections.offences')}
              name="offenceCodes"
              options={(offences.data ?? []).map((o) => ({ value: o.code, label: `${o.code} · ${o.title}` }))}
              selected={form.values.offenceCodes}
              onChange={(v) => form.set('offenceCodes', v)}
              error={form.error('offenceCodes')}
            />
            <SelectField
              label={t('dashboard.offenceDistrict')}
              name="districtId"
              value={String(form.values.districtId)}
              onValue={(v) => form.set('districtId', Number(v))}
              options={(districts.data?.items ?? [c.offenceDistrict]).map((d) => ({ value: String(d.id), label: `${d.name} (${d.province})` }))}
              error={form.error('districtId')}
            />
            <Button type="submit" variant="primary" busy={form.busy}>
              {t('corrections.save')}
            </Button>
          </form>
        </Panel>
      ) : null}
      <CorrectionsList queryKey={['case', c.id]} fetch={() => fetchCaseCorrections(c.id)} />
    </div>
  );
}
