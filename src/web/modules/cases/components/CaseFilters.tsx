import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { caseStatuses } from '../../../../modules/cases/case.lifecycle.ts';
import { Button, SelectField, TextField } from '../../../ui/index.ts';
import { useProvinces, useOffences } from '../../reference/hooks/use-reference.ts';

export interface FilterValues {
  q: string;
  status: string;
  province: string;
  offence: string;
  firYear: string;
}

/** `ready`: the list has loaded; the filters' reference lists are fetched after it, not in its way. */
export function CaseFilters({ initial, onApply, ready }: { initial: FilterValues; onApply: (v: FilterValues) => void; ready: boolean }) {
  const { t } = useTranslation();
  const provinces = useProvinces(ready);
  const offences = useOffences(ready);
  const [v, setV] = useState(initial);
  const set = (k: keyof FilterValues) => (value: string) => setV((old) => ({ ...old, [k]: value }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply(v);
  };
  const clear = () => {
    const empty = { q: '', status: '', province: '', offence: '', firYear: '' };
    setV(empty);
    onApply(empty);
  };
  return (
    <form className="filters" role="search" aria-label={t('cases.filters')} onSubmit={submit}>
      <TextField label={t('cases.searchLabel')} type="search" name="q" value={v.q} onValue={set('q')} />
      <SelectField label={t('cases.status')} name="status" value={v.status} onValue={set('status')} placeholder={t('common.any')} options={caseStatuses.map((s) => ({ value: s, label: t(`caseStatus.${s}`) }))} />
      <SelectField label={t('cases.province')} name="province" value={v.province} onValue={set('province')} placeholder={t('common.any')} options={provinces.map((p) => ({ value: p, label: p }))} />
      <SelectField label={t('cases.offence')} name="offence" value={v.offence} onValue={set('offence')} placeholder={t('common.any')} options={(offences.data ?? []).map((o) => ({ value: o.code, label: `${o.code} — ${o.title}` }))} />
      <TextField label={t('cases.firYear')} name="firYear" inputMode="numeric" value={v.firYear} onValue={set('firYear')} pattern="[0-9]*" size={6} />
      <div className="filters-actions">
        <Button type="submit" variant="primary">
          {t('common.search')}
        </Button>
        <Button onClick={clear}>{t('common.clear')}</Button>
      </div>
    </form>
  );
}
