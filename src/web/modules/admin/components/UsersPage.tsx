import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { userRoles } from '../../../../modules/admin/admin.schema.ts';
import { Badge, Button, Empty, Loading, Pager, Panel, SelectField, TextField } from '../../../ui/index.ts';
import { QueryError } from '../../../app/FormError.tsx';
import { usePagerLabels } from '../../../app/use-pager-labels.ts';
import { useFormat } from '../../../i18n/format.ts';
import type { UserRole } from '../api/admin.api.ts';
import { useUsers } from '../hooks/use-admin.ts';
import { NewUserForm } from './NewUserForm.tsx';

export function UsersPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const pager = usePagerLabels();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [draft, setDraft] = useState({ q: params.get('q') ?? '', role: params.get('role') ?? '' });
  const users = useUsers({ q: params.get('q') || undefined, role: (params.get('role') || undefined) as UserRole | undefined, offset: Number(params.get('offset') ?? 0) || 0 });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next = new URLSearchParams();
    if (draft.q) next.set('q', draft.q);
    if (draft.role) next.set('role', draft.role);
    setParams(next);
  };
  return (
    <div className="grid-2 wide-first">
      <div className="stack">
        <form className="filters" role="search" aria-label={t('admin.searchUsers')} onSubmit={submit}>
          <TextField label={t('admin.searchUsers')} type="search" name="q" value={draft.q} onValue={(v) => setDraft({ ...draft, q: v })} />
          <SelectField label={t('admin.role')} name="role" value={draft.role} placeholder={t('common.any')} onValue={(v) => setDraft({ ...draft, role: v })} options={userRoles.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
          <div className="filters-actions">
            <Button type="submit" variant="primary">
              {t('common.search')}
            </Button>
          </div>
        </form>
        <Panel title={t('admin.users')}>
          {users.isPending ? <Loading label={t('common.loading')} /> : null}
          {users.error ? <QueryError error={users.error} /> : null}
          {users.data?.items.length === 0 ? <Empty>{t('common.none')}</Empty> : null}
          {users.data && users.data.items.length > 0 ? (
            <div className="table-wrap">
              <table className="table" data-testid="users-table">
                <thead>
                  <tr>
                    <th scope="col">{t('admin.username')}</th>
                    <th scope="col">{t('admin.displayName')}</th>
                    <th scope="col">{t('admin.role')}</th>
                    <th scope="col">{t('cases.district')}</th>
                    <th scope="col">{t('common.status')}</th>
                    <th scope="col">{t('admin.created')}</th>
                  </tr>
                </thead>
                <tbody>
                  {users.data.items.map((u) => (
                    <tr key={u.id}>
                      <td>
                        <Link to={`/admin/users/${u.id}`}>
                          <bdi>{u.username}</bdi>
                        </Link>
                      </td>
                      <td>{u.displayName}</td>
                      <td>{t(`roles.${u.role}`)}</td>
                      <td>{u.district ?? '—'}</td>
                      <td>
                        {u.disabled ? <Badge tone="danger">{t('admin.disabled')}</Badge> : <Badge tone="success">{t('admin.active')}</Badge>} {u.isDemo ? <Badge>{t('admin.demo')}</Badge> : null}
                      </td>
                      <td className="nowrap">{f.date(u.createdAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          {users.data ? <Pager total={users.data.total} limit={users.data.limit} offset={users.data.offset} onOffset={(o) => setParams((p) => (p.set('offset', String(o)), p))} labels={pager} /> : null}
        </Panel>
      </div>
      <Panel title={t('admin.createUser')}>
        <NewUserForm onCreated={(id) => navigate(`/admin/users/${id}`)} />
      </Panel>
    </div>
  );
}
