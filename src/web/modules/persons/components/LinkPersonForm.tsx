import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { casePersonRoles } from '../../../../modules/persons/accused.rules.ts';
import { linkPersonBody } from '../../../../modules/persons/person.schema.ts';
import { Button, SelectField, TextField } from '../../../ui/index.ts';
import { useZodForm } from '../../../app/use-zod-form.ts';
import { FormError } from '../../../app/FormError.tsx';
import { useLinkPerson, usePersonSearch } from '../hooks/use-persons.ts';
import { emptyPerson, personBody, type PersonValues } from './person-form-values.ts';
import { PersonFields } from './PersonFields.tsx';

type Role = (typeof casePersonRoles)[number];
interface Values extends PersonValues {
  mode: 'existing' | 'new';
  role: Role;
  personId: string;
}
const toBody = (v: Values) => ({ role: v.role, ...(v.mode === 'existing' ? { personId: v.personId || undefined } : { person: personBody(v) }) });

/** Link someone already recorded (found by name) or a new person, in a role on this case. */
export function LinkPersonForm({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const link = useLinkPerson(caseId);
  const [search, setSearch] = useState('');
  const form = useZodForm(linkPersonBody, { ...emptyPerson, mode: 'new', role: 'suspect', personId: '' } as Values, toBody);
  const found = usePersonSearch({ q: search.trim() || undefined }, form.values.mode === 'existing' && search.trim().length > 1);
  const onSubmit = form.handleSubmit(async (body) => {
    await link.mutateAsync(body);
    form.reset();
  });
  const personErr = (name: string, touchedAs?: string) => form.error(name, touchedAs);
  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form" data-testid="link-person-form">
      <FormError error={form.formError} />
      <SelectField label={t('persons.role')} name="role" value={form.values.role} onValue={(v) => form.set('role', v as Role)} error={form.error('role')} options={casePersonRoles.map((r) => ({ value: r, label: t(`persons.roles.${r}`) }))} />
      <fieldset className="field">
        <legend>{t('persons.who')}</legend>
        <label className="check">
          <input type="radio" name="mode" checked={form.values.mode === 'new'} onChange={() => form.set('mode', 'new')} /> <span>{t('persons.newPerson')}</span>
        </label>
        <label className="check">
          <input type="radio" name="mode" checked={form.values.mode === 'existing'} onChange={() => form.set('mode', 'existing')} /> <span>{t('persons.existingPerson')}</span>
        </label>
      </fieldset>
      {form.values.mode === 'existing' ? (
        <>
          <TextField label={t('persons.searchName')} type="search" name="personSearch" value={search} onValue={setSearch} />
          <SelectField
            label={t('persons.pick')}
            name="personId"
            required
            placeholder="—"
            value={form.values.personId}
            onValue={(v) => form.set('personId', v)}
            error={form.error('personId')}
            options={(found.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.displayName}${p.otherNames.length ? ` (${p.otherNames.slice(0, 2).join(', ')})` : ''}` }))}
          />
        </>
      ) : (
        <PersonFields values={form.values} set={form.set} error={personErr} prefix="person." />
      )}
      <Button type="submit" variant="primary" busy={form.busy}>
        {t('persons.link')}
      </Button>
    </form>
  );
}
