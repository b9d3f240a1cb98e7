import { useTranslation } from 'react-i18next';
import { entityKinds, linkKinds, recordCommunicationBody, recordLinkBody, recordPaymentBody } from '../../../../modules/entities/entity.schema.ts';
import { Button, SelectField, TextField } from '../../../ui/index.ts';
import { useZodForm } from '../../../app/use-zod-form.ts';
import { FormError } from '../../../app/FormError.tsx';
import { localInputToIso } from '../../../i18n/format.ts';
import { useRecordCommunication, useRecordLink, useRecordPayment } from '../hooks/use-entities.ts';

type EntityKind = (typeof entityKinds)[number];
type LinkKind = (typeof linkKinds)[number];
const value = (kind: string, v: string, platform: string) => ({ kind: kind as EntityKind, value: v, platform: platform.trim() || undefined });

/** An identifier (phone, account, wallet...) linked to a person of the case or to another identifier. */
export function AddLinkForm({ caseId, nodes }: { caseId: string; nodes: Array<{ node: string; label: string }> }) {
  const { t } = useTranslation();
  const record = useRecordLink(caseId);
  interface Values extends Record<string, unknown> { from: string; kind: LinkKind; toKind: EntityKind; toValue: string; toPlatform: string }
  const initial: Values = { from: nodes[0]?.node ?? '', kind: 'uses', toKind: 'phone', toValue: '', toPlatform: '' };
  const toBody = (v: Values) => ({ kind: v.kind, from: { node: v.from }, to: value(v.toKind, v.toValue, v.toPlatform) });
  const form = useZodForm(recordLinkBody, initial, toBody);
  const onSubmit = form.handleSubmit(async (body) => {
    await record.mutateAsync(body);
    form.reset({ ...initial, from: form.values.from });
  });
  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form" data-testid="link-form">
      <FormError error={form.formError} />
      <SelectField label={t('entities.from')} name="from" value={form.values.from} onValue={(v) => form.set('from', v)} options={nodes.map((n) => ({ value: n.node, label: n.label }))} error={form.error('from.node', 'from')} />
      <SelectField label={t('entities.linkKind')} name="kind" value={form.values.kind} onValue={(v) => form.set('kind', v as LinkKind)} options={linkKinds.map((k) => ({ value: k, label: t(`entities.linkKinds.${k}`) }))} />
      <SelectField label={t('entities.kind')} name="toKind" value={form.values.toKind} onValue={(v) => form.set('toKind', v as EntityKind)} options={entityKinds.map((k) => ({ value: k, label: t(`entities.kinds.${k}`) }))} />
      <TextField label={t('entities.value')} name="toValue" required value={form.values.toValue} onValue={(v) => form.set('toValue', v)} error={form.error('to.value', 'toValue')} hint={t('entities.valueHint')} />
      <TextField label={t('entities.platform')} name="toPlatform" value={form.values.toPlatform} onValue={(v) => form.set('toPlatform', v)} error={form.error('to.platform', 'toPlatform')} />
      <Button type="submit" variant="primary" busy={form.busy}>{t('entities.addLink')}</Button>
    </form>
  );
}

/** A payment between two identifiers (account, wallet, bank account, crypto address). */
export function AddPaymentForm({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const record = useRecordPayment(caseId);
  interface Values extends Record<string, unknown> {
    fromKind: EntityKind; fromValue: string; fromPlatform: string; toKind: EntityKind; toValue: string; toPlatform: string; amount: string; currency: string; paidAt: string; reference: string;
  }
  const initial: Values = { fromKind: 'account', fromValue: '', fromPlatform: '', toKind: 'wallet', toValue: '', toPlatform: '', amount: '', currency: 'PKR', paidAt: '', reference: '' };
  const toBody = (v: Values) => ({
    from: value(v.fromKind, v.fromValue, v.fromPlatform), to: value(v.toKind, v.toValue, v.toPlatform), amount: v.amount, currency: v.currency,
    paidAt: v.paidAt ? localInputToIso(v.paidAt) : '', reference: v.reference,
  });
  const form = useZodForm(recordPaymentBody, initial, toBody);
  const onSubmit = form.handleSubmit(async (body) => {
    await record.mutateAsync(body);
    form.reset();
  });
  const kindOptions = entityKinds.map((k) => ({ value: k, label: t(`entities.kinds.${k}`) }));
  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form" data-testid="payment-form">
      <FormError error={form.formError} />
      <SelectField label={t('entities.payerKind')} name="fromKind" value={form.values.fromKind} onValue={(v) => form.set('fromKind', v as EntityKind)} options={kindOptions} />
      <TextField label={t('entities.payer')} name="fromValue" required value={form.values.fromValue} onValue={(v) => form.set('fromValue', v)} error={form.error('from.value', 'fromValue')} />
      <TextField label={t('entities.platform')} name="fromPlatform" value={form.values.fromPlatform} onValue={(v) => form.set('fromPlatform', v)} />
      <SelectField label={t('entities.payeeKind')} name="toKind" value={form.values.toKind} onValue={(v) => form.set('toKind', v as EntityKind)} options={kindOptions} />
      <TextField label={t('entities.payee')} name="toValue" required value={form.values.toValue} onValue={(v) => form.set('toValue', v)} error={form.error('to.value', 'toValue')} />
      <TextField label={t('entities.platform')} name="toPlatform" value={form.values.toPlatform} onValue={(v) => form.set('toPlatform', v)} />
      <TextField label={t('entities.amount')} name="amount" required inputMode="decimal" value={form.values.amount} onValue={(v) => form.set('amount', v)} error={form.error('amount')} />
      <TextField label={t('entities.currency')} name="currency" required value={form.values.currency} onValue={(v) => form.set('currency', v)} error={form.error('currency')} />
      <TextField label={t('entities.paidAt')} name="paidAt" type="datetime-local" required value={form.values.paidAt} onValue={(v) => form.set('paidAt', v)} error={form.error('paidAt')} />
      <TextField label={t('entities.reference')} name="reference" value={form.values.reference} onValue={(v) => form.set('reference', v)} error={form.error('reference')} />
      <Button type="submit" variant="primary" busy={form.busy}>{t('entities.addPayment')}</Button>
    </form>
  );
}

/** A live-stream session: the host account, the viewer accounts (one per line or comma) and a payer. */
export function AddStreamForm({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const record = useRecordCommunication(caseId);
  interface Values extends Record<string, unknown> { platform: string; startedAt: string; endedAt: string; host: string; viewers: string; payer: string }
  const initial: Values = { platform: '', startedAt: '', endedAt: '', host: '', viewers: '', payer: '' };
  const account = (v: string, platform: string) => ({ kind: 'account' as const, value: v.trim(), platform: platform.trim() || undefined });
  const toBody = (v: Values) => ({
    kind: 'live_stream' as const, platform: v.platform.trim() || undefined, startedAt: v.startedAt ? localInputToIso(v.startedAt) : '',
    endedAt: v.endedAt ? localInputToIso(v.endedAt) : undefined, notes: '',
    participants: [
      ...(v.host.trim() ? [{ role: 'host' as const, entity: account(v.host, v.platform) }] : []),
      ...v.viewers.split(/[\n,]+/).map((s) => s.trim()).filter(Boolean).map((s) => ({ role: 'viewer' as const, entity: account(s, v.platform) })),
      ...(v.payer.trim() ? [{ role: 'payer' as const, entity: account(v.payer, v.platform) }] : []),
    ],
  });
  const form = useZodForm(recordCommunicationBody, initial, toBody);
  const onSubmit = form.handleSubmit(async (body) => {
    await record.mutateAsync(body);
    form.reset();
  });
  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form" data-testid="stream-form">
      <FormError error={form.formError} />
      <TextField label={t('entities.platform')} name="platform" required value={form.values.platform} onValue={(v) => form.set('platform', v)} error={form.error('platform')} />
      <TextField label={t('entities.startedAt')} name="startedAt" type="datetime-local" required value={form.values.startedAt} onValue={(v) => form.set('startedAt', v)} error={form.error('startedAt')} />
      <TextField label={t('entities.endedAt')} name="endedAt" type="datetime-local" value={form.values.endedAt} onValue={(v) => form.set('endedAt', v)} error={form.error('endedAt')} />
      <TextField label={t('entities.host')} name="host" value={form.values.host} onValue={(v) => form.set('host', v)} error={form.error('participants.0.entity.value', 'host')} />
      <TextField label={t('entities.viewers')} name="viewers" value={form.values.viewers} onValue={(v) => form.set('viewers', v)} hint={t('entities.viewersHint')} error={form.error('participants', 'viewers')} />
      <TextField label={t('entities.payerAccount')} name="payer" value={form.values.payer} onValue={(v) => form.set('payer', v)} />
      <Button type="submit" variant="primary" busy={form.busy}>{t('entities.addStream')}</Button>
    </form>
  );
}
