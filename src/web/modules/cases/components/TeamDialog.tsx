import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { teamBody } from '../../../../modules/cases/case.schema.ts';
import { Alert, Button, Dialog, Empty, SelectField } from '../../../ui/index.ts';
import { useZodForm } from '../../../app/use-zod-form.ts';
import { FormError } from '../../../app/FormError.tsx';
import { useStaff } from '../../staff/hooks/use-staff.ts';
import type { CaseDetail } from '../api/cases.api.ts';
import { useSetCaseTeam } from '../hooks/use-cases.ts';

type TeamRole = 'lead' | 'member' | 'prosecutor';
interface Member {
  userId: string;
  teamRole: TeamRole;
}
interface Values extends Record<string, unknown> {
  members: Member[];
}

/** The roles a person may hold on a team: the service accepts prosecutors only as prosecutor, branch staff as lead or member. */
const rolesFor = (role: string | undefined): TeamRole[] => (role === 'prosecutor' ? ['prosecutor'] : ['lead', 'member']);
const toBody = (v: Values) => ({ members: v.members });

/** The branch supervisor sets the case team from the staff directory (PUT /cases/:id/team). */
export function TeamDialog({ c, onClose }: { c: CaseDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const staff = useStaff({});
  const save = useSetCaseTeam(c.id);
  const form = useZodForm(teamBody, { members: c.team.map((m) => ({ userId: m.userId, teamRole: m.teamRole as TeamRole })) }, toBody);
  const [pick, setPick] = useState('');
  const [pickRole, setPickRole] = useState<TeamRole>('member');
  const pickable = (staff.data?.items ?? []).filter((s) => s.role !== 'protection_officer');
  const known = new Map<string, { displayName: string; role: string }>([
    ...c.team.map((m) => [m.userId, { displayName: m.displayName, role: m.role }] as const),
    ...pickable.map((s) => [s.id, { displayName: s.displayName, role: s.role }] as const),
  ]);
  const members = form.values.members;
  const available = pickable.filter((s) => !members.some((m) => m.userId === s.id));
  const picked = pickable.find((s) => s.id === pick);
  const label = (s: { displayName: string; role: string; district?: string | null }) => `${s.displayName} — ${t(`roles.${s.role}`, { defaultValue: s.role })}${s.district ? `, ${s.district}` : ''}`;

  const setMembers = (next: Member[]) => form.set('members', next);
  const add = () => {
    if (!picked) return;
    const role = rolesFor(picked.role).includes(pickRole) ? pickRole : rolesFor(picked.role)[0];
    setMembers([...members, { userId: picked.id, teamRole: role }]);
    setPick('');
  };
  const onSubmit = form.handleSubmit(async (body) => {
    await save.mutateAsync(body);
    onClose();
  });

  return (
    <Dialog open title={t('casePage.teamEdit.title')} onClose={onClose}>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form" data-testid="team-form">
        <FormError error={form.formError} />
        {form.error('members') ? <Alert kind="error">{form.error('members')}</Alert> : null}
        {members.length === 0 ? (
          <Empty>{t('casePage.noTeam')}</Empty>
        ) : (
          <ul className="plain stack" data-testid="team-members">
            {members.map((m, i) => {
              const who = known.get(m.userId);
              return (
                <li key={m.userId} className="button-row">
                  <span>{who ? label(who) : m.userId}</span>
                  <SelectField
                    label={`${t('casePage.teamRole')}: ${who?.displayName ?? m.userId}`}
                    name={`teamRole-${i}`}
                    value={m.teamRole}
                    onValue={(v) => setMembers(members.map((x, j) => (j === i ? { ...x, teamRole: v as TeamRole } : x)))}
                    options={rolesFor(who?.role).map((r) => ({ value: r, label: t(`teamRoles.${r}`) }))}
                  />
                  <Button variant="link" onClick={() => setMembers(members.filter((_, j) => j !== i))}>
                    {t('common.remove')}
                  </Button>
                </li>
              );
            })}
          </ul>
        )}
        <fieldset className="stack">
          <legend>{t('casePage.teamEdit.add')}</legend>
          {staff.error ? <Alert kind="error">{t('casePage.teamEdit.staffError')}</Alert> : null}
          <SelectField
            label={t('casePage.teamEdit.person')}
            name="newMember"
            value={pick}
            onValue={setPick}
            placeholder={staff.isPending ? t('common.loading') : t('casePage.teamEdit.choose')}
            options={available.map((s) => ({ value: s.id, label: label(s) }))}
            hint={t('casePage.teamEdit.personHint')}
          />
          <SelectField
            label={t('casePage.teamRole')}
            name="newTeamRole"
            value={picked && !rolesFor(picked.role).includes(pickRole) ? rolesFor(picked.role)[0] : pickRole}
            onValue={(v) => setPickRole(v as TeamRole)}
            options={rolesFor(picked?.role).map((r) => ({ value: r, label: t(`teamRoles.${r}`) }))}
          />
          <div className="button-row">
            <Button onClick={add} disabled={!picked} data-testid="team-add">
              {t('common.add')}
            </Button>
          </div>
        </fieldset>
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={form.busy}>
            {t('common.save')}
          </Button>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
        </div>
      </form>
    </Dialog>
  );
}
