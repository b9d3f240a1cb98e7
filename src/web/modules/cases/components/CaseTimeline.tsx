import { useTranslation } from 'react-i18next';
import { eventLine } from '../../../i18n/event-text.ts';
import { noteBody } from '../../../../modules/cases/case.schema.ts';
import { Button, Empty, Loading, Panel, SelectField, TextArea, TextField } from '../../../ui/index.ts';
import { useZodForm } from '../../../app/use-zod-form.ts';
import { FormError, QueryError } from '../../../app/FormError.tsx';
import { useCan } from '../../../app/session.ts';
import { localInputToIso, useFormat } from '../../../i18n/format.ts';
import { useAddTimelineEntry, useTimeline } from '../hooks/use-cases.ts';
import { useCaseOutlet } from './CasePage.tsx';

interface Values extends Record<string, unknown> {
  kind: 'note' | 'event';
  body: string;
  occurredAt: string;
}
const toBody = (v: Values) => ({ kind: v.kind, body: v.body, occurredAt: v.occurredAt ? localInputToIso(v.occurredAt) : undefined });

export function CaseTimeline() {
  const c = useCaseOutlet();
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const can = useCan();
  const timeline = useTimeline(c.id);
  const add = useAddTimelineEntry(c.id);
  const form = useZodForm(noteBody, { kind: 'note', body: '', occurredAt: '' } as Values, toBody);
  const onSubmit = form.handleSubmit(async (body) => {
    await add.mutateAsync(body);
    form.reset();
  });
  return (
    <div className="grid-2 wide-first">
      <Panel title={t('casePage.timeline')}>
        {timeline.isPending ? <Loading label={t('common.loading')} /> : null}
        {timeline.error ? <QueryError error={timeline.error} /> : null}
        {timeline.data?.items.length === 0 ? <Empty>{t('timeline.empty')}</Empty> : null}
        <ol className="timeline" data-testid="timeline">
          {timeline.data?.items.map((e) => (
            <li key={e.id} className={`tl-${e.kind}`}>
              <div className="tl-meta">
                <span className="badge badge-neutral">{t(`timeline.kinds.${e.kind}`, { defaultValue: e.kind })}</span> <time dateTime={e.occurredAt}>{f.dateTime(e.occurredAt)}</time>
                {e.actor ? <span className="muted"> · <bdi>{e.actor}</bdi></span> : null}
              </div>
              <p className="prewrap">{eventLine(e.body, e, i18n.language)}</p>
            </li>
          ))}
        </ol>
      </Panel>
      {can('case.write') ? (
        <Panel title={t('timeline.addNote')}>
          <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form" data-testid="note-form">
            <FormError error={form.formError} />
            <SelectField label={t('timeline.kind')} name="kind" value={form.values.kind} onValue={(v) => form.set('kind', v as Values['kind'])} options={[{ value: 'note', label: t('timeline.kinds.note') }, { value: 'event', label: t('timeline.kinds.event') }]} />
            <TextArea label={t('timeline.body')} name="body" required value={form.values.body} onValue={(v) => form.set('body', v)} error={form.error('body')} />
            <TextField label={t('timeline.occurredAt')} name="occurredAt" type="datetime-local" value={form.values.occurredAt} onValue={(v) => form.set('occurredAt', v)} error={form.error('occurredAt')} />
            <Button type="submit" variant="primary" busy={form.busy}>
              {t('timeline.submit')}
            </Button>
          </form>
        </Panel>
      ) : null}
    </div>
  );
}
