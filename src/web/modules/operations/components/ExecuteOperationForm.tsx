import { useTranslation } from 'react-i18next';
import { executeOperationBody } from '../../../../modules/operations/operation.schema.ts';
import { evidenceKinds } from '../../../../modules/evidence/evidence.schema.ts';
import { Button, CheckList, SelectField, TextArea, TextField } from '../../../ui/index.ts';
import { useZodForm } from '../../../app/use-zod-form.ts';
import { FormError } from '../../../app/FormError.tsx';
import { isoToLocalInput, localInputToIso } from '../../../i18n/format.ts';
import type { AccusedCandidate, VictimCandidate } from '../hooks/use-outcome-candidates.ts';
import { useOperationAction } from '../hooks/use-operations.ts';

type Kind = (typeof evidenceKinds)[number];
interface Item {
  label: string;
  kind: Kind;
  description: string;
}
interface Values extends Record<string, unknown> {
  executedAt: string;
  durationMinutes: string;
  notes: string;
  arrestedPersonIds: string[];
  rescuedVictimIds: string[];
  seizedItems: Item[];
}
const toBody = (v: Values) => ({
  executedAt: localInputToIso(v.executedAt),
  durationMinutes: v.durationMinutes.trim() === '' ? undefined : Number(v.durationMinutes),
  notes: v.notes || undefined,
  arrestedPersonIds: v.arrestedPersonIds,
  rescuedVictimIds: v.rescuedVictimIds,
  seizedItems: v.seizedItems,
});

/** Records the outcome of an approved operation: arrests, children rescued and items seized, all at once. */
export function ExecuteOperationForm({ operationId, accused, victims }: { operationId: string; accused: AccusedCandidate[]; victims: VictimCandidate[] }) {
  const { t } = useTranslation();
  const { execute } = useOperationAction(operationId);
  const form = useZodForm(executeOperationBody, { executedAt: isoToLocalInput(), durationMinutes: '', notes: '', arrestedPersonIds: [], rescuedVictimIds: [], seizedItems: [] } as Values, toBody);
  const items = form.values.seizedItems;
  const setItem = (i: number, patch: Partial<Item>) => form.set('seizedItems', items.map((it, j) => (j === i ? { ...it, ...patch } : it)));
  const onSubmit = form.handleSubmit((body) => execute.mutateAsync(body));
  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form" data-testid="execute-operation-form">
      <FormError error={form.formError} />
      <div className="row">
        <TextField label={t('operations.executedAt')} name="executedAt" type="datetime-local" required value={form.values.executedAt} onValue={(v) => form.set('executedAt', v)} error={form.error('executedAt')} />
        <TextField label={t('operations.duration')} name="durationMinutes" inputMode="numeric" required value={form.values.durationMinutes} onValue={(v) => form.set('durationMinutes', v)} error={form.error('durationMinutes')} />
      </div>
      <CheckList
        legend={t('operations.arrestPick')}
        name="arrestedPersonIds"
        empty={t('operations.noAccused')}
        options={accused.map((a) => ({ value: a.id, label: a.displayName, hint: a.status ? `(${t(`accusedStatus.${a.status}`, { defaultValue: a.status })})` : undefined }))}
        selected={form.values.arrestedPersonIds}
        onChange={(v) => form.set('arrestedPersonIds', v)}
        error={form.error('arrestedPersonIds')}
      />
      <CheckList
        legend={t('operations.rescuePick')}
        name="rescuedVictimIds"
        empty={t('operations.noVictims')}
        options={victims.map((v) => ({ value: v.id, label: v.pseudonym, hint: `(${t(`victims.states.${v.state}`, { defaultValue: v.state })})` }))}
        selected={form.values.rescuedVictimIds}
        onChange={(v) => form.set('rescuedVictimIds', v)}
        error={form.error('rescuedVictimIds')}
      />
      <fieldset className="field">
        <legend>{t('operations.seizedItems')}</legend>
        {items.map((it, i) => (
          <div className="row item-row" key={i} data-testid="seized-item">
            <TextField label={t('operations.itemLabel')} name={`seizedItems.${i}.label`} required value={it.label} onValue={(v) => setItem(i, { label: v })} error={form.error(`seizedItems.${i}.label`, 'seizedItems')} />
            <SelectField label={t('operations.itemKind')} name={`seizedItems.${i}.kind`} value={it.kind} onValue={(v) => setItem(i, { kind: v as Kind })} options={evidenceKinds.map((k) => ({ value: k, label: t(`evidence.kinds.${k}`) }))} />
            <TextField label={t('operations.itemDescription')} name={`seizedItems.${i}.description`} value={it.description} onValue={(v) => setItem(i, { description: v })} error={form.error(`seizedItems.${i}.description`, 'seizedItems')} />
            <Button variant="link" onClick={() => form.set('seizedItems', items.filter((_, j) => j !== i))}>
              {t('common.remove')}
            </Button>
          </div>
        ))}
        <Button onClick={() => form.set('seizedItems', [...items, { label: '', kind: 'phone', description: '' }])}>{t('operations.addItem')}</Button>
      </fieldset>
      <TextArea label={t('operations.notes')} name="notes" rows={3} value={form.values.notes} onValue={(v) => form.set('notes', v)} error={form.error('notes')} />
      <Button type="submit" variant="primary" busy={form.busy}>
        {t('operations.execute')}
      </Button>
    </form>
  );
}
