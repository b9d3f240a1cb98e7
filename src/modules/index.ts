import type { AppContext } from '../platform/context.ts';
import type { Api } from '../platform/http/route-kit.ts';
import { authRoutes } from '../platform/auth/auth.routes.ts';
import { referenceRoutes } from './reference/reference.routes.ts';
import { caseRoutes } from './cases/case.routes.ts';

// Every capability registers its routes here, under /api/v1.
export async function registerModules(api: Api, ctx: AppContext): Promise<void> {
  await authRoutes(api, ctx);
  await referenceRoutes(api, ctx);
  await caseRoutes(api, ctx);
}
