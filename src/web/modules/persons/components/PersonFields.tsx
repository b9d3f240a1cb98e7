import { useTranslation } from 'react-i18next';
import { identifierKinds } from '../../../../modules/persons/person.schema.ts';
import { Button, SelectField, TextArea, TextField } from '../../../ui/index.ts';
import type { IdentifierKind, PersonValues } from './person-form-values.ts';

interface Props {
  values: PersonValues;
  set: <K extends keyof PersonValues & string>(name: K, value: PersonValues[K]) => void;
  error: (name: string, touchedAs?: string) => string | undefined;
  /** Field names in errors, e.g. "person." when the person is nested in a link body. */
  prefix?: string;
}

/** The fields of a person, shared by "record a person" and "link a new person to the case". */
export function PersonFields({ values, set, error, prefix = '' }: Props) {
  const { t } = useTranslation();
  const e = (name: string, touchedAs = name.split('.')[0]) => error(`${prefix}${name}`, touchedAs);
  const ids = values.identifiers;
  const setId = (i: number, patch: Partial<PersonValues['identifiers'][number]>) => set('identifiers', ids.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  return (
    <>
      <TextField label={t('persons.displayName')} name="displayName" required value={values.displayName} onValue={(v) => set('displayName', v)} error={e('displayName')} />
      <TextArea label={t('persons.aliases')} hint={t('persons.onePerLine')} name="aliases" rows={2} value={values.aliases} onValue={(v) => set('aliases', v)} error={e('names', 'aliases')} />
      <div className="row">
        <SelectField label={t('persons.gender')} name="gender" value={values.gender} onValue={(v) => set('gender', v)} placeholder="—" options={(['female', 'male', 'other', 'unknown'] as const).map((g) => ({ value: g, label: t(`persons.genders.${g}`) }))} />
        <TextField label={t('persons.dateOfBirth')} name="dateOfBirth" type="date" value={values.dateOfBirth} onValue={(v) => set('dateOfBirth', v)} error={e('dateOfBirth')} />
        <TextField label={t('persons.estimatedAge')} name="estimatedAge" inputMode="numeric" value={values.estimatedAge} onValue={(v) => set('estimatedAge', v)} error={e('estimatedAge')} />
      </div>
      <div className="row">
        <TextField label={t('persons.nationality')} hint={t('persons.nationalityHint')} name="nationality" dir="ltr" value={values.nationality} onValue={(v) => set('nationality', v)} error={e('nationality')} />
        <TextField label={t('persons.cnic')} hint="35202-1234567-1" name="cnic" dir="ltr" value={values.cnic} onValue={(v) => set('cnic', v)} error={e('cnic')} />
        <TextField label={t('persons.passport')} name="passport" dir="ltr" value={values.passport} onValue={(v) => set('passport', v)} error={e('passport')} />
      </div>
      <TextArea label={t('persons.phones')} hint={t('persons.onePerLine')} name="phones" dir="ltr" rows={2} value={values.phones} onValue={(v) => set('phones', v)} error={e('phones')} />
      <fieldset className="field">
        <legend>{t('persons.onlineIds')}</legend>
        {ids.map((id, i) => (
          <div className="row item-row" key={i}>
            <SelectField label={t('persons.identifierKind')} name={`identifiers.${i}.kind`} value={id.kind} onValue={(v) => setId(i, { kind: v as IdentifierKind })} options={identifierKinds.map((k) => ({ value: k, label: t(`persons.identifierKinds.${k}`) }))} />
            <TextField label={t('persons.identifierValue')} name={`identifiers.${i}.value`} dir="ltr" value={id.value} onValue={(v) => setId(i, { value: v })} error={e(`identifiers.${i}.value`, 'identifiers')} />
            <TextField label={t('persons.platform')} name={`identifiers.${i}.platform`} value={id.platform} onValue={(v) => setId(i, { platform: v })} />
            <Button variant="link" onClick={() => set('identifiers', ids.filter((_, j) => j !== i))}>
              {t('common.remove')}
            </Button>
          </div>
        ))}
        <Button onClick={() => set('identifiers', [...ids, { kind: 'handle', value: '', platform: '' }])}>{t('persons.addIdentifier')}</Button>
      </fieldset>
    </>
  );
}
