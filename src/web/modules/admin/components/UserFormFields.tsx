import { useTranslation } from 'react-i18next';
import { userRoles } from '../../../../modules/admin/admin.schema.ts';
import { SelectField } from '../../../ui/index.ts';
import { useBranches } from '../../reference/hooks/use-reference.ts';

/** Role and branch: investigators and supervisors belong to a branch, other roles to none. */
export function RoleBranchFields({ role, branchId, onRole, onBranch, roleError, branchError }: { role: string; branchId: string; onRole: (v: string) => void; onBranch: (v: string) => void; roleError?: string; branchError?: string }) {
  const { t } = useTranslation();
  const branches = useBranches();
  const needsBranch = role === 'investigator' || role === 'supervisor';
  return (
    <div className="row">
      <SelectField label={t('admin.role')} name="role" required value={role} onValue={onRole} error={roleError} options={userRoles.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
      {needsBranch ? (
        <SelectField label={t('cases.form.branch')} name="branchId" required placeholder="—" value={branchId} onValue={onBranch} error={branchError} options={(branches.data ?? []).map((b) => ({ value: String(b.id), label: `${b.district} (${b.province})` }))} />
      ) : null}
    </div>
  );
}
