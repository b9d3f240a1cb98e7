import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { createPersonBody } from '../../../../modules/persons/person.schema.ts';
import { Button, TextArea } from '../../../ui/index.ts';
import { useZodForm } from '../../../app/use-zod-form.ts';
import { FormError } from '../../../app/FormError.tsx';
import { createPerson } from '../api/persons.api.ts';
import { emptyPerson, personBody } from './person-form-values.ts';
import { PersonFields } from './PersonFields.tsx';

export function NewPersonForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const form = useZodForm(createPersonBody, emptyPerson, personBody);
  const onSubmit = form.handleSubmit(async (body) => {
    const p = await createPerson(body);
    navigate(`/persons/${p.id}`);
  });
  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form" data-testid="person-form">
      <FormError error={form.formError} />
      <PersonFields values={form.values} set={form.set} error={form.error} />
      <TextArea label={t('common.notes')} name="notes" rows={2} value={form.values.notes} onValue={(v) => form.set('notes', v)} error={form.error('notes')} />
      <Button type="submit" variant="primary" busy={form.busy}>
        {t('persons.record')}
      </Button>
    </form>
  );
}
