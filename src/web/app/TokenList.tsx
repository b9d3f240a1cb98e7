import { useTranslation } from 'react-i18next';
import { Badge, Button, Empty } from '../ui/index.ts';
import { useFormat } from '../i18n/format.ts';

export interface TokenListItem {
  id: string;
  name: string;
  active: boolean;
  createdAt: string;
  expiresAt: string | null;
}

/** API tokens (never the secret): name, state, dates, and a revoke button on the active ones. */
export function TokenList({ items, onRevoke }: { items: TokenListItem[] | undefined; onRevoke: (tokenId: string) => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <>
      {items?.length === 0 ? <Empty>{t('common.none')}</Empty> : null}
      <ul className="plain">
        {items?.map((tk) => (
          <li key={tk.id}>
            <strong>{tk.name}</strong> {tk.active ? <Badge tone="success">{t('admin.active')}</Badge> : <Badge>{t('admin.revoked')}</Badge>}
            <div className="muted small">
              {f.date(tk.createdAt)}
              {tk.expiresAt ? ` → ${f.date(tk.expiresAt)}` : ''}
            </div>
            {tk.active ? (
              <Button variant="link" onClick={() => onRevoke(tk.id)}>
                {t('admin.revoke')}
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}
