import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PersonCorrections } from '../../corrections/components/PersonCorrections.tsx';
import { Badge, DefinitionList, Empty, Loading, PageHeader, Panel } from '../../../ui/index.ts';
import { QueryError } from '../../../app/FormError.tsx';
import { useCan } from '../../../app/session.ts';
import { ShowInGraphLink } from '../../../app/ShowInGraphLink.tsx';
import { useFormat } from '../../../i18n/format.ts';
import { usePerson } from '../hooks/use-persons.ts';
import { DocumentsPanel } from '../../documents/components/DocumentsPanel.tsx';

export function PersonPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const f = useFormat();
  const person = usePerson(id);
  const can = useCan();
  // Each identifier opens its entity page (everything the user may see about it) for users of the graph.
  const entity = (entityId: string, text: string) => (can('graph.read') ? <Link to={`/entities/${entityId}`}><bdi>{text}</bdi></Link> : <bdi>{text}</bdi>);
  if (person.isPending) return <Loading label={t('common.loading')} />;
  if (person.error) return <QueryError error={person.error} />;
  const p = person.data;
  const age = p.dateOfBirth ? f.date(p.dateOfBirth) : p.estimatedAge !== null ? t('persons.aboutAge', { age: f.number(p.estimatedAge) }) : '—';
  return (
    <article aria-label={p.displayName}>
      <PageHeader title={p.displayName} subtitle={p.otherNames.length ? p.otherNames.join(' · ') : undefined} actions={<ShowInGraphLink node={`person:${p.id}`} />} />
      <div className="grid-2">
        <div className="stack">
          <Panel title={t('common.details')}>
            <DefinitionList
              items={[
                [t('persons.gender'), p.gender ? t(`persons.genders.${p.gender}`) : '—'],
                [t('persons.dateOfBirth'), age],
                [t('persons.nationality'), p.nationalityName ?? p.nationality ?? '—'],
                [t('persons.cnic'), <bdi key="c">{p.cnic ?? '—'}</bdi>],
                [t('persons.passport'), <bdi key="p">{p.passport ?? '—'}</bdi>],
              ]}
            />
            {p.notes ? <p className="prewrap">{p.notes}</p> : null}
          </Panel>
          <Panel title={t('persons.names')}>
            <ul className="plain" data-testid="person-names">
              {p.names.map((n) => (
                <li key={n.id}>
                  <span lang={n.script === 'urdu' ? 'ur' : undefined}>{n.name}</span> <Badge>{t(`persons.nameKinds.${n.kind}`)}</Badge> <span className="muted small">{t(`persons.scripts.${n.script}`)}</span>
                </li>
              ))}
            </ul>
          </Panel>
        </div>
        <div className="stack">
          <Panel title={t('persons.identifiers')}>
            {p.phones.length === 0 && p.identifiers.length === 0 ? <Empty>{t('common.none')}</Empty> : null}
            <ul className="plain" data-testid="person-identifiers">
              {p.phoneEntities.map((ph) => (
                <li key={ph.entityId}>
                  <span className="muted">{t('persons.phone')}:</span> {entity(ph.entityId, ph.value)}
                </li>
              ))}
              {p.identifiers.map((i) => (
                <li key={i.id}>
                  <span className="muted">{t(`persons.identifierKinds.${i.kind}`, { defaultValue: i.kind })}{i.platform ? ` (${i.platform})` : ''}:</span> {entity(i.entityId, i.value)}
                </li>
              ))}
            </ul>
          </Panel>
          <PersonCorrections p={p} />
          <Panel title={t('persons.cases')}>
            {p.cases.length === 0 ? <Empty>{t('common.none')}</Empty> : null}
            <ul className="plain" data-testid="person-cases">
              {p.cases.map((c) => (
                <li key={c.caseId}>
                  <Link to={`/cases/${c.caseId}/persons`}>{c.title}</Link> {c.firLabel ? <bdi className="muted">{c.firLabel}</bdi> : null}
                  <div>
                    {c.roles.map((r) => (
                      <Badge key={r}>{t(`persons.roles.${r}`)}</Badge>
                    ))}{' '}
                    {c.accusedStatus ? <Badge tone="warning">{t(`accusedStatus.${c.accusedStatus}`)}</Badge> : null} {c.foreignWarrantRequested ? <Badge tone="danger">{t('persons.warrant')}</Badge> : null}
                  </div>
                </li>
              ))}
            </ul>
          </Panel>
          {can('document.read') ? <DocumentsPanel owner={{ kind: 'person', id: p.id }} /> : null}
        </div>
      </div>
    </article>
  );
}
