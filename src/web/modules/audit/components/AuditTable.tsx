import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/format.ts';
import type { AuditEntry } from '../api/audit.api.ts';
import { visibleJson, visibleText } from '../../../../platform/text/visible-text.ts';

const short = (h: string) => `${h.slice(0, 10)}…`;

/**
 * Entries as recorded; details are shown as compact JSON (the trail holds no victim identity). Text from the
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
                <code dir="ltr">{visibleJson(e.details).slice(0, 160)}</code>
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
