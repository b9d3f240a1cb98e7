import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, detectEngines, type TestApp } from '../support/harness.ts';
import { loadDemoIfEmpty } from '../../src/demo/demo.loader.ts';
import type { ServiceContext } from '../../src/platform/context.ts';
import { listTakedowns, takedownReport } from '../../src/modules/takedowns/takedown.service.ts';
import { legalRequestFigures, listLegalRequests } from '../../src/modules/requests/legal-request.service.ts';
import { runSchedules } from '../../src/modules/takedowns/schedules.ts';

// The demo's takedowns of the Muzaffargarh footage and its legal requests (src/demo/demo.requests.ts), read as the
// demo investigator would: the accountability report, the Interpol red notice for the ringleader, a preservation
// whose expiry is near (its team warned once by the schedule), and the lapsed figure.
const { engines } = await detectEngines();

describe.each(engines)('demo takedowns and legal requests (%s)', (engine) => {
  let t: TestApp;
  let inv: ServiceContext;
  beforeAll(async () => {
    t = await createTestApp(engine);
    await loadDemoIfEmpty(t.ctx);
    const u = await t.ctx.db.selectFrom('users').select(['id', 'username', 'display_name', 'role', 'branch_id']).where('username', '=', 'demo.investigator').executeTakeFirstOrThrow();
    inv = { ...t.ctx, actor: { id: u.id, username: u.username, displayName: u.display_name, role: u.role, branchId: u.branch_id, ip: null } };
  }, 300_000);
  afterAll(async () => t?.close());

  it('has the takedowns of the footage with time to removal per provider', async () => {
    const list = await listTakedowns(inv, { limit: 50, offset: 0 });
    expect(list.total).toBe(4);
    expect(new Set(list.items.map((i) => i.status))).toEqual(new Set(['removed', 'acknowledged', 'requested']));
    const report = await takedownReport(inv);
    const clips = report.providers.find((p) => p.provider === 'ClipsHost Example');
    expect(clips).toMatchObject({ count: 1, removed: 1, open: 0, medianHours: 28 });
    expect(report.providers.find((p) => p.provider.startsWith('Offshore'))).toMatchObject({ open: 1, medianHours: null });
  });

  it('has an Interpol red notice and a preservation near expiry for the ringleader, alerted once', async () => {
    const requests = await listLegalRequests(inv, { limit: 50, offset: 0 });
    expect(requests.items.find((r) => r.kind === 'interpol_notice')).toMatchObject({ interpolColour: 'red', status: 'acknowledged' });
    const near = requests.items.find((r) => r.kind === 'preservation' && !r.lapsed)!;
    expect(near.hoursLeft).toBeGreaterThan(0);
    expect(near.hoursLeft).toBeLessThan(7 * 24);
    const figures = await legalRequestFigures(inv);
    expect(figures.lapsed).toBeGreaterThanOrEqual(1);
    expect(figures.dueSoon).toBe(1);
    const first = await runSchedules(t.ctx);
    expect(first.alerts.alerted).toBe(1);
    expect(first.alerts.notified).toBeGreaterThan(0);
    expect((await runSchedules(t.ctx)).alerts.alerted).toBe(0);
    const told = await t.ctx.db.selectFrom('notifications').select('user_id').where('legal_request_id', '=', near.id).execute();
    expect(told.map((n) => n.user_id)).toContain(inv.actor.id);
  });
});
