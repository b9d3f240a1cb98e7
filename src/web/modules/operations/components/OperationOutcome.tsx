import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Empty, Panel } from '../../../ui/index.ts';
import { useFormat } from '../../../i18n/format.ts';
import { useCan } from '../../../app/session.ts';
import type { OperationDetail } from '../api/operations.api.ts';

/** Arrested by name, rescued children by pseudonym only, seized items linked to their chain of custody. */
export function OperationOutcome({ op }: { op: OperationDetail }) {
  const { t } = useTranslation();
  const f = useFormat();
  const can = useCan();
  return (
    <Panel title={t('operations.outcome')}>
      <h3>{t('operations.arrests')}</h3>
      {op.arrests.length === 0 ? <Empty>{t('common.none')}</Empty> : null}
      <ul className="plain" data-testid="arrests">
        {op.arrests.map((a) => (
          <li key={a.id}>
            {can('person.read') ? <Link to={`/persons/${a.personId}`}>{a.displayName}</Link> : a.displayName} <span className="muted">· {f.dateTime(a.arrestedAt)}</span>
          </li>
        ))}
      </ul>
      <h3>{t('operations.rescues')}</h3>
      {op.rescues.length === 0 ? <Empty>{t('common.none')}</Empty> : null}
      <ul className="plain" data-testid="rescues">
        {op.rescues.map((r) => (
          <li key={r.id}>
            <span className="pseudonym">{r.pseudonym}</span> <span className="muted">· {f.dateTime(r.rescuedAt)}</span>
          </li>
        ))}
      </ul>
      <h3>{t('operations.seizures')}</h3>
      {op.seizures.length === 0 ? <Empty>{t('common.none')}</Empty> : null}
      <ul className="plain" data-testid="seizures">
        {op.seizures.map((s) => (
          <li key={s.id}>
            <Link to={`/evidence/${s.id}`}>{s.label}</Link> <span className="muted">· {t(`evidence.kinds.${s.kind}`)}{s.custodian ? ` · ${s.custodian.displayName}` : ''}</span>
          </li>
        ))}
      </ul>
    </Panel>
  );
}
