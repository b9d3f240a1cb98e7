import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Badge, DefinitionList, Empty, Loading, PageHeader, Panel } from '../../../ui/index.ts';
import { QueryError } from '../../../app/FormError.tsx';
import { useFormat } from '../../../i18n/format.ts';
import { useEntity } from '../hooks/use-entities.ts';
import { LinkTable } from './CaseEntities.tsx';

/** One entity: what the user may see about it (links with provenance, cases, payments, communications). */
export function EntityPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const f = useFormat();
  const entity = useEntity(id);
  if (entity.isPending) return <Loading label={t('common.loading')} />;
  if (entity.error) return <QueryError error={entity.error} />;
  const e = entity.data;
  return (
    <article aria-label={e.display}>
      <PageHeader title={e.display} subtitle={<><Badge>{t(`entities.kinds.${e.kind}`)}</Badge>{e.attributes.unverified ? <> <Badge tone="warning">{t('entities.unverified')}</Badge></> : null}</>} />
      <div className="grid-2 wide-first">
        <div className="stack">
          <Panel title={t('entities.links')}>
            {e.links.length === 0 ? <Empty>{t('common.none')}</Empty> : null}
            <LinkTable links={e.links} />
          </Panel>
          <Panel title={t('entities.payments')}>
            {e.payments.length === 0 ? <Empty>{t('common.none')}</Empty> : null}
            <ul className="plain" data-testid="entity-payments">
              {e.payments.map((p) => (
                <li key={p.id}>
                  <bdi>{p.amount} {p.currency}</bdi> · <Link to={`/entities/${p.from.id}`}><bdi>{p.from.display}</bdi></Link> → <Link to={`/entities/${p.to.id}`}><bdi>{p.to.display}</bdi></Link>
                  <span className="muted small"> {f.dateTime(p.paidAt)}</span>
                </li>
              ))}
            </ul>
          </Panel>
          <Panel title={t('entities.communications')}>
            {e.communications.length === 0 ? <Empty>{t('common.none')}</Empty> : null}
            <ul className="plain" data-testid="entity-communications">
              {e.communications.map((m) => (
                <li key={m.id}>
                  <Badge>{t(`entities.communicationKinds.${m.kind}`)}</Badge> {m.platform ? <bdi>{m.platform}</bdi> : null} <span className="muted small">{f.dateTime(m.startedAt)}</span>{' '}
                  {m.participants.filter((p) => p.entity.id === e.id).map((p) => <Badge key={p.role}>{t(`entities.roles.${p.role}`)}</Badge>)}
                </li>
              ))}
            </ul>
          </Panel>
        </div>
        <div className="stack">
          <Panel title={t('common.details')}>
            <DefinitionList items={[[t('entities.kind'), t(`entities.kinds.${e.kind}`)], [t('entities.key'), <bdi key="k">{e.key}</bdi>], [t('entities.platform'), e.platform ?? '—'], [t('entities.recorded'), f.dateTime(e.createdAt)]]} />
          </Panel>
          <Panel title={t('entities.cases')}>
            {e.cases.length === 0 ? <Empty>{t('common.none')}</Empty> : null}
            <ul className="plain" data-testid="entity-cases">
              {e.cases.map((c) => (
                <li key={c.id}><Link to={`/cases/${c.id}/entities`}>{c.title}</Link></li>
              ))}
            </ul>
          </Panel>
        </div>
      </div>
    </article>
  );
}
