import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { briefingQuery } from '../../../../modules/reports/reports.schema.ts';
import { reportLanguages, type ReportLang } from '../../../../platform/text/report-texts.schema.ts';
import { Button, Panel, SelectField, TextField } from '../../../ui/index.ts';
import { FormError } from '../../../app/FormError.tsx';
import { JobProgress } from '../../../app/JobProgress.tsx';
import { useJob } from '../../../app/use-job.ts';
import { useZodForm } from '../../../app/use-zod-form.ts';
import { useProvinces } from '../../reference/hooks/use-reference.ts';
import { jobOutputUrl, startBriefing } from '../api/stats.api.ts';

/** Today and the first of January, as the browser's calendar has them (YYYY-MM-DD). */
function thisYear(): { from: string; to: string } {
  const now = new Date();
  const day = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  return { from: `${now.getFullYear()}-01-01`, to: day };
}

/**
 * The briefing PDF (issue 13): period, province (or the nation) and language, produced as a background job with
 * its progress shown, then a link to the file. The server decides who may (POST /reports/briefing: statistics
 * for the nation or a province, not a branch's own); the panel is on the leadership home.
 */
export function BriefingReport() {
  const { t, i18n } = useTranslation();
  const provinces = useProvinces();
  const [jobId, setJobId] = useState<string | null>(null);
  const job = useJob(jobId);
  const state = job.data?.state;
  const form = useZodForm(briefingQuery, { ...thisYear(), province: '', lang: (i18n.language === 'ur' ? 'ur' : 'en') as ReportLang }, (v) => ({ from: v.from, to: v.to, lang: v.lang, ...(v.province ? { province: v.province } : {}) }));
  // The report's language follows the app's until the user picks one: the form may mount before a language switch.
  const langChosen = useRef(false);
  const appLang: ReportLang = i18n.language === 'ur' ? 'ur' : 'en';
  const setField = form.set;
  useEffect(() => {
    if (!langChosen.current) setField('lang', appLang);
  }, [appLang, setField]);
  const onSubmit = form.handleSubmit(async (body) => {
    setJobId(null);
    const res = await startBriefing(body);
    setJobId(res.backgroundJobId);
  });
  const what = t('stats.briefing.what');
  return (
    <Panel title={t('stats.briefing.title')}>
      <p className="muted">{t('stats.briefing.intro')}</p>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate className="filters" aria-label={t('stats.briefing.title')} data-testid="briefing-form">
        <FormError error={form.formError} />
        <TextField label={t('stats.from')} name="from" type="date" required value={form.values.from} onValue={(v) => form.set('from', v)} error={form.error('from')} />
        <TextField label={t('stats.to')} name="to" type="date" required value={form.values.to} onValue={(v) => form.set('to', v)} error={form.error('to')} />
        <SelectField label={t('cases.province')} name="province" value={form.values.province} placeholder={t('stats.national')} onValue={(v) => form.set('province', v)} options={provinces.map((p) => ({ value: p, label: p }))} />
        <SelectField label={t('stats.briefing.language')} name="lang" value={form.values.lang} onValue={(v) => {
          langChosen.current = true;
          form.set('lang', v as ReportLang);
        }} options={reportLanguages.map((l) => ({ value: l, label: t(`stats.briefing.languages.${l}`) }))} />
        <div className="filters-actions">
          <Button type="submit" variant="primary" busy={form.busy || state === 'running'}>
            {t('stats.briefing.produce')}
          </Button>
        </div>
      </form>
      {jobId ? (
        <div data-testid="briefing-job">
          <JobProgress jobId={jobId} what={what} />
          {state === 'done' ? (
            <a className="btn btn-secondary" href={jobOutputUrl(jobId)} download data-testid="briefing-download">
              {t('stats.briefing.download')}
            </a>
          ) : null}
        </div>
      ) : null}
    </Panel>
  );
}
