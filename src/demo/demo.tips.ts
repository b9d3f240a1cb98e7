import { systemActor } from '../platform/access/actor.ts';
import type { AppContext, ServiceContext } from '../platform/context.ts';
import { ensureOrganisation } from '../modules/tips/tip-keys.service.ts';
import { attachTip, receivePublicTip, receiveReport } from '../modules/tips/tip.service.ts';
import { FORUM, RING_HANDLE, RING_WALLET_NUMBER, STREAM_APP } from './demo.ring.ts';

// The referrals that led to the Muzaffargarh case (issue 11), as a platform and an NGO would have sent them: a
// live-streaming platform's CyberTipline-shaped report of the facility's stream account, and a helpline's report
// of the forum handle and the JazzCash wallet, both attached to the case; and three tips still in the queue (a
// later platform report naming the same forum handle, a member of the public, one with nothing to route by).
// Every organisation, handle, address, hash and number is invented (documentation ranges for IP addresses). The two
// platform reports carry an estimated location with coordinates, as a platform gives them, so they are routed by
// coordinates (the tip page says how, in English and Urdu).

const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000);

/** Loads the tips; adds the rows written (tips, and the entities and links their triage recorded) to `counts`. */
export async function loadDemoTips(app: AppContext, muzaffargarhCaseId: string, counts: Record<string, number> = {}): Promise<number> {
  const count = async (table: 'tips' | 'entities' | 'links') => Number((await app.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
  const before = { entities: await count('entities'), links: await count('links') };
  const loader: ServiceContext = { ...app, actor: { ...systemActor('demo-loader'), role: 'analyst' } };
  const platform = await ensureOrganisation(loader, 'Example Live Video Platform (synthetic)');
  const helpline = await ensureOrganisation(loader, 'Child Safety Helpline (synthetic NGO)');
  const as = (org: { id: string; name: string }) => ({ channel: 'import' as const, reporter: { keyId: '', organisationId: org.id, organisation: org.name }, ip: null });

  const stream = await receiveReport(app, as(platform), {
    reportId: 'ELVP-2025-000417',
    incidentSummary: { incidentType: 'Child Pornography (possession, manufacture, and distribution)', escalateToHighPriority: true, incidentDateTime: '2025-04-12T16:10:00Z' },
    personOrUserReported: [{
      espService: STREAM_APP, screenName: 'rangla_live',
      ipCaptureEvent: [{ ipAddress: '203.0.113.66', eventName: 'Login', dateTime: '2025-04-12T16:02:00Z', port: 50122 }],
      // Where a platform would give it: its estimate from the login's IP address, a point west of Muzaffargarh city.
      // Not the city centre: the dashboard map (the routing's outlines) draws the city within its error margin of
      // Multan's outline, so the point is one farther than that margin from every border (about 17.6 km).
      estimatedLocation: { city: 'Muzaffargarh', region: 'Punjab', countryCode: 'PK', latitude: 30.05, longitude: 71.05 },
    }],
    files: [{ fileName: 'stream_capture_0412.mp4', fileViewedByEsp: true, publiclyAvailable: false, industryClassification: 'A1', fileAnnotations: { liveStreaming: true }, originalFileHash: [{ hashType: 'MD5', value: '5d1e0c3f9a7b2e4c8d6f1a3b5c7e9d0f' }] }],
    additionalInfo: 'Recurring paid live streams from one account; viewers abroad. (Synthetic demo report.)',
  });
  const forum = await receiveReport(app, as(helpline), {
    reportId: 'CSH-2025-0091',
    incident: { type: 'online enticement and sale of abuse footage', at: '2025-05-02T19:00:00Z', summary: 'A caller saw the forum handle advertise footage "from Punjab" paid through a JazzCash wallet. (Synthetic demo report.)', annotations: ['child_in_danger'] },
    location: { district: 'Muzaffargarh', phone: '066 2200417' },
    reported: [{ accounts: [{ platform: FORUM, handle: RING_HANDLE }], wallets: [{ provider: 'JazzCash', number: RING_WALLET_NUMBER }] }],
  });
  await attachTip(loader, stream.id, muzaffargarhCaseId);
  await attachTip(loader, forum.id, muzaffargarhCaseId);
  await app.db.updateTable('tips').set({ received_at: new Date('2025-04-13T06:00:00Z'), decided_at: new Date('2025-04-14T09:00:00Z') }).where('id', '=', stream.id).execute();
  await app.db.updateTable('tips').set({ received_at: new Date('2025-05-03T05:00:00Z'), decided_at: new Date('2025-05-03T11:00:00Z') }).where('id', '=', forum.id).execute();

  // Still in the queue.
  // Its estimate: a point north of Alipur (Alipur town lies within the map's error margin of Bahawalpur's outline;
  // this point is about 18.6 km from every border, so it is not flagged near a border).
  const later = await receiveReport(app, as(platform), {
    reportId: 'ELVP-2026-001203',
    incidentSummary: { incidentType: 'Child Pornography (possession, manufacture, and distribution)', incidentDateTime: '2026-01-20T21:00:00Z' },
    personOrUserReported: [{ espService: FORUM, screenName: RING_HANDLE, ipCaptureEvent: [{ ipAddress: '198.51.100.77', eventName: 'Upload', dateTime: '2026-01-20T20:58:00Z' }], estimatedLocation: { city: 'Muzaffargarh', countryCode: 'PK', latitude: 29.5, longitude: 70.88 } }],
    files: [{ fileName: 'album_part2.zip', fileViewedByEsp: false, originalFileHash: [{ hashType: 'SHA1', value: '9f2c4e6a8b0d1f3e5a7c9b1d3f5e7a9c0b2d4f6e' }] }],
  });
  const citizen = await receivePublicTip(app, { incident: 'live_streaming', where: 'Alipur', district: 'Muzaffargarh', whatTheySaw: 'Children go into the back rooms of a games club in the evening and a man films them on a phone. (Synthetic demo report.)', childInDanger: true, language: 'ur' }, null);
  const unrouted = await receiveReport(app, as(helpline), {
    reportId: 'CSH-2026-0007',
    incident: { type: 'unsolicited obscene material sent to a child', summary: 'A child received explicit pictures from an unknown account. (Synthetic demo report.)' },
    reported: [{ accounts: [{ platform: 'Snapchat', handle: 'night_owl_4417' }] }],
  });
  await app.db.updateTable('tips').set({ received_at: hoursAgo(30) }).where('id', '=', later.id).execute();
  await app.db.updateTable('tips').set({ received_at: hoursAgo(5) }).where('id', '=', citizen.id).execute();
  await app.db.updateTable('tips').set({ received_at: hoursAgo(52) }).where('id', '=', unrouted.id).execute();
  counts.tips = await count('tips');
  counts.entities = (counts.entities ?? 0) + (await count('entities')) - before.entities;
  counts.links = (counts.links ?? 0) + (await count('links')) - before.links;
  return counts.tips;
}
