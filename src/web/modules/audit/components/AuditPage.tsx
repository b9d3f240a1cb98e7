import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { listAuditQuery } from '../../../../modules/audit/audit.schema.ts';
import { Button, Empty, Loading, PageHeader, Pager, Panel, TextField } from '../../../ui/index.ts';
import { QueryError } from '../../../app/FormError.tsx';
import { usePagerLabels } from '../../../app/use-pager-labels.ts';
import { issuesToFields } from '../../../app/use-zod-form.ts';
import { translateMessage } from '../../../i18n/index.ts';
import { localInputToIso } from '../../../i18n/format.ts';
import { useAuditTrail } from '../hooks/use-audit.ts';
import { VerifyPanel } from './VerifyPanel.tsx';
import { AuditTable } from './AuditTable.tsx';

const keys = ['actor', 'action', 'entityType', 'entityId', 'from', 'to'] as const;
type Draft = Record<(typeof keys)[number], string>;

export function AuditPage() {
  const { t } = useTranslation();
  const pager = usePagerLabels();
  const [params, setParams] = useSearchParams();
  const [draft, setDraft] = useState<Draft>(() => Object.fromEntries(keys.map((k) => [k, params.get(k) ?? ''])) as Draft);
  const toQuery = (d: Draft) => ({
    actor: d.actor || undefined,
    action: d.action || undefined,
    entityType: d.entityType || undefined,
    entityId: d.entityId || undefined,
    from: d.from ? localInputToIso(d.from) : undefined,
    to: d.to ? localInputToIso(d.to) : undefined,
  });
  // The filters are checked with the API's own query schema while typing.
  const check = listAuditQuery.safeParse(toQuery(draft));
  const errors = check.success ? {} : issuesToFields(check.error.issues);
  const applied = Object.fromEntries(keys.map((k) => [k, params.get(k) ?? ''])) as Draft;
  const offset = Number(params.get('offset') ?? 0) || 0;
  const trail = useAuditTrail({ ...toQuery(applied), limit: 50, offset });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!check.success) return;
    const next = new URLSearchParams();
    for (const k of keys) if (draft[k]) next.set(k, draft[k]);
    setParams(next);
  };
  const field = (k: (typeof keys)[number], type = 'text') => (
    <TextField label={t(`audit.filters.${k}`)} name={k} type={type} dir={type === 'text' ? 'ltr' : undefined} value={draft[k]} onValue={(v) => setDraft({ ...draft, [k]: v })} error={errors[k] ? translateMessage(errors[k]) : undefined} />
  );
  return (
    <>
      <PageHeader title={t('audit.title')} subtitle={t('audit.intro')} />
      <div className="stack">
        <Panel title={t('audit.verifyTitle')}>
          <VerifyPanel />
        </Panel>
        <form className="filters" role="search" aria-label={t('audit.filter')} onSubmit={submit} noValidate>
          {field('actor')}
          {field('action')}
          {field('entityType')}
          {field('entityId')}
          {field('from', 'datetime-local')}
          {field('to', 'datetime-local')}
          <div className="filters-actions">
            <Button type="submit" variant="primary">
              {t('common.search')}
            </Button>
          </div>
        </form>
        <Panel title={t('audit.entries')}>
          <div aria-live="polite">
            {trail.isPending ? <Loading label={t('common.loading')} /> : null}
            {trail.error ? <QueryError error={trail.error} /> : null}
            {trail.data?.items.length === 0 ? <Empty>{t('audit.empty')}</Empty> : null}
          </div>
          {trail.data && trail.data.items.length > 0 ? <AuditTable entries={trail.data.items} caption={t('audit.entries')} /> : null}
          {trail.data ? <Pager total={trail.data.total} limit={trail.data.limit} offset={trail.data.offset} onOffset={(o) => setParams((p) => (p.set('offset', String(o)), p))} labels={pager} /> : null}
        </Panel>
      </div>
    </>
  );
}
