import { sql } from 'kysely';
import type { TestApp } from '../support/harness.ts';
import { typedClient, type TypedClient } from '../support/openapi-client.ts';

// Shared by the tips tests: a reporting organisation with a key (made by the administrator over the API), the
// typed client for it, and counts of everything intake writes (to show a refused report stored nothing).

export async function organisationWithKey(t: TestApp, name: string): Promise<{ organisationId: string; keyId: string; token: string; client: TypedClient }> {
  const admin = typedClient(t.app, { token: t.users.admin.token });
  const org = await admin.POST('/api/v1/admin/tip-organisations', { body: { name } });
  if (!org.data) throw new Error(`organisation: ${JSON.stringify(org.error)}`);
  const key = await admin.POST('/api/v1/admin/tip-organisations/{id}/keys', { params: { path: { id: org.data.id } }, body: { label: 'test' } });
  if (!key.data) throw new Error(`key: ${JSON.stringify(key.error)}`);
  return { organisationId: org.data.id, keyId: key.data.id, token: key.data.token, client: typedClient(t.app, { token: key.data.token }) };
}

export async function intakeCounts(t: TestApp) {
  const n = async (table: 'tips' | 'tip_identifiers' | 'tip_files' | 'tip_urls' | 'entities' | 'links') =>
    Number((await t.ctx.db.selectFrom(table).select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);
  const audits = Number((await t.ctx.db.selectFrom('audit_log').select(sql<string>`count(*)`.as('n')).where('action', 'like', 'tip.%').executeTakeFirstOrThrow()).n);
  return { tips: await n('tips'), identifiers: await n('tip_identifiers'), files: await n('tip_files'), urls: await n('tip_urls'), entities: await n('entities'), links: await n('links'), audits };
}

let seq = 0;
/** A report in Amaan's shape with fresh identifiers (or the ones given). */
export function amaanReport(over: Record<string, unknown> = {}) {
  seq++;
  return {
    reportId: `R-${Date.now()}-${seq}`,
    incident: { type: 'child sexual abuse material: distribution', at: '2026-03-01T10:00:00Z', summary: 'Synthetic test report.' },
    reported: [{ accounts: [{ platform: 'Telegram', handle: `test_handle_${seq}_${Math.random().toString(36).slice(2, 8)}` }] }],
    ...over,
  };
}
