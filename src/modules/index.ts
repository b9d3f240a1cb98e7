import type { AppContext } from '../platform/context.ts';
import type { Api } from '../platform/http/route-kit.ts';
import { authRoutes } from '../platform/auth/auth.routes.ts';
import { referenceRoutes } from './reference/reference.routes.ts';
import { caseRoutes } from './cases/case.routes.ts';
import { personRoutes } from './persons/person.routes.ts';
import { victimRoutes } from './victims/victim.routes.ts';
import { operationRoutes } from './operations/operation.routes.ts';
import { evidenceRoutes } from './evidence/evidence.routes.ts';
import { prosecutionRoutes } from './prosecution/prosecution.routes.ts';
import { mediaRoutes } from './media/media.routes.ts';
import { hashSetRoutes } from './hashsets/hashset.routes.ts';
import { adminRoutes } from './admin/admin.routes.ts';
import { auditRoutes } from './audit/audit.routes.ts';
import { bundleRoutes } from './bundles/bundle.routes.ts';
import { statsRoutes } from './stats/stats.routes.ts';
import { staffRoutes } from './staff/staff.routes.ts';
import { deconflictionRoutes } from './deconfliction/deconfliction.routes.ts';
import { notificationRoutes } from './notifications/notification.routes.ts';
import { suggestionRoutes } from './resolution/suggestion.routes.ts';
import { entityRoutes } from './entities/entity.routes.ts';
import { graphRoutes } from './graph/graph.routes.ts';
import { tipRoutes } from './tips/tip.routes.ts';

// Every capability registers its routes here, under /api/v1.
export async function registerModules(api: Api, ctx: AppContext): Promise<void> {
  await authRoutes(api, ctx);
  await referenceRoutes(api, ctx);
  await caseRoutes(api, ctx);
  await personRoutes(api, ctx);
  await victimRoutes(api, ctx);
  await operationRoutes(api, ctx);
  await evidenceRoutes(api, ctx);
  await prosecutionRoutes(api, ctx);
  await mediaRoutes(api, ctx);
  await hashSetRoutes(api, ctx);
  await adminRoutes(api, ctx);
  await auditRoutes(api, ctx);
  await bundleRoutes(api, ctx);
  await statsRoutes(api, ctx);
  await staffRoutes(api, ctx);
  await deconflictionRoutes(api, ctx);
  await notificationRoutes(api, ctx);
  await suggestionRoutes(api, ctx);
  await entityRoutes(api, ctx);
  await graphRoutes(api, ctx);
  await tipRoutes(api, ctx);
}
