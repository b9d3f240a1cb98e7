import type { AppContext } from '../../platform/context.ts';
import { pageOf, serviceContext, type Api } from '../../platform/http/route-kit.ts';
import { listStaffQuery, staffMember } from './staff.schema.ts';
import { listStaff } from './staff.service.ts';

export async function staffRoutes(api: Api, ctx: AppContext): Promise<void> {
  api.get('/staff', {
    config: { access: 'case.team.manage' },
    schema: {
      tags: ['staff'],
      summary: 'Active staff a branch supervisor may pick: investigators and supervisors of your branch, prosecutors, protection officers',
      querystring: listStaffQuery,
      response: { 200: pageOf(staffMember) },
    },
  }, async (request) => listStaff(serviceContext(ctx, request), request.query));
}
