import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button, Loading, PageHeader, Panel } from '../../../ui/index.ts';
import { FormError, QueryError } from '../../../app/FormError.tsx';
import type { ApiError } from '../../../app/api-client.ts';
import { useCan } from '../../../app/session.ts';
import { listRules, updateRule, type TipRule } from '../api/tips.api.ts';

/** The priority rules in plain words, with their weights: analysts adjust them, everyone who reads tips reads them. */
export function TipRulesPage() {
  const { t } = useTranslation();
  const rules = useQuery({ queryKey: ['tips', 'rules'], queryFn: listRules });
  return (
    <>
      <PageHeader title={t('tips.rulesTitle')} subtitle={t('tips.rulesSubtitle')} />
      <Panel title={t('tips.rulesTitle')}>
        {rules.isPending ? <Loading label={t('common.loading')} /> : null}
        {rules.error ? <QueryError error={rules.error} /> : null}
        {rules.data ? (
          <div className="table-wrap">
            <table className="table" data-testid="tip-rules">
              <thead><tr><th scope="col">{t('tips.rule')}</th><th scope="col">{t('tips.weight')}</th><th scope="col">{t('tips.enabled')}</th><th scope="col" /></tr></thead>
              <tbody>{rules.data.items.map((r) => <RuleRow key={r.code} rule={r} />)}</tbody>
            </table>
          </div>
        ) : null}
      </Panel>
    </>
  );
}

function RuleRow({ rule }: { rule: TipRule }) {
  const { t } = useTranslation();
  const can = useCan();
  const qc = useQueryClient();
  const [weight, setWeight] = useState(String(rule.weight));
  const [enabled, setEnabled] = useState(rule.enabled);
  const save = useMutation<unknown, ApiError>({
    mutationFn: () => updateRule(rule.code, { weight: Number(weight), enabled }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['tips'] }),
  });
  const editable = can('tip.rules');
  return (
    <tr>
      <td>
        <strong>{t(`tips.rules.${rule.code}`)}</strong>
        <div className="muted">{t(`tips.ruleHelp.${rule.code}`)}</div>
        <FormError error={save.error} />
      </td>
      <td>
        <input type="number" min={0} max={1000} value={weight} disabled={!editable} aria-label={t('tips.weightOf', { rule: t(`tips.rules.${rule.code}`) })} onChange={(e) => setWeight(e.target.value)} dir="ltr" />
      </td>
      <td>
        <input type="checkbox" checked={enabled} disabled={!editable} aria-label={t('tips.enabledOf', { rule: t(`tips.rules.${rule.code}`) })} onChange={(e) => setEnabled(e.target.checked)} />
      </td>
      <td>{editable ? <Button onClick={() => save.mutate()} disabled={save.isPending}>{t('common.save')}</Button> : null}</td>
    </tr>
  );
}
