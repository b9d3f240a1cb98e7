import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { identityBody } from '../../../../modules/victims/victim.schema.ts';
import { Alert, Button, DefinitionList, Loading, Panel, TextArea, TextField } from '../../../ui/index.ts';
import { useZodForm } from '../../../app/use-zod-form.ts';
import { FormError, QueryError } from '../../../app/FormError.tsx';
import { useFormat } from '../../../i18n/format.ts';
import { useQueryClient } from '@tanstack/react-query';
import { updateIdentity, type VictimIdentity } from '../api/victims.api.ts';
import { useVictimIdentity, victimKeys } from '../hooks/use-victims.ts';

const fields = ['fullName', 'urduName', 'dateOfBirth', 'guardianName', 'guardianContact', 'address', 'cnicOrBForm', 'notes'] as const;
type Values = Record<(typeof fields)[number], string>;
// Empty fields are left out: the server merges, so nothing typed means nothing changed.
const toBody = (v: Values) => Object.fromEntries(fields.filter((k) => v[k].trim() !== '').map((k) => [k, v[k]]));

/** The child's identity: shown only to the assigned protection officer; the server audits every read. */
export function IdentityPanel({ victimId }: { victimId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const identity = useVictimIdentity(victimId, true);
  const [editing, setEditing] = useState(false);
  return (
    <Panel title={t('victims.identity')} actions={identity.data && !editing ? <Button onClick={() => setEditing(true)}>{t('victims.editIdentity')}</Button> : null}>
      <Alert kind="warning">{t('victims.identityNotice')}</Alert>
      {identity.isPending ? <Loading label={t('common.loading')} /> : null}
      {identity.error ? <QueryError error={identity.error} /> : null}
      {identity.data && !editing ? (
        <div data-testid="victim-identity">
          <DefinitionList
            items={[
              [t('victims.fields.fullName'), identity.data.fullName ?? '—'],
              [t('victims.fields.urduName'), identity.data.urduName ? <span lang="ur">{identity.data.urduName}</span> : '—'],
              [t('victims.fields.dateOfBirth'), f.date(identity.data.dateOfBirth)],
              [t('victims.fields.guardianName'), identity.data.guardianName ?? '—'],
              [t('victims.fields.guardianContact'), identity.data.guardianContact ? <bdi>{identity.data.guardianContact}</bdi> : '—'],
              [t('victims.fields.address'), identity.data.address ?? '—'],
              [t('victims.fields.cnicOrBForm'), identity.data.cnicOrBForm ? <bdi>{identity.data.cnicOrBForm}</bdi> : '—'],
              [t('victims.fields.notes'), identity.data.notes ?? '—'],
            ]}
          />
        </div>
      ) : null}
      {identity.data && editing ? <IdentityForm victimId={victimId} current={identity.data} onDone={() => setEditing(false)} /> : null}
    </Panel>
  );
}

function IdentityForm({ victimId, current, onDone }: { victimId: string; current: VictimIdentity; onDone: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const initial = Object.fromEntries(fields.map((k) => [k, current[k] ?? ''])) as Values;
  const form = useZodForm(identityBody, initial, toBody);
  const onSubmit = form.handleSubmit(async (body) => {
    await updateIdentity(victimId, body);
    await qc.invalidateQueries({ queryKey: victimKeys.identity(victimId) });
    onDone();
  });
  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form" data-testid="identity-form">
      <FormError error={form.formError} />
      {fields.map((k) =>
        k === 'notes' || k === 'address' ? (
          <TextArea key={k} label={t(`victims.fields.${k}`)} name={k} rows={2} value={form.values[k]} onValue={(v) => form.set(k, v)} error={form.error(k)} />
        ) : (
          <TextField key={k} label={t(`victims.fields.${k}`)} name={k} type={k === 'dateOfBirth' ? 'date' : 'text'} lang={k === 'urduName' ? 'ur' : undefined} value={form.values[k]} onValue={(v) => form.set(k, v)} error={form.error(k)} />
        ),
      )}
      <div className="form-actions">
        <Button type="submit" variant="primary" busy={form.busy}>
          {t('common.save')}
        </Button>
        <Button onClick={onDone}>{t('common.cancel')}</Button>
      </div>
    </form>
  );
}
