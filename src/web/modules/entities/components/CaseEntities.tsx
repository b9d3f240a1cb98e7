import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Badge, Empty, Loading, Panel } from '../../../ui/index.ts';
import { QueryError } from '../../../app/FormError.tsx';
import { useCan } from '../../../app/session.ts';
import { useFormat } from '../../../i18n/format.ts';
import { useCaseOutlet } from '../../cases/components/CasePage.tsx';
import { useCasePersons } from '../../persons/hooks/use-persons.ts';
import { useCaseEntities } from '../hooks/use-entities.ts';
import { AddLinkForm, AddPaymentForm, AddStreamForm } from './EntityForms.tsx';
import { NodeLabel } from './NodeLabel.tsx';

/** The case's "Identifiers and links" panel: entities, links with provenance, payments, live streams. */
export function CaseEntities() {
  const c = useCaseOutlet();
  const { t } = useTranslation();
  const f = useFormat();
  const can = useCan();
  const data = useCaseEntities(c.id);
  const persons = useCasePersons(can('person.read') ? c.id : undefined);
  if (data.isPending) return <Loading label={t('common.loading')} />;
  if (data.error) return <QueryError error={data.error} />;
  const d = data.data;
  const nodes = [
    ...(persons.data?.persons ?? []).map((p) => ({ node: `person:${p.personId}`, label: p.displayName })),
    ...d.entities.map((e) => ({ node: e.node, label: `${t(`entities.kinds.${e.kind}`)}: ${e.display}` })),
  ];
  return (
    <div className="grid-2 wide-first">
      <div className="stack">
        <Panel title={t('entities.title')}>
          {d.entities.length === 0 ? <Empty>{t('entities.empty')}</Empty> : null}
          <ul className="plain" data-testid="case-entities">
            {d.entities.map((e) => (
              <li key={e.id}>
                <Badge>{t(`entities.kinds.${e.kind}`)}</Badge> <Link to={`/entities/${e.id}`}><bdi>{e.display}</bdi></Link>
                {e.platform ? <span className="muted small"> ({e.platform})</span> : null}
                {e.attributes.unverified ? <Badge tone="warning">{t('entities.unverified')}</Badge> : null}
              </li>
            ))}
          </ul>
        </Panel>
        <Panel title={t('entities.links')}>
          {d.links.length === 0 ? <Empty>{t('common.none')}</Empty> : null}
          <LinkTable links={d.links} />
        </Panel>
        <Panel title={t('entities.payments')}>
          {d.payments.length === 0 ? <Empty>{t('common.none')}</Empty> : null}
          <ul className="plain" data-testid="case-payments">
            {d.payments.map((p) => (
              <li key={p.id}>
                <bdi>{p.amount} {p.currency}</bdi> · <Link to={`/entities/${p.from.id}`}><bdi>{p.from.display}</bdi></Link> → <Link to={`/entities/${p.to.id}`}><bdi>{p.to.display}</bdi></Link>
                <span className="muted small"> {f.dateTime(p.paidAt)}{p.reference ? ` · ${p.reference}` : ''}</span>
              </li>
            ))}
          </ul>
        </Panel>
        <Panel title={t('entities.communications')}>
          {d.communications.length === 0 ? <Empty>{t('common.none')}</Empty> : null}
          <ul className="plain" data-testid="case-communications">
            {d.communications.map((m) => (
              <li key={m.id}>
                <Badge>{t(`entities.communicationKinds.${m.kind}`)}</Badge> {m.platform ? <bdi>{m.platform}</bdi> : null} <span className="muted small">{f.dateTime(m.startedAt)}</span>
                <div>
                  {m.participants.map((p) => (
                    <span key={`${p.role}:${p.entity.id}`} className="small">
                      {t(`entities.roles.${p.role}`)}: <Link to={`/entities/${p.entity.id}`}><bdi>{p.entity.display}</bdi></Link>{' '}
                    </span>
                  ))}
                </div>
              </li>
            ))}
          </ul>
        </Panel>
      </div>
      {can('entity.write') ? (
        <div className="stack">
          <Panel title={t('entities.addLink')}>{nodes.length ? <AddLinkForm caseId={c.id} nodes={nodes} /> : <Empty>{t('entities.noNodes')}</Empty>}</Panel>
          <Panel title={t('entities.addPayment')}><AddPaymentForm caseId={c.id} /></Panel>
          <Panel title={t('entities.addStream')}><AddStreamForm caseId={c.id} /></Panel>
        </div>
      ) : null}
    </div>
  );
}

export function LinkTable({ links }: { links: Array<{ id: string; kind: string; from: { type: string; id: string; label: string }; to: { type: string; id: string; label: string }; sourceType: string | null; confidence: number; observedFrom: string | null; recordedBy: string | null; recordedAt: string }> }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (!links.length) return null;
  return (
    <div className="table-wrap">
      <table className="table" data-testid="links-table">
        <thead>
          <tr>
            <th scope="col">{t('entities.from')}</th>
            <th scope="col">{t('entities.linkKind')}</th>
            <th scope="col">{t('entities.to')}</th>
            <th scope="col">{t('entities.provenance')}</th>
          </tr>
        </thead>
        <tbody>
          {links.map((l) => (
            <tr key={l.id}>
              <td><NodeLabel node={l.from} /></td>
              <td>{t(`entities.linkKinds.${l.kind}`, { defaultValue: l.kind })}</td>
              <td><NodeLabel node={l.to} /></td>
              <td className="small">
                {t(`entities.sources.${l.sourceType ?? 'manual'}`, { defaultValue: l.sourceType ?? '' })} · {f.percent(l.confidence)}
                {l.observedFrom ? ` · ${f.dateTime(l.observedFrom)}` : ''} · {l.recordedBy ?? '—'}, {f.dateTime(l.recordedAt)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
