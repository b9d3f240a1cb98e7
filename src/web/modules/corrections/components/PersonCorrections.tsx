import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { updatePersonBody, identifierKinds } from '../../../../modules/persons/person.schema.ts';
import { Alert, Button, Panel, TextArea, TextField } from '../../../ui/index.ts';
import { useZodForm } from '../../../app/use-zod-form.ts';
import { FormError } from '../../../app/FormError.tsx';
import { useCan } from '../../../app/session.ts';
import type { PersonDetail } from '../../persons/api/persons.api.ts';
import { fetchPersonCorrections, updatePerson } from '../api/corrections.api.ts';
import { CorrectionsList } from './CorrectionsList.tsx';
import { listError } from './field-errors.ts';

interface Values extends Record<string, unknown> {
  displayName: string;
  names: string;
  dateOfBirth: string;
  phones: string;
  identifiers: string;
}

const lines = (s: string) => s.split('\n').map((l) => l.trim()).filter(Boolean);
type IdKind = (typeof identifierKinds)[number];
/** "handle, tariq_99, Telegram" -> { kind, value, platform }. */
function identifier(line: string) {
  const [kind = '', value = '', platform] = line.split(',').map((p) => p.trim());
  return { kind: kind as IdKind, value, platform: platform || undefined };
}

/** Correcting a person: names and spellings, date of birth, phones and identifiers; the earlier values stay listed. */
export function PersonCorrections({ p }: { p: PersonDetail }) {
  const { t } = useTranslation();
  const can = useCan();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState(false);
  const initial: Values = {
    displayName: p.displayName,
    names: p.names.filter((n) => n.kind !== 'primary').map((n) => n.name).join('\n'),
    dateOfBirth: p.dateOfBirth ?? '',
    phones: p.phones.join('\n'),
    identifiers: p.identifiers.map((i) => [i.kind, i.value, i.platform].filter(Boolean).join(', ')).join('\n'),
  };
  const kindOf = new Map(p.names.map((n) => [n.name, n.kind]));
  const toBody = (v: Values) => ({
    displayName: v.displayName !== initial.displayName ? v.displayName : undefined,
    names: v.names !== initial.names ? lines(v.names).map((name) => ({ name, kind: kindOf.get(name) === 'variant' ? 'variant' : 'alias' })) : undefined,
    dateOfBirth: v.dateOfBirth !== initial.dateOfBirth ? (v.dateOfBirth || null) : undefined,
    // A date of birth replaces an estimated age (the two are not kept together).
    estimatedAge: v.dateOfBirth && v.dateOfBirth !== initial.dateOfBirth && p.estimatedAge !== null ? null : undefined,
    phones: v.phones !== initial.phones ? lines(v.phones) : undefined,
    identifiers: v.identifiers !== initial.identifiers ? lines(v.identifiers).map(identifier) : undefined,
  });
  const form = useZodForm(updatePersonBody, initial, toBody);
  const onSubmit = form.handleSubmit(async (body) => {
    setSaved(false);
    const detail = await updatePerson(p.id, body);
    qc.setQueryData(['persons', 'one', p.id], detail);
    await qc.invalidateQueries({ queryKey: ['persons'] });
    await qc.invalidateQueries({ queryKey: ['corrections', 'person', p.id] });
    setSaved(true);
    setOpen(false);
  });
  return (
    <div className="stack">
      {can('person.write') ? (
        <Panel title={t('corrections.editPerson')}>
          {saved ? <Alert kind="success">{t('corrections.saved')}</Alert> : null}
          {open ? (
            <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form" data-testid="edit-person-form">
              <FormError error={form.formError} />
              <TextField label={t('persons.displayName')} name="displayName" required value={form.values.displayName} onValue={(v) => form.set('displayName', v)} error={form.error('displayName')} />
              <TextArea label={t('corrections.otherNames')} hint={t('corrections.onePerLine')} name="names" rows={3} value={form.values.names} onValue={(v) => form.set('names', v)} error={listError(form.error('names'), form.formError, 'names')} />
              <TextField label={t('persons.dateOfBirth')} name="dateOfBirth" type="date" value={form.values.dateOfBirth} onValue={(v) => form.set('dateOfBirth', v)} error={form.error('dateOfBirth')} />
              <TextArea label={t('corrections.phones')} hint={t('corrections.onePerLine')} name="phones" rows={2} value={form.values.phones} onValue={(v) => form.set('phones', v)} error={listError(form.error('phones'), form.formError, 'phones')} />
              <TextArea label={t('persons.identifiers')} hint={t('corrections.identifiersHint')} name="identifiers" rows={3} value={form.values.identifiers} onValue={(v) => form.set('identifiers', v)} error={listError(form.error('identifiers'), form.formError, 'identifiers')} />
              <div className="row">
                <Button type="submit" variant="primary" busy={form.busy}>{t('corrections.save')}</Button>
                <Button type="button" onClick={() => { form.reset(); setOpen(false); }}>{t('common.cancel')}</Button>
              </div>
            </form>
          ) : (
            <Button onClick={() => { setSaved(false); form.reset(initial); setOpen(true); }}>{t('corrections.correct')}</Button>
          )}
        </Panel>
      ) : null}
      <CorrectionsList queryKey={['person', p.id]} fetch={() => fetchPersonCorrections(p.id)} />
    </div>
  );
}
