import { useTranslation } from 'react-i18next';
import { useOverdueSpan } from './SafeguardingPanel.tsx';
import { followupBody, followupKind, placementBody, placementKind } from '../../../../modules/victims/victim.schema.ts';
import { Badge, Button, Empty, Panel, SelectField, TextArea, TextField } from '../../../ui/index.ts';
import { useZodForm } from '../../../app/use-zod-form.ts';
import { FormError } from '../../../app/FormError.tsx';
import { localInputToIso, useFormat } from '../../../i18n/format.ts';
import { addFollowup, addPlacement, completeFollowup, type VictimDetail } from '../api/victims.api.ts';
import { useVictimWrite } from '../hooks/use-victims.ts';

type Care = NonNullable<VictimDetail['care']>;
type PlacementKind = (typeof placementKind.options)[number];
type FollowupKind = (typeof followupKind.options)[number];

export function PlacementsPanel({ victimId, care }: { victimId: string; care: Care }) {
  const { t } = useTranslation();
  const f = useFormat();
  const write = useVictimWrite(victimId, addPlacement);
  const form = useZodForm(placementBody, { kind: 'child_protection_bureau' as PlacementKind, facility: '', startedAt: '', notes: '' }, (v) => ({ ...v, startedAt: v.startedAt ? localInputToIso(v.startedAt) : undefined }));
  const onSubmit = form.handleSubmit(async (body) => {
    await write.mutateAsync(body);
    form.reset();
  });
  return (
    <Panel title={t('victims.placements')}>
      {care.placements.length === 0 ? <Empty>{t('common.none')}</Empty> : null}
      <ul className="plain" data-testid="placements">
        {care.placements.map((p) => (
          <li key={p.id}>
            <strong>{t(`victims.placementKinds.${p.kind}`)}</strong> — {p.facility} {p.endedAt ? null : <Badge tone="success">{t('victims.current')}</Badge>}
            <div className="muted small">
              {f.date(p.startedAt)} – {p.endedAt ? f.date(p.endedAt) : ''}
            </div>
            {p.notes ? <p className="prewrap">{p.notes}</p> : null}
          </li>
        ))}
      </ul>
      <h3>{t('victims.addPlacement')}</h3>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form" data-testid="placement-form">
        <FormError error={form.formError} />
        <SelectField label={t('victims.placementKind')} name="kind" value={form.values.kind} onValue={(v) => form.set('kind', v as PlacementKind)} options={placementKind.options.map((k) => ({ value: k, label: t(`victims.placementKinds.${k}`) }))} />
        <TextField label={t('victims.facility')} name="facility" required value={form.values.facility} onValue={(v) => form.set('facility', v)} error={form.error('facility')} />
        <TextField label={t('victims.startedAt')} name="startedAt" type="datetime-local" value={form.values.startedAt} onValue={(v) => form.set('startedAt', v)} error={form.error('startedAt')} />
        <TextArea label={t('common.notes')} name="notes" rows={2} value={form.values.notes} onValue={(v) => form.set('notes', v)} error={form.error('notes')} />
        <Button type="submit" variant="primary" busy={form.busy}>
          {t('victims.addPlacement')}
        </Button>
      </form>
    </Panel>
  );
}

export function FollowupsPanel({ victimId, care }: { victimId: string; care: Care }) {
  const { t } = useTranslation();
  const overdueSpan = useOverdueSpan();
  const f = useFormat();
  const write = useVictimWrite(victimId, addFollowup);
  const done = useVictimWrite(victimId, (id, followupId: string) => completeFollowup(id, followupId));
  const form = useZodForm(followupBody, { kind: 'psychosocial' as FollowupKind, dueAt: '', notes: '' }, (v) => ({ ...v, dueAt: localInputToIso(v.dueAt) }));
  const onSubmit = form.handleSubmit(async (body) => {
    await write.mutateAsync(body);
    form.reset();
  });
  return (
    <Panel title={t('victims.followups')}>
      {care.followups.length === 0 ? <Empty>{t('common.none')}</Empty> : null}
      <ul className="plain" data-testid="followups">
        {care.followups.map((fu) => (
          <li key={fu.id}>
            <strong>{t(`victims.followupKinds.${fu.kind}`)}</strong> · {t('victims.due')} {f.date(fu.dueAt)} {fu.doneAt ? <Badge tone="success">{t('victims.doneOn', { date: f.date(fu.doneAt) })}</Badge> : null}
            {!fu.doneAt && Date.parse(fu.dueAt) < Date.now() ? (
              <span data-testid="followup-overdue">
                <Badge tone="danger">{t('words.safeguarding.overdueBadge')}</Badge> <span className="overdue">{t('words.safeguarding.overdueBy', { span: overdueSpan(Math.floor((Date.now() - Date.parse(fu.dueAt)) / 86_400_000)) })}</span>
              </span>
            ) : null}
            {fu.notes ? <p className="prewrap">{fu.notes}</p> : null}
            {fu.doneAt ? null : (
              <Button variant="link" onClick={() => done.mutate(fu.id)} busy={done.isPending}>
                {t('victims.markDone')}
              </Button>
            )}
          </li>
        ))}
      </ul>
      <h3>{t('victims.addFollowup')}</h3>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form" data-testid="followup-form">
        <FormError error={form.formError} />
        <SelectField label={t('victims.followupKind')} name="kind" value={form.values.kind} onValue={(v) => form.set('kind', v as FollowupKind)} options={followupKind.options.map((k) => ({ value: k, label: t(`victims.followupKinds.${k}`) }))} />
        <TextField label={t('victims.dueAt')} name="dueAt" type="datetime-local" required value={form.values.dueAt} onValue={(v) => form.set('dueAt', v)} error={form.error('dueAt')} />
        <TextArea label={t('common.notes')} name="notes" rows={2} value={form.values.notes} onValue={(v) => form.set('notes', v)} error={form.error('notes')} />
        <Button type="submit" variant="primary" busy={form.busy}>
          {t('victims.addFollowup')}
        </Button>
      </form>
    </Panel>
  );
}
