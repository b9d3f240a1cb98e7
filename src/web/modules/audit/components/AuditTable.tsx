import { useTranslation } from 'react-i18next';
import { looksLikeInstant, useFormat } from '../../../i18n/format.ts';
import type { AuditEntry } from '../api/audit.api.ts';
import { visibleJson, visibleText } from '../../../../platform/text/visible-text.ts';

const short = (h: string) => `${h.slice(0, 10)}…`;

/**
 * Entries as recorded; details are shown as labelled fields, dates in the agency's zone (the trail holds no
 * victim identity). Text from the
 * trail is shown with bidirectional and control characters made visible (⟨U+202E⟩), so a crafted name
 * cannot reorder or hide what the auditor reads.
 */
export function AuditTable({ entries, caption }: { entries: AuditEntry[]; caption: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <div className="table-wrap">
      <table className="table audit-table" data-testid="audit-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{t('common.when')}</th>
            <th scope="col">{t('common.who')}</th>
            <th scope="col">{t('audit.action')}</th>
            <th scope="col">{t('audit.entity')}</th>
            <th scope="col">{t('common.details')}</th>
            <th scope="col">{t('audit.hash')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.seq}>
              <td className="num">{f.number(e.seq)}</td>
              <td className="nowrap">{f.dateTime(e.at)}</td>
              <td>
                <bdi>{visibleText(e.actorName)}</bdi>
                {e.ip ? <div className="muted small">{visibleText(e.ip)}</div> : null}
                {e.credentialKind ? <div className="muted small" title={t('audit.credential')}>{visibleText(`${e.credentialKind}${e.credentialId ? ` ${e.credentialId.slice(0, 12)}` : ''}`)}</div> : null}
              </td>
              <td>
                <code>{visibleText(e.action)}</code>
              </td>
              <td>
                <bdi>
                  {visibleText(e.entityType)}
                  {e.entityId ? ` ${visibleText(e.entityId.slice(0, 8))}` : ''}
                </bdi>
              </td>
              <td className="details">
                <AuditDetails details={e.details} />
              </td>
              <td>
                <code dir="ltr" title={e.hash}>
                  {short(e.hash)}
                </code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** An entry's details as labelled fields; a nested value stays compact JSON, its text made visible. */
function AuditDetails({ details }: { details: unknown }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (details === null || details === undefined || typeof details !== 'object' || Array.isArray(details)) {
    return details === null || details === undefined ? <span className="muted">{t('words.audit.noDetails')}</span> : <code dir="ltr">{visibleJson(details).slice(0, 160)}</code>;
  }
  const entries = Object.entries(details as Record<string, unknown>).filter(([, v]) => v !== undefined);
  if (!entries.length) return <span className="muted">{t('words.audit.noDetails')}</span>;
  const show = (v: unknown): string => {
    if (v === null) return '—';
    if (typeof v === 'string') return looksLikeInstant(v) ? f.dateTime(v) : visibleText(v);
    if (typeof v === 'number') return f.number(v);
    if (typeof v === 'boolean') return v ? '✓' : '✗';
    if (Array.isArray(v) && v.every((x) => typeof x !== 'object' || x === null)) return v.map((x) => show(x)).join(', ') || '—';
    return visibleJson(v).slice(0, 160);
  };
  return (
    <dl className="audit-details">
      {entries.map(([k, v]) => (
        <div key={k}>
          <dt>{t(`words.audit.fields.${k}`, { defaultValue: k.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase() })}</dt>
          <dd>
            <bdi>{show(v)}</bdi>
          </dd>
        </div>
      ))}
    </dl>
  );
}
