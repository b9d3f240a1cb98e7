import { useTranslation } from 'react-i18next';
import { Empty, Loading, Panel } from '../../../ui/index.ts';
import { QueryError } from '../../../app/FormError.tsx';
import { useCan } from '../../../app/session.ts';
import { useFormat } from '../../../i18n/format.ts';
import { useCaseOutlet } from '../../cases/components/CasePage.tsx';
import { useProsecution } from '../hooks/use-prosecution.ts';
import { ChargeForm } from './ChargeForm.tsx';
import { HearingForm } from './HearingForm.tsx';
import { VerdictForm } from './VerdictForm.tsx';
import { DecideAppealForm, FileAppealForm, HearingCorrection } from '../../corrections/components/ProsecutionCorrections.tsx';
import { DocumentsPanel } from '../../documents/components/DocumentsPanel.tsx';

export function CaseProsecution() {
  const c = useCaseOutlet();
  const { t } = useTranslation();
  const f = useFormat();
  const can = useCan();
  const view = useProsecution(c.id);
  if (view.isPending) return <Loading label={t('common.loading')} />;
  if (view.error) return <QueryError error={view.error} />;
  const p = view.data;
  const writer = can('prosecution.write');
  return (
    <div className="grid-2">
      <div className="stack">
        <Panel title={t('prosecution.accused')}>
          {p.accused.length === 0 ? <Empty>{t('operations.noAccused')}</Empty> : null}
          <ul className="plain">
            {p.accused.map((a) => (
              <li key={a.id}>
                {a.displayName} <span className="muted">· {a.status ? t(`accusedStatus.${a.status}`, { defaultValue: a.status }) : t('accusedStatus.at_large')} · {a.charged ? t('prosecution.charged') : t('prosecution.notCharged')}</span>
              </li>
            ))}
          </ul>
        </Panel>
        <Panel title={t('prosecution.charges')}>
          {p.charges.length === 0 ? <Empty>{t('prosecution.empty')}</Empty> : null}
          <ul className="plain">
            {p.charges.map((ch) => (
              <li key={ch.id}>
                <strong>{ch.person.displayName}</strong>: <code>{ch.offenceCode}</code> {ch.offenceTitle} ({ch.law} s.{ch.section})
                <div className="muted small">
                  {ch.court} · {f.date(ch.framedAt)}
                </div>
              </li>
            ))}
          </ul>
        </Panel>
        <Panel title={t('prosecution.hearings')}>
          {p.hearings.length === 0 ? <Empty>{t('prosecution.empty')}</Empty> : null}
          <ul className="plain">
            {p.hearings.map((h) => (
              <li key={h.id} data-hearing={h.id}>
                <strong>{f.dateTime(h.scheduledFor)}</strong> · {h.court}
                <div>{h.purpose}</div>
                {h.outcome ? <div className="muted">{h.outcome}</div> : null}
                {writer ? <HearingCorrection caseId={c.id} h={h} /> : null}
                {can('document.read') ? (
                  <details className="hearing-documents">
                    <summary>{t('documents.title')}</summary>
                    <DocumentsPanel owner={{ kind: 'hearing', id: h.id }} />
                  </details>
                ) : null}
              </li>
            ))}
          </ul>
        </Panel>
        <Panel title={t('prosecution.verdicts')}>
          {p.verdicts.length === 0 ? <Empty>{t('prosecution.empty')}</Empty> : null}
          <ul className="plain">
            {p.verdicts.map((v) => (
              <li key={v.id} data-verdict={v.id}>
                <strong>{v.person.displayName}</strong>: {t(`prosecution.outcomes.${v.outcome}`)} · {v.court} · {f.date(v.decidedAt)}
                {v.sentence ? <div>{t('prosecution.sentence')}: {t('prosecution.sentenceValue', { years: f.number(v.sentence.years), months: f.number(v.sentence.months) })}</div> : null}
                {v.fineRupees !== null ? <div>{t('prosecution.fine')}: {f.number(v.fineRupees)}</div> : null}
                {v.appeals.map((a) => (
                  <div key={a.id} data-testid="appeal">
                    <span className="muted small">
                      {t('prosecution.appeals')} ({t(`corrections.sides.${a.filedBy}`)}): {a.court} · {f.date(a.filedAt)} · {t(`corrections.appealStatuses.${a.status}`)}
                      {a.decidedAt ? ` · ${f.date(a.decidedAt)}` : ''}
                    </span>
                    {writer && a.status === 'pending' ? <DecideAppealForm caseId={c.id} a={a} /> : null}
                  </div>
                ))}
                {writer ? (
                  <details>
                    <summary>{t('corrections.fileAppeal')}</summary>
                    <FileAppealForm caseId={c.id} v={v} />
                  </details>
                ) : null}
              </li>
            ))}
          </ul>
        </Panel>
      </div>
      {writer ? (
        <div className="stack">
          <Panel title={t('prosecution.addCharge')}>
            <ChargeForm caseId={c.id} view={p} offenceCodes={c.offenceCodes} />
          </Panel>
          <Panel title={t('prosecution.addHearing')}>
            <HearingForm caseId={c.id} />
          </Panel>
          <Panel title={t('prosecution.addVerdict')}>
            <VerdictForm caseId={c.id} view={p} />
          </Panel>
        </div>
      ) : null}
    </div>
  );
}
